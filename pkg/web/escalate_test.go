package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestEscalatePermissionsAndAudit: staff who may act on a queue item, a
// check-in or a member escalate it with a reason, once, and the audit log
// records it; others are refused and nothing is written.
func TestEscalatePermissionsAndAudit(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		item := w.item(moderation.KindWellbeing, w.reply, moderation.WellbeingPriority, "")
		grief := w.as(w.griefMod)
		path := fmt.Sprintf("/mod/items/%d/escalate", item)

		// With no lead appointed yet, the moderator is told nobody would see it.
		pageHas(t, grief.Get("/mod").Body, `action="`+path+`"`, "No safeguarding lead is appointed yet")
		for name, c := range map[string]*forumtest.Client{"another group's moderator": w.as(w.anxietyMod), "a member": w.as(w.members[0]), "a visitor": w.as(0)} {
			if r := c.PostForm(path, formValues("reason", "worried")); r.StatusCode != http.StatusForbidden {
				t.Errorf("%s escalating: status %d, want 403", name, r.StatusCode)
			}
		}
		r := grief.PostForm(path, formValues("reason", " ", "next", "/mod"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please say why you are escalating this", `action="`+path+`"`)
		long := strings.Repeat("x", 501)
		r = grief.PostForm(path, formValues("reason", long))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please keep the reason under 500 characters.", long)
		if n := countRows(t, db, "escalations", "1 = 1"); n != 0 {
			t.Fatalf("%d escalations after refused ones", n)
		}

		wantRedirect(t, grief.PostForm(path, formValues("reason", "Talks of a plan; beyond me", "next", "/mod")), "/mod")
		pageHas(t, grief.Get("/mod").Body, "Escalated to the safeguarding leads", "Talks of a plan; beyond me")
		r = w.as(w.siteMod).PostForm(path, formValues("reason", "Me too"))
		wantStatus(t, r, http.StatusConflict)
		pageHas(t, r.Body, "Escalated to the safeguarding leads")

		id := w.sendCheckIn(grief, checkInWords, "post", idStr(w.reply))
		wantStatus(t, w.as(w.anxietyMod).PostForm(fmt.Sprintf("/checkins/%d/escalate", id), formValues("reason", "x")), http.StatusNotFound)
		wantStatus(t, w.as(w.author).PostForm(fmt.Sprintf("/checkins/%d/escalate", id), formValues("reason", "x")), http.StatusForbidden)
		wantRedirect(t, grief.PostForm(fmt.Sprintf("/checkins/%d/escalate", id), formValues("reason", "Reply mentions tonight")), fmt.Sprintf("/checkins/%d", id))
		pageHas(t, grief.Get(fmt.Sprintf("/checkins/%d", id)).Body, "Reply mentions tonight")
		pageLacks(t, w.as(w.author).Get(fmt.Sprintf("/checkins/%d", id)).Body, "Reply mentions tonight", "Escalat")
		wantRedirect(t, w.as(w.anxietyMod).PostForm("/mod/users/"+idStr(w.author)+"/escalate", formValues("reason", "Worrying pattern across groups")), "/mod/users/"+idStr(w.author))

		es := w.audits(moderation.ActionEscalate)
		if len(es) != 3 {
			t.Fatalf("%d escalation audit rows, want 3", len(es))
		}
		wantBy := []int64{w.griefMod, w.griefMod, w.anxietyMod}
		for i, e := range es {
			if e.ActorID == nil || *e.ActorID != wantBy[i] || e.Reason == "" || e.SubjectID == nil || *e.SubjectID != w.author || e.Public {
				t.Errorf("escalation audit %d: %+v", i, e)
			}
		}
		pageLacks(t, w.as(0).Get("/mod/log").Body, "Talks of a plan", "Escalated")
	})
}

// TestEscalationQueueForLeads: escalations sit at the top of a lead's
// queue with the time since, the instructions admins wrote above them;
// only leads see or resolve them, once, with a note that is audited.
func TestEscalationQueueForLeads(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		lead := forumtest.InsertUser(t, db, "Kestrel", "member")
		w.makeLead(lead)
		item := w.item(moderation.KindWellbeing, w.reply, moderation.WellbeingPriority, "")
		wantStatus(t, w.as(w.griefMod).PostForm(fmt.Sprintf("/mod/items/%d/escalate", item), formValues("reason", "Talks of a plan")), http.StatusSeeOther)
		admin := w.as(w.admin)
		wantRedirect(t, admin.PostForm("/admin/escalation", formValues("instructions", "Call the on-call lead: 0800 000 000\nThen tell the trustees.")), "/admin/escalation")
		if len(w.audits(moderation.ActionInstructions)) != 1 {
			t.Error("saving the instructions wrote no audit row")
		}

		l := w.as(lead)
		queue := l.Get("/mod")
		wantStatus(t, queue, http.StatusOK)
		pageHas(t, queue.Body, "Escalated to you as a safeguarding lead", "Talks of a plan", "Sparrow", "just now", "1 escalation waiting")
		page := l.Get("/mod/escalations")
		pageHas(t, page.Body, "Call the on-call lead: 0800 000 000", "Talks of a plan", "Mark as resolved")
		for name, uid := range map[string]int64{"a moderator": w.griefMod, "an admin": w.admin, "a member": w.members[0]} {
			c := w.as(uid)
			if r := c.Get("/mod/escalations"); r.StatusCode != http.StatusForbidden {
				t.Errorf("%s opening the escalations: %d", name, r.StatusCode)
			}
			if r := c.PostForm("/mod/escalations/1/resolve", formValues("note", "done")); r.StatusCode != http.StatusForbidden {
				t.Errorf("%s resolving: %d", name, r.StatusCode)
			}
		}
		pageLacks(t, w.as(w.griefMod).Get("/mod").Body, "Escalated to you as a safeguarding lead", "escalation waiting")

		var id int64
		db.R.Raw("SELECT id FROM escalations").Scan(&id)
		r := l.PostForm(fmt.Sprintf("/mod/escalations/%d/resolve", id), formValues("note", ""))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please note what was done.", "Talks of a plan")
		wantRedirect(t, l.PostForm(fmt.Sprintf("/mod/escalations/%d/resolve", id), formValues("note", "Called them; safe with family")), "/mod/escalations")
		wantStatus(t, l.PostForm(fmt.Sprintf("/mod/escalations/%d/resolve", id), formValues("note", "again")), http.StatusConflict)
		pageHas(t, l.Get("/mod/escalations").Body, "Nothing is escalated right now.")
		pageHas(t, l.Get("/mod/escalations?resolved=1").Body, "Called them; safe with family", "Kestrel")
		res := w.audits(moderation.ActionEscalationResolve)
		if len(res) != 1 || res[0].ActorID == nil || *res[0].ActorID != lead || res[0].Reason != "Called them; safe with family" {
			t.Errorf("resolution audit: %+v", res)
		}
		pageHas(t, admin.Get("/mod/audit").Body, "Escalation resolved by a safeguarding lead", "Escalated to the safeguarding leads")
	})
}
