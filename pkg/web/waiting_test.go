package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hearth/pkg/app"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// waitWorld is a forum with posts waiting for a first reply: Wren's
// "Lonely harbour" (grief, twenty hours old, answered only by Wren),
// Wren's "Tagged tide" (grief, self-harm, two hours old), Ash's "Answered
// already" (anxiety, answered by Birch) and Ash's "Quiet anxious morning"
// (anxiety, one hour old).
type waitWorld struct {
	t                      *testing.T
	db                     *store.DB
	a                      *app.App
	wren, ash, birch       int64
	lonely, tagged, answer int64
	morning                int64
}

func newWaitWorld(t *testing.T, db *store.DB) *waitWorld {
	t.Helper()
	w := &waitWorld{t: t, db: db}
	w.a, _ = forumtest.NewApp(t, db, forumtest.Config(t))
	w.wren = forumtest.InsertUser(t, db, "Wren", "member")
	w.ash = forumtest.InsertUser(t, db, "Ash", "member")
	w.birch = forumtest.InsertUser(t, db, "Birch", "member")
	now := time.Now()
	lonely := forumtest.InsertThread(t, db, "grief", w.wren, "Lonely harbour", nil, now.Add(-20*time.Hour))
	w.lonely = lonely.ID
	w.addReply(lonely, w.wren, "Adding a little more about the harbour")
	w.tagged = forumtest.InsertThread(t, db, "grief", w.wren, "Tagged tide", []string{"self-harm"}, now.Add(-2*time.Hour)).ID
	answered := forumtest.InsertThread(t, db, "anxiety", w.ash, "Answered already", nil, now.Add(-30*time.Hour))
	w.answer = answered.ID
	w.addReply(answered, w.birch, "I hear you")
	w.morning = forumtest.InsertThread(t, db, "anxiety", w.ash, "Quiet anxious morning", nil, now.Add(-time.Hour)).ID
	return w
}

// addReply writes a reply by authorID to th straight into the database.
func (w *waitWorld) addReply(th forum.Thread, authorID int64, body string) int64 {
	w.t.Helper()
	now := time.Now().UTC().Truncate(time.Microsecond)
	p := forum.Post{ThreadID: th.ID, GroupID: th.GroupID, AuthorID: &authorID, ParentID: th.FirstPostID, Depth: 1, BodyMD: body,
		BodyHTML: "<p>" + body + "</p>", Status: forum.StatusVisible, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := w.db.W.Create(&p).Error; err != nil {
		w.t.Fatal(err)
	}
	if err := w.db.W.Exec("UPDATE posts SET sort_key = ? WHERE id = ?", fmt.Sprintf("%010d/%010d", *th.FirstPostID, p.ID), p.ID).Error; err != nil {
		w.t.Fatal(err)
	}
	if err := w.db.W.Exec("UPDATE threads SET reply_count = reply_count + 1 WHERE id = ?", th.ID).Error; err != nil {
		w.t.Fatal(err)
	}
	return p.ID
}

func (w *waitWorld) as(userID int64) *forumtest.Client {
	w.t.Helper()
	c := forumtest.NewClient(w.t, w.a.Web.Handler())
	if userID != 0 {
		forumtest.LoginAs(w.t, w.a, c, userID)
	}
	return c
}

// waitingPart is the "Waiting for a first reply" section of a page.
func waitingPart(t *testing.T, body string) string {
	t.Helper()
	i := strings.Index(body, `<section class="card waiting"`)
	if i < 0 {
		t.Fatalf("no waiting section in %s", snippet(body))
	}
	j := strings.Index(body[i:], "</section>")
	return body[i : i+j]
}

func TestWaitingOnHomeAndGroupOldestFirst(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWaitWorld(t, db)
		home := w.as(w.birch).Get("/")
		wantStatus(t, home, http.StatusOK)
		part := waitingPart(t, home.Body)
		pageHas(t, part, "Waiting for a first reply", "Lonely harbour", "Tagged tide", "Quiet anxious morning")
		pageLacks(t, part, "Answered already", "Wren", "Ash")
		if strings.Index(part, "Lonely harbour") > strings.Index(part, "Quiet anxious morning") {
			t.Fatal("the oldest waiting post is not first")
		}
		group := waitingPart(t, w.as(0).Get("/g/anxiety").Body)
		pageHas(t, group, "Quiet anxious morning")
		pageLacks(t, group, "Lonely harbour", "Answered already")
		// A reply from someone else takes a thread off the list.
		var th forum.Thread
		if err := db.R.First(&th, w.morning).Error; err != nil {
			t.Fatal(err)
		}
		w.addReply(th, w.birch, "Morning, I'm here too")
		pageLacks(t, waitingPart(t, w.as(w.wren).Get("/g/anxiety").Body), "Quiet anxious morning")
		pageHas(t, waitingPart(t, w.as(w.wren).Get("/g/anxiety").Body), "Every recent post here has a reply")
	})
}

func TestWaitingRespectsHiddenTagsBlocksAndBreaks(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWaitWorld(t, db)
		birch := w.as(w.birch)
		if r := birch.PostForm("/settings/warnings", url.Values{"mode-self-harm": {"hide"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("hide self-harm: %d", r.StatusCode)
		}
		part := waitingPart(t, birch.Get("/").Body)
		pageLacks(t, part, "Tagged tide")
		pageHas(t, part, "Lonely harbour")
		// Birch blocks Wren: Wren's posts leave Birch's list.
		wantStatus(t, birch.PostForm("/u/Wren/block", url.Values{}), http.StatusSeeOther)
		pageLacks(t, waitingPart(t, birch.Get("/").Body), "Lonely harbour")
		full := birch.Get("/waiting")
		wantStatus(t, full, http.StatusOK)
		pageLacks(t, full.Body, "Lonely harbour")
		pageHas(t, full.Body, "Quiet anxious morning")
		// Ash blocks Birch: Birch, who could not reply, is not shown Ash's.
		wantStatus(t, w.as(w.ash).PostForm("/u/Birch/block", url.Values{}), http.StatusSeeOther)
		pageLacks(t, birch.Get("/waiting").Body, "Quiet anxious morning")
		// A break from grief takes grief's posts off a third member's list.
		cedar := w.as(forumtest.InsertUser(t, db, "Cedar", "member"))
		pageHas(t, cedar.Get("/waiting").Body, "Lonely harbour")
		wantStatus(t, cedar.PostForm("/settings/breaks", url.Values{"scope": {"group"}, "group": {"grief"}, "days": {"3"}}), http.StatusSeeOther)
		body := cedar.Get("/waiting").Body
		pageLacks(t, body, "Lonely harbour", "Tagged tide")
		pageHas(t, body, "Quiet anxious morning")
	})
}

func TestWaitingCountForHelpers(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWaitWorld(t, db)
		birch := w.as(w.birch)
		pageLacks(t, birch.Get("/").Body, `href="/waiting" `, "posts waiting for a first reply</span>")
		page := birch.Get("/settings/helping")
		wantStatus(t, page, http.StatusOK)
		pageHas(t, page.Body, "I&#39;d like to help answer new posts")
		wantRedirect(t, birch.PostForm("/settings/helping", url.Values{"helping": {"yes"}}), "/settings/helping")
		pageHas(t, birch.Get("/search").Body, `3<span class="visually-hidden"> posts waiting for a first reply</span>`)
		// Wren's own posts are not counted for Wren.
		wren := w.as(w.wren)
		wren.PostForm("/settings/helping", url.Values{"helping": {"yes"}})
		pageHas(t, wren.Get("/search").Body, `1<span class="visually-hidden"> posts waiting for a first reply</span>`)
		wantRedirect(t, birch.PostForm("/settings/helping", url.Values{"helping": {"no"}}), "/settings/helping")
		pageLacks(t, birch.Get("/search").Body, "posts waiting for a first reply</span>")
	})
}

func TestWaitingNoteForTheAuthorOnly(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWaitWorld(t, db)
		const note = "Your post has been seen"
		body := w.as(w.wren).Get("/t/" + idStr(w.lonely)).Body
		pageHas(t, body, note, "20 hours", `href="/crisis"`)
		pageLacks(t, w.as(w.birch).Get("/t/"+idStr(w.lonely)).Body, note)
		pageLacks(t, w.as(0).Get("/t/"+idStr(w.lonely)).Body, note)
		// Two hours is not long enough; an answered thread has no note.
		pageLacks(t, w.as(w.wren).Get("/t/"+idStr(w.tagged)).Body, note)
		pageLacks(t, w.as(w.ash).Get("/t/"+idStr(w.answer)).Body, note)
	})
}

func TestWaitingListPages(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWaitWorld(t, db)
		start := time.Now().Add(-10 * 24 * time.Hour)
		for i := range 25 {
			forumtest.InsertThread(t, db, "ptsd", w.ash, fmt.Sprintf("Evening number %02d", i), nil, start.Add(time.Duration(i)*time.Minute))
		}
		first := w.as(0).Get("/g/ptsd/waiting")
		wantStatus(t, first, http.StatusOK)
		pageHas(t, first.Body, "Evening number 00", "Evening number 19", `rel="next" href="/g/ptsd/waiting?page=1"`)
		pageLacks(t, first.Body, "Evening number 20")
		second := w.as(0).Get("/g/ptsd/waiting?page=1")
		pageHas(t, second.Body, "Evening number 20", "Evening number 24")
		pageLacks(t, second.Body, "Evening number 19", `rel="next"`)
		group := waitingPart(t, w.as(0).Get("/g/ptsd").Body)
		pageHas(t, group, `href="/g/ptsd/waiting"`, "Evening number 04")
		pageLacks(t, group, "Evening number 05")
		// Older than the window: off the list.
		forumtest.InsertThread(t, db, "ptsd", w.ash, "Long ago", nil, time.Now().Add(-forum.WaitingWindow-time.Hour))
		pageLacks(t, w.as(0).Get("/g/ptsd/waiting").Body, "Long ago")
		wantStatus(t, w.as(0).Get("/g/nope/waiting"), http.StatusNotFound)
	})
}

func TestWaitingLongInTheQueueQuietSection(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWaitWorld(t, db)
		griefMod := forumtest.InsertUser(t, db, "Sparrow", "moderator")
		if err := db.W.Exec("INSERT INTO moderator_groups (user_id, group_id, created_at) VALUES (?, ?, ?)", griefMod, forumtest.Group(t, db, "grief").ID, time.Now().UTC()).Error; err != nil {
			t.Fatal(err)
		}
		anxietyMod := forumtest.InsertUser(t, db, "Finch", "moderator")
		if err := db.W.Exec("INSERT INTO moderator_groups (user_id, group_id, created_at) VALUES (?, ?, ?)", anxietyMod, forumtest.Group(t, db, "anxiety").ID, time.Now().UTC()).Error; err != nil {
			t.Fatal(err)
		}
		q := w.as(griefMod).Get("/mod")
		wantStatus(t, q, http.StatusOK)
		i := strings.Index(q.Body, `id="quiet-heading"`)
		if i < 0 {
			t.Fatal("no quiet section")
		}
		// Twenty hours waiting is long; two hours is not yet.
		pageHas(t, q.Body[i:], "Lonely harbour")
		pageLacks(t, q.Body[i:], "Tagged tide", "Quiet anxious morning")
		// Another group's moderator does not see grief's.
		pageLacks(t, w.as(anxietyMod).Get("/mod").Body, "Lonely harbour")
	})
}
