package forum

import (
	"context"
	"fmt"
	"sort"
)

// Prefs maps tag slugs to a reader's mode; a missing tag means ModeWarn.
type Prefs map[string]string

// ModeOf returns the mode for a tag.
func (p Prefs) ModeOf(slug string) string {
	if m, ok := p[slug]; ok {
		return m
	}
	return ModeWarn
}

// Mode returns how content carrying tags is shown: ModeHide when any tag
// is hidden, else ModeWarn when any tag warns, else ModeShow (also for
// untagged content).
func (p Prefs) Mode(tags Tags) string {
	mode := ModeShow
	for _, slug := range tags.Slugs() {
		switch p.ModeOf(slug) {
		case ModeHide:
			return ModeHide
		case ModeWarn:
			mode = ModeWarn
		}
	}
	return mode
}

// Hidden lists the hidden tags, sorted.
func (p Prefs) Hidden() []string {
	var out []string
	for slug, m := range p {
		if m == ModeHide {
			out = append(out, slug)
		}
	}
	sort.Strings(out)
	return out
}

// ValidMode reports whether m is a mode.
func ValidMode(m string) bool { return m == ModeShow || m == ModeWarn || m == ModeHide }

// Prefs returns member userID's tag preferences; visitors (0) have none.
func (s *Service) Prefs(ctx context.Context, userID int64) (Prefs, error) {
	p := Prefs{}
	if userID == 0 {
		return p, nil
	}
	rows, err := s.store.TagPrefs(ctx, userID)
	if err != nil {
		return nil, fmt.Errorf("tag preferences: %w", err)
	}
	for _, r := range rows {
		p[r.TagSlug] = r.Mode
	}
	return p, nil
}

// SetPrefs replaces member userID's tag preferences. Every slug must be in
// the vocabulary and every mode valid; warn is stored as no row.
func (s *Service) SetPrefs(ctx context.Context, userID int64, p Prefs) error {
	vocab, err := s.store.Tags(ctx)
	if err != nil {
		return fmt.Errorf("tags: %w", err)
	}
	known := map[string]bool{}
	for _, t := range vocab {
		known[t.Slug] = true
	}
	v := &ValidationError{}
	keep := Prefs{}
	for slug, m := range p {
		if !known[slug] || !ValidMode(m) {
			v.Add("prefs", "Please choose show, warn or hide for each tag in the list.")
			continue
		}
		if m != ModeWarn {
			keep[slug] = m
		}
	}
	if err := v.OrNil(); err != nil {
		return err
	}
	if err := s.store.SetTagPrefs(ctx, userID, keep, s.now()); err != nil {
		return fmt.Errorf("save tag preferences: %w", err)
	}
	return nil
}
