package moderation

import (
	"context"
	"strconv"
	"strings"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// The minimum age to join, which signup asks members to confirm.
const (
	// SettingMinimumAge names the minimum age setting.
	SettingMinimumAge = "minimum_age"
	// DefaultMinimumAge applies until an admin chooses another.
	DefaultMinimumAge = 16
	// LowestMinimumAge and HighestMinimumAge bound what admins may choose.
	LowestMinimumAge  = 13
	HighestMinimumAge = 99
)

// MinimumAge is the age members confirm they have reached when they sign
// up: the admins' setting, or DefaultMinimumAge when there is none or the
// settings cannot be read.
func (s *Service) MinimumAge(ctx context.Context) int {
	set, err := s.store.Settings(ctx)
	if err != nil {
		return DefaultMinimumAge
	}
	for _, x := range set {
		if x.Name == SettingMinimumAge {
			if n, err := strconv.Atoi(x.Value); err == nil && n >= LowestMinimumAge && n <= HighestMinimumAge {
				return n
			}
		}
	}
	return DefaultMinimumAge
}

// SetMinimumAge saves the minimum age, given as typed, and audits it.
func (s *Service) SetMinimumAge(ctx context.Context, a *auth.Actor, typed string) error {
	if err := s.requireAdmin(a); err != nil {
		return err
	}
	n, err := strconv.Atoi(strings.TrimSpace(typed))
	if err != nil || n < LowestMinimumAge || n > HighestMinimumAge {
		v := &forum.ValidationError{}
		v.Add("minimum_age", "Please enter a whole number of years from 13 to 99.")
		return v
	}
	now := s.now()
	return s.store.Atomic(ctx, func(tx Tx) error {
		if err := tx.PutSetting(SettingMinimumAge, strconv.Itoa(n), now); err != nil {
			return err
		}
		e := entry(Request{Actor: a}, ActionSettings, "site", 0, 0, nil, now)
		e.TargetID = nil
		e.Detail = "minimum age " + strconv.Itoa(n)
		return tx.Audit(e)
	})
}
