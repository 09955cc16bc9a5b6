package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
	"hearth/pkg/webhook"
)

// crisisReply are a reply whose words suggest its author is in crisis.
const crisisReply = "I want to kill myself tonight, I have the pills ready"

// TestWebhooksDeliverSignedEventsWithoutWords: each event an endpoint
// carries reaches a real receiver once, signed with its secret, naming
// the event, the group, a link to the item and the time, and never the
// post's words, its thread's title or anyone's name; an endpoint turned
// off, or not carrying the event, gets nothing; the log shows each
// delivery.
func TestWebhooksDeliverSignedEventsWithoutWords(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		rec := newReceiver(t)
		admin := w.as(w.admin)
		id, secret := addWebhook(t, admin, "On-call chat", rec.srv.URL+"/hooks/on-call", allHookEvents...)
		rec.secret = secret
		heldOnly := newReceiver(t)
		_, heldOnly.secret = addWebhook(t, admin, "Held only", heldOnly.srv.URL, "post_held")
		off := newReceiver(t)
		offID, _ := addWebhook(t, admin, "Turned off", off.srv.URL, allHookEvents...)
		wantStatus(t, admin.PostForm(fmt.Sprintf("/admin/webhooks/%d/disable", offID), formValues()), http.StatusSeeOther)

		// A crisis reply, a concern, three reports and a held post.
		crisis, _ := replyTo(t, w.as(w.members[0]), w.thread.ID, 0, crisisReply)
		wantStatus(t, w.as(w.members[1]).PostForm(fmt.Sprintf("/p/%d/report", w.reply), formValues("reason", "wellbeing")), http.StatusSeeOther)
		reported, _ := replyTo(t, w.as(w.author), w.thread.ID, 0, "REPORTED words of the reply")
		for _, m := range w.members[2:5] {
			wantStatus(t, w.as(m).PostForm(fmt.Sprintf("/p/%d/report", reported), formValues("reason", "spam")), http.StatusSeeOther)
		}
		wantStatus(t, admin.PostForm("/admin/groups/anxiety", formValues("name", "Anxiety", "premod", "all")), http.StatusSeeOther)
		held := startThread(t, w.as(w.members[1]), "anxiety", "HELD thread title", "HELD words of a first post")

		if n := deliver(t, w); n != 5 {
			t.Fatalf("a round attempted %d deliveries, want 4 to the first endpoint and 1 to the second", n)
		}
		want := map[string]string{
			"crisis_post":       fmt.Sprintf("/mod/posts/%d", crisis),
			"wellbeing_concern": fmt.Sprintf("/mod/posts/%d", w.reply),
			"report_threshold":  fmt.Sprintf("/mod/posts/%d", reported),
			"post_held":         fmt.Sprintf("/mod/posts/%d", firstPostOf(t, db, held)),
		}
		got := rec.received()
		if len(got) != len(want) {
			t.Fatalf("received %d deliveries, want %d: %+v", len(got), len(want), got)
		}
		for _, d := range got {
			p := d.Payload
			if !d.SignatureGood || d.Event != string(p.Event) || d.ID != p.ID || want[d.Event] == "" || p.Link != want[d.Event] || p.Time.IsZero() {
				t.Errorf("delivery %+v", d)
			}
			if g := p.Group; g == nil || (d.Event == "post_held") != (g.Slug == "anxiety") || !strings.Contains(p.Text, g.Name) || !strings.Contains(p.Text, p.Link) {
				t.Errorf("delivery's group and text: %+v", p)
			}
			for _, words := range []string{"kill myself", "pills", "REPORTED", "HELD", "lighthouse", "Missing my dad", "Wren", "Maple", "Cedar", "Rowan", "Hazel", "Aspen", "Heron"} {
				if strings.Contains(d.Body, words) {
					t.Errorf("a %s delivery carries %q: %s", d.Event, words, d.Body)
				}
			}
			delete(want, d.Event)
		}
		if h := heldOnly.received(); len(h) != 1 || h[0].Event != "post_held" || !h[0].SignatureGood {
			t.Errorf("the held-only endpoint received %+v", h)
		}
		if o := off.received(); len(o) != 0 {
			t.Errorf("an endpoint turned off received %+v", o)
		}
		if n := deliver(t, w); n != 0 {
			t.Fatalf("a second round attempted %d deliveries", n)
		}
		r := admin.Get(fmt.Sprintf("/admin/webhooks/%d", id))
		pageHas(t, r.Body, "Delivery log", "Delivered", "A post that suggests its author is in crisis", "Enough reports to hide a post")
		if strings.Count(r.Body, ">Delivered<") != 4 {
			t.Errorf("the log does not show four deliveries:\n%s", snippet(r.Body))
		}
	})
}

// TestWebhookRetriesWithBackoff: a delivery the receiver refuses is tried
// again after 30 seconds, then a minute, and delivered with the same id
// and signature once the receiver answers; one that never gets through
// gives up a day after its event; an address that does not answer is
// logged without the address.
func TestWebhookRetriesWithBackoff(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		clock := &clockAt{t: time.Now().UTC().Truncate(time.Second)}
		w.app.Sender.SetClock(clock.now)
		rec := newReceiver(t)
		rec.fail = 2
		admin := w.as(w.admin)
		id, secret := addWebhook(t, admin, "Flaky chat", rec.srv.URL, "crisis_post")
		rec.secret = secret
		replyTo(t, w.as(w.members[0]), w.thread.ID, 0, crisisReply)
		var d webhook.Delivery
		if err := db.R.Where("endpoint_id = ?", id).Take(&d).Error; err != nil {
			t.Fatal(err)
		}
		clock.t = d.OccurredAt.Add(time.Second)

		if n := deliver(t, w); n != 1 {
			t.Fatalf("first round: %d attempts", n)
		}
		pageHas(t, admin.Get(fmt.Sprintf("/admin/webhooks/%d", id)).Body, "Will try again", "answered 500 Internal Server Error")
		if n := deliver(t, w); n != 0 {
			t.Fatalf("a retry came before its time: %d attempts", n)
		}
		clock.add(29 * time.Second)
		if n := deliver(t, w); n != 0 {
			t.Fatalf("a retry came before 30 seconds: %d attempts", n)
		}
		clock.add(time.Second)
		if n := deliver(t, w); n != 1 {
			t.Fatalf("no retry after 30 seconds: %d attempts", n)
		}
		clock.add(time.Minute)
		if n := deliver(t, w); n != 1 {
			t.Fatalf("no retry after a further minute: %d attempts", n)
		}
		got := rec.received()
		if len(got) != 1 || !got[0].SignatureGood || got[0].ID != fmt.Sprint(d.ID) || rec.tries != 3 {
			t.Fatalf("after two refusals: %d tries, received %+v", rec.tries, got)
		}
		var after webhook.Delivery
		if err := db.R.Where("id = ?", d.ID).Take(&after).Error; err != nil || after.Status != "delivered" || after.Attempts != 3 || after.LastCode != 204 {
			t.Fatalf("delivered row: %+v, %v", after, err)
		}

		// Nobody answers: the attempts stop a day after the event.
		gone := httptestServer(t, http.NotFoundHandler())
		_, _ = addWebhook(t, admin, "Nowhere", gone+"/secret-path-TOKEN", "crisis_post")
		rec.srv.Close()
		start := clock.now()
		replyTo(t, w.as(w.members[1]), w.thread.ID, 0, crisisReply+" again")
		var attempts int
		for clock.now().Sub(start) < 25*time.Hour {
			attempts += deliver(t, w)
			clock.add(webhook.Backoff(8))
		}
		r := admin.Get("/admin/webhooks")
		pageHas(t, r.Body, "gave up")
		var failed []webhook.Delivery
		if err := db.R.Where("status = ?", "failed").Find(&failed).Error; err != nil || len(failed) != 2 {
			t.Fatalf("failed deliveries: %+v, %v", failed, err)
		}
		for _, f := range failed {
			if f.Attempts < 20 || f.Attempts > 40 || f.LastError == "" || strings.Contains(f.LastError, "TOKEN") || strings.Contains(f.LastError, "secret-path") {
				t.Errorf("a delivery that gave up: %+v", f)
			}
		}
		if attempts < 40 {
			t.Errorf("only %d attempts in a day for two deliveries", attempts)
		}
	})
}

// TestWebhookSendersNeverSendTwice: several senders working the same
// outbox at once (as several instances do) send each delivery once.
func TestWebhookSendersNeverSendTwice(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		rec := newReceiver(t)
		admin := w.as(w.admin)
		id, secret := addWebhook(t, admin, "Busy chat", rec.srv.URL, "crisis_post")
		rec.secret = secret
		now := time.Now().UTC()
		const n = 30
		for range n {
			w.exec(`INSERT INTO webhook_deliveries (endpoint_id, event, group_id, post_id, occurred_at, status, attempts, next_at, last_code, last_error, created_at, updated_at)
				VALUES (?, 'crisis_post', ?, ?, ?, 'pending', 0, ?, 0, '', ?, ?)`, id, w.thread.GroupID, w.reply, now, now, now, now)
		}
		senders := []*webhook.Sender{w.app.Sender, webhook.NewSender(store.NewWebhooks(db), "", nil), webhook.NewSender(store.NewWebhooks(db), "", nil)}
		var wg sync.WaitGroup
		start := make(chan struct{})
		for _, s := range senders {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				if _, err := s.RunOnce(context.Background()); err != nil {
					t.Error(err)
				}
			}()
		}
		close(start)
		wg.Wait()
		seen := map[string]int{}
		for _, d := range rec.received() {
			seen[d.ID]++
			if !d.SignatureGood {
				t.Errorf("bad signature on %s", d.ID)
			}
		}
		if len(seen) != n {
			t.Fatalf("%d different deliveries received, want %d", len(seen), n)
		}
		for id, k := range seen {
			if k != 1 {
				t.Errorf("delivery %s received %d times", id, k)
			}
		}
		if c := countRows(t, db, "webhook_deliveries", "status = 'delivered' AND attempts = 1"); c != n {
			t.Fatalf("%d deliveries recorded as delivered once, want %d", c, n)
		}
	})
}
