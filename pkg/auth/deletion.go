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

// DeleteAccount removes the signed-in member after checking their
// password: their posts are anonymised or erased as mode says, and their
// sessions, recovery codes, two-factor secret and settings are gone, all in
// one transaction.
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
