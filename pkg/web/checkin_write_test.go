package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestCheckInReplies: the member and the group's staff write in turn;
// every message is audited with who wrote it and when, never its words.
// A member's crisis-level reply shows them the crisis panel and brings the
// check-in to the top of the queue, above a calm reply, until staff
// answer.
func TestCheckInReplies(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		mod := w.as(w.griefMod)
		calmAuthor := w.members[0]
		calmPost := w.insertReply(w.thread, calmAuthor, "A calm reply", nil)
		calm := w.sendCheckIn(mod, "Checking in with you", "post", idStr(calmPost))
		worried := w.sendCheckIn(mod, checkInWords, "post", idStr(w.reply))

		member := w.as(w.author)
		r := w.as(calmAuthor).PostForm(fmt.Sprintf("/checkins/%d/messages", calm), formValues("body", "I'm alright, thanks"))
		wantRedirect(t, r, fmt.Sprintf("/checkins/%d#reply", calm))
		r = member.PostForm(fmt.Sprintf("/checkins/%d/messages", worried), formValues("body", crisisWords))
		wantRedirect(t, r, fmt.Sprintf("/checkins/%d#reply", worried))
		page := member.Get(fmt.Sprintf("/checkins/%d", worried))
		pageHas(t, page.Body, panelHeading, "Thank you for telling us", "I have the pills saved up")
		pageLacks(t, member.Get(fmt.Sprintf("/checkins/%d", worried)).Body, panelHeading)

		queue := mod.Get("/mod").Body
		pageHas(t, queue, "Check-ins waiting for an answer", "crisis language")
		if a, b := strings.Index(queue, fmt.Sprintf(`href="/checkins/%d"`, worried)), strings.Index(queue, fmt.Sprintf(`href="/checkins/%d"`, calm)); a < 0 || b < 0 || a > b {
			t.Errorf("the crisis reply (at %d) is not above the calm one (at %d) in the queue", a, b)
		}
		staffView := mod.Get(fmt.Sprintf("/checkins/%d", worried)).Body
		pageHas(t, staffView, "crisis reply waiting", "crisis language")

		wantStatus(t, mod.PostForm(fmt.Sprintf("/checkins/%d/messages", worried), formValues("body", "I'm here. Can you call one of these now?")), http.StatusSeeOther)
		queue = mod.Get("/mod").Body
		pageLacks(t, queue, fmt.Sprintf(`href="/checkins/%d"`, worried)+`>Wren replied`, "crisis language")

		audits := w.audits(moderation.ActionCheckInMessage)
		if len(audits) != 3 {
			t.Fatalf("%d message audit rows, want 3", len(audits))
		}
		wantActors := []int64{calmAuthor, w.author, w.griefMod}
		for i, e := range audits {
			if e.ActorID == nil || *e.ActorID != wantActors[i] || e.TargetType != "checkin" || e.CreatedAt.IsZero() {
				t.Errorf("audit %d: %+v, want actor %d", i, e, wantActors[i])
			}
			if strings.Contains(e.Reason+e.Detail, "pills") || strings.Contains(e.Reason+e.Detail, "alright") {
				t.Errorf("audit %d keeps a message's words: %q %q", i, e.Reason, e.Detail)
			}
			if e.Public {
				t.Errorf("audit %d is public", i)
			}
		}
	})
}

// TestCheckInMessageRefused: an empty message comes back with a message, a
// long one with its words.
func TestCheckInMessageRefused(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		id := w.sendCheckIn(w.as(w.griefMod), checkInWords, "post", idStr(w.reply))
		member := w.as(w.author)
		r := member.PostForm(fmt.Sprintf("/checkins/%d/messages", id), formValues("body", ""))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please write a message.", checkInWords)
		long := strings.Repeat("still here ", 500)
		r = member.PostForm(fmt.Sprintf("/checkins/%d/messages", id), formValues("body", long))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please keep the message under 5,000 characters.", strings.TrimSpace(long))
		if n := countRows(t, db, "conversation_messages", "conversation_id = ?", id); n != 1 {
			t.Errorf("%d messages after refused ones, want the first only", n)
		}
	})
}

// TestCheckInMessagesExported: the member's export holds what they wrote
// in a check-in, and not the moderators' words.
func TestCheckInMessagesExported(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		id := w.sendCheckIn(w.as(w.griefMod), checkInWords, "post", idStr(w.reply))
		member := w.as(w.author)
		wantStatus(t, member.PostForm(fmt.Sprintf("/checkins/%d/messages", id), formValues("body", replyWords)), http.StatusSeeOther)
		r := member.Get("/settings/export")
		wantStatus(t, r, http.StatusOK)
		var e struct {
			Messages []struct {
				CheckInID int64  `json:"check_in_id"`
				Group     string `json:"group"`
				Body      string `json:"body"`
			} `json:"check_in_messages"`
		}
		if err := json.Unmarshal([]byte(r.Body), &e); err != nil {
			t.Fatal(err)
		}
		if len(e.Messages) != 1 || e.Messages[0].Body != replyWords || e.Messages[0].CheckInID != id || e.Messages[0].Group != "Grief & Loss" {
			t.Errorf("exported check-in messages: %+v", e.Messages)
		}
		pageLacks(t, r.Body, "PRIVATE-CHECKIN-WORDS")
		pageLacks(t, w.as(w.griefMod).Get("/settings/export").Body, replyWords)
	})
}
