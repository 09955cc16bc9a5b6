package forum

import (
	"context"
	"fmt"
)

// RerenderBatch is how many posts hearth rerender reads and writes at once.
const RerenderBatch = 500

// RerenderStats says what a re-render changed.
type RerenderStats struct {
	Posts, PostsChanged, PostsFailed int
	Groups, GroupsChanged            int
}

// Rerender renders every post's Markdown (and every group's guidelines)
// again with the current policy and stores the HTML that changed. Posts
// whose text was removed (redacted, deleted) are skipped: their stored HTML
// is not Markdown output. progress, when set, is called after each batch.
func (s *Service) Rerender(ctx context.Context, progress func(RerenderStats)) (RerenderStats, error) {
	var st RerenderStats
	var after int64
	for {
		batch, err := s.store.PostsForRerender(ctx, after, RerenderBatch)
		if err != nil {
			return st, fmt.Errorf("read posts after %d: %w", after, err)
		}
		if len(batch) == 0 {
			break
		}
		changed := map[int64]string{}
		for _, p := range batch {
			after = p.ID
			st.Posts++
			html, err := s.md.Render(p.BodyMD)
			if err != nil {
				st.PostsFailed++
				continue
			}
			if string(html) != p.BodyHTML {
				changed[p.ID] = string(html)
			}
		}
		if len(changed) > 0 {
			if err := s.store.SetPostsHTML(ctx, changed); err != nil {
				return st, fmt.Errorf("store re-rendered posts: %w", err)
			}
			st.PostsChanged += len(changed)
		}
		if progress != nil {
			progress(st)
		}
	}
	gs, err := s.store.Groups(ctx, true)
	if err != nil {
		return st, fmt.Errorf("groups: %w", err)
	}
	for _, g := range gs {
		st.Groups++
		html, err := s.md.Render(g.Guidelines)
		if err != nil {
			continue
		}
		if string(html) != g.GuidelinesHTML {
			if err := s.store.SetGuidelinesHTML(ctx, g.ID, string(html)); err != nil {
				return st, fmt.Errorf("store guidelines of %s: %w", g.Slug, err)
			}
			st.GroupsChanged++
		}
	}
	return st, nil
}
