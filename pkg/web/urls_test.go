package web

import "testing"

// TestLocalPath checks the one redirect check every next= and back= goes
// through: a path on this site passes, anything a browser could read as
// another site does not.
func TestLocalPath(t *testing.T) {
	for _, v := range []string{"/", "/settings/blocks", "/t/12?after=abc#p-3", "/u/ünïcode", "/search?q=a+b"} {
		if !localPath(v) {
			t.Errorf("localPath(%q) = false, want true", v)
		}
	}
	for _, v := range []string{
		"", "settings", "//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)",
		"/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/\x00", "/ok\x7f", "/ok\u0085",
		"/\t\t/evil.example", "/x\r\nSet-Cookie: a=b", "/\xff", " /settings",
	} {
		if localPath(v) {
			t.Errorf("localPath(%q) = true, want false", v)
		}
	}
	if got := localBack("/t/3\t/x", "/t/3"); got != "" {
		t.Errorf("localBack with a tab = %q, want \"\"", got)
	}
	if got := localBack("/t/3?after=x", "/t/3"); got != "/t/3?after=x" {
		t.Errorf("localBack = %q, want the path back", got)
	}
}
