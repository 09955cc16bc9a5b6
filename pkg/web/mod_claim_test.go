package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestClaimingAnItem: a moderator says "I&#39;m looking at this"; the others
// see who holds it and cannot take it until it is handed back or two
// hours pass; only the group's staff may claim, and a handled item can't
// be claimed.
func TestClaimingAnItem(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		crisis, _, _, plain := hardItems(w)
		grief, site := w.as(w.griefMod), w.as(w.siteMod)
		claim := fmt.Sprintf("/mod/items/%d/claim", crisis)
		pageHas(t, grief.Get("/mod").Body, fmt.Sprintf(`action="%s"`, claim), "I&#39;m looking at this")

		wantRedirect(t, grief.PostForm(claim, formValues("next", "/mod")), fmt.Sprintf("/mod/items/%d", crisis))
		pageHas(t, grief.Get(fmt.Sprintf("/mod/items/%d", crisis)).Body, "<strong>You&#39;re looking at this</strong>", "Hand it back to the queue")
		pageHas(t, site.Get(fmt.Sprintf("/mod/items/%d", crisis)).Body, "<strong><bdi>Sparrow</bdi> is looking at this</strong>")
		pageHas(t, grief.Get("/mod").Body, "<strong>You&#39;re looking at this</strong>", fmt.Sprintf(`action="/mod/items/%d/release"`, crisis))
		q := site.Get("/mod").Body
		pageHas(t, q, "<strong><bdi>Sparrow</bdi> is looking at this</strong>")
		pageLacks(t, q, fmt.Sprintf(`action="/mod/items/%d/release"`, crisis))

		// Someone else's claim holds.
		wantRedirect(t, site.PostForm(claim, formValues("next", "/mod")), "/mod")
		pageHas(t, site.Get("/mod").Body, "Sparrow is already looking at this item")
		if n := countRows(t, db, "queue_claims", "item_id = ? AND user_id = ?", crisis, w.griefMod); n != 1 {
			t.Fatal("another moderator took a held item")
		}
		wantStatus(t, w.as(w.anxietyMod).PostForm(claim, formValues()), http.StatusForbidden)
		wantStatus(t, w.as(w.members[0]).PostForm(claim, formValues()), http.StatusForbidden)
		pageHas(t, grief.Get("/mod").Body, "You&#39;re looking at:", fmt.Sprintf(`href="/mod/items/%d"`, crisis))

		// Handing it back frees it; handing back what you don't hold says so.
		release := fmt.Sprintf("/mod/items/%d/release", crisis)
		wantRedirect(t, grief.PostForm(release, formValues("next", "/mod")), "/mod")
		pageHas(t, grief.Get("/mod").Body, "Handed back to the queue.")
		pageLacks(t, site.Get("/mod").Body, "is looking at this</strong>")
		wantRedirect(t, grief.PostForm(release, formValues("next", "/mod")), "/mod")
		pageHas(t, grief.Get("/mod").Body, "You weren&#39;t holding that item")

		// A claim older than two hours can be taken over.
		wantStatus(t, grief.PostForm(claim, formValues()), http.StatusSeeOther)
		w.exec("UPDATE queue_claims SET claimed_at = ? WHERE item_id = ?", time.Now().UTC().Add(-moderation.ClaimFor-time.Minute), crisis)
		pageLacks(t, site.Get("/mod").Body, "<strong><bdi>Sparrow</bdi> is looking at this</strong>")
		wantRedirect(t, site.PostForm(claim, formValues()), fmt.Sprintf("/mod/items/%d", crisis))
		pageHas(t, grief.Get("/mod").Body, "<strong><bdi>Osprey</bdi> is looking at this</strong>")

		// A handled item is not claimed; acting on an item ends its claim.
		wantStatus(t, grief.PostForm(fmt.Sprintf("/mod/items/%d/dismiss", plain), formValues()), http.StatusSeeOther)
		wantStatus(t, grief.PostForm(fmt.Sprintf("/mod/items/%d/claim", plain), formValues()), http.StatusConflict)
		r := grief.Get(fmt.Sprintf("/mod/items/%d", plain))
		pageHas(t, r.Body, "<strong>Handled</strong>")
		pageLacks(t, r.Body, "I&#39;m looking at this", "Act on this item")
	})
}

// TestStepAway: one POST hands back every item the moderator holds, takes
// them off duty and leaves a hand-over note that the moderators of their
// groups see at the top of the queue for a day or until each dismisses
// it; the author and moderators elsewhere never see it.
func TestStepAway(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		crisis, concern, _, _ := hardItems(w)
		grief := w.as(w.griefMod)
		for _, id := range []int64{crisis, concern} {
			wantStatus(t, grief.PostForm(fmt.Sprintf("/mod/items/%d/claim", id), formValues()), http.StatusSeeOther)
		}
		wantStatus(t, grief.PostForm("/mod/duty", formValues("duty_hours", "2")), http.StatusSeeOther)
		page := grief.Get("/mod/step-away")
		wantStatus(t, page, http.StatusOK)
		pageHas(t, page.Body, "<h1>Step away</h1>", "and takes you off duty", `name="note"`, "Missing my dad tonight")

		long := strings.Repeat("x", moderation.MaxHandoverLen+1)
		r := grief.PostForm("/mod/step-away", formValues("note", long))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please keep the hand-over note under 1,000 characters.", long)
		if n := countRows(t, db, "queue_claims", "user_id = ?", w.griefMod); n != 2 {
			t.Fatalf("a refused step away released %d claims", 2-n)
		}

		note := "Maple's crisis post may need a gentle follow-up tonight"
		wantRedirect(t, grief.PostForm("/mod/step-away", formValues("note", note)), "/mod")
		pageHas(t, grief.Get("/mod").Body, "You&#39;ve stepped away. 2 items you held are back in the queue for the others.",
			"Your hand-over note shows at the top of the queue", "You&#39;re off duty now.")
		if n := countRows(t, db, "queue_claims", "user_id = ?", w.griefMod); n != 0 {
			t.Errorf("%d claims left after stepping away", n)
		}
		if n := countRows(t, db, "moderator_duty", "user_id = ?", w.griefMod); n != 0 {
			t.Error("still on duty after stepping away")
		}
		if a := w.audits(moderation.ActionStepAway); len(a) != 1 || a[0].Detail != "2 items handed back" {
			t.Errorf("step-away audit rows: %+v", a)
		}
		wantNote := "Maple&#39;s crisis post may need a gentle follow-up tonight"
		site := w.as(w.siteMod)
		q := site.Get("/mod").Body
		pageHas(t, q, "Left for you by moderators who stepped away", wantNote, "<bdi>Sparrow</bdi>", "handed back 2 items")
		pageLacks(t, q, "is looking at this</strong>")
		pageHas(t, w.as(w.admin).Get("/mod").Body, wantNote)
		pageLacks(t, grief.Get("/mod").Body, wantNote)
		pageLacks(t, w.as(w.anxietyMod).Get("/mod").Body, wantNote)
		pageLacks(t, w.as(w.members[0]).Get("/").Body, wantNote)

		id := idIn(t, q, `action="/mod/handovers/(\d+)/dismiss"`)
		wantRedirect(t, site.PostForm(fmt.Sprintf("/mod/handovers/%d/dismiss", id), formValues()), "/mod")
		pageLacks(t, site.Get("/mod").Body, wantNote)
		pageHas(t, w.as(w.admin).Get("/mod").Body, wantNote)
		wantStatus(t, site.PostForm("/mod/handovers/999999/dismiss", formValues()), http.StatusNotFound)
		w.exec("UPDATE handover_notes SET created_at = ?", time.Now().UTC().Add(-moderation.HandoverFor-time.Minute))
		pageLacks(t, w.as(w.admin).Get("/mod").Body, wantNote)

		// Stepping away holding nothing, without a note, still says what happened.
		wantRedirect(t, grief.PostForm("/mod/step-away", formValues()), "/mod")
		pageHas(t, grief.Get("/mod").Body, "You weren&#39;t holding any items.")
		wantStatus(t, w.as(w.members[0]).PostForm("/mod/step-away", formValues()), http.StatusForbidden)
	})
}
