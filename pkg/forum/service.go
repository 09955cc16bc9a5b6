package forum

import (
	"context"
	"fmt"
	"strings"
	"time"

	"hearth/pkg/events"
	"hearth/pkg/markup"
)

// ThreadsPerPage is the size of a page of a group's thread list.
const ThreadsPerPage = 30

// Service answers the forum's reading and writing questions.
type Service struct {
	store   Store
	now     func() time.Time
	md      *markup.Renderer
	screen  Screener
	nameKey func(string) string
	// rows shares thread pages' rows between readers (WithRowCache); nil
	// when off.
	rows RowCache
	// bus hears of new replies and posts entering the queue (WithBus);
	// nil when nobody listens.
	bus *events.Bus
	// offHours holds members' first posts while no moderator is around
	// (WithOffHours); nil when off.
	offHours OffHours
}

// NewService returns a Service on s.
func NewService(s Store, opts ...Option) *Service {
	svc := &Service{store: s, now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
	for _, o := range opts {
		o(svc)
	}
	if svc.md == nil {
		svc.md = markup.New()
	}
	if svc.nameKey == nil {
		svc.nameKey = strings.ToLower
	}
	return svc
}

// Groups lists the groups members can see, in display order, without
// their guidelines and timestamps (see Store.GroupList); Group has them.
func (s *Service) Groups(ctx context.Context) ([]Group, error) {
	gs, err := s.store.GroupList(ctx)
	if err != nil {
		return nil, fmt.Errorf("list groups: %w", err)
	}
	return gs, nil
}

// GroupChoices lists the groups members can see, in display order, with
// only their ID, slug and name (see Store.GroupChoices).
func (s *Service) GroupChoices(ctx context.Context) ([]Group, error) {
	gs, err := s.store.GroupChoices(ctx)
	if err != nil {
		return nil, fmt.Errorf("list group choices: %w", err)
	}
	return gs, nil
}

// Group returns the group with slug.
func (s *Service) Group(ctx context.Context, slug string) (Group, error) {
	g, err := s.store.GroupBySlug(ctx, slug)
	if err != nil {
		return Group{}, fmt.Errorf("group %q: %w", slug, err)
	}
	return g, nil
}

// ThreadPage is one page of a group's thread list.
type ThreadPage struct {
	Threads []ThreadSummary
	// Next is the cursor of the following page, or "" on the last page.
	Next string
}

// GroupThreads returns the page of g's threads after cursor (empty for the
// first page), leaving out threads with any tag in hide.
func (s *Service) GroupThreads(ctx context.Context, g Group, cursor string, hide []string, viewerID int64) (ThreadPage, error) {
	after, err := DecodeThreadCursor(cursor)
	if err != nil {
		return ThreadPage{}, err
	}
	rows, err := s.store.Threads(ctx, ThreadQuery{GroupID: g.ID, After: after, Limit: ThreadsPerPage, HideTags: hide, ViewerID: viewerID})
	if err != nil {
		return ThreadPage{}, fmt.Errorf("list threads of %s: %w", g.Slug, err)
	}
	var p ThreadPage
	if len(rows) > ThreadsPerPage {
		rows = rows[:ThreadsPerPage]
		last := rows[len(rows)-1]
		p.Next = ThreadCursor{Pinned: last.Pinned, LastPostAt: last.LastPostAt, ID: last.ID}.Encode()
	}
	p.Threads = rows
	return p, nil
}

// Tags lists the trigger-warning vocabulary.
func (s *Service) Tags(ctx context.Context) ([]Tag, error) {
	ts, err := s.store.Tags(ctx)
	if err != nil {
		return nil, fmt.Errorf("list tags: %w", err)
	}
	return ts, nil
}
