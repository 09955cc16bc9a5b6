package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestMemberThreadPageNeverShowsAStaleCachedPost reads a thread as a
// member (so its posts go into the fragment cache), then changes a post in
// each way a reader could see — an edit, a reaction, a redaction — and
// reads again: every change must show at once, and a second member with
// other rights must get their own controls, not the first reader's.
func TestMemberThreadPageNeverShowsAStaleCachedPost(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		author := newPoster(t, a, db, "rowan_frag", "member")
		reader := newPoster(t, a, db, "sorrel_frag", "member")
		mod := newPoster(t, a, db, "teasel_frag", "moderator")
		tid := author.startThread("grief", "Cached posts", "The first words about the lighthouse.")
		op := firstPostOf(t, db, tid)
		rid, _ := reader.reply(tid, op, "A reply about the harbour.")
		page := "/t/" + idStr(tid)

		r := reader.c.Get(page)
		pageHas(t, r.Body, "lighthouse", "harbour", `aria-pressed="false"`)
		r = reader.c.Get(page) // now from the cache
		pageHas(t, r.Body, "lighthouse", "harbour")

		// The author's edit is seen by the reader on the next visit.
		e := author.c.Get("/p/" + idStr(op) + "/edit")
		if e.StatusCode != http.StatusOK {
			t.Fatalf("edit form: %d", e.StatusCode)
		}
		ed := author.c.PostForm("/p/"+idStr(op)+"/edit", url.Values{"title": {"Cached posts"}, "body": {"The first words about the lantern."},
			"version": {"1"}, "idem": {freshIdem()}})
		if ed.StatusCode != http.StatusSeeOther {
			t.Fatalf("edit: %d\n%s", ed.StatusCode, ed.Body)
		}
		r = reader.c.Get(page)
		pageHas(t, r.Body, "lantern", "edited")
		pageLacks(t, r.Body, "lighthouse")

		// The reader's own reaction shows as pressed.
		if rr := reader.c.PostForm("/p/"+idStr(op)+"/react", url.Values{"kind": {"hear"}, "back": {page}}); rr.StatusCode != http.StatusSeeOther {
			t.Fatalf("react: %d", rr.StatusCode)
		}
		r = reader.c.Get(page)
		pageHas(t, r.Body, `value="hear" class="reaction" aria-pressed="true"`)

		// Another member does not get the reader's pressed button, nor the
		// reader's Edit link on the reply.
		r = author.c.Get(page)
		pageLacks(t, r.Body, `aria-pressed="true">I hear you`, "/p/"+idStr(rid)+"/edit")
		pageHas(t, r.Body, "/p/"+idStr(op)+"/edit")

		// A redaction takes the words off the reader's page at once.
		siteModerator(t, db, mod.id)
		rd := mod.c.PostForm("/p/"+idStr(rid)+"/redact", url.Values{"confirm": {"yes"}, "reason": {"Shares personal information"}})
		if rd.StatusCode != http.StatusSeeOther {
			t.Fatalf("redact: %d\n%s", rd.StatusCode, rd.Body)
		}
		r = reader.c.Get(page)
		pageHas(t, r.Body, "Redacted by moderators: Shares personal information")
		pageLacks(t, r.Body, "harbour")
	})
}
