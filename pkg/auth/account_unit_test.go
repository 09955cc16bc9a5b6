package auth

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestThrottleErrorMinutesRoundUp(t *testing.T) {
	for d, want := range map[time.Duration]int{
		time.Second:                   1,
		59 * time.Second:              1,
		time.Minute:                   1,
		time.Minute + time.Nanosecond: 2,
		14*time.Minute + 1:            15,
		15 * time.Minute:              15,
		0:                             1,
	} {
		if got := (&ThrottleError{RetryAfter: d}).Minutes(); got != want {
			t.Errorf("Minutes(%s) = %d, want %d", d, got, want)
		}
	}
}

func TestAttemptKeysHideWhatWasTyped(t *testing.T) {
	s := &Service{secret: []byte(strings.Repeat("s", 32))}
	a := s.attemptKeys("Willow", "clientkey")
	b := s.attemptKeys("wi11ow", "clientkey")
	if a[0].key != b[0].key {
		t.Error("look-alike spellings of one name count separately")
	}
	if strings.Contains(strings.ToLower(a[0].key), "willow") || a[0].limit != AccountFailureLimit {
		t.Errorf("account key %v", a[0])
	}
	if a[1].key != "client:clientkey" || a[1].limit != ClientFailureLimit {
		t.Errorf("client key %v", a[1])
	}
	// Input that is not a pseudonym at all is still counted, under its own key.
	bad := s.attemptKeys(strings.Repeat("x", 10000), "")
	if len(bad) != 1 || bad[0].key == a[0].key || bad[0].key == s.attemptKeys("", "")[0].key {
		t.Errorf("unusable names: %v", bad)
	}
	other := &Service{secret: []byte(strings.Repeat("t", 32))}
	if other.attemptKeys("Willow", "")[0].key == a[0].key {
		t.Error("account keys do not depend on the server secret")
	}
}

func TestPendingTicketsAreBoundToAccountPasswordAndTime(t *testing.T) {
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	s := &Service{secret: []byte(strings.Repeat("s", 32)), now: func() time.Time { return now }}
	u := User{ID: 7, PasswordHash: "$argon2id$one"}
	ticket := s.pendingTicket(u, now.Add(PendingLoginTTL))
	if id, ok := s.readPendingTicket(ticket); !ok || id != 7 || s.pendingTicketAt(u, ticket) != ticket {
		t.Fatalf("fresh ticket refused: %d %v", id, ok)
	}
	changed := u
	changed.PasswordHash = "$argon2id$two"
	if s.pendingTicketAt(changed, ticket) == ticket {
		t.Error("ticket survives a password change")
	}
	other := u
	other.ID = 8
	forged := strings.Replace(ticket, "7.", "8.", 1)
	if id, _ := s.readPendingTicket(forged); id != 8 || s.pendingTicketAt(other, forged) == forged {
		t.Error("ticket can be moved to another account")
	}
	for _, bad := range []string{"", "7", "7.1.2.3", "x.y.z", strings.Repeat("9", 300), "-1.99999999999.sig"} {
		if _, ok := s.readPendingTicket(bad); ok {
			t.Errorf("malformed ticket %q accepted", bad)
		}
	}
	now = now.Add(PendingLoginTTL)
	if _, ok := s.readPendingTicket(ticket); ok {
		t.Error("expired ticket accepted")
	}
}

func TestSessionHandleHidesTheTokenHash(t *testing.T) {
	_, hash, err := NewSessionToken()
	if err != nil {
		t.Fatal(err)
	}
	h := SessionHandle(hash)
	if len(h) != 20 || strings.Contains(hash, h) || SessionHandle(hash) != h {
		t.Fatalf("handle %q of %q", h, hash)
	}
}

func TestStaffNamesMayBeReserved(t *testing.T) {
	if d, k, err := normalizeStaffName(" admin "); err != nil || d != "admin" || k != PseudonymKey("admin") {
		t.Fatalf("admin: %q %q %v", d, k, err)
	}
	for _, bad := range []string{"", "ad", "me@example.org", "adm\u200bin", "аdmin"} {
		if _, _, err := normalizeStaffName(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestTOTPURLIsReadable(t *testing.T) {
	u, err := url.Parse(TOTPURL("quiet river", "JBSWY3DPEHPK3PXP"))
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	if u.Scheme != "otpauth" || u.Host != "totp" || u.Path != "/Hearth:quiet river" || q.Get("secret") != "JBSWY3DPEHPK3PXP" || q.Get("issuer") != "Hearth" || q.Get("digits") != "6" || q.Get("period") != "30" {
		t.Fatalf("otpauth URL %s", u)
	}
}
