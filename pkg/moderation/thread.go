package moderation

import (
	"context"
	"errors"
	"fmt"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// RedactedTitle replaces the title of a redacted thread.
const RedactedTitle = "Redacted by moderators"

// RedactThread redacts a thread's title and opening post and locks it. The
// replies and the shape of the conversation stay.
func (s *Service) RedactThread(ctx context.Context, threadID int64, r Request) (Outcome, error) {
	if err := checkReason(r.Reason, true); err != nil {
		return Outcome{}, err
	}
	p, err := s.loadThread(ctx, r.Actor, threadID)
	if err != nil {
		return Outcome{}, err
	}
	if err := s.checkItem(ctx, r.ItemID, p.ID); err != nil {
		return Outcome{}, err
	}
	now := s.now()
	err = s.store.Atomic(ctx, func(tx Tx) error {
		if err := claim(tx, r, ActionRedactThread, p.ID, now); err != nil {
			return err
		}
		th, ok, err := tx.ClaimThreadText(threadID, now)
		if err != nil {
			return err
		}
		if !ok {
			return alreadyHandled(tx, "thread", threadID)
		}
		original := th.Title
		post, ok, err := tx.ClaimPostText(p.ID, now)
		if err != nil {
			return err
		}
		if ok {
			original += "\n\n" + post.BodyMD
			if err := tx.RedactPost(p.ID, RedactedText(r.Reason), redactedHTML(r.Reason), r.Reason, now); err != nil {
				return err
			}
		}
		if err := tx.RedactThread(threadID, RedactedTitle, r.Reason, now); err != nil {
			return err
		}
		if err := closeAll(tx, r, p.ID, ActionRedactThread, now); err != nil {
			return err
		}
		e := entry(r, ActionRedactThread, "thread", threadID, p.GroupID, p.AuthorID, now)
		e.ContentSHA256 = sha(original)
		if err := tx.Audit(e); err != nil {
			return err
		}
		return notifyAuthor(tx, p, NoticeAction, toldThreadRedacted(p), r.Reason, postLink(p), now)
	})
	return Outcome{Action: ActionRedactThread, PostID: p.ID, ThreadID: threadID, Changed: true}, err
}

// Lock closes a thread to members' replies, with the reason shown in a
// banner; moderators may still reply. The thread's author is told, with the
// reason the moderator gave.
func (s *Service) Lock(ctx context.Context, threadID int64, r Request) (Outcome, error) {
	return s.setLocked(ctx, threadID, true, r)
}

// Unlock opens a locked thread to replies again.
func (s *Service) Unlock(ctx context.Context, threadID int64, r Request) (Outcome, error) {
	return s.setLocked(ctx, threadID, false, r)
}

func (s *Service) setLocked(ctx context.Context, threadID int64, locked bool, r Request) (Outcome, error) {
	if err := checkReason(r.Reason, false); err != nil {
		return Outcome{}, err
	}
	p, err := s.loadThread(ctx, r.Actor, threadID)
	if err != nil {
		return Outcome{}, err
	}
	action, reason, given := ActionUnlock, "", r.Reason
	if locked {
		action, reason = ActionLock, r.Reason
		if reason == "" {
			reason = "This conversation is closed to new replies."
			r.Reason = reason
		}
	}
	now := s.now()
	err = s.store.Atomic(ctx, func(tx Tx) error {
		ok, err := tx.SetLocked(threadID, locked, reason, now)
		if err != nil {
			return err
		}
		if !ok {
			return alreadyHandled(tx, "thread", threadID)
		}
		if err := tx.Audit(entry(r, action, "thread", threadID, p.GroupID, p.AuthorID, now)); err != nil {
			return err
		}
		if !locked {
			return nil
		}
		return notifyAuthor(tx, p, NoticeAction, toldLocked(p), given, threadLink(p), now)
	})
	return Outcome{Action: action, PostID: p.ID, ThreadID: threadID, Changed: true}, err
}

// Pin keeps a thread at the top of its group; Pin with pinned false unpins.
func (s *Service) Pin(ctx context.Context, threadID int64, pinned bool, r Request) (Outcome, error) {
	if err := checkReason(r.Reason, false); err != nil {
		return Outcome{}, err
	}
	p, err := s.loadThread(ctx, r.Actor, threadID)
	if err != nil {
		return Outcome{}, err
	}
	action := ActionUnpin
	if pinned {
		action = ActionPin
	}
	now := s.now()
	err = s.store.Atomic(ctx, func(tx Tx) error {
		ok, err := tx.SetPinned(threadID, pinned, now)
		if err != nil {
			return err
		}
		if !ok {
			return alreadyHandled(tx, "thread", threadID)
		}
		return tx.Audit(entry(r, action, "thread", threadID, p.GroupID, p.AuthorID, now))
	})
	return Outcome{Action: action, PostID: p.ID, ThreadID: threadID, Changed: true}, err
}

// Move moves a thread, with its posts, to the group with slug. The
// moderator must moderate both groups; the posting rules (forum.Decide)
// refuse a move into an archived group or the group it is in.
func (s *Service) Move(ctx context.Context, threadID int64, slug string, r Request) (Outcome, error) {
	if err := checkReason(r.Reason, false); err != nil {
		return Outcome{}, err
	}
	p, err := s.loadThread(ctx, r.Actor, threadID)
	if err != nil {
		return Outcome{}, err
	}
	to, err := s.store.GroupBySlug(ctx, slug)
	if errors.Is(err, forum.ErrNotFound) {
		v := &forum.ValidationError{}
		v.Add("group", "Please choose a group to move the thread to.")
		return Outcome{}, v
	}
	if err != nil {
		return Outcome{}, fmt.Errorf("group %q: %w", slug, err)
	}
	if !canModerate(r, to.ID) {
		return Outcome{}, forbidden("move into a group the moderator does not moderate")
	}
	move := forum.Facts{Act: forum.ActMove, Writer: forum.Writer{ID: r.Actor.ID, Moderator: true},
		Thread: forum.Thread{ID: threadID, GroupID: p.GroupID}, Group: to}
	if err := forum.Decide(move).Err(); err != nil {
		return Outcome{}, err
	}
	now := s.now()
	err = s.store.Atomic(ctx, func(tx Tx) error {
		ok, err := tx.MoveThread(threadID, p.GroupID, to.ID, now)
		if err != nil {
			return err
		}
		if !ok {
			return alreadyHandled(tx, "thread", threadID)
		}
		e := entry(r, ActionMove, "thread", threadID, to.ID, p.AuthorID, now)
		e.Detail = "from " + p.GroupName + " to " + to.Name
		if err := tx.Audit(e); err != nil {
			return err
		}
		return notifyAuthor(tx, p, NoticeAction, toldMoved(p, to.Name), r.Reason, threadLink(p), now)
	})
	return Outcome{Action: ActionMove, PostID: p.ID, ThreadID: threadID, Changed: true}, err
}

// SetThreadTags replaces a thread's trigger warnings, and its opening
// post's, with tags from the vocabulary. seen is the thread's tags as the
// moderator's form showed them (nil: not known); as with SetPostTags, tags
// that changed meanwhile are not overwritten and the error is
// ErrTagsChanged.
func (s *Service) SetThreadTags(ctx context.Context, threadID int64, tags []string, seen *forum.Tags, r Request) (Outcome, error) {
	if err := checkReason(r.Reason, false); err != nil {
		return Outcome{}, err
	}
	p, err := s.loadThread(ctx, r.Actor, threadID)
	if err != nil {
		return Outcome{}, err
	}
	set, names, err := s.vocabulary(ctx, tags)
	if err != nil {
		return Outcome{}, err
	}
	out := Outcome{Action: ActionTagThread, PostID: p.ID, ThreadID: threadID}
	if set == p.ThreadTags && set == p.Tags {
		return out, nil
	}
	if stale(seen, p.ThreadTags) {
		return out, ErrTagsChanged
	}
	now := s.now()
	err = s.store.Atomic(ctx, func(tx Tx) error {
		ok, err := tx.SetThreadTags(threadID, p.ThreadTags, set, now)
		if err != nil {
			return err
		}
		if ok {
			ok, err = tx.SetPostTags(p.ID, p.Tags, set, now)
			if err != nil {
				return err
			}
		}
		if !ok {
			return ErrTagsChanged
		}
		e := entry(r, ActionTagThread, "thread", threadID, p.GroupID, p.AuthorID, now)
		e.Detail = tagChange(p.ThreadTags, set)
		if err := tx.Audit(e); err != nil {
			return err
		}
		return notifyAuthor(tx, p, NoticeAction, toldTagged(p, true, p.ThreadTags, set, names), r.Reason, threadLink(p), now)
	})
	out.Changed = err == nil
	return out, err
}

// OpeningPost returns a thread's opening post for a moderator of its group.
func (s *Service) OpeningPost(ctx context.Context, a *auth.Actor, threadID int64) (PostRef, error) {
	return s.loadThread(ctx, a, threadID)
}
