package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

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
		pageHas(t, r.Body, "<h1>Blocked members</h1>", "You haven't blocked anyone.")

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
		pageHas(t, r.Body, `href="/u/birch"`, `action="/u/birch/unblock"`, "They aren't told")
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
