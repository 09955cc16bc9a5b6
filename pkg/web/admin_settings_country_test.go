package web_test

import (
	"fmt"
	"net/http"
	"testing"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// The crisis panel fits the moment (crisis_panel.go's levels) and starts
// from the member's or the instance's country (admin_settings_country.go).

// emergencyFirst is the large-type call that leads the panel when danger
// is immediate.
const emergencyFirst = `<p class="emergency-call">`

// TestImmediateDangerPutsEmergencyServicesFirst: words that put danger now
// (the marker screener's crisis: a plan with a time) bring the panel with
// the country's emergency number first, in its own large call, and the
// country's helpline after it; crisis words without a time bring the
// helpline first and the emergency number after it, with no large call.
func TestImmediateDangerPutsEmergencyServicesFirst(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		forum.WithScreener(markScreener)(w.app.Forum)
		w.exec("UPDATE users SET country = ? WHERE id = ?", "GB", w.members[0])
		maple := w.as(w.members[0])

		_, loc := replyTo(t, maple, w.thread.ID, 0, "It is tonight "+markCrisis)
		now := maple.Get(noFragment(loc)).Body
		inOrder(t, now, panelHeading, emergencyFirst, `<a href="tel:999">999</a>`, "Helplines in United Kingdom", `<a href="tel:116123">116 123</a>`)
		pageLacks(t, now, "Hearth is not an emergency service — if you are in danger now")

		// Without a country: the words, not a number, and examples.
		hazel := w.as(w.members[3])
		_, loc = replyTo(t, hazel, w.thread.ID, 0, "It is tonight "+markCrisis)
		inOrder(t, hazel.Get(noFragment(loc)).Body, emergencyFirst, "your local emergency number", "999 in the United Kingdom", `class="helpline"`)

		_, loc = replyTo(t, maple, w.thread.ID, 0, "Some day "+markSelfHarm)
		later := maple.Get(noFragment(loc)).Body
		inOrder(t, later, panelHeading, "Helplines in United Kingdom", `<a href="tel:116123">116 123</a>`, "if you are in danger now, call your local emergency number")
		pageLacks(t, later, emergencyFirst)

		// The preview answers the same way.
		r := maple.PostForm(fmt.Sprintf("/t/%d/replies", w.thread.ID), formValues("body", "It is tonight "+markCrisis, "idem", freshIdem(), "preview", "1"))
		wantStatus(t, r, http.StatusOK)
		inOrder(t, r.Body, emergencyFirst, `<a href="tel:999">999</a>`, `<a href="tel:116123">116 123</a>`)
	})
}

// TestInstanceDefaultCountry: an admin chooses a default country at
// /admin/settings (a choice not in the list is refused with a message and
// saves nothing); then members without a country of their own, and
// visitors, get its lines first in the panel and on /crisis, which lists
// every other country after it. A member's own country still wins, and
// members may ask for every country.
func TestInstanceDefaultCountry(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		forum.WithScreener(markScreener)(w.app.Forum)
		admin := w.as(w.admin)
		pageHas(t, admin.Get("/admin/settings").Body, `name="default_country"`, `<option value="" selected>None`)

		r := admin.PostForm("/admin/settings/country", formValues("default_country", "XQ"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please choose a country from the list.", `aria-invalid="true"`)
		visitor := w.as(0)
		pageHas(t, visitor.Get("/crisis").Body, `<option value="" selected>Show every country</option>`)
		wantStatus(t, w.as(w.members[1]).PostForm("/admin/settings/country", formValues("default_country", "IE")), http.StatusForbidden)

		wantRedirect(t, admin.PostForm("/admin/settings/country", formValues("default_country", "IE")), "/admin/settings")
		pageHas(t, admin.Get("/admin/settings").Body, `<option value="IE" selected>Ireland</option>`)
		pageHas(t, admin.Get("/mod/audit").Body, "default country IE")

		page := visitor.Get("/crisis").Body
		inOrder(t, page, "Helplines in Ireland", `<h2 id="all-heading">Other countries</h2>`, "United Kingdom", "United States")
		pageHas(t, page, `<option value="IE" selected>Ireland</option>`)
		pageHas(t, visitor.Get("/crisis?country=").Body, `<option value="" selected>Show every country</option>`, `<h2 id="all-heading">Helplines by country</h2>`)

		maple := w.as(w.members[0])
		_, loc := replyTo(t, maple, w.thread.ID, 0, "It is tonight "+markCrisis)
		inOrder(t, maple.Get(noFragment(loc)).Body, emergencyFirst, `<a href="tel:112">112</a>`, "Helplines in Ireland")

		w.exec("UPDATE users SET country = ? WHERE id = ?", "GB", w.members[0])
		_, loc = replyTo(t, maple, w.thread.ID, 0, "Some day "+markSelfHarm)
		page = maple.Get(noFragment(loc)).Body
		pageHas(t, page, "Helplines in United Kingdom")
		pageLacks(t, page, "Helplines in Ireland")
		pageHas(t, maple.Get("/crisis").Body, "Helplines in United Kingdom")

		wantRedirect(t, admin.PostForm("/admin/settings/country", formValues("default_country", "")), "/admin/settings")
		pageHas(t, visitor.Get("/crisis").Body, `<h2 id="all-heading">Helplines by country</h2>`)
	})
}
