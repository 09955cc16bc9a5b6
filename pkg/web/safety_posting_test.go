package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestBlockedMemberIsFoldedRefusedAndSilent(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		ash := newPoster(t, a, db, "ash", "member")
		birch := newPoster(t, a, db, "birch", "member")
		cedar := newPoster(t, a, db, "cedar", "member")
		mod := newPoster(t, a, db, "warden", "moderator")

		ashThread := ash.startThread("anxiety", "Mornings are hard", "Does anyone else dread mornings?")
		cedarThread := cedar.startThread("anxiety", "Small wins", "Tell me one good thing from today.")
		birchReply, _ := birch.reply(cedarThread, 0, "I made it outside for a walk.")
		ashReply, _ := ash.reply(cedarThread, 0, "I cooked a real dinner.")

		if r := ash.c.PostForm("/u/birch/block", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("block: %d", r.StatusCode)
		}

		// Ash no longer sees birch's posts: a one-line notice that opens.
		r := ash.c.Get("/t/" + strconv.FormatInt(cedarThread, 10))
		if r.StatusCode != http.StatusOK {
			t.Fatalf("thread: %d", r.StatusCode)
		}
		i := strings.Index(r.Body, `id="p-`+strconv.FormatInt(birchReply, 10)+`"`)
		j := strings.Index(r.Body, `id="p-`+strconv.FormatInt(ashReply, 10)+`"`)
		if i < 0 || j < 0 {
			t.Fatal("posts missing from the thread")
		}
		if !strings.Contains(r.Body[i:j], `<details class="blocked-post"><summary>A post from a member you've blocked. Show it</summary>`) {
			t.Fatalf("birch's post is not folded for ash:\n%s", r.Body[i:j])
		}
		if strings.Count(r.Body, `class="blocked-post"`) != 1 {
			t.Fatal("other posts are folded too")
		}
		// Nobody else sees a fold, and birch is not told.
		for _, p := range []*poster{cedar, birch} {
			if b := p.c.Get("/t/" + strconv.FormatInt(cedarThread, 10)).Body; strings.Contains(b, "blocked") {
				t.Fatal("the block shows to someone other than ash")
			}
		}
		if b := birch.c.Get("/u/ash").Body; strings.Contains(b, "blocked") {
			t.Fatal("ash's profile tells birch about the block")
		}

		// Birch cannot reply to ash's posts; the refusal does not name the block
		// and keeps birch's words.
		for name, parent := range map[string]int64{"opening post": 0, "reply": ashReply} {
			thread := ashThread
			if parent != 0 {
				thread = cedarThread
			}
			f := url.Values{"body": {"Here is what I think about that."}, "idem": {freshIdem()}}
			if parent != 0 {
				f.Set("parent_id", strconv.FormatInt(parent, 10))
			}
			r := birch.c.PostForm("/t/"+strconv.FormatInt(thread, 10)+"/replies", f)
			if r.StatusCode != http.StatusForbidden {
				t.Fatalf("%s: birch's reply got %d", name, r.StatusCode)
			}
			pageHas(t, r.Body, "You can&#39;t reply to this post.", "Here is what I think about that.")
			pageLacks(t, r.Body, "block")
		}
		if r := birch.c.Get("/t/" + strconv.FormatInt(cedarThread, 10) + "/reply?parent=" + strconv.FormatInt(ashReply, 10)); r.StatusCode != http.StatusForbidden {
			t.Fatalf("reply form to ash's post: %d", r.StatusCode)
		}
		var n int64
		db.R.Table("posts").Where("author_id = ? AND thread_id = ?", birch.id, ashThread).Count(&n)
		if n != 0 {
			t.Fatal("a refused reply was stored")
		}
		// Birch can still reply to others, and ash can reply to birch.
		birch.reply(cedarThread, 0, "Another small win: I drank water.")
		ash.reply(cedarThread, birchReply, "That's great.")
		// Moderators are never stopped from reaching a member.
		if err := db.W.Exec("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)", ash.id, mod.id).Error; err != nil {
			t.Fatal(err)
		}
		mod.reply(ashThread, 0, "Checking in: how are you doing today?")

		// Birch's mention does not notify ash; anyone else's does.
		before := countRows(t, db, "notifications", "user_id = ? AND kind = ?", ash.id, forum.NoteMention)
		birch.reply(cedarThread, 0, "@ash I hope your mornings get easier.")
		if got := countRows(t, db, "notifications", "user_id = ? AND kind = ?", ash.id, forum.NoteMention); got != before {
			t.Fatalf("birch's mention notified ash (%d -> %d)", before, got)
		}
		cedar.reply(cedarThread, 0, "@ash thinking of you.")
		if got := countRows(t, db, "notifications", "user_id = ? AND kind = ?", ash.id, forum.NoteMention); got != before+1 {
			t.Fatalf("cedar's mention: %d -> %d notifications", before, got)
		}
		// Nor do birch's replies in a thread ash follows.
		beforeAll := countRows(t, db, "notifications", "user_id = ?", ash.id)
		birch.reply(cedarThread, birchReply, "Thanks, cedar.")
		if got := countRows(t, db, "notifications", "user_id = ?", ash.id); got != beforeAll {
			t.Fatalf("birch's reply notified ash (%d -> %d)", beforeAll, got)
		}

		// After unblocking, everything is back to normal.
		ash.c.PostForm("/u/birch/unblock", nil)
		birch.reply(ashThread, 0, "Mornings are hard for me too.")
		if r := ash.c.Get("/t/" + strconv.FormatInt(cedarThread, 10)); strings.Contains(r.Body, "blocked-post") {
			t.Fatal("still folded after unblocking")
		}
	})
}

func TestPostingBreakStopsWritingNotReading(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		rowan := newPoster(t, a, db, "rowan", "member")
		other := newPoster(t, a, db, "holly", "member")
		th := other.startThread("grief", "Anniversaries", "It's a year today.")
		own := rowan.startThread("grief", "My first post", "Hello, everyone.")

		if r := rowan.c.PostForm("/settings/breaks", url.Values{"scope": {"posting"}, "days": {"3"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("start break: %d", r.StatusCode)
		}
		b := latestBreak(t, db, rowan.id)
		until := exactUTC(b.EndsAt)

		// Reading works; the reply form gives way to a gentle note.
		r := rowan.c.Get("/t/" + strconv.FormatInt(th, 10))
		if r.StatusCode != http.StatusOK {
			t.Fatalf("reading during a posting break: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "You&#39;re taking a break from posting until "+until)
		pageLacks(t, r.Body, `action="/t/`+strconv.FormatInt(th, 10)+`/replies"`)

		for _, try := range []struct {
			path string
			form url.Values
		}{
			{"/g/grief/threads", url.Values{"title": {"New thread"}, "body": {"Words"}, "idem": {freshIdem()}}},
			{"/t/" + strconv.FormatInt(th, 10) + "/replies", url.Values{"body": {"Words"}, "idem": {freshIdem()}}},
			{"/p/" + strconv.FormatInt(firstPostOf(t, db, own), 10) + "/edit", url.Values{"body": {"Edited words"}, "title": {"My first post"}, "version": {"1"}}},
		} {
			r := rowan.c.PostForm(try.path, try.form)
			if r.StatusCode != http.StatusForbidden {
				t.Fatalf("POST %s during a posting break: %d", try.path, r.StatusCode)
			}
			pageHas(t, r.Body, "You&#39;re taking a break from posting until "+until)
		}
		if r := rowan.c.Get("/g/grief/new"); r.StatusCode != http.StatusForbidden {
			t.Fatalf("composer during a posting break: %d", r.StatusCode)
		}
		if n := countRows(t, db, "posts", "author_id = ?", rowan.id); n != 1 {
			t.Fatalf("rowan has %d posts", n)
		}
		var body string
		db.R.Raw("SELECT body_md FROM posts WHERE id = ?", firstPostOf(t, db, own)).Scan(&body)
		if body != "Hello, everyone." {
			t.Fatalf("edited during a break: %q", body)
		}
		// Someone else is not affected.
		other.reply(th, 0, "Thinking of you.")
	})
}

func TestGroupAndTagBreaksOnThreads(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		me := newPoster(t, a, db, "linnea", "member")
		other := newPoster(t, a, db, "aspen", "member")
		griefThread := other.startThread("grief", "Missing my dad", "Some days are heavier.")
		tagged := other.startThread("anxiety", "A bad night", "Details of a hard night.", "self-harm")
		plain := other.startThread("anxiety", "Grounding", "Five things you can see.")
		taggedReply, _ := other.reply(plain, 0, "Something hard happened.", "self-harm")

		for _, f := range []url.Values{
			{"scope": {"group"}, "group": {"grief"}, "days": {"2"}},
			{"scope": {"tag"}, "tag": {"self-harm"}, "days": {"2"}},
		} {
			if r := me.c.PostForm("/settings/breaks", f); r.StatusCode != http.StatusSeeOther {
				t.Fatalf("start break: %d", r.StatusCode)
			}
		}
		r := me.c.Get("/t/" + strconv.FormatInt(griefThread, 10))
		if r.StatusCode != http.StatusForbidden {
			t.Fatalf("thread in a group on break: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "taking a break from Grief &amp; Loss until")
		r = me.c.Get("/t/" + strconv.FormatInt(tagged, 10))
		if r.StatusCode != http.StatusForbidden {
			t.Fatalf("thread with a tag on break: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "taking a break from posts tagged Self-harm until")
		r = me.c.Get("/g/grief/new")
		if r.StatusCode != http.StatusForbidden {
			t.Fatalf("composer in a group on break: %d", r.StatusCode)
		}
		// In an untagged thread, a post with the tag is folded away.
		r = me.c.Get("/t/" + strconv.FormatInt(plain, 10))
		if r.StatusCode != http.StatusOK {
			t.Fatalf("plain thread: %d", r.StatusCode)
		}
		i := strings.Index(r.Body, `id="p-`+strconv.FormatInt(taggedReply, 10)+`"`)
		if i < 0 || !strings.Contains(r.Body[i:], `<details class="tw tw-hidden"><summary>A post tagged Self-harm`) {
			t.Fatal("a post with the tag on break is not folded away")
		}
		// Posting elsewhere still works.
		me.reply(plain, 0, "Thank you, this helps.")
	})
}

func TestCrisisPostShowsPanelForCountry(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		p := newPoster(t, a, db, "wren", "member")
		if err := db.W.Exec("UPDATE users SET country = 'IE' WHERE id = ?", p.id).Error; err != nil {
			t.Fatal(err)
		}
		text := "I have the pills saved up and tonight is the night"
		// On preview, before posting.
		r := p.c.PostForm("/g/depression/threads", url.Values{"title": {"Tonight"}, "body": {text}, "idem": {freshIdem()}, "preview": {"1"}})
		if r.StatusCode != http.StatusOK {
			t.Fatalf("preview: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "It sounds like you're going through a lot right now", "Samaritans Ireland", `href="tel:116123"`, "Hearth is not an emergency service")
		// After posting: the post is published and the panel follows.
		r = p.c.PostForm("/g/depression/threads", url.Values{"title": {"Tonight"}, "body": {text}, "idem": {freshIdem()}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("post: %d", r.StatusCode)
		}
		loc := r.Header.Get("Location")
		r = p.c.Follow(r)
		pageHas(t, r.Body, "It sounds like you're going through a lot right now", "Samaritans Ireland", `href="/crisis"`, text)
		// Only once, and only for the author.
		pageLacks(t, p.c.Get(loc).Body, "It sounds like you're going through a lot right now")
		reader := forumtest.NewClient(t, a.Web.Handler())
		pageLacks(t, reader.Get(loc).Body, "It sounds like you're going through a lot right now")
		// An everyday idiom does not bring the panel.
		r = p.c.PostForm("/g/anxiety/threads", url.Values{"title": {"Exams"}, "body": {"This exam is killing me, send snacks."}, "idem": {freshIdem()}})
		pageLacks(t, p.c.Follow(r).Body, "It sounds like you're going through a lot right now")
	})
}

func TestSearchFoldsBlockedAndLeavesOutBreakTopics(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		me := newPoster(t, a, db, "ivy", "member")
		blocked := newPoster(t, a, db, "thorn", "member")
		other := newPoster(t, a, db, "clover", "member")
		blocked.startThread("anxiety", "The lighthouse walk", "I walked to the lighthouse at dawn.")
		other.startThread("anxiety", "Lighthouse photos", "Sharing lighthouse pictures from my trip.")
		other.startThread("anxiety", "A lighthouse night", "The lighthouse night was hard.", "self-harm")

		r := me.c.Get("/search?q=lighthouse")
		pageHas(t, r.Body, "The lighthouse walk", "Lighthouse photos", "A lighthouse night")
		pageLacks(t, r.Body, "blocked-post")

		if r := me.c.PostForm("/u/thorn/block", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("block: %d", r.StatusCode)
		}
		if r := me.c.PostForm("/settings/breaks", url.Values{"scope": {"tag"}, "tag": {"self-harm"}, "days": {"7"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("break: %d", r.StatusCode)
		}
		r = me.c.Get("/search?q=lighthouse")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("search: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "Lighthouse photos", `<details class="blocked-post"><summary>A post from a member you've blocked.`)
		pageLacks(t, r.Body, "A lighthouse night")
		if strings.Count(r.Body, `class="blocked-post"`) != 1 {
			t.Fatal("want exactly thorn's result folded")
		}
		// Someone else's search is unchanged.
		pageHas(t, other.c.Get("/search?q=lighthouse").Body, "A lighthouse night")
	})
}
