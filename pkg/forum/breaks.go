package forum

import (
	"context"
	"fmt"
	"time"
)

// Scopes of a break.
const (
	// BreakPosting keeps the member from writing anything; they can still read.
	BreakPosting = "posting"
	// BreakSite keeps the member out of Hearth except the crisis page, the
	// break settings and signing out.
	BreakSite = "site"
	// BreakGroup keeps the member out of one group.
	BreakGroup = "group"
	// BreakTag keeps content with one trigger-warning tag away from the
	// member, and them from posting with it.
	BreakTag = "tag"
)

// Break lengths and the cooling-off day: a break cannot be undone at once,
// only shortened to end one CoolingOff after the member asks.
const (
	BreakMinDays = 1
	BreakMaxDays = 30
	CoolingOff   = 24 * time.Hour
)

// Break is a period a member chose to step away for.
type Break struct {
	ID             int64      `gorm:"column:id;primaryKey"`
	UserID         int64      `gorm:"column:user_id"`
	Scope          string     `gorm:"column:scope"`
	GroupID        *int64     `gorm:"column:group_id"`
	Tag            string     `gorm:"column:tag"`
	StartsAt       time.Time  `gorm:"column:starts_at"`
	EndsAt         time.Time  `gorm:"column:ends_at"`
	EndRequestedAt *time.Time `gorm:"column:end_requested_at"`
	CreatedAt      time.Time  `gorm:"column:created_at"`
}

// TableName is the table Break is stored in.
func (Break) TableName() string { return "breaks" }

// BreakStore is what the break service needs from persistence.
type BreakStore interface {
	CreateBreak(ctx context.Context, b *Break) error
	// ActiveBreaks lists userID's breaks that end after now, latest end first.
	ActiveBreaks(ctx context.Context, userID int64, now time.Time) ([]Break, error)
	// UserBreak returns ErrNotFound unless break id belongs to userID.
	UserBreak(ctx context.Context, userID, id int64) (Break, error)
	// ShortenBreak sets ends_at to endsAt and end_requested_at to at, only
	// if the break would otherwise end later than endsAt.
	ShortenBreak(ctx context.Context, userID, id int64, endsAt, at time.Time) error
}

// Breaks is the break service.
type Breaks struct {
	store BreakStore
	now   func() time.Time
}

// NewBreaks returns the break service on s.
func NewBreaks(s BreakStore) *Breaks {
	return &Breaks{store: s, now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
}

// SetClock replaces the service's clock (tests of the cooling-off day).
func (s *Breaks) SetClock(now func() time.Time) { s.now = now }

// Now is the service's clock.
func (s *Breaks) Now() time.Time { return s.now() }

// BreakInput is what a member chose on the break form. The caller checks
// that GroupID and Tag name a real group and tag.
type BreakInput struct {
	Scope   string
	Days    int
	GroupID int64
	Tag     string
}

// Start begins a break for userID now; invalid input is a *ValidationError.
func (s *Breaks) Start(ctx context.Context, userID int64, in BreakInput) (Break, error) {
	v := &ValidationError{}
	switch in.Scope {
	case BreakPosting, BreakSite:
	case BreakGroup:
		if in.GroupID <= 0 {
			v.Add("group", "Please choose the group you'd like a break from.")
		}
	case BreakTag:
		if in.Tag == "" {
			v.Add("tag", "Please choose the topic you'd like a break from.")
		}
	default:
		v.Add("scope", "Please choose what you'd like a break from.")
	}
	if in.Days < BreakMinDays || in.Days > BreakMaxDays {
		v.Add("days", fmt.Sprintf("Please choose a length from %d day to %d days.", BreakMinDays, BreakMaxDays))
	}
	if err := v.OrNil(); err != nil {
		return Break{}, err
	}
	now := s.now()
	b := Break{UserID: userID, Scope: in.Scope, StartsAt: now, EndsAt: now.Add(time.Duration(in.Days) * 24 * time.Hour), CreatedAt: now}
	if in.Scope == BreakGroup {
		b.GroupID = &in.GroupID
	}
	if in.Scope == BreakTag {
		b.Tag = in.Tag
	}
	if err := s.store.CreateBreak(ctx, &b); err != nil {
		return Break{}, fmt.Errorf("start break: %w", err)
	}
	return b, nil
}

// Active returns userID's current breaks (none for visitors).
func (s *Breaks) Active(ctx context.Context, userID int64) (BreakSet, error) {
	if userID == 0 {
		return nil, nil
	}
	bs, err := s.store.ActiveBreaks(ctx, userID, s.now())
	if err != nil {
		return nil, fmt.Errorf("breaks of %d: %w", userID, err)
	}
	return bs, nil
}

// RequestEnd asks for break id of userID to end early. It ends one cooling-off
// day from now (or when it was due, if sooner); it is never lifted at once.
// The returned break carries the new end.
func (s *Breaks) RequestEnd(ctx context.Context, userID, id int64) (Break, error) {
	b, err := s.store.UserBreak(ctx, userID, id)
	if err != nil {
		return Break{}, fmt.Errorf("break %d: %w", id, err)
	}
	now := s.now()
	end := now.Add(CoolingOff)
	if !b.EndsAt.After(end) {
		return b, nil
	}
	if err := s.store.ShortenBreak(ctx, userID, id, end, now); err != nil {
		return Break{}, fmt.Errorf("shorten break %d: %w", id, err)
	}
	b.EndsAt, b.EndRequestedAt = end, &now
	return b, nil
}

// BreakSet is a member's active breaks, latest end first.
type BreakSet []Break

// Site is the break that keeps the member out of Hearth, or nil.
func (bs BreakSet) Site() *Break { return bs.first(func(b Break) bool { return b.Scope == BreakSite }) }

// Group is the break that keeps the member out of group groupID (a site
// break counts), or nil.
func (bs BreakSet) Group(groupID int64) *Break {
	return bs.first(func(b Break) bool {
		return b.Scope == BreakSite || (b.Scope == BreakGroup && b.GroupID != nil && *b.GroupID == groupID)
	})
}

// Posting is the break that stops the member writing in group groupID on a
// thread or post tagged tags, or nil.
func (bs BreakSet) Posting(groupID int64, tags Tags) *Break {
	return bs.first(func(b Break) bool {
		switch b.Scope {
		case BreakSite, BreakPosting:
			return true
		case BreakGroup:
			return b.GroupID != nil && *b.GroupID == groupID
		case BreakTag:
			return tags.Has(b.Tag)
		}
		return false
	})
}

// HiddenTags lists the tags the member is taking a break from.
func (bs BreakSet) HiddenTags() []string {
	var out []string
	for _, b := range bs {
		if b.Scope == BreakTag {
			out = append(out, b.Tag)
		}
	}
	return out
}

// Tag is the break from tag, or nil.
func (bs BreakSet) Tag(tag string) *Break {
	return bs.first(func(b Break) bool { return b.Scope == BreakTag && b.Tag == tag })
}

// first returns the matching break that ends last (bs is ordered so).
func (bs BreakSet) first(match func(Break) bool) *Break {
	for i := range bs {
		if match(bs[i]) {
			return &bs[i]
		}
	}
	return nil
}
