package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// A moderator of the group sees who wrote an anonymous post only by asking
// (modPostReveal), from the queue or the thread page, and each look is in
// the audit log; sanctions then reach the real account.

func TestAnonymousAuthorRevealedToModeratorsWithAudit(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newAnonWorld(t, db)
		r := w.mapleC.PostForm("/p/"+idStr(w.anonReply)+"/report", formValues("reason", "harassment", "note", "unkind"))
		wantStatus(t, r, http.StatusSeeOther)
		mod := w.as(w.sparrow)
		var item int64
		if err := db.R.Raw("SELECT id FROM queue_items WHERE post_id = ?", w.anonReply).Scan(&item).Error; err != nil || item == 0 {
			t.Fatalf("queue item %d, %v", item, err)
		}
		// The queue, the item's page, the thread page and the post's
		// moderator page name nobody before the moderator asks, and offer
		// to reveal.
		for _, path := range []string{"/mod", "/mod/items/" + idStr(item), "/t/" + idStr(w.mapleThread), "/mod/posts/" + idStr(w.anonReply)} {
			r = mod.Get(path)
			wantStatus(t, r, http.StatusOK)
			pageHas(t, r.Body, "Anonymous member", `action="/mod/posts/`+idStr(w.anonReply)+`/reveal"`)
			w.hidden(t, r.Body)
			pageLacks(t, r.Body, "/mod/users/"+idStr(w.author)+"/warn")
		}
		if n := len(auditsOf(t, db, moderation.ActionRevealAuthor)); n != 0 {
			t.Fatalf("%d reveal rows before anyone asked", n)
		}
		r = mod.PostForm("/mod/posts/"+idStr(w.anonReply)+"/reveal", nil)
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, anonName, "/mod/users/"+idStr(w.author)+"/warn", "the audit log records that you looked",
			"/mod/checkins/new?member="+idStr(w.author))
		// A check-in can't be opened from the anonymous post itself, which
		// would name the member without the audited look.
		wantStatus(t, mod.Get("/mod/checkins/new?post="+idStr(w.anonReply)), http.StatusNotFound)
		es := auditsOf(t, db, moderation.ActionRevealAuthor)
		if len(es) != 1 || es[0].ActorID == nil || *es[0].ActorID != w.sparrow || es[0].TargetType != "post" ||
			es[0].TargetID == nil || *es[0].TargetID != w.anonReply || es[0].SubjectID != nil || es[0].Public {
			t.Fatalf("reveal audit rows %+v", es)
		}
		// The audit log says who looked at which post, and never names the
		// author to the staff who read it.
		r = mod.Get("/mod/audit")
		pageHas(t, r.Body, "Author of an anonymous post looked at", "Sparrow")
		w.hidden(t, r.Body)
		// A moderator of another group may not look, and nothing is written.
		r = w.as(w.finch).PostForm("/mod/posts/"+idStr(w.anonReply)+"/reveal", nil)
		if r.StatusCode != http.StatusForbidden && r.StatusCode != http.StatusNotFound {
			t.Errorf("another group's moderator: status %d", r.StatusCode)
		}
		w.hidden(t, r.Body)
		r = w.mapleC.PostForm("/mod/posts/"+idStr(w.anonReply)+"/reveal", nil)
		if r.StatusCode == http.StatusOK {
			t.Error("a member could reveal an anonymous author")
		}
		if n := len(auditsOf(t, db, moderation.ActionRevealAuthor)); n != 1 {
			t.Errorf("%d reveal rows, want the one look", n)
		}
		// Other members still see Anonymous member.
		w.hidden(t, w.mapleC.Get("/t/"+idStr(w.mapleThread)).Body)
	})
}

func TestAnonymousAuthorSanctioned(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newAnonWorld(t, db)
		mod := w.as(w.sparrow)
		wantStatus(t, mod.PostForm("/mod/posts/"+idStr(w.anonReply)+"/reveal", nil), http.StatusOK)
		r := mod.PostForm("/mod/users/"+idStr(w.author)+"/suspend",
			formValues("reason", "harassment", "days", "3", "post", idStr(w.anonReply), "next", "/mod/posts/"+idStr(w.anonReply)))
		wantStatus(t, r, http.StatusSeeOther)
		// The real account is suspended: no anonymous post gets through.
		r = w.authorC.PostForm("/t/"+idStr(w.mapleThread)+"/replies", url.Values{"body": {"Trying again anonymously"}, "anonymous": {"yes"}, "idem": {freshIdem()}})
		if r.StatusCode == http.StatusSeeOther {
			t.Fatalf("a suspended member posted anonymously: %s", r.Header.Get("Location"))
		}
		if n := countRows(t, db, "posts", "body_md = ?", "Trying again anonymously"); n != 0 {
			t.Errorf("%d posts from the suspended member", n)
		}
	})
}

func TestBlockAnonymousAuthor(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newAnonWorld(t, db)
		named := startThread(t, w.authorC, "grief", "Named thread by the same author", "Words under a pseudonym")
		r := w.mapleC.Get("/t/" + idStr(w.thread))
		pageHas(t, r.Body, "Block this author", `action="/p/`+idStr(w.opening)+`/block-author"`)
		r = w.mapleC.PostForm("/p/"+idStr(w.opening)+"/block-author", url.Values{"back": {"/t/" + idStr(w.thread)}})
		wantStatus(t, r, http.StatusSeeOther)
		flash := w.mapleC.Get(noFragment(r.Header.Get("Location")))
		pageHas(t, flash.Body, "blocked this anonymous author")
		w.hidden(t, flash.Body)
		// Their anonymous posts fold away, everywhere; their named posts
		// do not, so the block tells Maple nothing.
		pageHas(t, flash.Body, "A post from a member you&#39;ve blocked")
		r = w.mapleC.Get("/t/" + idStr(w.mapleThread))
		pageHas(t, r.Body, "A post from a member you&#39;ve blocked")
		r = w.mapleC.Get("/t/" + idStr(named))
		pageHas(t, r.Body, "Words under a pseudonym", anonName)
		pageLacks(t, r.Body, "A post from a member you&#39;ve blocked")
		// The block list names the thread, never the author.
		r = w.mapleC.Get("/settings/blocks")
		pageHas(t, r.Body, "Anonymous authors you blocked", anonTitle, "/settings/blocks/anonymous/")
		w.hidden(t, r.Body)
		// A new anonymous reply to Maple brings no notice.
		before := countRows(t, db, "notifications", "user_id = ?", w.maple)
		w.anonReplyTo(w.authorC, w.mapleThread, 0, "Another anonymous answer @Maple")
		if after := countRows(t, db, "notifications", "user_id = ?", w.maple); after != before {
			t.Errorf("notifications of the blocker went from %d to %d", before, after)
		}
		pageLacks(t, w.mapleC.Get("/notifications").Body, "Another anonymous answer")
		// Blocking one's own anonymous post is refused gently.
		r = w.authorC.PostForm("/p/"+idStr(w.opening)+"/block-author", nil)
		wantStatus(t, r, http.StatusSeeOther)
		if n := countRows(t, db, "anonymous_blocks", "blocker_id = ?", w.author); n != 0 {
			t.Errorf("%d self-blocks", n)
		}
		// A named post has no hidden author to block.
		r = w.mapleC.PostForm("/p/"+idStr(firstPostOf(t, db, named))+"/block-author", nil)
		wantStatus(t, r, http.StatusNotFound)
		// Unblocking brings the posts back.
		var id int64
		if err := db.R.Raw("SELECT id FROM anonymous_blocks WHERE blocker_id = ?", w.maple).Scan(&id).Error; err != nil || id == 0 {
			t.Fatalf("anonymous block %d, %v", id, err)
		}
		wantStatus(t, w.mapleC.PostForm("/settings/blocks/anonymous/"+idStr(id)+"/unblock", nil), http.StatusSeeOther)
		pageLacks(t, w.mapleC.Get("/t/"+idStr(w.thread)).Body, "A post from a member you&#39;ve blocked")
	})
}

func TestNamedBlockHoldsOnAnonymousPosts(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newAnonWorld(t, db)
		// Maple blocked Juniper by name before: Juniper's anonymous posts
		// stay out of Maple's way too.
		wantStatus(t, w.mapleC.PostForm("/u/"+anonName+"/block", nil), http.StatusSeeOther)
		w.mapleC.Get("/settings") // the flash that names whom they blocked
		r := w.mapleC.Get("/t/" + idStr(w.thread))
		pageHas(t, r.Body, "A post from a member you&#39;ve blocked")
		w.hidden(t, r.Body)
		r = w.mapleC.Get("/search?q=marmalade")
		pageHas(t, r.Body, "Anonymous member")
		w.hidden(t, r.Body)
	})
}
