package web

import (
	"net/url"
	"strconv"
	"strings"
)

// localBack accepts a return address only when it is a path on this site
// under prefix (no scheme, host or protocol-relative tricks).
func localBack(v, prefix string) string {
	if v == "" || !strings.HasPrefix(v, prefix) || strings.HasPrefix(v, "//") || strings.ContainsAny(v, "\\\r\n") {
		return ""
	}
	u, err := url.Parse(v)
	if err != nil || u.Scheme != "" || u.Host != "" {
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
