package web_test

import (
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
	"net/http"
	"net/url"
	"testing"
)

func TestDeleteOwnPostLeavesPlaceholder(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "violet", "member")
		o := newPoster(t, a, db, "wren", "member")
		tid := m.startThread("grief", "A thread", "Opening.")
		pid, _ := m.reply(tid, 0, "Something I regret writing.")
		child, _ := o.reply(tid, pid, "A reply to it.")
		r := m.c.PostForm("/p/"+idStr(pid)+"/delete", url.Values{"back": {"/t/" + idStr(tid)}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("delete: %d", r.StatusCode)
		}
		r = o.c.Get("/t/" + idStr(tid))
		pageHas(t, r.Body, "This post was deleted by its author.", "A reply to it.", `id="p-`+idStr(child)+`"`, `id="p-`+idStr(pid)+`"`)
		pageLacks(t, r.Body, "Something I regret writing.")
		var body string
		db.R.Raw("SELECT body_md || body_html FROM posts WHERE id = ?", pid).Scan(&body)
		if body != "" {
			t.Fatalf("deleted text still stored: %q", body)
		}
	})
}
