package auth

import (
	"context"
	"errors"
	"fmt"

	"hearth/pkg/forum"
)

// Messages for the signup form that the pseudonym and password rules do
// not already give.
const (
	msgTaken           = "That pseudonym is taken. Please choose another; adding a word or a few letters often works."
	msgPasswordMissing = "Please choose a password of at least 10 characters." // #nosec G101 -- a message shown to members, not a credential
)

// SignUpInput is what the signup form sends. Nothing else is accepted:
// the web layer binds the form into this struct, so a role or status sent
// with the form goes nowhere.
type SignUpInput struct {
	Username  string
	Password  string
	UserAgent string
	// MinimumAge, when above zero, is the age the member must confirm
	// they have reached (AgeConfirmed); the signup form always asks.
	MinimumAge   int
	AgeConfirmed bool
}

// SignUpResult is the new member, the token of their first session, and
// their recovery codes, which exist only here: show them once.
type SignUpResult struct {
	User  User
	Token string
	Codes []string
}

// SignUp creates a member account, signs it in and returns its recovery
// codes. Refusals are a *forum.ValidationError with one message per field
// ("username", "password") saying what to change.
func (s *Service) SignUp(ctx context.Context, in SignUpInput) (SignUpResult, error) {
	v := &forum.ValidationError{}
	display, key, err := NormalizePseudonym(in.Username)
	addFieldError(v, err)
	if in.Password == "" {
		v.Add("password", msgPasswordMissing)
	} else {
		addFieldError(v, ValidatePassword(in.Password, in.Username))
	}
	if in.MinimumAge > 0 && !in.AgeConfirmed {
		v.Add("age_confirmed", fmt.Sprintf("Please confirm that you are %d or older: Hearth is for people aged %d and over.", in.MinimumAge, in.MinimumAge))
	}
	if v.OrNil() != nil {
		return SignUpResult{}, v
	}
	// Asking first spares a password hash for the common case; the unique
	// index still decides when two people race for one name.
	if _, err := s.store.UserByKey(ctx, key); err == nil {
		v.Add("username", msgTaken)
		return SignUpResult{}, v
	} else if !errors.Is(err, forum.ErrNotFound) {
		return SignUpResult{}, fmt.Errorf("look up pseudonym: %w", err)
	}

	hash, err := s.hasher.Hash(ctx, in.Password)
	if err != nil {
		return SignUpResult{}, fmt.Errorf("hash password: %w", err)
	}
	codes, hashes, err := s.newRecoveryCodes()
	if err != nil {
		return SignUpResult{}, err
	}
	now := s.now()
	u := &User{Username: display, UsernameKey: key, PasswordHash: hash, Role: RoleMember, Status: StatusActive, CreatedAt: now, UpdatedAt: now}
	if err := s.store.CreateAccount(ctx, u, hashes, now); err != nil {
		if errors.Is(err, forum.ErrConflict) {
			v.Add("username", msgTaken)
			return SignUpResult{}, v
		}
		return SignUpResult{}, fmt.Errorf("create account: %w", err)
	}
	token, err := s.StartSession(ctx, u.ID, in.UserAgent)
	if err != nil {
		return SignUpResult{}, err
	}
	return SignUpResult{User: *u, Token: token, Codes: codes}, nil
}

// newRecoveryCodes makes a fresh set of codes and their keyed hashes.
func (s *Service) newRecoveryCodes() (codes, hashes []string, err error) {
	codes, err = GenerateRecoveryCodes(RecoveryCodeCount)
	if err != nil {
		return nil, nil, err
	}
	hashes = make([]string, len(codes))
	for i, c := range codes {
		hashes[i] = HashRecoveryCode(s.secret, c)
	}
	return codes, hashes, nil
}

// addFieldError copies a *FieldError into v; nil does nothing.
func addFieldError(v *forum.ValidationError, err error) {
	var fe *FieldError
	if errors.As(err, &fe) {
		v.Add(fe.Field, fe.Message)
	}
}
