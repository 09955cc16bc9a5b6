package moderation

import "context"

// Looked records that a moderator has read a crisis-level post that other
// readers see folded, and unfolds it for them. The post's queue items stay
// open: looking is not yet looking after its author. Handling the post's
// wellbeing item, or removing or redacting the post, unfolds it too
// (claim, closeAll). A post that is no longer folded is reported as
// already handled.
func (s *Service) Looked(ctx context.Context, postID int64, r Request) (Outcome, error) {
	p, err := s.postForAction(ctx, postID, r, false)
	if err != nil {
		return Outcome{}, err
	}
	now := s.now()
	err = s.store.Atomic(ctx, func(tx Tx) error {
		if err := tx.LockPost(p.ID); err != nil {
			return err
		}
		ok, err := tx.Unfold(p.ID)
		if err != nil {
			return err
		}
		if !ok {
			return alreadyHandled(tx, "post", p.ID)
		}
		return tx.Audit(entry(r, ActionLooked, "post", p.ID, p.GroupID, p.AuthorID, now))
	})
	s.changed(p, err)
	return Outcome{Action: ActionLooked, PostID: p.ID, ThreadID: p.ThreadID, Changed: true}, err
}
