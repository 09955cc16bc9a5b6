package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"hearth/pkg/forum"
)

// ErrBadRecovery is the one answer to a failed recovery, whether the
// pseudonym exists or the code was wrong or already used.
var ErrBadRecovery = errors.New("auth: pseudonym and recovery code did not match")

const (
	msgNameMissing = "Please enter your pseudonym."
	msgCodeMissing = "Please enter one of your recovery codes."
)

// RecoverInput is what the recovery form sends.
type RecoverInput struct {
	Username  string
	Code      string
	Password  string
	ClientKey string
	UserAgent string
}

// RecoverResult is the member's new session and how many codes remain.
type RecoverResult struct {
	User      User
	Token     string
	CodesLeft int
}

// Recover sets a new password for a member who has one unused recovery
// code. The code is spent, every session of the account ends, two-factor
// codes are turned off (a lost phone is a common reason to recover; staff
// are asked to set them up again before using staff pages), and a new
// session starts. Form problems are a *forum.ValidationError; a wrong name
// or code is ErrBadRecovery; too many failures a *ThrottleError.
func (s *Service) Recover(ctx context.Context, in RecoverInput) (RecoverResult, error) {
	v := &forum.ValidationError{}
	if strings.TrimSpace(in.Username) == "" {
		v.Add("username", msgNameMissing)
	}
	if strings.TrimSpace(in.Code) == "" {
		v.Add("code", msgCodeMissing)
	}
	if in.Password == "" {
		v.Add("password", msgPasswordMissing)
	} else {
		addFieldError(v, ValidatePassword(in.Password, in.Username))
	}
	if v.OrNil() != nil {
		return RecoverResult{}, v
	}
	keys := s.attemptKeys(in.Username, in.ClientKey)
	if err := s.checkThrottle(ctx, keys); err != nil {
		return RecoverResult{}, err
	}
	var found *User
	if key := PseudonymKey(in.Username); key != "" {
		u, err := s.store.UserByKey(ctx, key)
		switch {
		case err == nil:
			found = &u
		case !errors.Is(err, forum.ErrNotFound):
			return RecoverResult{}, fmt.Errorf("look up account: %w", err)
		}
	}
	// Hashed before the code is checked, so a wrong name, a wrong code and
	// a right one take the same time.
	hash, err := s.hasher.Hash(ctx, in.Password)
	if err != nil {
		return RecoverResult{}, fmt.Errorf("hash password: %w", err)
	}
	fail := func() (RecoverResult, error) {
		if err := s.recordFailure(ctx, keys); err != nil {
			return RecoverResult{}, err
		}
		return RecoverResult{}, ErrBadRecovery
	}
	if found == nil {
		return fail()
	}
	err = s.store.RecoverAccount(ctx, found.ID, HashRecoveryCode(s.secret, in.Code), hash, s.now())
	if errors.Is(err, forum.ErrNotFound) {
		return fail()
	} else if err != nil {
		return RecoverResult{}, fmt.Errorf("recover account: %w", err)
	}
	if err := s.store.ClearFailures(ctx, keys[0].key); err != nil {
		return RecoverResult{}, fmt.Errorf("clear failures: %w", err)
	}
	left, err := s.store.UnusedRecoveryCodes(ctx, found.ID)
	if err != nil {
		return RecoverResult{}, fmt.Errorf("count codes: %w", err)
	}
	token, err := s.StartSession(ctx, found.ID, in.UserAgent)
	if err != nil {
		return RecoverResult{}, err
	}
	return RecoverResult{User: *found, Token: token, CodesLeft: left}, nil
}

// RecoveryCodesLeft counts the member's unused recovery codes.
func (s *Service) RecoveryCodesLeft(ctx context.Context, userID int64) (int, error) {
	n, err := s.store.UnusedRecoveryCodes(ctx, userID)
	if err != nil {
		return 0, fmt.Errorf("count codes: %w", err)
	}
	return n, nil
}

// RegenerateRecoveryCodes replaces the member's codes with new ones after
// checking their password; the old codes stop working at once. The new
// codes exist only in the return value: show them once.
func (s *Service) RegenerateRecoveryCodes(ctx context.Context, p *Principal, password, clientKey string) ([]string, error) {
	if err := s.confirmPassword(ctx, p, password, clientKey); err != nil {
		return nil, err
	}
	codes, hashes, err := s.newRecoveryCodes()
	if err != nil {
		return nil, err
	}
	if err := s.store.ReplaceRecoveryCodes(ctx, p.User.ID, hashes, s.now()); err != nil {
		return nil, fmt.Errorf("replace codes: %w", err)
	}
	return codes, nil
}

// UnusedRecoveryCodesAmong returns those of codes that are the member's
// recovery codes and still unused, once each, in the order given and in
// the form codes are generated in. It lets a member save the codes a page
// has just shown them (as a file to download) without Hearth ever keeping
// the codes: the page sends them back, and only what matches the stored
// hashes is returned, never other text. At most RecoveryCodeCount codes
// are looked at.
func (s *Service) UnusedRecoveryCodesAmong(ctx context.Context, userID int64, codes []string) ([]string, error) {
	if len(codes) == 0 {
		return nil, nil
	}
	hashes, err := s.store.UnusedRecoveryCodeHashes(ctx, userID)
	if err != nil {
		return nil, fmt.Errorf("read codes: %w", err)
	}
	unused := make(map[string]bool, len(hashes))
	for _, h := range hashes {
		unused[h] = true
	}
	var out []string
	for _, c := range codes[:min(len(codes), RecoveryCodeCount)] {
		if h := HashRecoveryCode(s.secret, c); unused[h] {
			out = append(out, NormalizeRecoveryCode(c))
			delete(unused, h)
		}
	}
	return out, nil
}
