package moderation

import (
	"context"
	"fmt"
	"strings"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// Dismiss handles a queue item without hiding anything: reports are
// reviewed and need no action, a wellbeing concern has been looked after, a
// held post is approved and published. A post hidden by reports is shown
// again unless it also waits for pre-moderation. The author is told, with
// the reason, of reviewed reports and of approval; a wellbeing concern's
// note stays with the moderators.
func (s *Service) Dismiss(ctx context.Context, r Request) (Outcome, error) {
	if !auth.IsStaff(r.Actor) {
		return Outcome{}, forbidden("not staff")
	}
	it, err := s.store.Item(ctx, r.ItemID)
	if err != nil {
		return Outcome{}, fmt.Errorf("queue item %d: %w", r.ItemID, err)
	}
	p, err := s.loadPost(ctx, r.Actor, it.PostID)
	if err != nil {
		return Outcome{}, err
	}
	action := ActionDismiss
	if it.Kind == KindHeld {
		action = ActionApprove
	}
	out := Outcome{Action: action, PostID: p.ID, ThreadID: p.ThreadID, Changed: true}
	if err := checkReason(r.Reason, false); err != nil {
		return out, err
	}
	now := s.now()
	err = s.store.Atomic(ctx, func(tx Tx) error {
		if err := claim(tx, r, action, p.ID, now); err != nil {
			return err
		}
		if err := tx.CloseReports(p.ID, it.Kind == KindWellbeing, now); err != nil {
			return err
		}
		if it.Kind != KindWellbeing {
			if err := release(tx, p, it.Kind, r.Reason, now); err != nil {
				return err
			}
		}
		return tx.Audit(entry(r, action, "post", p.ID, p.GroupID, p.AuthorID, now))
	})
	s.changed(p, err)
	return out, err
}

// release publishes a held post once nothing else holds it (dismissing
// reports does not publish a post that still waits for pre-moderation), and
// tells the author what the review found, with the moderator's reason.
func release(tx Tx, p PostRef, kind, reason string, now time.Time) error {
	if kind == KindReport {
		waiting, err := tx.HasOpenItem(p.ID, KindHeld)
		if err != nil {
			return err
		}
		if waiting {
			return notifyAuthor(tx, p, NoticeAction, toldReviewed(p, false, true), reason, postLink(p), now)
		}
	}
	ok, err := tx.SetPostStatus(p.ID, []string{forum.StatusHeld}, forum.StatusVisible, "", now)
	if err != nil {
		return err
	}
	if !ok {
		if kind == KindReport {
			return notifyAuthor(tx, p, NoticeAction, toldReviewed(p, false, false), reason, postLink(p), now)
		}
		return nil
	}
	if p.IsOpening() {
		if _, err := tx.SetThreadStatus(p.ThreadID, []string{forum.StatusHeld}, forum.StatusVisible, now); err != nil {
			return err
		}
	}
	if kind == KindHeld {
		if err := tx.Publish(p.ID, now); err != nil {
			return err
		}
	}
	msg := toldReviewed(p, true, false)
	if kind == KindHeld {
		msg = toldApproved(p)
	}
	return notifyAuthor(tx, p, NoticeAction, msg, reason, postLink(p), now)
}

// Remove hides a post from members behind a placeholder; moderators can
// still open and restore it. It needs a reason, and the author is told.
func (s *Service) Remove(ctx context.Context, postID int64, r Request) (Outcome, error) {
	p, err := s.postForAction(ctx, postID, r, true)
	if err != nil {
		return Outcome{}, err
	}
	now := s.now()
	err = s.store.Atomic(ctx, func(tx Tx) error {
		if err := claim(tx, r, ActionRemove, p.ID, now); err != nil {
			return err
		}
		premod, err := tx.HasOpenItem(p.ID, KindHeld)
		if err != nil {
			return err
		}
		ok, err := tx.SetPostStatus(p.ID, []string{forum.StatusVisible, forum.StatusHeld}, forum.StatusRemoved, r.Reason, now)
		if err != nil {
			return err
		}
		if !ok {
			return alreadyHandled(tx, "post", p.ID)
		}
		if err := closeAll(tx, r, p.ID, ActionRemove, now); err != nil {
			return err
		}
		if err := tx.Audit(entry(r, ActionRemove, "post", p.ID, p.GroupID, p.AuthorID, now)); err != nil {
			return err
		}
		return notifyAuthor(tx, p, NoticeAction, toldRemoved(p, premod), r.Reason, postLink(p), now)
	})
	s.changed(p, err)
	return Outcome{Action: ActionRemove, PostID: p.ID, ThreadID: p.ThreadID, Changed: true}, err
}

// closeAll handles every open item and report of a post after an action
// that settles it.
func closeAll(tx Tx, r Request, postID int64, action string, now time.Time) error {
	if err := tx.CloseItems(postID, r.Actor.ID, action, now); err != nil {
		return err
	}
	if _, err := tx.Unfold(postID); err != nil {
		return err
	}
	if err := tx.CloseReports(postID, false, now); err != nil {
		return err
	}
	return tx.CloseReports(postID, true, now)
}

// Restore shows a removed or held post again: a post pre-moderation held
// is published, one hidden by reports shown again. The author is told which,
// with the reason.
func (s *Service) Restore(ctx context.Context, postID int64, r Request) (Outcome, error) {
	p, err := s.postForAction(ctx, postID, r, false)
	if err != nil {
		return Outcome{}, err
	}
	now := s.now()
	err = s.store.Atomic(ctx, func(tx Tx) error {
		if err := claim(tx, r, ActionRestore, p.ID, now); err != nil {
			return err
		}
		// A post pre-moderation holds has never been counted or notified.
		premod, err := tx.HasOpenItem(p.ID, KindHeld)
		if err != nil {
			return err
		}
		ok, err := tx.SetPostStatus(p.ID, []string{forum.StatusRemoved, forum.StatusHeld}, forum.StatusVisible, "", now)
		if err != nil {
			return err
		}
		if !ok {
			return alreadyHandled(tx, "post", p.ID)
		}
		if p.IsOpening() {
			if _, err := tx.SetThreadStatus(p.ThreadID, []string{forum.StatusHeld, forum.StatusRemoved}, forum.StatusVisible, now); err != nil {
				return err
			}
		}
		if premod {
			if err := tx.Publish(p.ID, now); err != nil {
				return err
			}
		}
		if err := tx.CloseItems(p.ID, r.Actor.ID, ActionRestore, now, KindHeld, KindReport); err != nil {
			return err
		}
		if err := tx.CloseReports(p.ID, false, now); err != nil {
			return err
		}
		if err := tx.Audit(entry(r, ActionRestore, "post", p.ID, p.GroupID, p.AuthorID, now)); err != nil {
			return err
		}
		return notifyAuthor(tx, p, NoticeAction, toldRestored(p, premod), r.Reason, postLink(p), now)
	})
	s.changed(p, err)
	return Outcome{Action: ActionRestore, PostID: p.ID, ThreadID: p.ThreadID, Changed: true}, err
}

// RedactPost replaces a post's words with "Redacted by moderators: REASON"
// for good. The original leaves every view, the search index, revisions
// and notifications; the audit log keeps only its SHA-256.
func (s *Service) RedactPost(ctx context.Context, postID int64, r Request) (Outcome, error) {
	p, err := s.postForAction(ctx, postID, r, true)
	if err != nil {
		return Outcome{}, err
	}
	now := s.now()
	err = s.store.Atomic(ctx, func(tx Tx) error {
		if err := claim(tx, r, ActionRedactPost, p.ID, now); err != nil {
			return err
		}
		orig, ok, err := tx.ClaimPostText(p.ID, now)
		if err != nil {
			return err
		}
		if !ok {
			return alreadyHandled(tx, "post", p.ID)
		}
		if err := tx.RedactPost(p.ID, RedactedText(r.Reason), redactedHTML(r.Reason), r.Reason, now); err != nil {
			return err
		}
		if err := closeAll(tx, r, p.ID, ActionRedactPost, now); err != nil {
			return err
		}
		e := entry(r, ActionRedactPost, "post", p.ID, p.GroupID, p.AuthorID, now)
		e.ContentSHA256 = sha(orig.BodyMD)
		if err := tx.Audit(e); err != nil {
			return err
		}
		return notifyAuthor(tx, p, NoticeAction, toldRedacted(p), r.Reason, postLink(p), now)
	})
	s.changed(p, err)
	return Outcome{Action: ActionRedactPost, PostID: p.ID, ThreadID: p.ThreadID, Changed: true}, err
}

// SetPostTags replaces a post's trigger warnings with tags, which must all
// be in the vocabulary. seen is the tags the moderator's form showed (nil
// when the caller does not say, and then the tags read now count): when the
// post's tags are no longer those, or change before the write, nothing is
// changed and the error is ErrTagsChanged, so one moderator's edit is never
// silently undone by another's made on the same old tags.
func (s *Service) SetPostTags(ctx context.Context, postID int64, tags []string, seen *forum.Tags, r Request) (Outcome, error) {
	if err := checkReason(r.Reason, false); err != nil {
		return Outcome{}, err
	}
	p, err := s.loadPost(ctx, r.Actor, postID)
	if err != nil {
		return Outcome{}, err
	}
	set, names, err := s.vocabulary(ctx, tags)
	if err != nil {
		return Outcome{}, err
	}
	out := Outcome{Action: ActionTagPost, PostID: p.ID, ThreadID: p.ThreadID}
	if set == p.Tags {
		return out, nil
	}
	if stale(seen, p.Tags) {
		return out, ErrTagsChanged
	}
	now := s.now()
	err = s.store.Atomic(ctx, func(tx Tx) error {
		ok, err := tx.SetPostTags(p.ID, p.Tags, set, now)
		if err != nil {
			return err
		}
		if !ok {
			return ErrTagsChanged
		}
		e := entry(r, ActionTagPost, "post", p.ID, p.GroupID, p.AuthorID, now)
		e.Detail = tagChange(p.Tags, set)
		if err := tx.Audit(e); err != nil {
			return err
		}
		return notifyAuthor(tx, p, NoticeAction, toldTagged(p, false, p.Tags, set, names), r.Reason, postLink(p), now)
	})
	out.Changed = err == nil
	return out, err
}

// stale reports whether the tags a moderator's form showed (nil: not
// known) differ from the tags read now.
func stale(seen *forum.Tags, now forum.Tags) bool {
	return seen != nil && forum.MakeTags(seen.Slugs()) != forum.MakeTags(now.Slugs())
}

// vocabulary checks that every slug is a known trigger warning, and
// returns the set with the vocabulary's names by slug.
func (s *Service) vocabulary(ctx context.Context, slugs []string) (forum.Tags, map[string]string, error) {
	known, err := s.store.Tags(ctx)
	if err != nil {
		return "", nil, fmt.Errorf("tags: %w", err)
	}
	names := map[string]string{}
	for _, t := range known {
		names[t.Slug] = t.Name
	}
	for _, sl := range slugs {
		if names[sl] == "" {
			v := &forum.ValidationError{}
			v.Add("trigger_warnings", "Please choose trigger warnings from the list.")
			return "", nil, v
		}
	}
	return forum.MakeTags(slugs), names, nil
}

// tagChange describes the difference between two tag sets.
func tagChange(before, after forum.Tags) string {
	var added, removed []string
	for _, t := range after.Slugs() {
		if !before.Has(t) {
			added = append(added, t)
		}
	}
	for _, t := range before.Slugs() {
		if !after.Has(t) {
			removed = append(removed, t)
		}
	}
	d := ""
	if len(added) > 0 {
		d = "added " + strings.Join(added, ", ")
	}
	if len(removed) > 0 {
		if d != "" {
			d += "; "
		}
		d += "removed " + strings.Join(removed, ", ")
	}
	return d
}

// postForAction checks what every action on one post checks first: the
// reason (required when reasonRequired), that the actor may moderate the
// post's group, and that a queue item named by the request is about it.
func (s *Service) postForAction(ctx context.Context, postID int64, r Request, reasonRequired bool) (PostRef, error) {
	if err := checkReason(r.Reason, reasonRequired); err != nil {
		return PostRef{}, err
	}
	p, err := s.loadPost(ctx, r.Actor, postID)
	if err != nil {
		return PostRef{}, err
	}
	if err := s.checkItem(ctx, r.ItemID, postID); err != nil {
		return PostRef{}, err
	}
	return p, nil
}
