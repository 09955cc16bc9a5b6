package forum

import (
	"context"
	"fmt"
)

// ReactionsFor returns the reactions on the given posts of thread h (the
// head just read with Thread), oldest first.
func (s *Service) ReactionsFor(ctx context.Context, h ThreadHead, postIDs []int64) ([]ReactionRow, error) {
	if len(postIDs) == 0 {
		return nil, nil
	}
	load := s.store.Reactions
	if s.rows != nil {
		rs, err := s.rows.Reactions(ctx, h, postIDs, load)
		if err != nil {
			return nil, fmt.Errorf("reactions: %w", err)
		}
		return rs, nil
	}
	rs, err := load(ctx, postIDs)
	if err != nil {
		return nil, fmt.Errorf("reactions: %w", err)
	}
	return rs, nil
}

// React toggles member userID's reaction of kind on postID and reports
// whether it is now on. Unknown kinds are a validation error; reacting to
// your own post, or to a post that is not visible, is ErrForbidden.
func (s *Service) React(ctx context.Context, postID, userID int64, kind string) (bool, error) {
	if ReactionLabel(kind) == "" {
		v := &ValidationError{}
		v.Add("kind", "Please choose one of the reactions offered.")
		return false, v
	}
	on, err := s.store.ToggleReaction(ctx, postID, userID, kind, s.now())
	if err != nil {
		return false, fmt.Errorf("react to post %d: %w", postID, err)
	}
	return on, nil
}
