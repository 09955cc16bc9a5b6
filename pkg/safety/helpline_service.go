package safety

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"hearth/pkg/forum"
)

// HelplineStore is what the helpline service needs from persistence.
// hearth/pkg/store implements it. Every change writes its audit row in the
// same transaction as the change.
type HelplineStore interface {
	// Helplines lists every helpline ordered by country code, position, id.
	Helplines(ctx context.Context) ([]Helpline, error)
	// HelplinesIn lists the helplines of the given country codes, ordered
	// like Helplines.
	HelplinesIn(ctx context.Context, codes []string) ([]Helpline, error)
	// Helpline returns forum.ErrNotFound when no helpline has id.
	Helpline(ctx context.Context, id int64) (Helpline, error)
	CreateHelpline(ctx context.Context, h *Helpline, actorID int64) error
	// UpdateHelpline returns forum.ErrNotFound when h.ID is gone.
	UpdateHelpline(ctx context.Context, h *Helpline, actorID int64) error
	// DeleteHelpline returns forum.ErrNotFound when id is gone.
	DeleteHelpline(ctx context.Context, id, actorID int64) error
}

// Country is an entry of the country picker on the resources page.
type Country struct {
	Code, Name string
}

// Helplines answers questions about crisis lines and lets admins edit them.
// Permission checks belong to the caller (admins only for changes).
type Helplines struct {
	store HelplineStore
	now   func() time.Time
}

// NewHelplines returns the helpline service on s.
func NewHelplines(s HelplineStore) *Helplines {
	return &Helplines{store: s, now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
}

// All lists every helpline, by country code.
func (s *Helplines) All(ctx context.Context) ([]Helpline, error) {
	hs, err := s.store.Helplines(ctx)
	if err != nil {
		return nil, fmt.Errorf("list helplines: %w", err)
	}
	return hs, nil
}

// Countries lists the countries that have at least one helpline (the
// international directory left out), sorted by name.
func (s *Helplines) Countries(ctx context.Context) ([]Country, error) {
	hs, err := s.All(ctx)
	if err != nil {
		return nil, err
	}
	return CountriesOf(hs), nil
}

// CountriesOf lists the distinct countries of hs (the directory left out),
// sorted by name.
func CountriesOf(hs []Helpline) []Country {
	seen := map[string]bool{}
	var out []Country
	for _, h := range hs {
		if h.CountryCode == DirectoryCode || seen[h.CountryCode] {
			continue
		}
		seen[h.CountryCode] = true
		out = append(out, Country{Code: h.CountryCode, Name: h.Country})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// ForCountry returns the lines of country code (none for "" or an unknown
// code) and the international directory entries, which are always shown.
func (s *Helplines) ForCountry(ctx context.Context, code string) (lines, directory []Helpline, err error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	codes := []string{DirectoryCode}
	if isCountryCode(code) && code != DirectoryCode {
		codes = append(codes, code)
	}
	hs, err := s.store.HelplinesIn(ctx, codes)
	if err != nil {
		return nil, nil, fmt.Errorf("helplines for %q: %w", code, err)
	}
	lines, directory = splitDirectory(hs)
	return lines, directory, nil
}

// DefaultsFor is ForCountry on the embedded reference list, for when the
// database cannot answer: a page about getting help must still show help.
func DefaultsFor(code string) (lines, directory []Helpline) {
	code = strings.ToUpper(strings.TrimSpace(code))
	var hs []Helpline
	for _, h := range DefaultHelplines() {
		if h.CountryCode == DirectoryCode || (code != "" && h.CountryCode == code) {
			hs = append(hs, h)
		}
	}
	return splitDirectory(hs)
}

func splitDirectory(hs []Helpline) (lines, directory []Helpline) {
	for _, h := range hs {
		if h.CountryCode == DirectoryCode {
			directory = append(directory, h)
		} else {
			lines = append(lines, h)
		}
	}
	return lines, directory
}

// Get returns the helpline with id.
func (s *Helplines) Get(ctx context.Context, id int64) (Helpline, error) {
	h, err := s.store.Helpline(ctx, id)
	if err != nil {
		return Helpline{}, fmt.Errorf("helpline %d: %w", id, err)
	}
	return h, nil
}

// HelplineInput is an admin's form for a helpline.
type HelplineInput struct {
	CountryCode, Country, Service, Phone, SMS, Web, Hours, Languages, Source string
	Position                                                                 int
}

func (in HelplineInput) helpline() Helpline {
	t := strings.TrimSpace
	return Helpline{
		CountryCode: strings.ToUpper(t(in.CountryCode)), Country: t(in.Country), Service: t(in.Service),
		Phone: t(in.Phone), SMS: t(in.SMS), Web: t(in.Web), Hours: t(in.Hours),
		Languages: strings.ReplaceAll(t(in.Languages), " ", ""), Source: t(in.Source), Position: in.Position,
	}
}

func validate(h Helpline) error {
	p := h.Problems()
	if len(p) == 0 {
		return nil
	}
	return &forum.ValidationError{Fields: p}
}

// Create adds a helpline on behalf of admin actorID; invalid input is a
// *forum.ValidationError.
func (s *Helplines) Create(ctx context.Context, actorID int64, in HelplineInput) (Helpline, error) {
	h := in.helpline()
	if err := validate(h); err != nil {
		return Helpline{}, err
	}
	h.CreatedAt, h.UpdatedAt = s.now(), s.now()
	if err := s.store.CreateHelpline(ctx, &h, actorID); err != nil {
		return Helpline{}, fmt.Errorf("create helpline: %w", err)
	}
	return h, nil
}

// Update replaces helpline id's fields on behalf of admin actorID.
func (s *Helplines) Update(ctx context.Context, actorID, id int64, in HelplineInput) (Helpline, error) {
	old, err := s.Get(ctx, id)
	if err != nil {
		return Helpline{}, err
	}
	h := in.helpline()
	if err := validate(h); err != nil {
		return Helpline{}, err
	}
	h.ID, h.CreatedAt, h.UpdatedAt = old.ID, old.CreatedAt, s.now()
	if err := s.store.UpdateHelpline(ctx, &h, actorID); err != nil {
		return Helpline{}, fmt.Errorf("update helpline %d: %w", id, err)
	}
	return h, nil
}

// Delete removes helpline id on behalf of admin actorID.
func (s *Helplines) Delete(ctx context.Context, actorID, id int64) error {
	if err := s.store.DeleteHelpline(ctx, id, actorID); err != nil {
		return fmt.Errorf("delete helpline %d: %w", id, err)
	}
	return nil
}
