package auth

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"testing"
	"time"
)

var testSecret = []byte("0123456789abcdef0123456789abcdef")

func newTestKeyer(t *testing.T, secret []byte) *ClientKeyer {
	t.Helper()
	k, err := NewClientKeyer(secret)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestClientKeyDefinition(t *testing.T) {
	now := time.Date(2026, 3, 14, 15, 9, 26, 0, time.UTC)
	day := hmac.New(sha256.New, testSecret)
	day.Write([]byte("client-key:2026-03-14"))
	mac := hmac.New(sha256.New, day.Sum(nil))
	mac.Write([]byte("192.0.2.1"))
	want := hex.EncodeToString(mac.Sum(nil))

	if got := newTestKeyer(t, testSecret).Key("192.0.2.1", now); got != want {
		t.Errorf("Key = %s, want %s", got, want)
	}
}

func TestClientKeySharedAcrossInstances(t *testing.T) {
	now := time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)
	a := newTestKeyer(t, testSecret)
	b := newTestKeyer(t, append([]byte(nil), testSecret...))
	if a.Key("198.51.100.7", now) != b.Key("198.51.100.7", now.Add(5*time.Hour)) {
		t.Error("two instances with one secret disagree on the same UTC day")
	}
	// The same instant seen in another time zone is the same UTC day.
	tokyo := time.FixedZone("JST", 9*3600)
	if a.Key("198.51.100.7", now) != b.Key("198.51.100.7", now.In(tokyo)) {
		t.Error("key depends on the time zone of now")
	}
	other := newTestKeyer(t, []byte("a different secret of 32+ bytes!!"))
	if a.Key("198.51.100.7", now) == other.Key("198.51.100.7", now) {
		t.Error("key does not depend on the secret")
	}
}

func TestClientKeyRotatesDaily(t *testing.T) {
	k := newTestKeyer(t, testSecret)
	lastSecond := time.Date(2026, 3, 14, 23, 59, 59, 0, time.UTC)
	nextDay := lastSecond.Add(time.Second)
	if k.Key("198.51.100.7", lastSecond) == k.Key("198.51.100.7", nextDay) {
		t.Error("key did not change at UTC midnight")
	}
	// Going back to the earlier day gives the earlier key again, so a
	// request that straddles midnight is not confused by the cache.
	first := k.Key("198.51.100.7", lastSecond)
	k.Key("198.51.100.7", nextDay)
	if k.Key("198.51.100.7", lastSecond) != first {
		t.Error("key for a day changed after another day was computed")
	}
}

func TestClientKeyAddresses(t *testing.T) {
	k := newTestKeyer(t, testSecret)
	now := time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)
	same := [][]string{
		{"192.0.2.1", "192.0.2.1:443", "::ffff:192.0.2.1", "[::ffff:192.0.2.1]:80"},
		{"2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:ffff", "[2001:db8:1:2::9]:443", "2001:0db8:0001:0002:0000:0000:0000:0001"},
		{"fe80::1", "fe80::1%eth0", "[fe80::2%eth1]:443"},
	}
	for _, group := range same {
		want := k.Key(group[0], now)
		for _, addr := range group[1:] {
			if got := k.Key(addr, now); got != want {
				t.Errorf("Key(%q) differs from Key(%q)", addr, group[0])
			}
		}
	}
	different := [][2]string{
		{"192.0.2.1", "192.0.2.2"},
		{"2001:db8:1:2::1", "2001:db8:1:3::1"},
		{"192.0.2.1", "unparsable"},
	}
	for _, pair := range different {
		if k.Key(pair[0], now) == k.Key(pair[1], now) {
			t.Errorf("Key(%q) == Key(%q)", pair[0], pair[1])
		}
	}
}

func TestClientKeyKeepsNoAddress(t *testing.T) {
	k := newTestKeyer(t, testSecret)
	const addr = "203.0.113.99"
	key := k.Key(addr, time.Now())
	if b, err := hex.DecodeString(key); err != nil || len(b) != sha256.Size {
		t.Errorf("key %q is not a hex SHA-256 digest", key)
	}
	for name, field := range map[string][]byte{"secret": k.secret, "day": []byte(k.day), "dayKey": k.dayKey} {
		if bytes.Contains(field, []byte(addr)) {
			t.Errorf("keyer field %s holds the address", name)
		}
	}
}

func TestClientKeyerSecret(t *testing.T) {
	if _, err := NewClientKeyer([]byte("too short")); err == nil {
		t.Error("NewClientKeyer accepted a 9-byte secret")
	}
	secret := append([]byte(nil), testSecret...)
	k := newTestKeyer(t, secret)
	secret[0] ^= 0xff // the caller reuses its buffer
	later := time.Now().Add(48 * time.Hour)
	if k.Key("192.0.2.1", later) != newTestKeyer(t, testSecret).Key("192.0.2.1", later) {
		t.Error("changing the caller's slice changed the keyer's secret")
	}
}

func TestClientKeyConcurrent(t *testing.T) {
	k := newTestKeyer(t, testSecret)
	base := time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)
	want := map[int]string{}
	for d := range 4 {
		want[d] = newTestKeyer(t, testSecret).Key("192.0.2.1", base.Add(time.Duration(d)*24*time.Hour))
	}
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Go(func() {
			d := i % 4
			if got := k.Key("192.0.2.1", base.Add(time.Duration(d)*24*time.Hour)); got != want[d] {
				t.Errorf("day %d: concurrent Key = %s, want %s", d, got, want[d])
			}
		})
	}
	wg.Wait()
}
