package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"

	"hearth/pkg/forum"
)

// CreateAdmin makes the account called name an admin with password: a new
// account when the name is free, otherwise the existing member is promoted,
// given that password, and signed out everywhere (their next session
// carries the new role). It is for the `hearth create-admin` command; the
// name may be a reserved one such as "admin", which members cannot take.
// It reports whether a new account was created.
func (s *Service) CreateAdmin(ctx context.Context, name, password string) (created bool, err error) {
	display, key, err := normalizeStaffName(name)
	if err != nil {
		return false, err
	}
	if err := ValidatePassword(password, display); err != nil {
		return false, err
	}
	hash, err := s.hasher.Hash(ctx, password)
	if err != nil {
		return false, fmt.Errorf("hash password: %w", err)
	}
	now := s.now()
	u, err := s.store.UserByKey(ctx, key)
	switch {
	case errors.Is(err, forum.ErrNotFound):
		nu := &User{Username: display, UsernameKey: key, PasswordHash: hash, Role: RoleAdmin, Status: StatusActive, CreatedAt: now, UpdatedAt: now}
		if err := s.store.CreateAccount(ctx, nu, nil, now); err != nil {
			return false, fmt.Errorf("create admin: %w", err)
		}
		return true, s.store.MakeAdmin(ctx, nu.ID, hash, now)
	case err != nil:
		return false, fmt.Errorf("look up %s: %w", display, err)
	}
	if err := s.store.MakeAdmin(ctx, u.ID, hash, now); err != nil {
		return false, fmt.Errorf("promote %s: %w", u.Username, err)
	}
	return false, nil
}

// normalizeStaffName applies the pseudonym rules except the reserved
// names, which exist to stop members passing as staff.
func normalizeStaffName(raw string) (display, key string, err error) {
	display, key, err = NormalizePseudonym(raw)
	var fe *FieldError
	if errors.As(err, &fe) && fe.Message == msgReserved {
		display = norm.NFC.String(strings.TrimSpace(raw))
		return display, PseudonymKey(display), nil
	}
	return display, key, err
}
