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

// TestLeadWhoIsNotAModeratorReadsTheEscalation: a safeguarding lead who
// moderates nothing reads what was escalated to them on the escalation's
// own page (the post's words, the check-in, and the audit rows about the
// escalation, its target and its member), without the moderators' pages.
func TestLeadWhoIsNotAModeratorReadsTheEscalation(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		lead := forumtest.InsertUser(t, db, "Kestrel", "member")
		w.makeLead(lead)
		grief := w.as(w.griefMod)
		item := w.item(moderation.KindWellbeing, w.reply, moderation.WellbeingPriority, "")
		wantStatus(t, grief.PostForm(fmt.Sprintf("/mod/users/%d/warn", w.author), formValues("post", idStr(w.reply), "reason", "Off-topic for this group")), http.StatusSeeOther)
		wantStatus(t, grief.PostForm(fmt.Sprintf("/mod/items/%d/escalate", item), formValues("reason", "Talks of a plan")), http.StatusSeeOther)
		checkin := w.sendCheckIn(grief, checkInWords, "post", idStr(w.reply))
		wantStatus(t, grief.PostForm(fmt.Sprintf("/checkins/%d/escalate", checkin), formValues("reason", "Reply mentions tonight")), http.StatusSeeOther)
		// Something about another member, which the page must not show.
		wantStatus(t, w.as(w.siteMod).PostForm(fmt.Sprintf("/mod/users/%d/warn", w.members[4]), formValues("reason", "UNRELATED-WARNING")), http.StatusSeeOther)

		var itemEsc, checkinEsc int64
		db.R.Raw("SELECT id FROM escalations WHERE target_type = 'item'").Scan(&itemEsc)
		db.R.Raw("SELECT id FROM escalations WHERE target_type = 'checkin'").Scan(&checkinEsc)
		l := w.as(lead)
		list := l.Get("/mod/escalations").Body
		pageHas(t, list, fmt.Sprintf(`href="/mod/escalations/%d"`, itemEsc), fmt.Sprintf(`href="/mod/escalations/%d"`, checkinEsc))

		r := l.Get(fmt.Sprintf("/mod/escalations/%d", itemEsc))
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "<h1>Escalation</h1>", "Talks of a plan", "The lighthouse keeper hummed quietly",
			"Escalated to the safeguarding leads", "Private warning given", "Off-topic for this group", "Mark as resolved")
		pageLacks(t, r.Body, "UNRELATED-WARNING", checkInWords)
		c := l.Get(fmt.Sprintf("/mod/escalations/%d", checkinEsc))
		pageHas(t, c.Body, "Reply mentions tonight", fmt.Sprintf(`href="/checkins/%d"`, checkin), "Check-in sent to a member")
		pageLacks(t, c.Body, checkInWords, "UNRELATED-WARNING")
		pageHas(t, l.Get(fmt.Sprintf("/checkins/%d", checkin)).Body, checkInWords)

		// The lead has no general moderator powers.
		wantStatus(t, l.Get(fmt.Sprintf("/mod/posts/%d", w.reply)), http.StatusForbidden)
		wantStatus(t, l.Get(fmt.Sprintf("/mod/items/%d", item)), http.StatusForbidden)
		wantStatus(t, l.PostForm(fmt.Sprintf("/mod/items/%d/dismiss", item), formValues()), http.StatusForbidden)
		wantStatus(t, l.PostForm(fmt.Sprintf("/mod/items/%d/claim", item), formValues()), http.StatusForbidden)
		if strings.Contains(l.Get("/mod/audit").Body, "UNRELATED-WARNING") {
			t.Error("the lead reads the whole audit log")
		}
		// Nobody but leads opens an escalation's page.
		for name, uid := range map[string]int64{"a moderator": w.griefMod, "an admin": w.admin, "a member": w.members[0]} {
			if got := w.as(uid).Get(fmt.Sprintf("/mod/escalations/%d", itemEsc)).StatusCode; got != http.StatusForbidden {
				t.Errorf("%s opening an escalation: %d", name, got)
			}
		}
		wantStatus(t, l.Get("/mod/escalations/999999"), http.StatusNotFound)
		// Resolved, it stays readable.
		wantRedirect(t, l.PostForm(fmt.Sprintf("/mod/escalations/%d/resolve", itemEsc), formValues("note", "Called; safe")), "/mod/escalations")
		pageHas(t, l.Get(fmt.Sprintf("/mod/escalations/%d", itemEsc)).Body, "Called; safe", "Escalation resolved by a safeguarding lead")
	})
}

// TestEscalationIsAWebhookEvent: an escalation reaches the webhooks that
// carry it, linking to the leads' queue, naming the group and never the
// reason, the words or anyone's name; webhooks not carrying it get nothing.
func TestEscalationIsAWebhookEvent(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		admin := w.as(w.admin)
		pageHas(t, admin.Get("/admin/webhooks").Body, `value="escalation"`, "Something escalated to the safeguarding leads")
		rec, other := newReceiver(t), newReceiver(t)
		_, rec.secret = addWebhook(t, admin, "Leads' chat", rec.srv.URL, "escalation")
		_, other.secret = addWebhook(t, admin, "Crisis only", other.srv.URL, "crisis_post")
		item := w.item(moderation.KindWellbeing, w.reply, moderation.WellbeingPriority, "")
		wantStatus(t, w.as(w.griefMod).PostForm(fmt.Sprintf("/mod/items/%d/escalate", item), formValues("reason", "REASON-WORDS a plan")), http.StatusSeeOther)
		wantStatus(t, w.as(w.anxietyMod).PostForm(fmt.Sprintf("/mod/users/%d/escalate", w.author), formValues("reason", "REASON-WORDS pattern")), http.StatusSeeOther)
		if n := deliver(t, w); n != 2 {
			t.Fatalf("%d deliveries attempted, want 2", n)
		}
		got := rec.received()
		if len(got) != 2 {
			t.Fatalf("received %+v", got)
		}
		for _, d := range got {
			if !d.SignatureGood || d.Event != "escalation" || d.Payload.Link != "/mod/escalations" ||
				!strings.Contains(d.Payload.Text, "A moderator escalated something to the safeguarding leads") {
				t.Errorf("delivery %+v", d)
			}
			for _, words := range []string{"REASON-WORDS", "lighthouse", "Missing my dad", "Wren", "Sparrow", "Finch"} {
				if strings.Contains(d.Body, words) {
					t.Errorf("an escalation delivery carries %q: %s", words, d.Body)
				}
			}
		}
		// The two deliveries may arrive in either order: one for the item
		// (naming its group), one for the member (naming none).
		named, unnamed := 0, 0
		for _, d := range got {
			switch g := d.Payload.Group; {
			case g == nil:
				unnamed++
			case g.Slug == "grief":
				named++
			default:
				t.Errorf("an escalation names group %+v", g)
			}
		}
		if named != 1 || unnamed != 1 {
			t.Errorf("%d escalations name grief and %d name no group, want one each", named, unnamed)
		}
		if o := other.received(); len(o) != 0 {
			t.Errorf("an endpoint without the event received %+v", o)
		}
	})
}
