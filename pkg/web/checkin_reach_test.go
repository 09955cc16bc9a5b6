package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestCheckInsReachRestrictedMembers: a check-in is care, not a sanction:
// a suspended member and a member on a whole-site break still read,
// answer and close their check-ins, while the rest of Hearth stays behind
// the suspension and break pages.
func TestCheckInsReachRestrictedMembers(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		grief := w.as(w.griefMod)
		id := w.sendCheckIn(grief, checkInWords, "post", idStr(w.reply))
		member := w.as(w.author)
		path := fmt.Sprintf("/checkins/%d", id)

		w.exec("UPDATE users SET status = 'suspended', status_until = ?, status_reason = ? WHERE id = ?",
			time.Now().UTC().Add(48*time.Hour), "Cooling off", w.author)
		wantStatus(t, member.Get("/"), http.StatusForbidden)
		pageHas(t, member.Get("/").Body, "Your account is suspended")
		r := member.Get(path)
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, checkInWords, `action="`+path+`/messages"`)
		pageHas(t, member.Get("/checkins").Body, path)
		wantRedirect(t, member.PostForm(path+"/messages", formValues("body", "Suspended but still here")), path+"#reply")
		pageHas(t, grief.Get(path).Body, "Suspended but still here")
		// Posting anywhere else stays refused.
		wantStatus(t, member.PostForm(fmt.Sprintf("/t/%d/replies", w.thread.ID), formValues("body", "a reply")), http.StatusForbidden)

		w.exec("UPDATE users SET status = 'active', status_until = NULL, status_reason = '' WHERE id = ?", w.author)
		wantRedirect(t, member.PostForm("/settings/breaks", url.Values{"scope": {"site"}, "days": {"7"}}), "/settings/breaks")
		pageHas(t, member.Get("/").Body, "You&#39;re taking a break from Hearth")
		pageLacks(t, member.Get("/g/grief").Body, "Missing my dad tonight")
		r = member.Get(path)
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, checkInWords, "Suspended but still here")
		wantRedirect(t, member.PostForm(path+"/messages", formValues("body", "On a break, answering anyway")), path+"#reply")
		wantRedirect(t, member.PostForm(path+"/close", formValues()), path)
		wantRedirect(t, member.PostForm(path+"/reopen", formValues()), path+"#reply")
		// Staff-only forms stay staff-only.
		wantStatus(t, member.PostForm(path+"/escalate", formValues("reason", "x")), http.StatusForbidden)
		if n := countRows(t, db, "conversation_messages", "conversation_id = ? AND from_staff = ?", id, false); n != 2 {
			t.Errorf("%d member messages, want 2", n)
		}
	})
}

// TestCheckInMessagesPaginate: a long check-in shows its newest messages
// with a link to earlier ones, page by page, for the member and the staff.
func TestCheckInMessagesPaginate(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		grief := w.as(w.griefMod)
		id := w.sendCheckIn(grief, "FIRST-MESSAGE checking in", "post", idStr(w.reply))
		for i := range 2 * moderation.MessagesPerPage {
			w.exec(`INSERT INTO conversation_messages (conversation_id, author_id, from_staff, body_md, body_html, crisis_level, created_at)
				VALUES (?, ?, ?, ?, ?, 0, ?)`, id, w.author, false, fmt.Sprintf("m%03d", i), fmt.Sprintf("<p>MSG-%03d</p>", i), time.Now().UTC())
		}
		for _, c := range []*forumtest.Client{w.as(w.author), grief} {
			newest := c.Get(fmt.Sprintf("/checkins/%d", id)).Body
			pageHas(t, newest, "MSG-059", "MSG-030", "Earlier messages")
			pageLacks(t, newest, "MSG-029", "FIRST-MESSAGE", "Newest messages")
			before := idIn(t, newest, `\?before=(\d+)`)
			older := c.Get(fmt.Sprintf("/checkins/%d?before=%d", id, before)).Body
			pageHas(t, older, "MSG-029", "MSG-000", "Newest messages", "Earlier messages")
			pageLacks(t, older, "MSG-030", "FIRST-MESSAGE")
			first := c.Get(fmt.Sprintf("/checkins/%d?before=%d", id, idIn(t, older, `\?before=(\d+)`))).Body
			pageHas(t, first, "FIRST-MESSAGE")
			pageLacks(t, first, "Earlier messages", "MSG-000")
		}
	})
}
