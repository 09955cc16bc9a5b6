package web_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestCheckInQuietDay: a member who closes a check-in is sent no other,
// by any group's staff, for 24 hours unless they reopen it; nothing more
// is written in a closed check-in. The clock is the moderation service's.
func TestCheckInQuietDay(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		now := time.Now().UTC().Truncate(time.Second)
		w.app.Moderation.SetClock(func() time.Time { return now })
		member, grief, anxiety := w.as(w.author), w.as(w.griefMod), w.as(w.anxietyMod)
		anxietyThread := forumtest.InsertThread(t, db, "anxiety", w.author, "Racing heart", nil, now.Add(-time.Hour))
		anxietyPost := *anxietyThread.FirstPostID

		a := w.sendCheckIn(grief, checkInWords, "post", idStr(w.reply))
		wantRedirect(t, member.PostForm(fmt.Sprintf("/checkins/%d/close", a), formValues()), fmt.Sprintf("/checkins/%d", a))
		pageHas(t, member.Get(fmt.Sprintf("/checkins/%d", a)).Body, "You closed it", "Reopen the check-in")
		r := member.PostForm(fmt.Sprintf("/checkins/%d/messages", a), formValues("body", "one more thing"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "You closed this check-in. Reopen it if you&#39;d like to write again.", "one more thing")
		r = grief.PostForm(fmt.Sprintf("/checkins/%d/messages", a), formValues("body", "are you sure?"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "This check-in is closed")

		for _, at := range []time.Duration{0, 24*time.Hour - time.Minute} {
			now = now.Add(at)
			page := anxiety.Get("/mod/checkins/new?post=" + idStr(anxietyPost))
			pageHas(t, page.Body, "Wren closed a check-in less than a day ago")
			pageLacks(t, page.Body, `action="/mod/checkins"`)
			r = anxiety.PostForm("/mod/checkins", formValues("post", idStr(anxietyPost), "body", "Checking in from anxiety"))
			wantStatus(t, r, http.StatusUnprocessableEntity)
			pageHas(t, r.Body, "No other check-in can be sent to them until", "Checking in from anxiety")
		}
		if n := countRows(t, db, "conversations", "1 = 1"); n != 1 {
			t.Fatalf("%d check-ins within the quiet day, want 1", n)
		}
		now = now.Add(2 * time.Minute)
		b := w.sendCheckIn(anxiety, "Checking in from anxiety", "post", idStr(anxietyPost))

		// Closing and reopening lifts the rule: the check-in is open again.
		wantStatus(t, member.PostForm(fmt.Sprintf("/checkins/%d/close", b), formValues()), http.StatusSeeOther)
		wantRedirect(t, member.PostForm(fmt.Sprintf("/checkins/%d/reopen", b), formValues()), fmt.Sprintf("/checkins/%d#reply", b))
		wantStatus(t, anxiety.PostForm(fmt.Sprintf("/checkins/%d/messages", b), formValues("body", "Glad you're back")), http.StatusSeeOther)
		c := w.sendCheckIn(grief, "From grief again", "post", idStr(w.reply))

		// Staff closing keeps nobody away, and only the member reopens.
		wantStatus(t, grief.PostForm(fmt.Sprintf("/checkins/%d/close", c), formValues()), http.StatusSeeOther)
		pageHas(t, grief.Get(fmt.Sprintf("/checkins/%d", c)).Body, "The moderators closed it")
		wantStatus(t, grief.PostForm(fmt.Sprintf("/checkins/%d/reopen", c), formValues()), http.StatusForbidden)
		// A member's words refused while it was closed are sent on reopening.
		wantStatus(t, member.PostForm(fmt.Sprintf("/checkins/%d/messages", c), formValues("body", "Actually, can we talk")), http.StatusUnprocessableEntity)
		wantRedirect(t, member.PostForm(fmt.Sprintf("/checkins/%d/reopen", c), formValues("body", "Actually, can we talk")), fmt.Sprintf("/checkins/%d#reply", c))
		if n := countRows(t, db, "conversation_messages", "conversation_id = ? AND body_md = ?", c, "Actually, can we talk"); n != 1 {
			t.Errorf("reopen and send wrote %d messages", n)
		}
		// Reopening never leaves two open check-ins with one group: once
		// the staff have opened a newer one, the member is taken there,
		// with their words.
		wantStatus(t, grief.PostForm(fmt.Sprintf("/checkins/%d/close", c), formValues()), http.StatusSeeOther)
		d := w.sendCheckIn(grief, "And once more", "post", idStr(w.reply))
		wantRedirect(t, member.PostForm(fmt.Sprintf("/checkins/%d/reopen", c), formValues("body", "Here instead")), fmt.Sprintf("/checkins/%d#reply", d))
		if n := countRows(t, db, "conversation_messages", "conversation_id = ? AND body_md = ?", d, "Here instead"); n != 1 {
			t.Errorf("the words reached the newer check-in %d times", n)
		}
		wantRedirect(t, member.PostForm(fmt.Sprintf("/checkins/%d/reopen", c), formValues()), fmt.Sprintf("/checkins/%d#reply", d))
		if n := countRows(t, db, "conversations", "subject_id = ? AND group_id = ? AND status = 'open'", w.author, w.thread.GroupID); n != 1 {
			t.Errorf("%d open check-ins with one group", n)
		}
		for action, want := range map[string]int{moderation.ActionCheckInClose: 4, moderation.ActionCheckInReopen: 2, moderation.ActionCheckInOpen: 4} {
			if got := len(w.audits(action)); got != want {
				t.Errorf("%d %s audit rows, want %d", got, action, want)
			}
		}
	})
}
