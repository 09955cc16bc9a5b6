package auth

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"hearth/pkg/forum"
)

// DeleteMode is what happens to a deleted member's posts.
type DeleteMode string

// The deletion choices.
const (
	// DeleteAnonymise keeps the posts and threads, shown as by "former
	// member".
	DeleteAnonymise DeleteMode = "anonymise"
	// DeleteErase replaces every post's text and every thread title with
	// a placeholder, so conversations keep their shape without the words.
	DeleteErase DeleteMode = "erase"
)

// Placeholders left where erased words were.
const (
	ErasedPostMarkdown = "*This message was deleted by its author.*"
	ErasedPostHTML     = "<p><em>This message was deleted by its author.</em></p>"
	ErasedThreadTitle  = "Thread deleted by its author"
)

const msgDeleteMode = "Please choose what should happen to your posts."

// UnfinishedDeletionError is an account deletion that stopped after some
// of the member's posts were already erased or anonymised (a large
// account's posts are done a batch at a time, each batch its own
// transaction): those posts stay as the member asked, the account and
// the rest of its posts are as they were, and trying again finishes it.
type UnfinishedDeletionError struct {
	// Posts is how many posts were done before it stopped.
	Posts int
	Err   error
}

func (e *UnfinishedDeletionError) Error() string {
	return fmt.Sprintf("account deletion stopped after %d posts: %v", e.Posts, e.Err)
}

func (e *UnfinishedDeletionError) Unwrap() error { return e.Err }

// BackgroundDeletionPosts is how many posts an account may have for its
// deletion to finish within the request. Above it the member is logged out
// and locked out at once and the rest goes on in the background: SQLite
// erases about 150 posts a second at a million posts (docs/performance.md),
// so a member with tens of thousands would wait minutes for an answer that
// the server's write timeout cuts off.
const BackgroundDeletionPosts = 2000

// deletionPoll is how often an instance looks for deletions left
// unfinished, by another instance or before a restart.
const deletionPoll = time.Minute

// PendingDeletion is an account whose deletion goes on in the background.
type PendingDeletion struct {
	UserID int64
	Mode   DeleteMode
}

// DeleteOutcome says how far an account deletion got in its request.
type DeleteOutcome int

// The outcomes of DeleteAccount.
const (
	// Deleted: the account and everything of it is gone.
	Deleted DeleteOutcome = iota
	// DeletionContinues: the member is logged out everywhere and nobody
	// can sign in as them; their posts, then the account, are done in
	// the background (RunDeletions).
	DeletionContinues
)

// DeleteAccount removes the signed-in member after checking their
// password: their posts are anonymised or erased as mode says, and their
// sessions, recovery codes, two-factor secret and settings are gone, in
// one transaction after the bulk of a large account's posts (store
// DeleteAccount; an *UnfinishedDeletionError when it stops between). An
// account with more than BackgroundDeletionPosts posts is locked at once
// and finished in the background (DeletionContinues).
func (s *Service) DeleteAccount(ctx context.Context, p *Principal, password string, mode DeleteMode, clientKey string) (DeleteOutcome, error) {
	if mode != DeleteAnonymise && mode != DeleteErase {
		v := &forum.ValidationError{Fields: map[string]string{"mode": msgDeleteMode}}
		if password == "" {
			v.Add("current_password", msgConfirmPassword)
		}
		return Deleted, v
	}
	if err := s.confirmPassword(ctx, p, password, clientKey); err != nil {
		return Deleted, err
	}
	posts, err := s.store.CountPosts(ctx, p.User.ID)
	if err != nil {
		return Deleted, fmt.Errorf("delete account: %w", err)
	}
	if posts > s.deletion.from {
		if err := s.store.BeginDeletion(ctx, p.User.ID, mode, s.now()); err != nil {
			return Deleted, fmt.Errorf("begin account deletion: %w", err)
		}
		select {
		case s.deletion.wake <- struct{}{}:
		default:
		}
		return DeletionContinues, nil
	}
	if err := s.store.DeleteAccount(ctx, p.User.ID, mode, s.now()); err != nil && !errors.Is(err, forum.ErrNotFound) {
		return Deleted, fmt.Errorf("delete account: %w", err)
	}
	// Not found is a deletion already done, by the same form sent twice:
	// the member asked for exactly that.
	return Deleted, nil
}

// backgroundDeletions is the service's part in deletions that go on
// after their request.
type backgroundDeletions struct {
	// from is the number of posts above which a deletion goes on in the
	// background.
	from int64
	// wake tells RunDeletions a deletion has begun.
	wake chan struct{}
}

// SetBackgroundDeletionFrom sets the number of posts above which an
// account's deletion goes on in the background (BackgroundDeletionPosts
// unless set; tests make it small). Call it before serving.
func (s *Service) SetBackgroundDeletionFrom(posts int64) { s.deletion.from = posts }

// FinishDeletions finishes every deletion begun and not yet finished, the
// longest waiting first. One that fails stays pending for the next run;
// the first error is returned after the others are tried. Deletions are
// safe to run on several instances at once: a batch only takes posts
// still the member's, and the one that finds the account already gone
// has nothing left to do.
func (s *Service) FinishDeletions(ctx context.Context) error {
	pending, err := s.store.PendingDeletions(ctx)
	if err != nil {
		return err
	}
	var first error
	for _, d := range pending {
		err := s.store.DeleteAccount(ctx, d.UserID, d.Mode, s.now())
		if err != nil && !errors.Is(err, forum.ErrNotFound) && first == nil {
			first = fmt.Errorf("finish the deletion of account %d: %w", d.UserID, err)
		}
	}
	return first
}

// RunDeletions finishes deletions in the background until ctx ends: at
// once (a restart resumes what was left), whenever this instance begins
// one, and every deletionPoll for those begun elsewhere or left by a
// failure. Failures are logged to log and tried again.
func (s *Service) RunDeletions(ctx context.Context, log *slog.Logger) {
	t := time.NewTicker(deletionPoll)
	defer t.Stop()
	for {
		if err := s.FinishDeletions(ctx); err != nil && ctx.Err() == nil {
			log.Warn("account deletions", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-s.deletion.wake:
		case <-t.C:
		}
	}
}
