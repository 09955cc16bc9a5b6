package web_test

import (
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
	"net/http"
	"net/url"
	"testing"
)

func TestReactionsWithoutScoreboard(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		author := newPoster(t, a, db, "alder", "member")
		b := newPoster(t, a, db, "bramble", "member")
		c := newPoster(t, a, db, "clover", "member")
		tid := author.startThread("grief", "Reacting", "Please be kind.")
		op := firstPostOf(t, db, tid)
		react := func(p *poster, kind string) *forumtest.Response {
			return p.c.PostForm("/p/"+idStr(op)+"/react", url.Values{"kind": {kind}, "back": {"/t/" + idStr(tid)}})
		}
		if r := react(b, "thinking"); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/t/"+idStr(tid)+"#p-"+idStr(op) {
			t.Fatalf("react: %d %q", r.StatusCode, r.Header.Get("Location"))
		}
		react(b, "thinking") // toggled off
		react(b, "metoo")
		react(c, "metoo")
		react(c, "helped")
		var n int64
		db.R.Table("reactions").Where("post_id = ?", op).Count(&n)
		if n != 3 {
			t.Fatalf("%d reactions stored", n)
		}
		// The author sees who reacted with what.
		r := author.c.Get("/t/" + idStr(tid))
		pageHas(t, r.Body, "<strong>Me too</strong>: bramble, clover", "<strong>This helped</strong>: clover")
		pageLacks(t, r.Body, "<strong>Thinking of you</strong>")
		// Others see that people reacted, which reactions are theirs, and no
		// names or counts.
		r = b.c.Get("/t/" + idStr(tid))
		pageHas(t, r.Body, "People have responded", `value="metoo" class="reaction" aria-pressed="true"`, `value="thinking" class="reaction" aria-pressed="false"`)
		pageLacks(t, r.Body, "clover", "bramble, clover")
		for _, bad := range []string{"downvote", "", "like"} {
			if r := react(b, bad); r.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("kind %q: %d", bad, r.StatusCode)
			}
		}
		if r := react(author, "helped"); r.StatusCode != http.StatusForbidden {
			t.Errorf("own post: %d", r.StatusCode)
		}
	})
}
