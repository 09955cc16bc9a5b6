package e2e

import (
	"strings"
	"testing"
)

// auditBoth checks the page with axe-core at phone width (390px) and at
// desktop width (1280px), then leaves the browser at desktop width.
func (b *Browser) auditBoth(label string) {
	b.t.Helper()
	b.phone()
	b.AuditNow(label + "-390")
	b.desktop()
	b.AuditNow(label + "-1280")
}

// TestJourneyCareLoop: a member worries about someone; a moderator who is
// also the safeguarding lead claims the concern, checks in privately; the
// member replies from their own check-in; the moderator escalates the
// check-in, then resolves the escalation as the lead, and steps away. Each
// key page passes axe-core at phone and desktop widths.
func TestJourneyCareLoop(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/mod/step-away")
	NeedCommand(t, "create-admin")
	modes(t, func(t *testing.T, noJS bool) {
		author, _ := Member(t, srv, "willow", noJS)
		title := "A hard week " + newName("x")
		author.StartThread("grief", title, "Everything feels far away since the funeral. I keep going through the motions and I'm so tired.")
		post := author.postIDs()[0]

		// Another member is worried and says so.
		friend, _ := Member(t, srv, "alder", noJS)
		friend.Go("/p/" + post + "/report")
		friend.Check(`input[name="reason"][value="wellbeing"]`)
		friend.Submit(`form[action="/p/`+post+`/report"] button[type="submit"]`, 200)

		// The admin moderates and is the charity's safeguarding lead.
		mod, modName := Admin(t, srv, noJS)
		mod.Go("/admin/people?q=" + modName)
		mod.Check(`form[action$="/lead"] input[name="lead"][value="yes"]`)
		mod.Type(`form[action$="/lead"] #lead_reason`, "Our trustee for safeguarding")
		mod.Submit(`form[action$="/lead"] button[type="submit"]`, 200)

		// The concern waits in the queue; the moderator says they are on it.
		mod.Go("/mod")
		item := eval[string](mod, `(li => li ? li.id : "")([...document.querySelectorAll("ol.queue > li.queue-item")].find(li => li.textContent.includes(`+jsString(title)+`)))`)
		if item == "" {
			t.Fatalf("the concern is not in the queue:\n%s", tail(mod.Body(), 30))
		}
		if h := mod.Text("#" + item + " h2"); !strings.Contains(h, "Wellbeing concern") {
			t.Errorf("queue item heading %q", h)
		}
		mod.Submit(`#`+item+` form[action$="/claim"] button[type="submit"]`, 200)
		if !strings.HasPrefix(mod.Path(), "/mod/items/") || !strings.Contains(mod.Body(), "You're looking at this") {
			t.Fatalf("claiming led to %s:\n%s", mod.Path(), tail(mod.Body(), 20))
		}
		mod.auditBoth("care-item")
		checkin := careCheckIn(t, mod, author)
		careLead(t, mod, checkin)
	})
}

// careCheckIn sends the check-in from the opened item; the member is told
// gently, reads it and writes back. It returns the check-in's path.
func careCheckIn(t *testing.T, mod, author *Browser) string {
	t.Helper()
	mod.Click(`.checkin-sent a[href^="/mod/checkins/new?item="]`)
	mod.Submit(`form[action="/mod/checkins"] button.primary`, 200)
	checkin := mod.Path()
	if !strings.HasPrefix(checkin, "/checkins/") {
		t.Fatalf("sending the check-in led to %s:\n%s", checkin, tail(mod.Body(), 20))
	}

	// The member is told gently, reads it and writes back.
	author.Go("/")
	if !strings.Contains(author.Text(".member-notice.checkin"), "check in with you") {
		t.Fatalf("no gentle notice of the check-in:\n%s", tail(author.Body(), 20))
	}
	author.Click(`.member-notice.checkin a[href="` + checkin + `"]`)
	author.auditBoth("care-checkin-member")
	author.SetValue("#body", "Thank you for asking. It has been a hard week, but I'm safe and my sister is staying.")
	author.Submit(`form[action="`+checkin+`/messages"] button.primary`, 200)
	if !strings.Contains(author.Body(), "my sister is staying") {
		t.Errorf("the member's reply is not on their check-in")
	}
	author.Shot("care-checkin-member")
	return checkin
}

// careLead: the moderator reads the reply and escalates the check-in;
// as the lead they resolve it; then they step away.
func careLead(t *testing.T, mod *Browser, checkin string) {
	t.Helper()
	// The moderator reads the reply and escalates the check-in.
	mod.Go(checkin)
	if !strings.Contains(mod.Body(), "my sister is staying") {
		t.Fatalf("the moderator does not see the reply")
	}
	mod.SetValue(`form[action="`+checkin+`/escalate"] textarea[name="reason"]`, "Recently bereaved and exhausted; a trained lead should follow up this week.")
	mod.Submit(`form[action="`+checkin+`/escalate"] button[type="submit"]`, 200)
	mod.Go("/mod")
	if !strings.Contains(mod.Body(), "Escalated to you as a safeguarding lead") || !strings.Contains(mod.Body(), "Your day") {
		t.Errorf("the queue lacks the escalation or the moderator's day:\n%s", tail(mod.Body(), 40))
	}
	mod.auditBoth("care-mod-queue")
	mod.Shot("care-mod-queue")

	// As the lead: the escalation queue, then resolved with a note.
	mod.Go("/mod/escalations")
	mod.auditBoth("care-escalations")
	mod.Shot("care-escalations")
	mod.Click(`a[href^="/mod/escalations/"]`)
	mod.auditBoth("care-escalation")
	mod.SetValue(`form[action$="/resolve"] textarea[name="note"]`, "Phoned them; safe with family. Follow-up call on Friday.")
	mod.Submit(`form[action$="/resolve"] button.primary`, 200)
	mod.Go("/mod/escalations?resolved=1")
	if !strings.Contains(mod.Body(), "Follow-up call on Friday") {
		t.Errorf("the resolution is not listed:\n%s", tail(mod.Body(), 20))
	}

	// The moderator steps away, handing back what they held.
	mod.Go("/mod/step-away")
	mod.auditBoth("care-step-away")
	mod.SetValue("#note", "The grief concern is with the lead; nothing else open.")
	mod.Submit(`form[action="/mod/step-away"] button.primary`, 200)
	if f := mod.Text(".flash"); !strings.Contains(f, "stepped away") || !strings.Contains(f, "back in the queue") {
		t.Errorf("the result of stepping away says %q", f)
	}
	if mod.Has(`form[action$="/release"]`) {
		t.Errorf("the moderator still holds an item after stepping away")
	}
}
