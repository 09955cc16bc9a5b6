package web_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

func TestPeerSupporterAppointedAuditedWithBadge(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newSupportWorld(t, db)
		birch := forumtest.InsertUser(t, db, "Birch", "member")
		path := "/admin/people/" + idStr(birch) + "/peer"
		// A reason is needed; the ticks come back.
		r := w.heronC.PostForm(path, url.Values{"peer_groups": {idStr(w.grief)}, "peer_reason": {" "}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please give a short reason", `value="`+idStr(w.grief)+`" checked`)
		wantStatus(t, w.cedarC.PostForm(path, url.Values{"peer_groups": {idStr(w.grief)}, "peer_reason": {"lived experience"}}), http.StatusForbidden)
		wantRedirect(t, w.heronC.PostForm(path, url.Values{"peer_groups": {idStr(w.grief)}, "peer_reason": {"lived experience"}}), "/admin/people?q=Birch")
		pageHas(t, w.heronC.Get("/admin/people?q=Birch").Body, "is a peer supporter in Grief")
		if n := len(auditsOf(t, db, moderation.ActionPeerGrant)); n != 1 {
			t.Fatalf("%d appointment audit rows", n)
		}
		// The badge beside Birch's name in grief, linking to what it means;
		// not in anxiety, where Birch is not a supporter.
		bc := w.as(birch)
		griefThread := startThread(t, bc, "grief", "Still here", "Walking the dog helps me.")
		anxietyThread := startThread(t, bc, "anxiety", "Breathing", "Box breathing helps me.")
		pageHas(t, w.visitorC.Get("/t/"+idStr(griefThread)).Body, `href="/peer-supporters" title="What a peer supporter is">Peer supporter</a>`)
		pageLacks(t, w.visitorC.Get("/t/"+idStr(anxietyThread)).Body, ">Peer supporter</a>")
		about := w.visitorC.Get("/peer-supporters")
		wantStatus(t, about, http.StatusOK)
		pageHas(t, about.Body, "Not a professional.", "Not an emergency service.")
		// Ending the appointment is audited too, and the badge goes.
		wantRedirect(t, w.heronC.PostForm(path, url.Values{"peer_reason": {"stepping back"}}), "/admin/people?q=Birch")
		if n := len(auditsOf(t, db, moderation.ActionPeerRevoke)); n != 1 {
			t.Fatalf("%d revocation audit rows", n)
		}
		pageLacks(t, w.as(w.cedar).Get("/t/"+idStr(griefThread)).Body, ">Peer supporter</a>")
	})
}

func TestPeerSupporterFollowsGroupAndSeesWaitingFirst(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newSupportWorld(t, db)
		forumtest.InsertThread(t, db, "grief", w.cedar, "Nobody answered yet", nil, time.Now().Add(-3*time.Hour))
		// A supporter sees the waiting list before the threads; others after.
		sup := w.mapleC.Get("/g/grief").Body
		if i, j := indexOf(sup, "Waiting for a first reply"), indexOf(sup, `class="thread-list"`); i < 0 || j < 0 || i > j {
			t.Fatalf("waiting list not first for a supporter (%d, %d)", i, j)
		}
		member := w.cedarC.Get("/g/grief").Body
		if i, j := indexOf(member, "Waiting for a first reply"), indexOf(member, `class="thread-list"`); i < j {
			t.Fatalf("waiting list first for a member (%d, %d)", i, j)
		}
		pageHas(t, sup, "Follow this group")
		pageLacks(t, member, "Follow this group")
		wantStatus(t, w.cedarC.PostForm("/g/grief/follow", url.Values{"follow": {"yes"}}), http.StatusForbidden)
		wantRedirect(t, w.mapleC.PostForm("/g/grief/follow", url.Values{"follow": {"yes"}}), "/g/grief")
		pageHas(t, w.mapleC.Get("/g/grief").Body, "Following this group")
		forumtest.InsertThread(t, db, "grief", w.cedar, "A brand new thread", nil, time.Now())
		peer := w.mapleC.Get("/peer")
		wantStatus(t, peer, http.StatusOK)
		pageHas(t, peer.Body, "New in Grief", "A brand new thread", "Nobody answered yet")
		again := w.mapleC.Get("/peer").Body
		pageLacks(t, again[indexOf(again, `id="follow-heading"`):], "A brand new thread")
		pageHas(t, again, "No new threads since you last looked")
		wantStatus(t, w.cedarC.Get("/peer"), http.StatusNotFound)
	})
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
