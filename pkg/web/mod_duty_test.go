package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestOnDutyBeatsTheTimetable: at 03:00, out of hours, a moderator who
// goes on duty makes Hearth say a moderator is around, and the
// protections rest until they go off duty or their time on duty ends.
// Each change reaches the very next reply, although the settings are kept
// between requests (moderation.CoverCache).
func TestOnDutyBeatsTheTimetable(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		wantRedirect(t, w.as(w.admin).PostForm("/admin/settings", hoursForm()), "/admin/settings")
		w.at("2026-12-09 03:00")
		if status, _ := w.newcomerReply(w.members[4], "first words with nobody around"); status != "held" {
			t.Errorf("out of hours a newcomer's first post is %s", status)
		}
		mod := w.as(w.griefMod)
		pageHas(t, mod.Get("/mod").Body, "Right now nobody is.", `action="/mod/duty"`, "Go on duty")
		wantStatus(t, w.as(w.members[0]).PostForm("/mod/duty", formValues("duty_hours", "4")), http.StatusForbidden)
		wantRedirect(t, mod.PostForm("/mod/duty", formValues("duty_hours", "3")), "/mod")
		pageHas(t, mod.Get("/mod").Body, "Please choose how long you&#39;ll be on duty")

		wantRedirect(t, mod.PostForm("/mod/duty", formValues("duty_hours", "4")), "/mod")
		pageHas(t, mod.Get("/mod").Body, "You&#39;re on duty until 07:00 UK time", "Go off duty", "Right now a moderator is on duty.")
		pageHas(t, w.as(0).Get("/crisis").Body, "Right now a moderator is on duty.")
		pageLacks(t, w.as(0).Get("/crisis").Body, "Right now nobody is.")
		if got := w.reportedBy(w.reply, w.members[1], w.members[2]); got != "visible" {
			t.Errorf("with a moderator on duty two reports leave the post %s", got)
		}
		if status, _ := w.newcomerReply(w.members[3], "first words with a moderator on duty"); status != "visible" {
			t.Errorf("with a moderator on duty a newcomer's first post is %s", status)
		}
		if len(w.audits(moderation.ActionDutyStart)) != 1 {
			t.Error("going on duty left no audit row")
		}

		// Four hours later the time on duty has ended by itself.
		w.at("2026-12-09 07:30")
		pageHas(t, w.as(0).Get("/crisis").Body, "Right now nobody is.")
		w.at("2026-12-09 03:30")
		wantRedirect(t, mod.PostForm("/mod/duty", formValues("duty_hours", "0")), "/mod")
		pageHas(t, w.as(0).Get("/crisis").Body, "Right now nobody is.")
		pageHas(t, mod.Get("/mod").Body, "Go on duty")
		late := forumtest.InsertUser(t, db, "Willow", "member")
		if status, _ := w.newcomerReply(late, "first words once the moderator has gone"); status != "held" {
			t.Errorf("off duty again, a newcomer's first post is %s", status)
		}
		// An admin who stops holding first posts out of hours is heard at once.
		wantRedirect(t, w.as(w.admin).PostForm("/admin/settings", hoursForm("out_of_hours_hold_first_posts", "0")), "/admin/settings")
		later := forumtest.InsertUser(t, db, "Yarrow", "member")
		if status, _ := w.newcomerReply(later, "first words with holding turned off"); status != "visible" {
			t.Errorf("with holding off, a newcomer's first post is %s", status)
		}
	})
}

// overnightSection is the queue's list of what came in while nobody was
// around, "" when the page has none.
func overnightSection(body string) string {
	i := strings.Index(body, `id="overnight-heading"`)
	if i < 0 {
		return ""
	}
	return body[i : i+strings.Index(body[i:], "</section>")]
}

// TestFirstModeratorBackSeesTheNight: at 09:00 the queue lists, above
// everything, the items that came in between 22:00 and 08:00, wellbeing
// concerns first, and not those from before or after; with the protection
// off it does not.
func TestFirstModeratorBackSeesTheNight(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		wantRedirect(t, w.as(w.admin).PostForm("/admin/settings", hoursForm()), "/admin/settings")
		loc, _ := time.LoadLocation("Europe/London")
		at := func(s string) time.Time {
			tm, _ := time.ParseInLocation("2006-01-02 15:04", s, loc)
			return tm.UTC()
		}
		items := []struct {
			title, kind, when string
		}{
			{"EVENING-REPORT", moderation.KindReport, "2026-12-08 18:00"},
			{"NIGHT-REPORT", moderation.KindReport, "2026-12-08 23:00"},
			{"NIGHT-CRISIS", moderation.KindWellbeing, "2026-12-09 02:00"},
			{"MORNING-HELD", moderation.KindHeld, "2026-12-09 08:30"},
		}
		for _, it := range items {
			th := forumtest.InsertThread(t, db, "grief", w.author, it.title, nil, at(it.when))
			id := w.item(it.kind, *th.FirstPostID, 10, "")
			w.exec("UPDATE queue_items SET created_at = ? WHERE id = ?", at(it.when), id)
		}
		w.at("2026-12-09 09:00")
		night := overnightSection(w.as(w.griefMod).Get("/mod").Body)
		pageHas(t, night, "Came in while nobody was around", "from 22:00", "until 08:00 UK time", "NIGHT-REPORT", "NIGHT-CRISIS")
		pageLacks(t, night, "EVENING-REPORT", "MORNING-HELD")
		if strings.Index(night, "NIGHT-CRISIS") > strings.Index(night, "NIGHT-REPORT") {
			t.Error("the crisis item is not first")
		}
		// A moderator of another group sees none of grief's night.
		pageLacks(t, w.as(w.anxietyMod).Get("/mod").Body, "NIGHT-CRISIS")
		// At 23:30 the night has begun: what came in since 22:00.
		w.at("2026-12-09 23:30")
		pageLacks(t, overnightSection(w.as(w.griefMod).Get("/mod").Body), "NIGHT-CRISIS")

		w.at("2026-12-09 09:00")
		wantRedirect(t, w.as(w.admin).PostForm("/admin/settings", hoursForm("out_of_hours_overnight", "off")), "/admin/settings")
		if overnightSection(w.as(w.griefMod).Get("/mod").Body) != "" {
			t.Error("the overnight list shows with the protection off")
		}
	})
}
