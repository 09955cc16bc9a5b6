package auth

import (
	"context"
	"fmt"

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

// DeleteAccount removes the signed-in member after checking their
// password: their posts are anonymised or erased as mode says, and their
// sessions, recovery codes, two-factor secret and settings are gone, all in
// one transaction, after the bulk of a large account's posts (store
// DeleteAccount; an *UnfinishedDeletionError when it stops between).
func (s *Service) DeleteAccount(ctx context.Context, p *Principal, password string, mode DeleteMode, clientKey string) error {
	if mode != DeleteAnonymise && mode != DeleteErase {
		v := &forum.ValidationError{Fields: map[string]string{"mode": msgDeleteMode}}
		if password == "" {
			v.Add("current_password", msgConfirmPassword)
		}
		return v
	}
	if err := s.confirmPassword(ctx, p, password, clientKey); err != nil {
		return err
	}
	if err := s.store.DeleteAccount(ctx, p.User.ID, mode, s.now()); err != nil {
		return fmt.Errorf("delete account: %w", err)
	}
	return nil
}
