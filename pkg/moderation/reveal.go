package moderation

import (
	"context"
	"fmt"

	"hearth/pkg/auth"
)

// ActionRevealAuthor: a moderator looked at who wrote an anonymous post.
const ActionRevealAuthor = "reveal_author"

// RevealAuthor is a moderator of the post's group asking who wrote an
// anonymous post: the post's detail, as Detail gives it, after the look is
// written to the audit log (who looked, when, which post) in its own
// transaction, so no look goes unrecorded. The entry names the post, never
// the author, so the audit log does not tell other staff who it was. A
// post that is not anonymous is simply its detail, and nothing is written.
func (s *Service) RevealAuthor(ctx context.Context, a *auth.Actor, postID int64) (PostDetail, error) {
	p, err := s.loadPost(ctx, a, postID)
	if err != nil {
		return PostDetail{}, err
	}
	if p.Anonymous {
		err := s.store.Atomic(ctx, func(tx Tx) error {
			return tx.Audit(entry(Request{Actor: a}, ActionRevealAuthor, "post", p.ID, p.GroupID, nil, s.now()))
		})
		if err != nil {
			return PostDetail{}, fmt.Errorf("audit the look at post %d: %w", p.ID, err)
		}
	}
	return s.Detail(ctx, a, postID)
}
