package web_test

import (
	"fmt"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
	"net/http"
	"testing"
)

func TestPrivateWarningShownUntilAcknowledged(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		mod := w.as(w.griefMod)
		r := mod.PostForm(fmt.Sprintf("/mod/users/%d/warn", w.author), formValues("post", idStr(w.reply)))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please give a reason")
		r = mod.PostForm(fmt.Sprintf("/mod/users/%d/warn", w.author), formValues("post", idStr(w.reply), "reason", "Harmful or unsafe advice"))
		wantRedirect(t, r, fmt.Sprintf("/mod/posts/%d", w.reply))
		es := w.audits(moderation.ActionWarn)
		if len(es) != 1 || es[0].Public || *es[0].SubjectID != w.author || *es[0].GroupID != w.thread.GroupID {
			t.Fatalf("warn audit %+v", es)
		}
		// A second moderator warning for the same thing at the same moment: one warning.
		r = w.as(w.siteMod).PostForm(fmt.Sprintf("/mod/users/%d/warn", w.author), formValues("post", idStr(w.reply), "reason", "Harmful or unsafe advice"))
		wantStatus(t, r, http.StatusConflict)
		if n := countRows(w.t, w.db, "sanctions", "user_id = ? AND kind = 'warning'", w.author); n != 1 {
			t.Fatalf("%d warnings", n)
		}

		author := w.as(w.author)
		page := author.Get("/")
		pageHas(t, page.Body, "A private warning from the moderators", "Harmful or unsafe advice", "I understand")
		ns := w.notices(w.author)
		// Still there on the next page until acknowledged.
		pageHas(t, author.Get("/g/grief").Body, "A private warning from the moderators")
		// Nobody else can acknowledge it.
		wantStatus(t, w.as(w.members[0]).PostForm(fmt.Sprintf("/notices/%d/ack", ns[0].ID), formValues()), http.StatusNotFound)
		wantRedirect(t, author.PostForm(fmt.Sprintf("/notices/%d/ack", ns[0].ID), formValues("next", "/g/grief")), "/g/grief")
		pageLacks(t, author.Get("/").Body, "A private warning from the moderators")
		// Never in the public log.
		pageLacks(t, w.as(0).Get("/mod/log").Body, "warning", "Harmful or unsafe advice")
	})
}
