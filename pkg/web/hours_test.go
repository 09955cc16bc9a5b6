package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// hoursForm is the admin's moderation hours form: every day 08:00-22:00
// UK time with the default protections, changed by kv.
func hoursForm(kv ...string) url.Values {
	f := formValues("hours_start", "08:00", "hours_end", "22:00", "hours_zone", "Europe/London", "hours_zone_label", "UK time",
		"out_of_hours_report_threshold", "2", "out_of_hours_hold_first_posts", "1", "out_of_hours_crisis_panel", "on", "out_of_hours_overnight", "on")
	f["hours_days"] = []string{"", "mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	for i := 0; i+1 < len(kv); i += 2 {
		f[kv[i]] = []string{kv[i+1]}
	}
	return f
}

// at sets the moderation clock to a moment in London.
func (w *modWorld) at(s string) {
	w.t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		w.t.Fatal(err)
	}
	t, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		w.t.Fatal(err)
	}
	w.app.Moderation.SetClock(func() time.Time { return t.UTC() })
}

// TestModerationHoursAtAdminSettings: admins set the hours at
// /admin/settings (fields named with "hour"); a refused form keeps what
// was typed and saves nothing; members and visitors then read the hours in
// every page's footer, members at once though their settings are kept in
// memory.
func TestModerationHoursAtAdminSettings(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		admin, member := w.as(w.admin), w.as(w.members[0])
		r := admin.Get("/admin/settings")
		pageHas(t, r.Body, `name="hours_days"`, `name="hours_start"`, `name="hours_end"`, `name="hours_zone"`, `name="hours_zone_label"`,
			`name="out_of_hours_report_threshold"`, `name="out_of_hours_hold_first_posts"`, `name="out_of_hours_crisis_panel"`, `name="out_of_hours_overnight"`,
			"Not published yet")
		pageLacks(t, member.Get("/").Body, "Moderators are around")

		r = admin.PostForm("/admin/settings", hoursForm("hours_zone", "Mars/Olympus", "hours_start", "25:00", "hours_zone_label", "Martian time"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please give a time zone by its name", "Please give the time moderators start", `value="Mars/Olympus"`, `value="Martian time"`)
		if n := countRows(t, db, "site_settings", "name = 'hours'"); n != 0 {
			t.Fatal("a refused hours form was saved")
		}

		week := hoursForm("hours_start", "09:00", "hours_end", "17:00")
		week["hours_days"] = []string{"", "mon", "tue", "wed", "thu", "fri"}
		wantRedirect(t, admin.PostForm("/admin/settings", week), "/admin/settings")
		want := "Moderators are around 09:00–17:00 UK time, Monday to Friday."
		pageHas(t, member.Get("/").Body, want)
		pageHas(t, w.as(0).Get("/g/grief").Body, want)
		pageLacks(t, admin.Get("/admin/settings").Body, "Not published yet")
		if len(w.audits(moderation.ActionSettings)) != 1 {
			t.Fatal("no audit row for the hours")
		}
		// The report threshold's own form leaves the hours as they are.
		wantRedirect(t, admin.PostForm("/admin/settings", formValues("report_threshold", "4")), "/admin/settings")
		pageHas(t, member.Get("/").Body, want)
		// No day ticked: no set hours.
		none := hoursForm()
		none["hours_days"] = []string{""}
		wantRedirect(t, admin.PostForm("/admin/settings", none), "/admin/settings")
		pageHas(t, member.Get("/").Body, "Moderators keep no set hours")
	})
}

// crisisPreview previews a crisis post (not one whose danger is immediate,
// which brings the emergency-first panel instead) as c's member and returns the
// crisis panel.
func crisisPreview(t *testing.T, c *forumtest.Client) string {
	t.Helper()
	r := c.PostForm("/g/depression/threads", url.Values{"title": {"Saved up"}, "body": {"I have the pills saved up and I can't do this anymore"},
		"idem": {freshIdem()}, "preview": {"1"}})
	wantStatus(t, r, http.StatusOK)
	i := strings.Index(r.Body, `<aside class="crisis-panel"`)
	if i < 0 {
		t.Fatalf("no crisis panel\n%s", snippet(r.Body))
	}
	return r.Body[i : i+strings.Index(r.Body[i:], "</aside>")]
}

// reportedBy reports post as each member and returns its status then.
func (w *modWorld) reportedBy(post int64, members ...int64) string {
	w.t.Helper()
	for _, m := range members {
		wantStatus(w.t, w.as(m).PostForm(fmt.Sprintf("/p/%d/report", post), formValues("reason", "spam")), http.StatusSeeOther)
	}
	return w.post(post).Status
}

// newcomerReply replies as a member with no posts yet and returns the
// reply's status and the flash the member reads next.
func (w *modWorld) newcomerReply(id int64, body string) (string, string) {
	w.t.Helper()
	c := w.as(id)
	wantStatus(w.t, c.PostForm(fmt.Sprintf("/t/%d/replies", w.thread.ID), formValues("body", body, "idem", freshIdem())), http.StatusSeeOther)
	var status string
	w.db.R.Raw("SELECT status FROM posts WHERE body_md = ?", body).Scan(&status)
	return status, c.Get("/").Body
}

// TestOutOfHoursProtections: with the hours published (08:00-22:00 UK
// time), the injected clock at 03:00 turns on every protection: /crisis
// and the crisis panel say nobody is around and lead with the emergency
// number and the member's helpline, two reports hide a post, and a
// newcomer's first post waits for a moderator (a moderator's never does).
// At noon none of it applies.
func TestOutOfHoursProtections(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		wantRedirect(t, w.as(w.admin).PostForm("/admin/settings", hoursForm()), "/admin/settings")
		w.exec("UPDATE users SET country = 'GB' WHERE id = ?", w.members[0])
		member := w.as(w.members[0])

		w.at("2026-12-09 03:00")
		pageHas(t, w.as(0).Get("/crisis?country=GB").Body, "Moderators are around 08:00–22:00 UK time, every day.", "Right now nobody is.", `href="tel:999"`)
		panel := crisisPreview(t, member)
		pageHas(t, panel, `class="cover-lead"`, "Right now nobody is.", `href="tel:999"`, "call Samaritans on")
		if lead, intro := strings.Index(panel, "cover-lead"), strings.Index(panel, "Thank you for putting it into words"); lead > intro {
			t.Error("out of hours the panel does not lead with emergency help")
		}
		if got := w.reportedBy(w.reply, w.members[1], w.members[2]); got != "held" {
			t.Errorf("out of hours two reports leave the post %s", got)
		}
		status, page := w.newcomerReply(w.members[3], "first words at three in the morning")
		if status != "held" {
			t.Errorf("out of hours a newcomer's first post is %s", status)
		}
		pageHas(t, page, "waiting for a moderator", "Right now nobody is.")
		status, _ = w.newcomerReply(w.siteMod, "a moderator's first words at night")
		if status != "visible" {
			t.Errorf("a moderator's post out of hours is %s", status)
		}

		w.at("2026-12-09 12:00")
		panel = crisisPreview(t, member)
		pageHas(t, panel, "Right now moderators are around.")
		pageLacks(t, panel, "cover-lead")
		pageHas(t, w.as(0).Get("/crisis").Body, "Right now moderators are around.")
		other := w.insertReply(w.thread, w.author, "a second reply", nil)
		if got := w.reportedBy(other, w.members[1], w.members[2]); got != "visible" {
			t.Errorf("in hours two reports leave the post %s", got)
		}
		if status, _ := w.newcomerReply(w.members[4], "first words at noon"); status != "visible" {
			t.Errorf("in hours a newcomer's first post is %s", status)
		}
	})
}
