package forum

import (
	"context"
	"fmt"
)

// NewRepliesMax bounds how many new posts a live thread page counts: past
// it the page says "NewRepliesMax or more".
const NewRepliesMax = 100

// NewReplies is what a live thread page tells its reader: how many posts
// they may see arrived after the page was made, and the first of them.
type NewReplies struct {
	Count int
	// First is the oldest of them, for the link that shows them; 0 with
	// none.
	First int64
	// More is set when there are more than Count (Count is then
	// NewRepliesMax).
	More bool
}

// Reader is who a live thread page counts for, as the web layer knows
// them: the viewer, the members they blocked, their trigger-warning
// preferences and the tags they are on a break from.
type Reader struct {
	Viewer
	Blocked map[int64]bool
	Prefs   Prefs
	// OnBreak reports whether the reader is on a break from any of the
	// tags; nil for none.
	OnBreak func(Tags) bool
}

// NewReplies counts the posts of thread h after post id since that r would
// find open on the thread page: never their own, nothing held (unless r
// moderates the group), removed, redacted or deleted, nothing folded for
// them until a moderator has read it, nothing from a member they blocked,
// nothing under a warning they hide or are on a break from (the thread's
// own tags included). Such posts stay on the page, folded or as
// placeholders; they are just not announced.
func (s *Service) NewReplies(ctx context.Context, h ThreadHead, r Reader, since int64) (NewReplies, error) {
	posts, err := s.store.NewPosts(ctx, h.ID, since, NewRepliesMax+1)
	if err != nil {
		return NewReplies{}, fmt.Errorf("new posts of thread %d: %w", h.ID, err)
	}
	var out NewReplies
	for _, p := range posts {
		if !r.announces(p, h.Tags) {
			continue
		}
		if out.Count == NewRepliesMax {
			out.More = true
			break
		}
		if out.First == 0 {
			out.First = p.ID
		}
		out.Count++
	}
	return out, nil
}

// announces reports whether a live page tells r of p, a post in a thread
// tagged threadTags.
func (r Reader) announces(p Post, threadTags Tags) bool {
	author := int64(0)
	if p.AuthorID != nil {
		author = *p.AuthorID
	}
	switch {
	case r.ID != 0 && author == r.ID:
		return false
	case p.Status == StatusHeld && !r.Moderator, p.Status != StatusVisible && p.Status != StatusHeld:
		return false
	case p.FoldedFor(r.ID, r.Moderator), author != 0 && r.Blocked[author]:
		return false
	}
	tags := p.Tags.Union(threadTags)
	if r.Prefs.Mode(tags) == ModeHide {
		return false
	}
	return r.OnBreak == nil || !r.OnBreak(tags)
}
