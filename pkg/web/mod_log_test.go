package web_test

import (
	"fmt"
	"net/http"
	"regexp"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

func TestPublicLogNamesNobodyAndShowsNoText(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		w.as(w.griefMod).PostForm(fmt.Sprintf("/p/%d/redact", w.reply), formValues("confirm", "yes", "reason", "Shares personal information"))
		w.as(w.griefMod).PostForm(fmt.Sprintf("/t/%d/lock", w.thread.ID), formValues("reason", "Resting"))
		w.as(w.griefMod).PostForm(fmt.Sprintf("/mod/users/%d/suspend", w.author), formValues("reason", "Repeated harassment", "days", "3", "post", idStr(w.opening)))
		r := w.as(0).Get("/mod/log")
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "<h1>Moderation log</h1>", "Post redacted", "Shares personal information", "Thread locked", "Grief &amp; Loss")
		pageLacks(t, r.Body, "Sparrow", "Wren", "lighthouse", "Missing my dad", "Repeated harassment", "suspended")
		for i := range moderation.LogPerPage {
			w.exec("INSERT INTO audit_log (action, target_type, reason, public, created_at) VALUES ('pin', 'thread', ?, ?, ?)", "pin "+idStr(int64(i)), true, time.Now().UTC())
		}
		r = w.as(0).Get("/mod/log")
		m := regexp.MustCompile(`<a rel="next" href="(/mod/log\?before=\d+)">`).FindStringSubmatch(r.Body)
		if m == nil {
			t.Fatal("no next page")
		}
		pageHas(t, w.as(0).Get(m[1]).Body, "Post redacted")
	})
}
