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

// checkInWords and replyWords are a check-in's private words: they may
// appear on the check-in page for its member and the group's staff, and
// nowhere else.
const (
	checkInWords = "PRIVATE-CHECKIN-WORDS about how you are"
	replyWords   = "PRIVATE-REPLY-WORDS thank you for asking"
)

// TestCheckInVisibility: a check-in opened by a grief moderator about a
// grief post is read by its member, the grief moderators, site-wide
// moderators, admins and safeguarding leads; other members, another
// group's moderators and visitors are refused as if it did not exist, and
// no other view names it or shows its words.
func TestCheckInVisibility(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		item := w.item(moderation.KindWellbeing, w.reply, moderation.WellbeingPriority, "")
		lead := forumtest.InsertUser(t, db, "Kestrel", "member")
		w.makeLead(lead)
		id := w.sendCheckIn(w.as(w.griefMod), checkInWords, "item", idStr(item))
		wantStatus(t, w.as(w.author).PostForm(fmt.Sprintf("/checkins/%d/messages", id), formValues("body", replyWords)), http.StatusSeeOther)
		path := fmt.Sprintf("/checkins/%d", id)

		member := w.as(w.author).Get(path)
		wantStatus(t, member, http.StatusOK)
		pageHas(t, member.Body, checkInWords, replyWords, "The Grief &amp; Loss moderators", "Close the check-in")
		pageLacks(t, member.Body, "Sparrow", "Escalate")
		if cc := member.Header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("check-in page Cache-Control %q, want no-store", cc)
		}
		for name, uid := range map[string]int64{"group moderator": w.griefMod, "site-wide moderator": w.siteMod, "admin": w.admin, "safeguarding lead": lead} {
			r := w.as(uid).Get(path)
			wantStatus(t, r, http.StatusOK)
			if !strings.Contains(r.Body, checkInWords) || !strings.Contains(r.Body, replyWords) || !strings.Contains(r.Body, "Sparrow (moderator)") {
				t.Errorf("%s does not see the check-in's messages and who wrote them", name)
			}
		}
		for name, uid := range map[string]int64{"another member": w.members[0], "another group's moderator": w.anxietyMod} {
			t.Run(name, func(t *testing.T) {
				c := w.as(uid)
				for _, r := range []*forumtest.Response{
					c.Get(path),
					c.PostForm(path+"/messages", formValues("body", "intruding")),
					c.PostForm(path+"/close", formValues()),
					c.PostForm(path+"/reopen", formValues()),
				} {
					wantStatus(t, r, http.StatusNotFound)
					pageLacks(t, r.Body, checkInWords, replyWords, "Wren")
				}
			})
		}
		visitor := w.as(0).Get(path)
		wantRedirect(t, visitor, "/login?next="+strings.ReplaceAll(path, "/", "%2F"))
		wantStatus(t, w.as(0).PostForm(path+"/messages", formValues("body", "hello")), http.StatusForbidden)
		if n := countRows(t, db, "conversation_messages", "body_md IN (?, ?)", "intruding", "hello"); n != 0 {
			t.Errorf("%d messages written by people who may not write", n)
		}
		checkInViewsHide(t, w, id)
	})
}

// checkInViewsHide: the views that list or log check-ins name this one only
// to those who may read it, and none shows its words.
func checkInViewsHide(t *testing.T, w *modWorld, id int64) {
	t.Helper()
	link := fmt.Sprintf(`href="/checkins/%d"`, id)
	pageHas(t, w.as(w.author).Get("/checkins").Body, link)
	pageHas(t, w.as(w.griefMod).Get("/mod/checkins").Body, link, "Wren")
	pageHas(t, w.as(w.griefMod).Get("/mod").Body, link, "Check-ins waiting for an answer", "Check-in sent")
	for name, page := range map[string]*forumtest.Response{
		"another member's check-ins":              w.as(w.members[0]).Get("/checkins"),
		"another group's moderator's check-ins":   w.as(w.anxietyMod).Get("/mod/checkins"),
		"another group's moderator's queue":       w.as(w.anxietyMod).Get("/mod"),
		"another group's moderator's audit log":   w.as(w.anxietyMod).Get("/mod/audit"),
		"another member's home page":              w.as(w.members[0]).Get("/"),
		"the public moderation log":               w.as(0).Get("/mod/log"),
		"the member's public profile":             w.as(w.members[0]).Get("/u/Wren"),
		"the thread the concern was about":        w.as(w.members[0]).Get(fmt.Sprintf("/t/%d", w.thread.ID)),
		"the group moderator's audit log (words)": w.as(w.griefMod).Get("/mod/audit"),
	} {
		if page.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", name, page.StatusCode)
		}
		if strings.Contains(page.Body, checkInWords) || strings.Contains(page.Body, replyWords) {
			t.Errorf("%s shows the check-in's words", name)
		}
		if !strings.Contains(name, "group moderator's audit") && strings.Contains(page.Body, link) {
			t.Errorf("%s links the check-in", name)
		}
	}
	if audit := w.as(w.griefMod).Get("/mod/audit").Body; !strings.Contains(audit, "Message written in a check-in") || !strings.Contains(audit, "Check-in sent to a member") {
		t.Error("the group's audit log does not record the check-in's messages")
	}
}
