package moderation

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"strconv"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/events"
	"hearth/pkg/forum"
	"hearth/pkg/markup"
)

// Service runs reports, the queue, moderator actions, sanctions, the logs
// and site administration.
type Service struct {
	store  Store
	md     *markup.Renderer
	now    func() time.Time
	screen func(string) forum.Screening
	// bus hears what changed in the queue, after each commit (SetBus).
	bus *events.Bus
	// kept holds the site settings between requests (SetCoverCache).
	kept CoverCache
}

// NewService returns the moderation service on s, rendering group
// guidelines with md.
func NewService(s Store, md *markup.Renderer) *Service {
	return &Service{store: s, md: md, now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
}

// SetClock replaces the clock (tests of rate limits and suspensions).
func (s *Service) SetClock(now func() time.Time) { s.now = now }

// SetScreener sets the crisis-language screening run on what members
// write in a check-in (hearth/pkg/forum's Service.Screen).
func (s *Service) SetScreener(f func(string) forum.Screening) { s.screen = f }

// SetBus makes the service publish what reaches the queue on b, once each
// change has committed.
func (s *Service) SetBus(b *events.Bus) { s.bus = b }

// postEvent is the event of kind k about post p at now.
func postEvent(k events.Kind, p PostRef, now time.Time) events.Event {
	e := events.Event{Kind: k, GroupID: p.GroupID, ThreadID: p.ThreadID, PostID: p.ID, Tags: string(p.Tags), At: now}
	if p.AuthorID != nil {
		e.AuthorID = *p.AuthorID
	}
	return e
}

// changed publishes that a moderator changed post p (its status, its
// fold, its queue items), once the change has committed, so live thread
// pages count again and moderators' queues refresh.
func (s *Service) changed(p PostRef, err error) {
	if err == nil {
		s.bus.Publish(postEvent(events.Changed, p, s.now()))
	}
}

// Request is who acts, from which queue item (0 when acting from a thread
// or a member's page), and why.
type Request struct {
	Actor *auth.Actor
	// ItemID is the queue item the moderator acted from; the action then
	// also handles that item, once.
	ItemID int64
	Reason string
}

// Outcome says what an action did, for the moderator's confirmation.
type Outcome struct {
	Action   string
	PostID   int64
	ThreadID int64
	// Changed is false when there was nothing to change (same tags).
	Changed bool
}

// Message is the confirmation shown to the moderator.
func (o Outcome) Message() string {
	if !o.Changed {
		return "Nothing needed changing."
	}
	return Describe(o.Action) + "."
}

// forbidden wraps forum.ErrForbidden with what was refused, for the log.
func forbidden(what string) error { return fmt.Errorf("moderation: %s: %w", what, forum.ErrForbidden) }

// loadPost returns the post and checks that a may moderate its group.
func (s *Service) loadPost(ctx context.Context, a *auth.Actor, postID int64) (PostRef, error) {
	if !auth.IsStaff(a) {
		return PostRef{}, forbidden("not staff")
	}
	p, err := s.store.PostRef(ctx, postID)
	if err != nil {
		return PostRef{}, fmt.Errorf("post %d: %w", postID, err)
	}
	if !auth.CanModerate(a, p.GroupID) {
		return PostRef{}, forbidden("post outside the moderator's groups")
	}
	return p, nil
}

// loadThread returns a thread's opening post and checks that a may moderate
// its group.
func (s *Service) loadThread(ctx context.Context, a *auth.Actor, threadID int64) (PostRef, error) {
	if !auth.IsStaff(a) {
		return PostRef{}, forbidden("not staff")
	}
	p, err := s.store.ThreadRef(ctx, threadID)
	if err != nil {
		return PostRef{}, fmt.Errorf("thread %d: %w", threadID, err)
	}
	if !auth.CanModerate(a, p.GroupID) {
		return PostRef{}, forbidden("thread outside the moderator's groups")
	}
	return p, nil
}

// checkItem makes sure the item a moderator acts from is about postID.
func (s *Service) checkItem(ctx context.Context, itemID, postID int64) error {
	if itemID == 0 {
		return nil
	}
	it, err := s.store.Item(ctx, itemID)
	if err != nil {
		return fmt.Errorf("queue item %d: %w", itemID, err)
	}
	if it.PostID != postID {
		return fmt.Errorf("queue item %d is about post %d, not %d: %w", itemID, it.PostID, postID, forum.ErrNotFound)
	}
	return nil
}

// claim handles the queue item the moderator acted from, once, after
// locking its post.
func claim(tx Tx, r Request, action string, postID int64, at time.Time) error {
	if r.ItemID == 0 {
		return nil
	}
	if err := tx.LockPost(postID); err != nil {
		return err
	}
	ok, err := tx.ClaimItem(r.ItemID, r.Actor.ID, action, at)
	if err != nil {
		return err
	}
	it, err := tx.Item(r.ItemID)
	if err != nil {
		return err
	}
	if ok {
		// A moderator who handled a wellbeing concern has looked at the
		// post: other readers may see it now.
		if it.Kind == KindWellbeing {
			_, err = tx.Unfold(it.PostID)
		}
		return err
	}
	h := &AlreadyHandledError{Action: it.Resolution}
	if it.HandledAt != nil {
		h.At = *it.HandledAt
	}
	return h
}

// alreadyHandled explains a conditional update that changed nothing, from
// the newest audit entry about the target.
func alreadyHandled(tx Tx, targetType string, id int64) error {
	e, err := tx.LastAudit(targetType, id)
	if errors.Is(err, forum.ErrNotFound) {
		return &AlreadyHandledError{}
	}
	if err != nil {
		return err
	}
	return &AlreadyHandledError{At: e.CreatedAt, Action: e.Action}
}

// entry builds an audit entry about a post or thread.
func entry(r Request, action, targetType string, targetID, groupID int64, subject *int64, at time.Time) *AuditEntry {
	e := &AuditEntry{Action: action, TargetType: targetType, TargetID: &targetID, Reason: r.Reason, SubjectID: subject, Public: IsPublic(action), CreatedAt: at}
	if r.Actor != nil {
		id := r.Actor.ID
		e.ActorID = &id
	}
	if groupID > 0 {
		e.GroupID = &groupID
	}
	return e
}

// sha returns the hex SHA-256 of text.
func sha(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// RedactedText is what replaces redacted words.
func RedactedText(reason string) string { return fmt.Sprintf("Redacted by moderators: %s", reason) }

// redactedHTML is the stored HTML of a redacted post: the reason, escaped.
func redactedHTML(reason string) string {
	return `<p><em>` + html.EscapeString(RedactedText(reason)) + `</em></p>`
}

// postLink is where a notice or the log points for a post.
func postLink(p PostRef) string {
	return "/t/" + strconv.FormatInt(p.ThreadID, 10) + "#p-" + strconv.FormatInt(p.ID, 10)
}

// threadLink is where a notice points for a whole thread.
func threadLink(p PostRef) string { return "/t/" + strconv.FormatInt(p.ThreadID, 10) }

// notifyAuthor leaves a notice for the post's author, if they still exist.
func notifyAuthor(tx Tx, p PostRef, kind, message, reason, link string, at time.Time) error {
	if p.AuthorID == nil {
		return nil
	}
	return tx.Notify(&Notice{UserID: *p.AuthorID, Kind: kind, Message: message, Reason: reason, Link: link, CreatedAt: at})
}

// canModerate asks the one permission check whether the request's actor
// moderates groupID.
func canModerate(r Request, groupID int64) bool { return auth.CanModerate(r.Actor, groupID) }

// PostFor returns a post for a moderator of its group: the check a
// confirmation step makes before it asks, so that it never asks about a
// post the moderator may not act on or that does not exist.
func (s *Service) PostFor(ctx context.Context, a *auth.Actor, postID int64) (PostRef, error) {
	return s.loadPost(ctx, a, postID)
}
