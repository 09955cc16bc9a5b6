package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// liveQueue is a moderator queue stream's event.
type liveQueue struct {
	Arrived bool   `json:"arrived"`
	Waiting int    `json:"waiting"`
	Badge   string `json:"badge"`
	Text    string `json:"text"`
}

func (s *stream) queue() liveQueue {
	s.t.Helper()
	var q liveQueue
	if err := json.Unmarshal([]byte(s.next("queue").data), &q); err != nil {
		s.t.Fatal(err)
	}
	return q
}

// TestModStreamHearsItsGroupsQueue: the queue page links its stream, which
// members may not open; a moderator hears what arrives in the groups they
// moderate (with the staff bar's count of wellbeing concerns) and nothing
// from other groups, and hears an item handled, without an announcement.
func TestModStreamHearsItsGroupsQueue(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		startLive(t, w.app)
		base := httptestServer(t, w.app.Web.Handler())
		if res := streamRequest(t, base, w.as(w.members[0]), "/mod/events"); res.StatusCode != http.StatusForbidden {
			t.Fatalf("a member's queue stream: %d", res.StatusCode)
		}
		if res := streamRequest(t, base, nil, "/mod/events"); res.Request.URL.Path != "/login" {
			t.Fatalf("a visitor's queue stream: %d at %s", res.StatusCode, res.Request.URL)
		}
		page := w.as(w.griefMod).Get("/mod").Body
		pageHas(t, page, "data-live-list", `class="live-note" role="status"`)
		grief := openStream(t, base, w.as(w.griefMod), liveURL(t, page))
		anxiety := openStream(t, base, w.as(w.anxietyMod), "/mod/events")

		wantStatus(t, w.as(w.admin).PostForm("/admin/groups/anxiety", formValues("name", "Anxiety", "premod", "all")), http.StatusSeeOther)
		th := forumtest.InsertThread(t, db, "anxiety", w.author, "Racing heart at night", nil, time.Now().Add(-time.Hour))
		replyTo(t, w.as(w.members[0]), th.ID, 0, "HELD words in anxiety")
		if got := anxiety.queue(); got != (liveQueue{Arrived: true, Text: "New items arrived in the queue."}) {
			t.Fatalf("the anxiety moderator heard %+v", got)
		}
		crisis, _ := replyTo(t, w.as(w.members[1]), w.thread.ID, 0, crisisReply)
		want := liveQueue{Arrived: true, Waiting: 1, Badge: "1 wellbeing concern waiting", Text: "New items arrived in the queue."}
		if got := grief.queue(); got != want {
			t.Fatalf("the grief moderator's first news: %+v, want %+v", got, want)
		}

		var item moderation.QueueItem
		if err := db.R.Where("post_id = ? AND kind = 'wellbeing' AND status = 'open'", crisis).Take(&item).Error; err != nil {
			t.Fatal(err)
		}
		wantRedirect(t, w.as(w.griefMod).PostForm(fmt.Sprintf("/mod/items/%d/dismiss", item.ID), formValues("next", "/mod", "reason", "Checked in with them")), "/mod")
		if got := grief.queue(); got != (liveQueue{}) {
			t.Fatalf("after the concern was handled: %+v", got)
		}
	})
}
