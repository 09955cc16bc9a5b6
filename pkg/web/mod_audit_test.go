package web_test

import (
	"fmt"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestAuditLogStaffOnlyFilteredAndPaginated(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		w.as(w.griefMod).PostForm(fmt.Sprintf("/t/%d/lock", w.thread.ID), formValues("reason", "Against the group guidelines"))
		w.as(w.siteMod).PostForm(fmt.Sprintf("/p/%d/remove", w.reply), formValues("reason", "Spam or advertising"))
		anx := forumtest.InsertThread(t, db, "anxiety", w.author, "Panic on the bus", nil, time.Now())
		w.as(w.anxietyMod).PostForm(fmt.Sprintf("/t/%d/pin", anx.ID), formValues())

		wantStatus(t, w.as(w.members[0]).Get("/mod/audit"), http.StatusForbidden)
		r := w.as(w.admin).Get("/mod/audit")
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "Thread locked</strong> by Sparrow", "Post removed</strong> by Osprey", "Thread pinned</strong> by Finch", "Against the group guidelines", "member Wren")

		r = w.as(w.admin).Get("/mod/audit?actor=Sparrow")
		pageHas(t, r.Body, "Thread locked</strong>")
		pageLacks(t, r.Body, "Post removed</strong>", "Thread pinned</strong>")
		r = w.as(w.admin).Get("/mod/audit?action=remove")
		pageHas(t, r.Body, "Post removed</strong>", `<option value="remove" selected>Post removed</option>`)
		pageLacks(t, r.Body, "Thread locked</strong>")
		r = w.as(w.admin).Get("/mod/audit?group=anxiety")
		pageHas(t, r.Body, "Thread pinned</strong>")
		pageLacks(t, r.Body, "Thread locked</strong>")
		pageLacks(t, w.as(w.admin).Get("/mod/audit?actor=nobody-at-all").Body, "Thread locked</strong>")
		// A group moderator sees their groups' entries only.
		r = w.as(w.anxietyMod).Get("/mod/audit")
		pageHas(t, r.Body, "Thread pinned</strong>")
		pageLacks(t, r.Body, "Thread locked</strong>", "Post removed</strong>")

		// Pagination by rel="next", no entry twice.
		for i := range moderation.LogPerPage + 5 {
			w.exec("INSERT INTO audit_log (actor_id, action, target_type, reason, public, created_at) VALUES (?, 'settings', 'site', ?, ?, ?)",
				w.admin, "filler "+idStr(int64(i)), false, time.Now().UTC())
		}
		seen := map[string]bool{}
		next := regexp.MustCompile(`<a rel="next" href="([^"]+)"`)
		entry := regexp.MustCompile(`filler \d+`)
		pages := 0
		for p := "/mod/audit?action=settings"; p != ""; pages++ {
			if pages > 3 {
				t.Fatal("pagination does not end")
			}
			body := w.as(w.admin).Get(p).Body
			for _, m := range entry.FindAllString(body, -1) {
				if seen[m] {
					t.Fatalf("%s on two pages", m)
				}
				seen[m] = true
			}
			p = ""
			if m := next.FindStringSubmatch(body); m != nil {
				p = strings.ReplaceAll(m[1], "&amp;", "&")
			}
		}
		if pages != 2 || len(seen) != moderation.LogPerPage+5 {
			t.Fatalf("%d pages, %d entries", pages, len(seen))
		}
	})
}

// TestAuditLogDescribesModeratorAppointments: an admin's appointment and
// removal of a moderator appear in the audit log in plain words, and the
// action filter offers and applies them.
func TestAuditLogDescribesModeratorAppointments(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		admin := w.as(w.admin)
		role := fmt.Sprintf("/admin/people/%d/role", w.members[0])
		wantRedirect(t, admin.PostForm(role, formValues("role", "moderator", "scope", "site", "reason", "Kind and steady for a year")), "/admin/people?q=Maple")
		wantRedirect(t, admin.PostForm(role, formValues("role", "member", "reason", "Stepping back for now")), "/admin/people?q=Maple")
		w.as(w.griefMod).PostForm(fmt.Sprintf("/t/%d/lock", w.thread.ID), formValues("reason", "Resting"))

		r := admin.Get("/mod/audit")
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, `<option value="role.grant"`, `<option value="role.revoke"`,
			"Moderator appointed or their groups changed</strong> by Heron", "Kind and steady for a year",
			"Moderator role taken back</strong> by Heron", "Stepping back for now", "member Maple")
		pageLacks(t, r.Body, "Moderator action</strong>")
		r = admin.Get("/mod/audit?action=role.grant")
		pageHas(t, r.Body, "Moderator appointed or their groups changed</strong>")
		pageLacks(t, r.Body, "Moderator role taken back</strong>", "Thread locked</strong>")
	})
}
