package web

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzSafeNext checks that whatever a login form's next field holds, the
// redirect stays on this site.
func FuzzSafeNext(f *testing.F) {
	for _, s := range []string{"/", "/settings", "//evil.example", "/\\evil", "https://evil.example", "javascript:alert(1)",
		"/%2F%2Fevil", "/ok\r\nX: y", "\x00", "/u/ünïcode?q=1#x", "/.//evil", "/@evil.example", " //evil", "/\t/evil.example", "/\t\t/evil"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, next string) {
		got := safeNext(next)
		if got == "/" {
			return
		}
		if got != next {
			t.Fatalf("safeNext(%q) = %q: either keep it or go home", next, got)
		}
		u, err := url.Parse(got)
		if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(got, "/") || strings.HasPrefix(got, "//") || strings.ContainsAny(got, "\\\r\n\t\x00") {
			t.Fatalf("safeNext(%q) = %q leaves the site", next, got)
		}
	})
}
