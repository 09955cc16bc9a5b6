package web_test

import (
	"testing"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestThreadPageTimes: each post shows when it was written as a <time>
// with the RFC 3339 instant, the exact UTC time as its title and again in
// a span, and "edited" with the exact edit time for an edited post.
func TestThreadPageTimes(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		tid, _ := benchThread(t, db, 5)
		var posts []forum.Post
		if err := db.R.Where("thread_id = ?", tid).Order("id").Find(&posts).Error; err != nil {
			t.Fatal(err)
		}
		edited := time.Date(2026, 3, 4, 5, 6, 0, 0, time.UTC)
		if err := db.W.Exec("UPDATE posts SET edited_at = ? WHERE id = ?", edited, posts[2].ID).Error; err != nil {
			t.Fatal(err)
		}
		body := forumtest.NewClient(t, a.Web.Handler()).Get("/t/" + idStr(tid)).Body
		for _, p := range posts {
			if p.Status != forum.StatusVisible {
				continue
			}
			at := p.CreatedAt.UTC()
			exact := at.Format("2 January 2006 at 15:04 UTC")
			pageHas(t, body, `<a class="when" href="#p-`+idStr(p.ID)+`"><time datetime="`+at.Format(time.RFC3339)+`" title="`+exact+`">`,
				`<span class="exact">`+exact+`</span>`)
		}
		pageHas(t, body, `<span class="edited" title="Edited 4 March 2026 at 05:06 UTC">edited</span>`)
	})
}
