package auth

import (
	"fmt"
	"strings"
)

// maxUserAgent bounds the work spent on a header the client controls.
const maxUserAgent = 512

type uaRule struct {
	marker string
	name   string
}

// browserRules are tried in order and the first marker found wins. Order
// matters because browsers borrow each other's tokens: Edge, Opera and
// Samsung Internet all say "Chrome/", Chrome says "Safari/", and Firefox
// and Chrome on iOS carry their own tokens next to Safari's.
var browserRules = []uaRule{
	{"Edg/", "Edge"},
	{"EdgA/", "Edge"},
	{"EdgiOS/", "Edge"},
	{"Edge/", "Edge"},
	{"OPR/", "Opera"},
	{"Opera", "Opera"},
	{"SamsungBrowser/", "Samsung Internet"},
	{"Vivaldi/", "Vivaldi"},
	{"YaBrowser/", "Yandex Browser"},
	{"Firefox/", "Firefox"},
	{"FxiOS/", "Firefox"},
	{"CriOS/", "Chrome"},
	{"Chromium/", "Chromium"},
	{"Chrome/", "Chrome"},
	{"Trident/", "Internet Explorer"},
	{"MSIE ", "Internet Explorer"},
	{"Safari/", "Safari"},
}

// osRules are ordered the same way: iPhones and iPads also say "Mac OS X",
// Android says "Linux", and ChromeOS says "X11".
var osRules = []uaRule{
	{"iPhone", "iPhone"},
	{"iPad", "iPad"},
	{"iPod", "iPod"},
	{"Android", "Android"},
	{"CrOS", "ChromeOS"},
	{"Windows", "Windows"},
	{"Macintosh", "macOS"},
	{"Mac OS X", "macOS"},
	{"Linux", "Linux"},
	{"FreeBSD", "FreeBSD"},
	{"OpenBSD", "OpenBSD"},
}

// DeviceHint turns a User-Agent header into a short hint a member can
// recognise in their list of signed-in sessions, such as "Firefox on Linux"
// or "Safari on iPhone". It is a hint, not an identification: a client can
// send anything, and unknown clients are "Unknown browser".
func DeviceHint(userAgent string) string {
	if len(userAgent) > maxUserAgent {
		userAgent = userAgent[:maxUserAgent]
	}
	browser := firstMatch(browserRules, userAgent)
	system := firstMatch(osRules, userAgent)
	switch {
	case browser == "" && system == "":
		return "Unknown browser"
	case browser == "":
		return fmt.Sprintf("Unknown browser on %s", system)
	case system == "":
		return browser
	}
	return fmt.Sprintf("%s on %s", browser, system)
}

func firstMatch(rules []uaRule, ua string) string {
	for _, r := range rules {
		if strings.Contains(ua, r.marker) {
			return r.name
		}
	}
	return ""
}
