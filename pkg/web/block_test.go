package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestBlockAndUnblockFromSettings(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		ash := forumtest.InsertUser(t, db, "ash", "member")
		birch := forumtest.InsertUser(t, db, "birch", "member")
		c := forumtest.NewClient(t, a.Web.Handler())
		forumtest.LoginAs(t, a, c, ash)

		r := c.Get("/settings/blocks")
		pageHas(t, r.Body, "<h1>Blocked members</h1>", "You haven&#39;t blocked anyone.")

		// Names are matched like pseudonyms: case does not matter.
		r = c.PostForm("/u/BIRCH/block", url.Values{"next": {"/settings/blocks"}})
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/settings/blocks" {
			t.Fatalf("block: %d %q", r.StatusCode, r.Header.Get("Location"))
		}
		if countRows(t, db, "blocks", "blocker_id = ? AND blocked_id = ?", ash, birch) != 1 {
			t.Fatal("block not stored")
		}
		// Blocking twice keeps one block.
		if r := c.PostForm("/u/birch/block", nil); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/u/birch" {
			t.Fatalf("second block: %d %q", r.StatusCode, r.Header.Get("Location"))
		}
		if countRows(t, db, "blocks", "blocker_id = ? AND blocked_id = ?", ash, birch) != 1 {
			t.Fatal("duplicate block")
		}
		r = c.Get("/settings/blocks")
		pageHas(t, r.Body, `href="/u/birch"`, `action="/u/birch/unblock"`, "They aren&#39;t told")
		pageHas(t, r.Body, "You&#39;ve blocked birch")

		// The service boundary the posting code calls.
		ctx := context.Background()
		set, err := a.Blocks.BlockedBy(ctx, ash)
		if err != nil || !set[birch] || len(set) != 1 {
			t.Fatalf("BlockedBy(ash) = %v, %v", set, err)
		}
		if set, _ := a.Blocks.BlockedBy(ctx, birch); len(set) != 0 {
			t.Fatalf("BlockedBy(birch) = %v: a block is one-way", set)
		}
		if ok, err := a.Blocks.IsBlocked(ctx, birch, ash); err != nil || !ok {
			t.Fatalf("IsBlocked(birch -> ash) = %v, %v", ok, err)
		}
		if ok, _ := a.Blocks.IsBlocked(ctx, ash, birch); ok {
			t.Fatal("IsBlocked(ash -> birch): ash blocked birch, not the other way round")
		}

		r = c.PostForm("/u/birch/unblock", url.Values{"next": {"https://evil.example/"}})
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/u/birch" {
			t.Fatalf("unblock: %d %q (an outside next must be ignored)", r.StatusCode, r.Header.Get("Location"))
		}
		// A browser drops the tab and reads "//evil.example".
		r = c.PostForm("/u/birch/unblock", url.Values{"next": {"/\t/evil.example"}})
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/u/birch" {
			t.Fatalf("unblock: %d %q (a next with a tab must be ignored)", r.StatusCode, r.Header.Get("Location"))
		}
		if countRows(t, db, "blocks", "blocker_id = ? AND blocked_id = ?", ash, birch) != 0 {
			t.Fatal("unblock left the block")
		}
		if ok, _ := a.Blocks.IsBlocked(ctx, birch, ash); ok {
			t.Fatal("still blocked after unblocking")
		}
	})
}

func TestBlockRefusals(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		ash := forumtest.InsertUser(t, db, "ash", "member")
		forumtest.InsertUser(t, db, "birch", "member")

		visitor := forumtest.NewClient(t, a.Web.Handler())
		if r := visitor.PostForm("/u/birch/block", nil); r.StatusCode != http.StatusForbidden {
			t.Fatalf("visitor block: %d", r.StatusCode)
		}
		if r := visitor.Get("/settings/blocks"); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
			t.Fatalf("visitor settings: %d", r.StatusCode)
		}

		c := forumtest.NewClient(t, a.Web.Handler())
		forumtest.LoginAs(t, a, c, ash)
		if r := c.PostForm("/u/nobody-here/block", nil); r.StatusCode != http.StatusNotFound {
			t.Fatalf("unknown member: %d", r.StatusCode)
		}
		r := c.PostForm("/u/ash/block", nil)
		if r.StatusCode != http.StatusSeeOther || countRows(t, db, "blocks", "blocker_id = ? AND blocked_id = ?", ash, ash) != 0 {
			t.Fatalf("self block: %d", r.StatusCode)
		}
		pageHas(t, c.Follow(r).Body, "You can&#39;t block yourself.")

		// A cross-site form cannot block on a member's behalf.
		req := httptest.NewRequest(http.MethodPost, "/u/birch/block", strings.NewReader(""))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		if r := c.Do(req); r.StatusCode != http.StatusForbidden {
			t.Fatalf("cross-site block: %d", r.StatusCode)
		}
		var n int64
		db.R.Table("blocks").Count(&n)
		if n != 0 {
			t.Fatalf("%d blocks stored", n)
		}
	})
}

func TestSettingsLinkToBlocksAndBreaks(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		c := forumtest.NewClient(t, a.Web.Handler())
		forumtest.LoginAs(t, a, c, forumtest.InsertUser(t, db, "juniper", "member"))
		pageHas(t, c.Get("/settings").Body, `href="/settings/blocks"`, `href="/settings/breaks"`)
	})
}

func TestBlockedMembersReactionsAreSilent(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		ash := newPoster(t, a, db, "ash", "member")
		birch := newPoster(t, a, db, "birch", "member")
		cedar := newPoster(t, a, db, "cedar", "member")
		tid := ash.startThread("grief", "Quiet evenings", "The evenings are the hardest.")
		op := firstPostOf(t, db, tid)
		if r := ash.c.PostForm("/u/birch/block", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("block: %d", r.StatusCode)
		}
		if r := birch.c.PostForm("/p/"+idStr(op)+"/react", url.Values{"kind": {forum.ReactHear}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("birch's reaction: %d", r.StatusCode)
		}
		if n := countRows(t, db, "notifications", "user_id = ? AND kind = ?", ash.id, forum.NoteReaction); n != 0 {
			t.Fatalf("a blocked member's reaction notified ash (%d)", n)
		}
		cedar.c.PostForm("/p/"+idStr(op)+"/react", url.Values{"kind": {forum.ReactThinking}})
		if n := countRows(t, db, "notifications", "user_id = ? AND kind = ?", ash.id, forum.NoteReaction); n != 1 {
			t.Fatalf("cedar's reaction: %d notifications", n)
		}
		r := ash.c.Get("/t/" + idStr(tid))
		reacted := regexp.MustCompile(`<p class="reacted-by">.*?</p>`).FindString(r.Body)
		if !strings.Contains(reacted, "<strong>Thinking of you</strong>: <bdi>cedar</bdi>") || strings.Contains(reacted, "birch") || strings.Contains(reacted, "I hear you") {
			t.Fatalf("ash's reactions line: %q", reacted)
		}
		pageHas(t, ash.c.Get("/notifications").Body, "cedar said “Thinking of you”")
		// Cedar, who blocked nobody, still sees that people responded.
		pageHas(t, cedar.c.Get("/t/"+idStr(tid)).Body, "People have responded")
	})
}

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
		checkBlockedPostFolded(t, ash, birch, cedar, cedarThread, birchReply, ashReply)
		checkBlockedRepliesRefused(t, db, birch, ashThread, cedarThread, ashReply)
		// Birch can still reply to others, and ash can reply to birch.
		birch.reply(cedarThread, 0, "Another small win: I drank water.")
		ash.reply(cedarThread, birchReply, "That's great.")
		// Moderators are never stopped from reaching a member.
		if err := db.W.Exec("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)", ash.id, mod.id).Error; err != nil {
			t.Fatal(err)
		}
		mod.reply(ashThread, 0, "Checking in: how are you doing today?")
		checkBlockedMemberSilent(t, db, ash, birch, cedar, cedarThread, birchReply)

		// After unblocking, everything is back to normal.
		ash.c.PostForm("/u/birch/unblock", nil)
		birch.reply(ashThread, 0, "Mornings are hard for me too.")
		if r := ash.c.Get("/t/" + strconv.FormatInt(cedarThread, 10)); strings.Contains(r.Body, "blocked-post") {
			t.Fatal("still folded after unblocking")
		}
	})
}

// checkBlockedPostFolded: ash, who blocked birch, sees birch's reply folded
// behind a one-line notice; nobody else sees a fold, and birch is not told.
func checkBlockedPostFolded(t *testing.T, ash, birch, cedar *poster, cedarThread, birchReply, ashReply int64) {
	t.Helper()
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
	if !strings.Contains(r.Body[i:j], `<details class="blocked-post"><summary>A post from a member you&#39;ve blocked. Show it</summary>`) {
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
}

// checkBlockedRepliesRefused: birch cannot reply to ash's posts; the
// refusal does not name the block and keeps birch's words.
func checkBlockedRepliesRefused(t *testing.T, db *store.DB, birch *poster, ashThread, cedarThread, ashReply int64) {
	t.Helper()
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
	// Nor preview one: a preview writes nothing, so it asks before.
	preview := url.Values{"body": {"Only a preview."}, "idem": {freshIdem()}, "parent_id": {strconv.FormatInt(ashReply, 10)}, "preview": {"1"}}
	if r := birch.c.PostForm("/t/"+strconv.FormatInt(cedarThread, 10)+"/replies", preview); r.StatusCode != http.StatusForbidden ||
		!strings.Contains(r.Body, "You can&#39;t reply to this post.") || !strings.Contains(r.Body, "Only a preview.") {
		t.Fatalf("preview of a reply to ash's post: %d", r.StatusCode)
	}
	if r := birch.c.Get("/t/" + strconv.FormatInt(cedarThread, 10) + "/reply?parent=" + strconv.FormatInt(ashReply, 10)); r.StatusCode != http.StatusForbidden {
		t.Fatalf("reply form to ash's post: %d", r.StatusCode)
	}
	var n int64
	db.R.Table("posts").Where("author_id = ? AND thread_id = ?", birch.id, ashThread).Count(&n)
	if n != 0 {
		t.Fatal("a refused reply was stored")
	}
}

// checkBlockedMemberSilent: birch's mentions and replies do not notify ash;
// anyone else's do.
func checkBlockedMemberSilent(t *testing.T, db *store.DB, ash, birch, cedar *poster, cedarThread, birchReply int64) {
	t.Helper()
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
}
