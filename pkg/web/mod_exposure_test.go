package web_test

import (
	"fmt"
	"net/http"
	"testing"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// hardItems opens a crisis item, a concern-level wellbeing item, a
// reported trigger-warned post and a plain report in grief, and returns
// their item ids in that order.
func hardItems(w *modWorld) (crisis, concern, warned, plain int64) {
	w.t.Helper()
	c := w.insertReply(w.thread, w.members[0], "CRISIS-WORDS tonight", nil)
	w.exec("UPDATE posts SET crisis_level = ? WHERE id = ?", int(forum.LevelCrisis), c)
	crisis = w.item(moderation.KindWellbeing, c, moderation.WellbeingPriority, "Matched: tonight")
	k := w.insertReply(w.thread, w.members[1], "CONCERN-WORDS so heavy", nil)
	w.exec("UPDATE posts SET crisis_level = ? WHERE id = ?", int(forum.LevelConcern), k)
	concern = w.item(moderation.KindWellbeing, k, moderation.ConcernPriority, "")
	warned = w.item(moderation.KindReport, w.insertReply(w.thread, w.members[2], "WARNED-WORDS about cutting", []string{"self-harm"}), 10, "")
	plain = w.item(moderation.KindReport, w.insertReply(w.thread, w.members[3], "PLAIN-WORDS buy now", nil), 10, "")
	return crisis, concern, warned, plain
}

// TestModeratorsDayCountsWhatTheyOpened: opening a crisis, wellbeing or
// trigger-warned item counts once a day per item in the moderator's own
// "Your day", today and this week; a plain report does not count, nor do
// other moderators' openings, and a moderator of another group cannot
// open the item at all.
func TestModeratorsDayCountsWhatTheyOpened(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		crisis, concern, warned, plain := hardItems(w)
		w.at("2026-12-09 10:00") // a Wednesday
		mod := w.as(w.griefMod)
		pageHas(t, mod.Get("/mod").Body, "Your day", "Today you opened 0 crisis items, 0 wellbeing concerns and 0 trigger-warned posts.")

		for _, id := range []int64{crisis, crisis, concern, warned, plain, crisis} {
			r := mod.Get(fmt.Sprintf("/mod/items/%d", id))
			wantStatus(t, r, http.StatusOK)
			pageHas(t, r.Body, "<h1>Queue item</h1>", "I&#39;m looking at this")
		}
		page := mod.Get(fmt.Sprintf("/mod/items/%d", warned)).Body
		pageHas(t, page, `<details class="post-tw" open>`, "WARNED-WORDS")
		if n := countRows(t, db, "moderator_exposures", "user_id = ?", w.griefMod); n != 3 {
			t.Errorf("%d exposure rows, want 3 (one per hard item, once a day)", n)
		}
		want := "Today you opened 1 crisis item, 1 wellbeing concern and 1 trigger-warned post. This week: 1 crisis, 1 wellbeing, 1 trigger-warned."
		pageHas(t, mod.Get("/mod").Body, want)
		pageHas(t, w.as(w.siteMod).Get("/mod").Body, "Today you opened 0 crisis items")

		// Nobody outside grief's staff opens grief's item.
		wantStatus(t, w.as(w.anxietyMod).Get(fmt.Sprintf("/mod/items/%d", crisis)), http.StatusForbidden)
		wantStatus(t, w.as(w.members[0]).Get(fmt.Sprintf("/mod/items/%d", crisis)), http.StatusForbidden)
		wantStatus(t, w.as(w.griefMod).Get("/mod/items/999999"), http.StatusNotFound)

		// The next day counts afresh; the week keeps counting until Monday.
		w.at("2026-12-10 09:00")
		mod.Get(fmt.Sprintf("/mod/items/%d", crisis))
		pageHas(t, mod.Get("/mod").Body, "Today you opened 1 crisis item, 0 wellbeing concerns and 0 trigger-warned posts. This week: 2 crisis, 1 wellbeing, 1 trigger-warned.")
		w.at("2026-12-14 09:00")
		pageHas(t, mod.Get("/mod").Body, "This week: 0 crisis, 0 wellbeing, 0 trigger-warned.")
	})
}

// TestSoftDailyLimitSuggestsABreak: a moderator sets their own limit at
// /settings/moderation (empty for none, a bad number refused with what
// they typed); reaching it, the queue suggests a break kindly and offers
// to hand their items back.
func TestSoftDailyLimitSuggestsABreak(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		crisis, concern, warned, _ := hardItems(w)
		mod := w.as(w.griefMod)
		s := mod.Get("/settings/moderation")
		wantStatus(t, s, http.StatusOK)
		pageHas(t, s.Body, `name="daily_limit"`, `name="folded" value="1" checked`)
		pageHas(t, mod.Get("/settings").Body, `href="/settings/moderation"`)
		pageLacks(t, w.as(w.members[0]).Get("/settings").Body, `href="/settings/moderation"`)
		wantStatus(t, w.as(w.members[0]).Get("/settings/moderation"), http.StatusForbidden)

		r := mod.PostForm("/settings/moderation", formValues("daily_limit", "lots", "folded", "1"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please give a whole number from 1 to 500", `value="lots"`, `aria-invalid="true"`)
		wantStatus(t, mod.PostForm("/settings/moderation", formValues("daily_limit", "0", "folded", "1")), http.StatusUnprocessableEntity)
		wantRedirect(t, mod.PostForm("/settings/moderation", formValues("daily_limit", "3", "folded", "1")), "/settings/moderation")
		pageHas(t, mod.Get("/settings/moderation").Body, `value="3"`)

		mod.Get(fmt.Sprintf("/mod/items/%d", crisis))
		mod.Get(fmt.Sprintf("/mod/items/%d", concern))
		q := mod.Get("/mod").Body
		pageHas(t, q, "Your daily limit is 3; you&#39;ve opened 2 so far.")
		pageLacks(t, q, "might be a good moment for a break")
		mod.Get(fmt.Sprintf("/mod/items/%d", warned))
		q = mod.Get("/mod").Body
		pageHas(t, q, "You&#39;ve opened 3 hard items today, and your own limit is 3.", "might be a good moment for a break",
			"Hand my items back and take a break")
		pageLacks(t, w.as(w.siteMod).Get("/mod").Body, "might be a good moment for a break")

		// Empty means no limit.
		wantRedirect(t, mod.PostForm("/settings/moderation", formValues("daily_limit", "", "folded", "1")), "/settings/moderation")
		pageLacks(t, mod.Get("/mod").Body, "might be a good moment for a break", "Your daily limit is")
	})
}

// TestWarnedPostsStayFoldedPerPreference: trigger-warned posts are folded
// in the queue by default; a moderator who asks sees them unfolded; an
// opened item is always unfolded.
func TestWarnedPostsStayFoldedPerPreference(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		_, _, warned, _ := hardItems(w)
		mod := w.as(w.griefMod)
		q := mod.Get("/mod").Body
		pageHas(t, q, `<details class="post-tw">`, fmt.Sprintf(`href="/mod/items/%d"`, warned))
		pageLacks(t, q, `<details class="post-tw" open>`)
		wantRedirect(t, mod.PostForm("/settings/moderation", formValues("daily_limit", "")), "/settings/moderation")
		pageHas(t, mod.Get("/settings/moderation").Body, `name="folded" value="1">`)
		pageHas(t, mod.Get("/mod").Body, `<details class="post-tw" open>`)
		// Another moderator's queue keeps the default.
		pageLacks(t, w.as(w.siteMod).Get("/mod").Body, `<details class="post-tw" open>`)
		wantRedirect(t, mod.PostForm("/settings/moderation", formValues("folded", "1")), "/settings/moderation")
		pageLacks(t, mod.Get("/mod").Body, `<details class="post-tw" open>`)
		pageHas(t, mod.Get(fmt.Sprintf("/mod/items/%d", warned)).Body, `<details class="post-tw" open>`)
	})
}
