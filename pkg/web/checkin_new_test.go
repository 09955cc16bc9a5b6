package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestCheckInOpenedFromEachPlace: a moderator opens a check-in from a
// wellbeing concern, a post or a member's page; the first message starts
// from a kind template with the helplines of the member's country, and
// is theirs to edit.
func TestCheckInOpenedFromEachPlace(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		w.exec("UPDATE users SET country = 'GB' WHERE id = ?", w.author)
		item := w.item(moderation.KindWellbeing, w.reply, moderation.WellbeingPriority, "")
		mod := w.as(w.griefMod)

		r := mod.Get("/mod/checkins/new?item=" + idStr(item))
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "Check in with Wren", "Someone in the community was worried about you", "Samaritans",
			`action="/mod/checkins"`, `name="item" value="`+idStr(item)+`"`, "Grief &amp; Loss")
		r = mod.Get("/mod/checkins/new?post=" + idStr(w.reply) + "&template=general")
		pageHas(t, r.Body, "I wanted to check in and see how you&#39;re doing", "Samaritans")
		pageLacks(t, r.Body, "Someone in the community was worried")

		// From the member's page, a moderator of two groups chooses which.
		w.exec("INSERT INTO moderator_groups (user_id, group_id, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)", w.griefMod, forumtest.Group(t, db, "anxiety").ID)
		r = w.as(w.griefMod).Get("/mod/users/" + idStr(w.author))
		pageHas(t, r.Body, `href="/mod/checkins/new?member=`+idStr(w.author)+`"`)
		r = w.as(w.griefMod).Get("/mod/checkins/new?member=" + idStr(w.author))
		pageHas(t, r.Body, "Which group&#39;s moderators are checking in", "Anxiety", "Grief &amp; Loss")

		id := w.sendCheckIn(mod, "Hi Wren, just checking in.", "item", idStr(item))
		var c struct {
			GroupID int64 `gorm:"column:group_id"`
			ItemID  int64 `gorm:"column:item_id"`
			PostID  int64 `gorm:"column:post_id"`
		}
		db.R.Raw("SELECT group_id, item_id, post_id FROM conversations WHERE id = ?", id).Scan(&c)
		if c.GroupID != w.thread.GroupID || c.ItemID != item || c.PostID != w.reply {
			t.Errorf("check-in from item: %+v", c)
		}
		if n := countRows(t, db, "sanctions", "user_id = ?", w.author); n != 0 {
			t.Errorf("a check-in gave %d sanctions", n)
		}
		// The queue item now says a check-in was sent, with a link.
		pageHas(t, mod.Get("/mod").Body, "Check-in sent", fmt.Sprintf(`href="/checkins/%d"`, id))
	})
}

// TestCheckInOpenRefused: empty or long messages come back with the
// words; a second check-in while one is open goes to the open one; other
// groups' moderators, members and the member themselves cannot open one.
func TestCheckInOpenRefused(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		mod := w.as(w.griefMod)
		r := mod.PostForm("/mod/checkins", formValues("post", idStr(w.reply), "body", "  "))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please write a message.", `aria-invalid="true"`)
		long := strings.Repeat("word ", 1001)
		r = mod.PostForm("/mod/checkins", formValues("post", idStr(w.reply), "body", long))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please keep the message under 5,000 characters.", strings.TrimSpace(long))
		if n := countRows(t, db, "conversations", "1 = 1"); n != 0 {
			t.Fatalf("%d check-ins after refused forms", n)
		}

		first := w.sendCheckIn(mod, "First check-in", "post", idStr(w.reply))
		r = mod.PostForm("/mod/checkins", formValues("post", idStr(w.opening), "body", "A second one"))
		wantRedirect(t, r, fmt.Sprintf("/checkins/%d", first))
		pageHas(t, mod.Get("/mod/checkins/new?post="+idStr(w.opening)).Body, fmt.Sprintf(`href="/checkins/%d"`, first), "Write in that check-in")
		if n := countRows(t, db, "conversations", "1 = 1"); n != 1 {
			t.Errorf("%d check-ins, want the one open", n)
		}

		wantStatus(t, w.as(w.anxietyMod).Get("/mod/checkins/new?post="+idStr(w.reply)), http.StatusForbidden)
		wantStatus(t, w.as(w.anxietyMod).PostForm("/mod/checkins", formValues("post", idStr(w.reply), "body", "hi")), http.StatusForbidden)
		wantStatus(t, w.as(w.members[0]).Get("/mod/checkins/new?post="+idStr(w.reply)), http.StatusForbidden)
		wantStatus(t, w.as(w.members[0]).PostForm("/mod/checkins", formValues("post", idStr(w.reply), "body", "hi")), http.StatusForbidden)
		wantStatus(t, w.as(w.griefMod).Get("/mod/checkins/new?member="+idStr(w.griefMod)), http.StatusNotFound)
		if n := countRows(t, db, "conversations", "1 = 1"); n != 1 {
			t.Errorf("%d check-ins after refused senders", n)
		}
	})
}

// TestCheckInNoticeIsGentle: the member is told on every page, as an
// invitation rather than a warning, until they reply, close it or dismiss
// it; staff writing again tells them once.
func TestCheckInNoticeIsGentle(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		mod, member := w.as(w.griefMod), w.as(w.author)
		id := w.sendCheckIn(mod, checkInWords, "post", idStr(w.reply))
		home := member.Get("/")
		pageHas(t, home.Body, "A moderator wanted to check in with you.", fmt.Sprintf(`href="/checkins/%d"`, id), "member-notice checkin")
		pageLacks(t, home.Body, "A private warning", "I understand", checkInWords)
		pageLacks(t, w.as(w.members[0]).Get("/").Body, "wanted to check in")

		wantStatus(t, member.PostForm(fmt.Sprintf("/checkins/%d/messages", id), formValues("body", replyWords)), http.StatusSeeOther)
		pageLacks(t, member.Get("/").Body, "wanted to check in")
		for range 2 {
			wantStatus(t, mod.PostForm(fmt.Sprintf("/checkins/%d/messages", id), formValues("body", "Thank you for writing back")), http.StatusSeeOther)
		}
		if n := countRows(t, db, "member_notices", "user_id = ? AND conversation_id = ? AND acknowledged_at IS NULL", w.author, id); n != 1 {
			t.Errorf("%d unread check-in notices after two staff messages, want one", n)
		}
		pageHas(t, member.Get("/").Body, "A moderator replied in your check-in.")
	})
}
