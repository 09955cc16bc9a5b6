package webhook

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"hearth/pkg/events"
)

func TestSignAndVerify(t *testing.T) {
	// RFC 4231, test case 2: what any receiver's HMAC-SHA256 computes.
	if sig := Sign("Jefe", []byte("what do ya want for nothing?")); sig != "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" {
		t.Fatalf("signature %q", sig)
	}
	body := []byte(`{"event":"crisis_post"}`)
	sig := Sign("s3cret", body)
	if !Verify("s3cret", body, sig) {
		t.Fatal("a good signature does not verify")
	}
	for _, bad := range []struct{ secret, body, sig string }{
		{"other", string(body), sig},
		{"s3cret", `{"event":"post_held"}`, sig},
		{"s3cret", string(body), strings.TrimPrefix(sig, "sha256=")},
		{"s3cret", string(body), ""},
	} {
		if Verify(bad.secret, []byte(bad.body), bad.sig) {
			t.Errorf("verified %+v", bad)
		}
	}
}

func TestBackoffDoublesToAnHour(t *testing.T) {
	want := []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute, 16 * time.Minute, 32 * time.Minute, time.Hour, time.Hour}
	for i, w := range want {
		if got := Backoff(i + 1); got != w {
			t.Errorf("Backoff(%d) = %s, want %s", i+1, got, w)
		}
	}
	var total time.Duration
	n := 0
	for total < RetryFor {
		n++
		total += Backoff(n)
	}
	if n < 20 || n > 40 {
		t.Errorf("%d attempts in a day", n)
	}
}

func TestCheckURL(t *testing.T) {
	for u, ok := range map[string]bool{
		"https://hooks.slack.com/services/T0/B0/x": true,
		"http://10.0.0.5:8065/hooks/abc":           true,
		"ftp://example.org/x":                      false,
		"file:///etc/passwd":                       false,
		"javascript:alert(1)":                      false,
		"mailto:a@example.org":                     false,
		"//example.org/x":                          false,
		"https://":                                 false,
		"https://u:p@example.org/":                 false,
		"":                                         false,
		"https://example.org/" + strings.Repeat("a", URLMax): false,
	} {
		if got := checkURL(u) == ""; got != ok {
			t.Errorf("checkURL(%q) accepted = %v, want %v (%s)", u, got, ok, checkURL(u))
		}
	}
}

func TestPayloadNamesOnlyTheEvent(t *testing.T) {
	post, group := int64(42), int64(3)
	at := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	d := Due{Delivery: Delivery{ID: 7, Event: events.Concern, GroupID: &group, PostID: &post, OccurredAt: at}, GroupSlug: "grief", GroupName: "Grief & Loss"}
	b, err := payload(d, "https://hearth.example.org", fmt.Sprintf)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"7","event":"wellbeing_concern","group":{"slug":"grief","name":"Grief \u0026 Loss"},"link":"https://hearth.example.org/mod/posts/42","time":"2030-01-02T03:04:05Z","text":"Hearth (Grief \u0026 Loss): A member is worried about someone: a wellbeing concern is waiting for a moderator. https://hearth.example.org/mod/posts/42"}`
	if string(b) != want {
		t.Fatalf("payload\n got %s\nwant %s", b, want)
	}
	b, _ = payload(Due{Delivery: Delivery{ID: 8, Event: events.Test, OccurredAt: at}}, "", fmt.Sprintf)
	if !strings.Contains(string(b), `"link":"/mod"`) || strings.Contains(string(b), `"group"`) {
		t.Fatalf("test payload %s", b)
	}
}
