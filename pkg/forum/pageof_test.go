package forum_test

import (
	"testing"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestPageOfFindsTheRightPage: a post with fewer than a page of posts
// before it is on the first page; from a page's worth on, the cursor is
// the key two before it, so its page opens with the post before it. A
// reply that read its page with its writes (PostgreSQL) was told the same.
func TestPageOfFindsTheRightPage(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		p := newPosting(t, db)
		th := p.thread("grief", p.member)
		keys := []string{th.SortKey}
		told := map[string]string{}
		for range forum.PostsPerPage + 1 {
			r, err := p.reply(th, p.other, 0)
			if err != nil {
				t.Fatal(err)
			}
			keys = append(keys, r.Post.SortKey)
			if r.Paged {
				told[r.Post.SortKey] = r.Page
			}
		}
		for i, want := range map[int]string{0: "", 1: "", forum.PostsPerPage - 1: "", forum.PostsPerPage: keys[forum.PostsPerPage-2],
			forum.PostsPerPage + 1: keys[forum.PostsPerPage-1]} {
			got, err := p.svc.PageOf(p.ctx, th.ThreadID, keys[i])
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("post %d: cursor %q, want %q", i, got, want)
			}
			if page, ok := told[keys[i]]; ok && page != want {
				t.Errorf("post %d: its reply was told cursor %q, want %q", i, page, want)
			}
		}
	})
}
