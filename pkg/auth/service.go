package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"time"
)

// Service runs accounts: signup, login, sessions, recovery and settings.
type Service struct {
	store  Store
	hasher *Hasher
	secret []byte
	keyer  *ClientKeyer
	now    func() time.Time
	// sessions keeps resolved sessions between requests; nil for none.
	sessions SessionCache
	deletion backgroundDeletions
}

// NewService returns the accounts service. secret keys recovery-code
// hashes, throttle keys, pending logins and client keys; it should be at
// least 32 bytes (the configuration enforces that).
func NewService(store Store, hasher *Hasher, secret []byte, opts ...Option) *Service {
	keyer, err := NewClientKeyer(secret)
	if err != nil {
		// Only a short secret gets here; stretch it rather than run
		// without client throttling.
		sum := sha512.Sum512(secret)
		keyer, _ = NewClientKeyer(sum[:])
	}
	s := &Service{store: store, hasher: hasher, secret: secret, keyer: keyer,
		now:      func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
		deletion: backgroundDeletions{from: BackgroundDeletionPosts, wake: make(chan struct{}, 1)}}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Hasher is the password hasher the service uses.
func (s *Service) Hasher() *Hasher { return s.hasher }

// SetClock replaces the service's clock; tests use it to step past
// throttle windows and session timeouts.
func (s *Service) SetClock(now func() time.Time) {
	s.now = func() time.Time { return now().UTC().Truncate(time.Microsecond) }
}

// Now is the service's current time.
func (s *Service) Now() time.Time { return s.now() }

// ClientKey is the throttling key of a client address for today: a keyed
// hash, so the address itself is never stored.
func (s *Service) ClientKey(addr string) string {
	return s.keyer.Key(addr, s.now())
}

// mac returns the hex HMAC-SHA256 of parts under the server secret,
// separated by purpose.
func (s *Service) mac(purpose string, parts ...string) string {
	m := hmac.New(sha256.New, s.secret)
	m.Write([]byte(purpose))
	for _, p := range parts {
		m.Write([]byte{0})
		m.Write([]byte(p))
	}
	return hex.EncodeToString(m.Sum(nil))
}
