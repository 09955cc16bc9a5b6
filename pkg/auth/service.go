package auth

import (
	"time"
)

// Service runs accounts: signup, login, sessions, recovery and settings.
type Service struct {
	store  Store
	hasher *Hasher
	secret []byte
	now    func() time.Time
}

// NewService returns the accounts service. secret keys recovery-code hashes.
func NewService(store Store, hasher *Hasher, secret []byte) *Service {
	return &Service{store: store, hasher: hasher, secret: secret, now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
}

// Hasher is the password hasher the service uses.
func (s *Service) Hasher() *Hasher { return s.hasher }
