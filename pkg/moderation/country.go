package moderation

import (
	"context"
	"strings"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// SettingDefaultCountry names the instance's default country: the
// helplines the crisis panel and /crisis show first to visitors and to
// members who have not chosen a country of their own.
const SettingDefaultCountry = "default_country"

// DefaultCountry is the instance's default country as an ISO 3166 code,
// or "" when admins have chosen none or the settings cannot be read.
func (s *Service) DefaultCountry(ctx context.Context) string {
	set, err := s.store.Settings(ctx)
	if err != nil {
		return ""
	}
	for _, x := range set {
		if x.Name == SettingDefaultCountry && isCountryCode(x.Value) {
			return x.Value
		}
	}
	return ""
}

// SetDefaultCountry saves the instance's default country (two capital
// letters, or "" for none) and audits it. Whether the code has helplines
// is the caller's question: it offers only the countries it lists.
func (s *Service) SetDefaultCountry(ctx context.Context, a *auth.Actor, code string) error {
	if err := s.requireAdmin(a); err != nil {
		return err
	}
	code = strings.TrimSpace(code)
	if code != "" && !isCountryCode(code) {
		v := &forum.ValidationError{}
		v.Add("default_country", "Please choose a country from the list.")
		return v
	}
	now := s.now()
	return s.store.Atomic(ctx, func(tx Tx) error {
		if err := tx.PutSetting(SettingDefaultCountry, code, now); err != nil {
			return err
		}
		e := entry(Request{Actor: a}, ActionSettings, "site", 0, 0, nil, now)
		e.TargetID = nil
		e.Detail = "default country " + code
		if code == "" {
			e.Detail = "no default country"
		}
		return tx.Audit(e)
	})
}

// isCountryCode accepts two ASCII capital letters.
func isCountryCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}
