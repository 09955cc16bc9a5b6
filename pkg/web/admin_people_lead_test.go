package web_test

import (
	"net/http"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestAppointSafeguardingLead: admins appoint and remove leads with a
// reason, audited; a lead needs two-factor codes like a moderator; only
// admins may appoint.
func TestAppointSafeguardingLead(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		cfg := forumtest.Config(t)
		cfg.StaffTOTP = "required"
		a, _ := forumtest.NewApp(t, db, cfg)
		adminID := forumtest.InsertUser(t, db, "Heron", "admin")
		db.W.Exec("UPDATE users SET totp_enabled = ? WHERE id = ?", true, adminID)
		member := forumtest.InsertUser(t, db, "Kestrel", "member")
		admin := forumtest.NewClient(t, a.Web.Handler())
		forumtest.LoginAs(t, a, admin, adminID)
		lead := forumtest.NewClient(t, a.Web.Handler())
		forumtest.LoginAs(t, a, lead, member)
		path := "/admin/people/" + idStr(member) + "/lead"

		r := admin.PostForm(path, formValues("lead", "yes", "lead_reason", ""))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please give a short reason", "Safeguarding lead")
		wantStatus(t, lead.PostForm(path, formValues("lead", "yes", "lead_reason", "me")), http.StatusForbidden)
		wantRedirect(t, admin.PostForm(path, formValues("lead", "yes", "lead_reason", "Trained in safeguarding")), "/admin/people?q=Kestrel")
		if n := countRows(t, db, "users", "id = ? AND safeguarding_lead = ?", member, true); n != 1 {
			t.Fatal("not appointed")
		}
		if es := auditsOf(t, db, moderation.ActionLeadGrant); len(es) != 1 || es[0].Reason != "Trained in safeguarding" {
			t.Errorf("appointment audit: %+v", es)
		}
		pageHas(t, admin.Get("/admin/people").Body, "q=Kestrel", "member, safeguarding lead</li>")
		// Their session ended with the change; signed in again, they must set
		// up two-factor codes before the escalations open.
		forumtest.LoginAs(t, a, lead, member)
		wantRedirect(t, lead.Get("/mod/escalations"), "/settings/totp")
		db.W.Exec("UPDATE users SET totp_enabled = ? WHERE id = ?", true, member)
		wantStatus(t, lead.Get("/mod/escalations"), http.StatusOK)

		wantRedirect(t, admin.PostForm(path, formValues("lead", "no", "lead_reason", "Stepped down")), "/admin/people?q=Kestrel")
		if len(auditsOf(t, db, moderation.ActionLeadRevoke)) != 1 {
			t.Error("removal not audited")
		}
		r = admin.PostForm(path, formValues("lead", "no", "lead_reason", "again"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "That is already so.")
	})
}
