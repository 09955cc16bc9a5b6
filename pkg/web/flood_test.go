package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hearth/pkg/app"
	"hearth/pkg/config"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// floodStart is half-way through a minute (and through an hour's window
// boundaries' minute), so a minute's limit has 30 s to run.
var floodStart = time.Date(2026, 12, 6, 10, 0, 30, 0, time.UTC)

// floodApp is a test app with limits (and no others) whose flood clock
// stands at floodStart; the returned func moves it on.
func floodApp(t *testing.T, db *store.DB, limits config.FloodLimits) (*app.App, func(time.Duration)) {
	t.Helper()
	cfg := forumtest.Config(t)
	cfg.FloodLimits = limits
	a, _ := forumtest.NewApp(t, db, cfg)
	now := floodStart
	a.Flood.SetClock(func() time.Time { return now })
	return a, func(d time.Duration) { now = now.Add(d) }
}

func wantRetryAfter(t *testing.T, r *forumtest.Response, secs string) {
	t.Helper()
	wantStatus(t, r, http.StatusTooManyRequests)
	if got := r.Header.Get("Retry-After"); got != secs {
		t.Fatalf("Retry-After %q, want %q", got, secs)
	}
}

func TestFloodLimitReplies(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, later := floodApp(t, db, config.FloodLimits{"reply.account": {Count: 2, Window: time.Minute}, "reply.client": {Count: 100, Window: time.Minute}})
		m := newPoster(t, a, db, "Wren", "member")
		mod := newPoster(t, a, db, "Sparrow", "moderator")
		other := newPoster(t, a, db, "Finch", "member")
		th := m.startThread("grief", "Quiet evenings", "The house is so quiet now.")
		m.reply(th, 0, "First thought tonight.")
		m.reply(th, 0, "Second thought tonight.")
		before := countRows(t, db, "posts", "thread_id = ?", th)

		words := "A third thing I wanted to say about the garden she planted."
		r := m.c.PostForm("/t/"+idStr(th)+"/replies", url.Values{"body": {words}, "idem": {freshIdem()}})
		wantRetryAfter(t, r, "30")
		pageHas(t, r.Body, htmlEscape(words), "Please wait about 30 seconds", `action="/t/`+idStr(th)+`/replies"`, "Post reply")
		if n := countRows(t, db, "posts", "thread_id = ?", th); n != before {
			t.Fatalf("%d posts after a refused reply, want %d", n, before)
		}

		// Staff are never limited; another member has their own count.
		for i := range 5 {
			mod.reply(th, 0, "Moderator note "+idStr(int64(i)))
		}
		other.reply(th, 0, "I'm here too.")

		// The next window lets the member reply again.
		later(30 * time.Second)
		m.reply(th, 0, words)
	})
}

func TestFloodLimitPerClient(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := floodApp(t, db, config.FloodLimits{"reply.client": {Count: 3, Window: time.Minute}})
		m := newPoster(t, a, db, "Wren", "member")
		o := newPoster(t, a, db, "Finch", "member")
		th := m.startThread("grief", "Quiet evenings", "The house is so quiet now.")
		m.reply(th, 0, "One.")
		o.reply(th, 0, "Two.")
		m.reply(th, 0, "Three.")
		r := o.c.PostForm("/t/"+idStr(th)+"/replies", url.Values{"body": {"Four, from the same address."}, "idem": {freshIdem()}})
		wantRetryAfter(t, r, "30")
		pageHas(t, r.Body, "Four, from the same address.")
		// Another address has its own count.
		r = postFrom(o.c, "198.51.100.7:5000", "/t/"+idStr(th)+"/replies", url.Values{"body": {"Four, from home."}, "idem": {freshIdem()}})
		wantStatus(t, r, http.StatusSeeOther)

		// The counters name clients by keyed hash, never by address.
		var buckets []string
		if err := db.R.Raw("SELECT bucket FROM flood_counts").Scan(&buckets).Error; err != nil {
			t.Fatal(err)
		}
		if len(buckets) != 2 {
			t.Fatalf("counters %q, want one per client", buckets)
		}
		for _, b := range buckets {
			if strings.Contains(b, "192.0.2.1") || strings.Contains(b, "198.51.100") || !strings.HasPrefix(b, "reply.client:") {
				t.Fatalf("counter %q", b)
			}
		}
	})
}

func TestFloodLimitThreadEditReactReport(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		one := config.FloodLimit{Count: 1, Window: time.Minute}
		a, later := floodApp(t, db, config.FloodLimits{"thread.account": one, "edit.account": one, "react.account": one, "report.account": one})
		m := newPoster(t, a, db, "Wren", "member")
		th := m.startThread("grief", "Quiet evenings", "The house is so quiet now.")

		r := m.c.PostForm("/g/grief/threads", url.Values{"title": {"A second thread"}, "body": {"Words about the second thread."}, "idem": {freshIdem()}})
		wantRetryAfter(t, r, "30")
		pageHas(t, r.Body, "A second thread", "Words about the second thread.", "started several threads")
		if n := countRows(t, db, "threads", "title = ?", "A second thread"); n != 0 {
			t.Fatalf("%d refused threads stored", n)
		}

		op := firstPostOf(t, db, th)
		edit := func(body string) *forumtest.Response {
			return m.c.PostForm("/p/"+idStr(op)+"/edit", url.Values{"title": {"Quiet evenings"}, "body": {body}, "version": {"1"}})
		}
		wantStatus(t, edit("The house is so quiet now, and cold."), http.StatusSeeOther)
		r = m.c.PostForm("/p/"+idStr(op)+"/edit", url.Values{"title": {"Quiet evenings"}, "body": {"An edit too many."}, "version": {"2"}})
		wantRetryAfter(t, r, "30")
		pageHas(t, r.Body, "An edit too many.", "saved several edits")

		reader := newPoster(t, a, db, "Finch", "member")
		react := func() *forumtest.Response {
			return reader.c.PostForm("/p/"+idStr(op)+"/react", url.Values{"kind": {"metoo"}})
		}
		wantStatus(t, react(), http.StatusSeeOther)
		r = react()
		wantRetryAfter(t, r, "30")
		pageHas(t, r.Body, "Please slow down", "reacted many times")
		if n := countRows(t, db, "reactions", "post_id = ?", op); n != 1 {
			t.Fatalf("%d reactions, want the first one only", n)
		}

		report := func(note string) *forumtest.Response {
			return reader.c.PostForm("/p/"+idStr(op)+"/report", url.Values{"reason": {"other"}, "note": {note}})
		}
		wantStatus(t, report("First report note."), http.StatusSeeOther)
		reply, _ := newPoster(t, a, db, "Maple", "member").reply(th, 0, "Another post to report.")
		r = reader.c.PostForm("/p/"+idStr(reply)+"/report", url.Values{"reason": {"other"}, "note": {"The note I took time to write."}})
		wantRetryAfter(t, r, "30")
		pageHas(t, r.Body, "The note I took time to write.", "sent several reports", `action="/p/`+idStr(reply)+`/report"`)
		if n := countRows(t, db, "reports", "post_id = ?", reply); n != 0 {
			t.Fatalf("%d refused reports stored", n)
		}

		later(time.Minute)
		wantStatus(t, react(), http.StatusSeeOther)
	})
}

func TestFloodLimitSignup(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, later := floodApp(t, db, config.FloodLimits{"signup.client": {Count: 2, Window: time.Hour}})
		h := a.Web.Handler()
		forumtest.SignUp(t, forumtest.NewClient(t, h), "Wren", goodPassword)
		// A refused form is not an account: mistakes never use up the limit.
		c := forumtest.NewClient(t, h)
		wantStatus(t, c.PostForm("/signup", url.Values{"username": {"Finch"}, "password": {"short"}, "age_confirmed": {"yes"}}), http.StatusUnprocessableEntity)
		forumtest.SignUp(t, c, "Finch", goodPassword)

		r := forumtest.NewClient(t, h).PostForm("/signup", url.Values{"username": {"Maple"}, "password": {goodPassword}, "age_confirmed": {"yes"}})
		wantRetryAfter(t, r, "3570")
		pageHas(t, r.Body, `value="Maple"`, "several new accounts from this connection", "about 1 hour")
		if n := countRows(t, db, "users", "username = ?", "Maple"); n != 0 {
			t.Fatal("an account was made over the limit")
		}
		// Another client signs up as usual; an hour later this one may too.
		wantStatus(t, postFrom(forumtest.NewClient(t, h), "198.51.100.7:5000", "/signup",
			url.Values{"username": {"Maple"}, "password": {goodPassword}, "age_confirmed": {"yes"}}), http.StatusOK)
		later(time.Hour)
		forumtest.SignUp(t, forumtest.NewClient(t, h), "Rowan", goodPassword)
	})
}

func TestFloodCountersPruned(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, later := floodApp(t, db, config.FloodLimits{"react.account": {Count: 50, Window: time.Minute}})
		m := newPoster(t, a, db, "Wren", "member")
		th := m.startThread("grief", "Quiet evenings", "The house is so quiet now.")
		op := firstPostOf(t, db, th)
		m = newPoster(t, a, db, "Finch", "member")
		for range 3 {
			wantStatus(t, m.c.PostForm("/p/"+idStr(op)+"/react", url.Values{"kind": {"metoo"}}), http.StatusSeeOther)
		}
		if n := countRows(t, db, "flood_counts", "hits = ?", 3); n != 1 {
			t.Fatalf("%d counters at 3 hits, want 1", n)
		}
		later(2 * time.Minute)
		wantStatus(t, m.c.PostForm("/p/"+idStr(op)+"/react", url.Values{"kind": {"metoo"}}), http.StatusSeeOther)
		if n := countRows(t, db, "flood_counts", "1 = 1"); n != 1 {
			t.Fatalf("%d counters after the first window ended, want only the new one", n)
		}
	})
}

// TestFloodLimitAcrossInstances: two instances on one PostgreSQL schema
// (two handles, two apps) share a member's count, so the reply past the
// limit is refused whichever instance it reaches. On SQLite one process
// owns the database, so there is no second instance.
func TestFloodLimitAcrossInstances(t *testing.T) {
	forumtest.NeedPostgres(t, "two instances share one PostgreSQL")
	dsn := forumtest.PostgresSchemaURL(t)
	dbA, dbB := forumtest.Open(t, dsn), forumtest.Open(t, dsn)
	limits := config.FloodLimits{"reply.account": {Count: 3, Window: time.Minute}, "reply.client": {Count: 100, Window: time.Minute}}
	one, _ := floodApp(t, dbA, limits)
	two, _ := floodApp(t, dbB, limits)
	m := newPoster(t, one, dbA, "Wren", "member")
	onTwo := forumtest.NewClient(t, two.Web.Handler())
	forumtest.LoginAs(t, two, onTwo, m.id)
	th := m.startThread("grief", "Quiet evenings", "The house is so quiet now.")
	m.reply(th, 0, "First, on the first instance.")
	if id, loc := replyTo(t, onTwo, th, 0, "Second, on the second instance."); id == 0 {
		t.Fatalf("the second instance refused the second reply: %q", loc)
	}
	m.reply(th, 0, "Third, on the first instance.")
	words := "Fourth, on the second instance, past the limit."
	r := onTwo.PostForm("/t/"+idStr(th)+"/replies", url.Values{"body": {words}, "idem": {freshIdem()}})
	wantRetryAfter(t, r, "30")
	pageHas(t, r.Body, htmlEscape(words))
	r = m.c.PostForm("/t/"+idStr(th)+"/replies", url.Values{"body": {"Fifth, back on the first."}, "idem": {freshIdem()}})
	wantRetryAfter(t, r, "30")
	if n := countRows(t, dbA, "posts", "thread_id = ?", th); n != 4 {
		t.Fatalf("%d posts, want the opening post and three replies", n)
	}
}
