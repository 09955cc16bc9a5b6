package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestThreadStreamAnnouncesReplies: a thread page links its live stream
// and the live script; a member's and a visitor's streams both hear each
// reply as a count with its words and a link to the first new post, which
// leads to it on its page; a page made afterwards starts from nothing.
func TestThreadStreamAnnouncesReplies(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		startLive(t, w.app)
		base := httptestServer(t, w.app.Web.Handler())
		reader := w.as(w.members[1])
		path := fmt.Sprintf("/t/%d", w.thread.ID)
		page := reader.Get(path)
		pageHas(t, page.Body, `class="live-note" role="status"`, "/js/live.")
		live := liveURL(t, page.Body)
		if want := fmt.Sprintf("/t/%d/events?since=%d", w.thread.ID, w.reply); live != want {
			t.Fatalf("live stream %q, want %q", live, want)
		}
		if visitorPage := w.as(0).Get(path).Body; liveURL(t, visitorPage) != live {
			t.Fatalf("a visitor's page streams from %q", liveURL(t, visitorPage))
		}
		member, visitor := openStream(t, base, reader, live), openStream(t, base, nil, live)
		for _, s := range []*stream{member, visitor} {
			if got := s.replies(); got.Count != 0 || got.Text != "" {
				t.Fatalf("before any reply: %+v", got)
			}
		}

		first, _ := replyTo(t, w.as(w.author), w.thread.ID, 0, "Thank you for listening")
		for _, s := range []*stream{member, visitor} {
			if got := s.replies(); got != (liveReplies{1, "1 new reply", fmt.Sprintf("/p/%d", first)}) {
				t.Fatalf("after one reply: %+v", got)
			}
		}
		replyTo(t, w.as(w.members[0]), w.thread.ID, first, "We are here with you")
		for _, s := range []*stream{member, visitor} {
			if got := s.replies(); got != (liveReplies{2, "2 new replies", fmt.Sprintf("/p/%d", first)}) {
				t.Fatalf("after two replies: %+v", got)
			}
		}
		if loc := reader.Get(fmt.Sprintf("/p/%d", first)).Header.Get("Location"); !strings.HasSuffix(loc, fmt.Sprintf("#p-%d", first)) {
			t.Fatalf("show leads to %q", loc)
		}
		again := openStream(t, base, reader, liveURL(t, reader.Get(path).Body))
		if got := again.replies(); got.Count != 0 {
			t.Fatalf("a page made after the replies starts at %+v", got)
		}
		wantStatus(t, reader.Get(fmt.Sprintf("/t/%d/events?since=soon", w.thread.ID)), http.StatusBadRequest)
		head := httptest.NewRequest(http.MethodHead, live, nil)
		wantStatus(t, reader.Do(head), http.StatusMethodNotAllowed)
		wantStatus(t, reader.Get("/t/999999/events?since=1"), http.StatusNotFound)
	})
}

// TestThreadStreamTellsOnlyWhatTheReaderMaySee: posts the reader would
// not find open on the page (held for review, folded crisis words, under a
// warning they hide, from a member they blocked) and their own are never
// announced to them, while the group's moderator hears each; a plain reply
// is the first thing the reader hears, and a moderator approving the held
// post and reading the folded one tells the reader then.
func TestThreadStreamTellsOnlyWhatTheReaderMaySee(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		startLive(t, w.app)
		base := httptestServer(t, w.app.Web.Handler())
		reader, admin := w.as(w.members[1]), w.as(w.admin)
		wantStatus(t, reader.PostForm("/settings/warnings", url.Values{"mode-self-harm": {"hide"}}), http.StatusSeeOther)
		wantStatus(t, reader.PostForm("/u/Rowan/block", url.Values{"next": {"/settings/blocks"}}), http.StatusSeeOther)
		path := fmt.Sprintf("/t/%d", w.thread.ID)
		s := openStream(t, base, reader, liveURL(t, reader.Get(path).Body))
		mod := openStream(t, base, w.as(w.griefMod), liveURL(t, w.as(w.griefMod).Get(path).Body))
		s.replies()
		mod.replies()
		modHears := func(n int, what string) {
			t.Helper()
			if got := mod.replies(); got.Count != n {
				t.Fatalf("after %s the moderator heard %+v, want %d", what, got, n)
			}
		}

		wantStatus(t, admin.PostForm("/admin/groups/grief", formValues("name", "Grief & Loss", "premod", "all")), http.StatusSeeOther)
		held, _ := replyTo(t, w.as(w.members[0]), w.thread.ID, 0, "HELD words waiting for a moderator")
		modHears(1, "a held reply")
		wantStatus(t, admin.PostForm("/admin/groups/grief", formValues("name", "Grief & Loss", "premod", "off")), http.StatusSeeOther)
		folded, _ := replyTo(t, w.as(w.members[3]), w.thread.ID, 0, crisisReply)
		modHears(2, "crisis words")
		replyTo(t, w.as(w.members[4]), w.thread.ID, 0, "Words under a warning", "self-harm")
		modHears(3, "a warned reply")
		replyTo(t, w.as(w.members[2]), w.thread.ID, 0, "Words from a blocked member")
		modHears(4, "a blocked member's reply")
		replyTo(t, reader, w.thread.ID, 0, "The reader's own words")
		modHears(5, "the reader's reply")

		plain, _ := replyTo(t, w.as(w.author), w.thread.ID, 0, "Plain words for everyone")
		if got := s.replies(); got != (liveReplies{1, "1 new reply", fmt.Sprintf("/p/%d", plain)}) {
			t.Fatalf("the reader's first news: %+v (held %d, folded %d, plain %d)", got, held, folded, plain)
		}
		modHears(6, "a plain reply")

		var item moderation.QueueItem
		if err := db.R.Where("post_id = ? AND kind = 'held' AND status = 'open'", held).Take(&item).Error; err != nil {
			t.Fatal(err)
		}
		wantRedirect(t, w.as(w.griefMod).PostForm(fmt.Sprintf("/mod/items/%d/dismiss", item.ID), formValues("next", "/mod")), "/mod")
		if got := s.replies(); got != (liveReplies{2, "2 new replies", fmt.Sprintf("/p/%d", held)}) {
			t.Fatalf("after approval: %+v", got)
		}
		wantStatus(t, w.as(w.griefMod).PostForm(fmt.Sprintf("/p/%d/looked", folded), formValues("next", path)), http.StatusSeeOther)
		if got := s.replies(); got.Count != 3 {
			t.Fatalf("after a moderator read the folded post: %+v", got)
		}
	})
}

// TestLiveStreamsAreBounded: past HEARTH_LIVE_MAX_CONNECTIONS a stream is
// refused with 503 and Retry-After; a stream ends by itself after its
// lifetime, giving its place back; with live updates off, pages link no
// stream and none is served.
func TestLiveStreamsAreBounded(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		author := forumtest.InsertUser(t, db, "Wren", "member")
		th := forumtest.InsertThread(t, db, "grief", author, "Missing my dad tonight", nil, time.Now().Add(-time.Hour))
		path := fmt.Sprintf("/t/%d/events?since=%d", th.ID, *th.FirstPostID)

		a, base := liveApp(t, db, 2, time.Hour)
		one, two := openStream(t, base, nil, path), openStream(t, base, nil, path)
		one.replies()
		two.replies()
		res := streamRequest(t, base, nil, path)
		if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") != "30" {
			t.Fatalf("the third stream: %d, Retry-After %q", res.StatusCode, res.Header.Get("Retry-After"))
		}
		if n := a.Web.LiveStreams(); n != 2 {
			t.Fatalf("%d streams open", n)
		}
		pageHas(t, forumtest.NewClient(t, a.Web.Handler()).Get("/metrics").Body, "hearth_live_streams 2")

		short, base := liveApp(t, db, 1, 50*time.Millisecond)
		s := openStream(t, base, nil, path)
		s.replies()
		s.ended()
		if n := short.Web.LiveStreams(); n != 0 {
			t.Fatalf("%d streams open after the lifetime", n)
		}
		openStream(t, base, nil, path).replies() // its place was given back

		off, base := liveApp(t, db, 0, time.Hour)
		c := forumtest.NewClient(t, off.Web.Handler())
		pageLacks(t, c.Get(fmt.Sprintf("/t/%d", th.ID)).Body, "data-live", "/js/live.")
		if res := streamRequest(t, base, nil, path); res.StatusCode != http.StatusNotFound {
			t.Fatalf("with live updates off a stream answers %d", res.StatusCode)
		}
	})
}

// TestShutdownEndsLiveStreams: the real server, asked to stop while a
// stream is open, ends the stream and shuts down cleanly (Serve would
// report the shutdown timeout had it waited on the stream).
func TestShutdownEndsLiveStreams(t *testing.T) {
	db := forumtest.NewSQLite(t)
	cfg := forumtest.Config(t)
	cfg.ShutdownTimeout = 5 * time.Second
	a, _ := forumtest.NewApp(t, db, cfg)
	author := forumtest.InsertUser(t, db, "Wren", "member")
	th := forumtest.InsertThread(t, db, "grief", author, "Missing my dad tonight", nil, time.Now().Add(-time.Hour))
	base, stop, served := serveApp(t, a)
	s := openStream(t, base, nil, fmt.Sprintf("/t/%d/events?since=%d", th.ID, *th.FirstPostID))
	s.replies()
	stop()
	s.ended()
	if err := <-served; err != nil {
		t.Fatalf("serve returned %v", err)
	}
}

// TestThreadStreamAcrossInstances: two instances on one PostgreSQL schema
// (two handles, two apps): a reply written through the first is
// announced to a reader whose stream is open on the second, carried by
// LISTEN/NOTIFY. On SQLite one process owns the database, so there is no
// second instance to reach.
func TestThreadStreamAcrossInstances(t *testing.T) {
	forumtest.NeedPostgres(t, "two instances share one PostgreSQL")
	dsn := forumtest.PostgresSchemaURL(t)
	dbA, dbB := forumtest.Open(t, dsn), forumtest.Open(t, dsn)
	one, _ := forumtest.NewApp(t, dbA, forumtest.Config(t))
	two, _ := forumtest.NewApp(t, dbB, forumtest.Config(t))
	startLive(t, one)
	startLive(t, two)
	author := forumtest.InsertUser(t, dbA, "Wren", "member")
	reader := forumtest.InsertUser(t, dbA, "Cedar", "member")
	th := forumtest.InsertThread(t, dbA, "grief", author, "Missing my dad tonight", nil, time.Now().Add(-time.Hour))

	onTwo := forumtest.NewClient(t, two.Web.Handler())
	forumtest.LoginAs(t, two, onTwo, reader)
	s := openStream(t, httptestServer(t, two.Web.Handler()), onTwo, liveURL(t, onTwo.Get(fmt.Sprintf("/t/%d", th.ID)).Body))
	s.replies()
	onOne := forumtest.NewClient(t, one.Web.Handler())
	forumtest.LoginAs(t, one, onOne, author)
	id, _ := replyTo(t, onOne, th.ID, 0, "Written on the first instance")
	if got := s.replies(); got != (liveReplies{1, "1 new reply", fmt.Sprintf("/p/%d", id)}) {
		t.Fatalf("the second instance's reader heard %+v", got)
	}
}
