package moderation

import (
	"context"
	"fmt"
	"slices"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// QueuePerPage is the size of a page of the queue.
const QueuePerPage = 25

// historyPerMember is how much of an author's moderation history each
// queue item shows.
const historyPerMember = 5

// QueueFilter narrows the queue.
type QueueFilter struct {
	// GroupSlug shows one group; "" shows every group the moderator has.
	GroupSlug string
	// Kind shows one kind of item; "" shows all.
	Kind string
	Page int
}

// QueueEntry is one item of the queue with everything a moderator needs to
// decide.
type QueueEntry struct {
	QueueRow
	Reports []ReportRow
	History []AuditEntry
	// CanSanction is true when the moderator may warn, suspend or ban the
	// author in this group.
	CanSanction bool
	// CheckIns are the check-ins the author was sent by the group's staff
	// since the item was opened.
	CheckIns []CheckInRow
}

// QueuePage is a page of the queue.
type QueuePage struct {
	Entries []QueueEntry
	// Groups are the groups the moderator may filter by.
	Groups []forum.Group
	// HasNext is true when another page follows.
	HasNext bool
}

// Queue lists the open items a moderator may act on, most urgent first:
// wellbeing concerns (longest waiting first), then reports by weight, then
// held posts.
func (s *Service) Queue(ctx context.Context, a *auth.Actor, f QueueFilter) (QueuePage, error) {
	if !auth.IsStaff(a) {
		return QueuePage{}, forbidden("not staff")
	}
	all, groups := auth.ModerationScope(a)
	gs, err := s.scopeGroups(ctx, a)
	if err != nil {
		return QueuePage{}, err
	}
	q := QueueQuery{All: all, Groups: groups, Limit: QueuePerPage, Offset: max(f.Page, 0) * QueuePerPage}
	switch f.Kind {
	case "", KindWellbeing, KindReport, KindHeld:
		q.Kind = f.Kind
	default:
		return QueuePage{}, fmt.Errorf("queue kind %q: %w", f.Kind, forum.ErrNotFound)
	}
	if f.GroupSlug != "" {
		g, err := s.store.GroupBySlug(ctx, f.GroupSlug)
		if err != nil {
			return QueuePage{}, fmt.Errorf("group %q: %w", f.GroupSlug, err)
		}
		if !auth.CanModerate(a, g.ID) {
			return QueuePage{}, forbidden("queue of a group the moderator does not moderate")
		}
		q.GroupID = g.ID
	}
	rows, err := s.store.Queue(ctx, q)
	if err != nil {
		return QueuePage{}, fmt.Errorf("queue: %w", err)
	}
	page := QueuePage{Groups: gs}
	if len(rows) > QueuePerPage {
		rows, page.HasNext = rows[:QueuePerPage], true
	}
	if page.Entries, err = s.entries(ctx, a, rows); err != nil {
		return page, err
	}
	return page, s.withCheckIns(ctx, page.Entries)
}

// entries adds reports and authors' histories to queue rows, with one read
// each for the whole page.
func (s *Service) entries(ctx context.Context, a *auth.Actor, rows []QueueRow) ([]QueueEntry, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	var posts, authors []int64
	for _, r := range rows {
		posts = append(posts, r.ID)
		if r.AuthorID != nil && !slices.Contains(authors, *r.AuthorID) {
			authors = append(authors, *r.AuthorID)
		}
	}
	reports, err := s.store.Reports(ctx, posts, true)
	if err != nil {
		return nil, fmt.Errorf("reports: %w", err)
	}
	var history []AuditEntry
	if len(authors) > 0 {
		if history, err = s.store.History(ctx, authors, historyPerMember*len(authors)*2); err != nil {
			return nil, fmt.Errorf("history: %w", err)
		}
	}
	out := make([]QueueEntry, 0, len(rows))
	for _, r := range rows {
		e := QueueEntry{QueueRow: r, CanSanction: s.canSanctionAuthor(a, r.PostRef)}
		for _, rep := range reports {
			if rep.PostID == r.ID && (rep.Reason == ReasonWellbeing) == (r.Item.Kind == KindWellbeing) {
				e.Reports = append(e.Reports, rep)
			}
		}
		e.Reports = hideReporters(a, r.PostRef, e.Reports)
		e.History = historyOf(history, r.AuthorID)
		out = append(out, e)
	}
	return out, nil
}

// historyOf picks a member's newest audit entries.
func historyOf(all []AuditEntry, author *int64) []AuditEntry {
	if author == nil {
		return nil
	}
	var out []AuditEntry
	for _, h := range all {
		if h.SubjectID != nil && *h.SubjectID == *author && len(out) < historyPerMember {
			out = append(out, h)
		}
	}
	return out
}

// canSanctionAuthor asks the permission layer whether a may sanction the
// post's author in the post's group.
func (s *Service) canSanctionAuthor(a *auth.Actor, p PostRef) bool {
	if p.AuthorID == nil {
		return false
	}
	target := &auth.Actor{ID: *p.AuthorID, Role: auth.Role(p.AuthorRole), Status: auth.Status(p.AuthorStatus), SiteWide: p.AuthorSiteMod}
	return auth.CanSanction(a, target, p.GroupID)
}

// scopeGroups lists the groups a moderates.
func (s *Service) scopeGroups(ctx context.Context, a *auth.Actor) ([]forum.Group, error) {
	gs, err := s.store.Groups(ctx)
	if err != nil {
		return nil, fmt.Errorf("groups: %w", err)
	}
	var out []forum.Group
	for _, g := range gs {
		if auth.CanModerate(a, g.ID) {
			out = append(out, g)
		}
	}
	return out, nil
}

// PostDetail is a moderator's view of one post: the post, its open queue
// items, every report, the author's history and sanctions.
type PostDetail struct {
	Post      PostRef
	Items     []QueueItem
	Reports   []ReportRow
	History   []AuditEntry
	Sanctions []Sanction
	Groups    []forum.Group
	Tags      []forum.Tag
	// CanSanction is true when the moderator may sanction the author here.
	CanSanction bool
}

// Detail returns the moderator's view of a post.
func (s *Service) Detail(ctx context.Context, a *auth.Actor, postID int64) (PostDetail, error) {
	p, err := s.loadPost(ctx, a, postID)
	if err != nil {
		return PostDetail{}, err
	}
	d := PostDetail{Post: p, CanSanction: s.canSanctionAuthor(a, p)}
	if d.Items, err = s.store.OpenItems(ctx, p.ID); err != nil {
		return d, fmt.Errorf("items: %w", err)
	}
	if d.Reports, err = s.store.Reports(ctx, []int64{p.ID}, false); err != nil {
		return d, fmt.Errorf("reports: %w", err)
	}
	d.Reports = hideReporters(a, p, d.Reports)
	if p.AuthorID != nil {
		if d.History, err = s.store.History(ctx, []int64{*p.AuthorID}, 20); err != nil {
			return d, fmt.Errorf("history: %w", err)
		}
		if d.Sanctions, err = s.store.Sanctions(ctx, *p.AuthorID); err != nil {
			return d, fmt.Errorf("sanctions: %w", err)
		}
	}
	if d.Groups, err = s.scopeGroups(ctx, a); err != nil {
		return d, err
	}
	if d.Tags, err = s.store.Tags(ctx); err != nil {
		return d, fmt.Errorf("tags: %w", err)
	}
	return d, nil
}

// WaitingConcerns counts the open wellbeing concerns a may act on; 0 for
// anyone who is not staff.
func (s *Service) WaitingConcerns(ctx context.Context, a *auth.Actor) (int, error) {
	all, groups := auth.ModerationScope(a)
	if !all && len(groups) == 0 {
		return 0, nil
	}
	return s.store.CountOpen(ctx, KindWellbeing, all, groups)
}

// Notices lists the member's unacknowledged notices, oldest first.
func (s *Service) Notices(ctx context.Context, userID int64) ([]Notice, error) {
	return s.store.PendingNotices(ctx, userID, 5)
}

// Acknowledge marks a member's notice read.
func (s *Service) Acknowledge(ctx context.Context, userID, noticeID int64) error {
	ok, err := s.store.AckNotice(ctx, userID, noticeID, s.now())
	if err != nil {
		return fmt.Errorf("acknowledge notice: %w", err)
	}
	if !ok {
		return fmt.Errorf("notice %d: %w", noticeID, forum.ErrNotFound)
	}
	return nil
}

// Waited is how long an item has been waiting at now.
func Waited(it QueueItem, now time.Time) time.Duration { return now.Sub(it.CreatedAt) }

// hideReporters blanks who reported a post when the moderator looking is
// its author: the reported member never learns who reported them.
func hideReporters(a *auth.Actor, p PostRef, rs []ReportRow) []ReportRow {
	if a == nil || p.AuthorID == nil || *p.AuthorID != a.ID {
		return rs
	}
	for i := range rs {
		rs[i].ReporterID, rs[i].ReporterName = nil, ""
	}
	return rs
}
