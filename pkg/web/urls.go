package web

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// localPath reports whether v is a path on this site that a redirect may
// go to: it starts with one slash, has no scheme, host or user, and holds
// no backslash and no control character. Browsers drop tabs and newlines
// from a URL and read a backslash as a slash, so "/\t/evil.example" or
// "/\\evil.example" would otherwise leave the site. Every redirect to an
// address a request names (next=, back=) asks this one function.
func localPath(v string) bool {
	if v == "" || len(v) > 2048 || v[0] != '/' || strings.HasPrefix(v, "//") || strings.ContainsFunc(v, unsafeInPath) {
		return false
	}
	u, err := url.Parse(v)
	return err == nil && u.Scheme == "" && u.Host == "" && u.User == nil
}

// unsafeInPath is a character no local redirect carries: a backslash, any
// control character (C0, DEL, C1: tab, CR and LF among them), or a byte
// that is not UTF-8.
func unsafeInPath(r rune) bool {
	return r == '\\' || unicode.IsControl(r) || r == utf8.RuneError
}

// localBack accepts a return address only when it is a local path
// (localPath) under prefix.
func localBack(v, prefix string) string {
	if !strings.HasPrefix(v, prefix) || !localPath(v) {
		return ""
	}
	u, err := url.Parse(v)
	if err != nil {
		return ""
	}
	return u.Path + queryPart(u)
}

func queryPart(u *url.URL) string {
	if u.RawQuery == "" {
		return ""
	}
	return "?" + u.RawQuery
}

// threadURL is the page of thread id that starts after cursor.
func threadURL(id int64, cursor string) string {
	u := "/t/" + strconv.FormatInt(id, 10)
	if cursor != "" {
		u += "?after=" + url.QueryEscape(cursor)
	}
	return u
}

// postAnchor is the fragment of post id.
func postAnchor(id int64) string { return "#p-" + strconv.FormatInt(id, 10) }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
