package auth

import (
	"errors"
	"strings"
	"testing"
)

func TestCommonPasswordList(t *testing.T) {
	entries := commonPasswordEntries()
	if len(entries) < 10000 {
		t.Fatalf("common password list has %d entries, want at least 10,000", len(entries))
	}
	seen := make(map[string]bool, len(entries))
	for i, pw := range entries {
		if pw != strings.TrimSpace(pw) || pw == "" {
			t.Fatalf("entry %d %q has surrounding whitespace", i, pw)
		}
		if pw != strings.ToLower(pw) {
			t.Fatalf("entry %d %q is not lower case, so the case-insensitive lookup would miss it", i, pw)
		}
		if seen[pw] {
			t.Fatalf("entry %d %q is duplicated", i, pw)
		}
		seen[pw] = true
	}
	if entries[0] != "123456" || entries[1] != "password" {
		t.Errorf("list does not start with the most common passwords: %q", entries[:2])
	}
}

func TestValidatePassword(t *testing.T) {
	tests := []struct {
		name, pw, pseudonym, msg string
	}{
		{"ordinary passphrase", "kettle orbit lantern", "quiet_river", ""},
		{"exactly ten", "tr7#vq!m2z", "quiet_river", ""},
		{"exactly 256", strings.Repeat("ab", 128), "quiet_river", ""},
		{"ten multibyte characters", "ééééééééé€", "quiet_river", ""},
		{"no composition rules", "all lower case words here", "quiet_river", ""},
		{"empty", "", "quiet_river", msgPasswordShort},
		{"nine characters", "tr7#vq!m2", "quiet_river", msgPasswordShort},
		{"short in runes long in bytes", "éééééé", "quiet_river", msgPasswordShort},
		{"257 characters", strings.Repeat("a", 257), "quiet_river", msgPasswordLong},
		{"huge", strings.Repeat("x", 1<<20), "quiet_river", msgPasswordLong},
		{"invalid UTF-8", "abcdefghij\xff", "quiet_river", msgPasswordUnreadable},
		{"pseudonym", "moonlit_harbour", "moonlit_harbour", msgPasswordPseudonym},
		{"pseudonym with look-alikes", "Quiet.River.S0ng", "quiet_river_song", msgPasswordPseudonym},
		{"pseudonym inside a longer password", "quiet_river_song and more", "quiet_river_song", ""},
		{"pseudonym other case", "Quiet_River_Song", "quiet_river_song", msgPasswordPseudonym},
		{"common", "password123", "quiet_river", msgPasswordCommon},
		{"common keyboard row", "qwertyuiop", "quiet_river", msgPasswordCommon},
		{"common upper case", "QWERTYUIOP", "quiet_river", msgPasswordCommon},
		{"common mixed case", "PassWord123", "quiet_river", msgPasswordCommon},
		{"common digits", "1234567890", "quiet_river", msgPasswordCommon},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidatePassword(tt.pw, tt.pseudonym)
			if tt.msg == "" {
				if err != nil {
					t.Fatalf("ValidatePassword error: %v", err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("ValidatePassword = %v, want *FieldError", err)
			}
			if fe.Field != "password" || fe.Message != tt.msg {
				t.Errorf("got %q %q, want password %q", fe.Field, fe.Message, tt.msg)
			}
		})
	}
}
