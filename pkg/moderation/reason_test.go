package moderation

import (
	"strings"
	"testing"
)

func TestComposeReason(t *testing.T) {
	for _, c := range []struct{ choice, detail, want string }{
		{"", "", ""},
		{"Spam or advertising", "", "Spam or advertising"},
		{"Spam or advertising", "  links to a shop ", "Spam or advertising: links to a shop"},
		{"other", "in my own words", "in my own words"},
		{"", "in my own words", "in my own words"},
		{"  typed   by a script ", "", "typed by a script"},
	} {
		if got := ComposeReason(c.choice, c.detail); got != c.want {
			t.Errorf("ComposeReason(%q, %q) = %q, want %q", c.choice, c.detail, got, c.want)
		}
	}
}

func TestValidSlug(t *testing.T) {
	for s, want := range map[string]bool{
		"grief": true, "chronic-pain": true, "ptsd2": true, "ab": true, "a": false, "": false,
		"has space": false, "Upper": false, "grіef": false /* Cyrillic і */, "ümlaut": false, "under_score": false,
		"0123456789012345678901234567890123456789": true, "01234567890123456789012345678901234567890": false,
		"slash/slug": false, "dot.slug": false, "ｆｕｌｌ": false,
	} {
		if got := ValidSlug(s); got != want {
			t.Errorf("ValidSlug(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestCheckReason(t *testing.T) {
	if checkReason("", true) == nil || checkReason("   ", true) == nil {
		t.Error("an empty required reason passed")
	}
	if checkReason("", false) != nil || checkReason("fine", true) != nil {
		t.Error("a good reason was refused")
	}
	long := make([]rune, MaxReasonLen+1)
	for i := range long {
		long[i] = 'é'
	}
	if checkReason(string(long), false) == nil {
		t.Error("an overlong reason passed")
	}
	if checkReason(string(long[:MaxReasonLen]), true) != nil {
		t.Error("a reason of exactly the limit was refused")
	}
	for _, bad := range []string{"spam\x00", "caf\xe9 spam"} {
		if err := checkReason(bad, false); err == nil || !strings.Contains(err.Error(), "reason") {
			t.Errorf("checkReason(%q) = %v, want a refusal of the reason", bad, err)
		}
	}
}
