package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"hearth/pkg/app"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// supportWorld is a forum for one-to-one support: Wren asks in grief,
// Maple is grief's peer supporter, Cedar an ordinary member, Sparrow
// moderates grief and Finch anxiety, Heron is an admin. Every account but
// Fresh is a week old.
type supportWorld struct {
	t                                  *testing.T
	db                                 *store.DB
	a                                  *app.App
	wren, maple, cedar, sparrow, finch int64
	heron, fresh                       int64
	grief, anxiety                     int64
	wrenC, mapleC, cedarC, sparrowC    *forumtest.Client
	finchC, heronC, visitorC, freshC   *forumtest.Client
}

const requestWords = "Struggling since my brother died last spring, would love to talk"

func newSupportWorld(t *testing.T, db *store.DB) *supportWorld {
	t.Helper()
	w := &supportWorld{t: t, db: db}
	w.a, _ = forumtest.NewApp(t, db, forumtest.Config(t))
	w.wren = forumtest.InsertUser(t, db, "Wren", "member")
	w.maple = forumtest.InsertUser(t, db, "Maple", "member")
	w.cedar = forumtest.InsertUser(t, db, "Cedar", "member")
	w.sparrow = forumtest.InsertUser(t, db, "Sparrow", "moderator")
	w.finch = forumtest.InsertUser(t, db, "Finch", "moderator")
	w.heron = forumtest.InsertUser(t, db, "Heron", "admin")
	w.exec("UPDATE users SET created_at = ?", time.Now().UTC().Add(-7*24*time.Hour))
	w.fresh = forumtest.InsertUser(t, db, "Fresh", "member")
	w.grief, w.anxiety = forumtest.Group(t, db, "grief").ID, forumtest.Group(t, db, "anxiety").ID
	w.exec("INSERT INTO moderator_groups (user_id, group_id, created_at) VALUES (?, ?, ?)", w.sparrow, w.grief, time.Now().UTC())
	w.exec("INSERT INTO moderator_groups (user_id, group_id, created_at) VALUES (?, ?, ?)", w.finch, w.anxiety, time.Now().UTC())
	w.exec("INSERT INTO peer_supporters (group_id, user_id, created_at) VALUES (?, ?, ?)", w.grief, w.maple, time.Now().UTC())
	w.wrenC, w.mapleC, w.cedarC = w.as(w.wren), w.as(w.maple), w.as(w.cedar)
	w.sparrowC, w.finchC, w.heronC = w.as(w.sparrow), w.as(w.finch), w.as(w.heron)
	w.visitorC, w.freshC = w.as(0), w.as(w.fresh)
	return w
}

func (w *supportWorld) exec(sql string, args ...any) {
	w.t.Helper()
	if err := w.db.W.Exec(sql, args...).Error; err != nil {
		w.t.Fatalf("%s: %v", sql, err)
	}
}

func (w *supportWorld) as(userID int64) *forumtest.Client {
	w.t.Helper()
	c := forumtest.NewClient(w.t, w.a.Web.Handler())
	if userID != 0 {
		forumtest.LoginAs(w.t, w.a, c, userID)
	}
	return c
}

// ask posts Wren's request in grief and returns its page.
func (w *supportWorld) ask() string {
	w.t.Helper()
	r := w.wrenC.PostForm("/g/grief/support", formValues("about", requestWords, "trigger_warnings", "death-loss"))
	wantStatus(w.t, r, http.StatusSeeOther)
	loc := r.Header.Get("Location")
	if !strings.HasPrefix(loc, "/support/") {
		w.t.Fatalf("ask: redirect %q", loc)
	}
	return loc
}

// accepted is Wren's request accepted by Maple, with one message each.
func (w *supportWorld) accepted() string {
	w.t.Helper()
	page := w.ask()
	wantRedirect(w.t, w.mapleC.PostForm(page+"/accept", nil), page+"#reply")
	wantRedirect(w.t, w.mapleC.PostForm(page+"/messages", formValues("body", "Hello Wren, I read your request. I lost my sister.")), page+"#reply")
	wantRedirect(w.t, w.wrenC.PostForm(page+"/messages", formValues("body", "Thank you for answering, the evenings are hardest")), page+"#reply")
	return page
}

func TestSupportRequestSeenOnlyBySupportersAndModerators(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newSupportWorld(t, db)
		pageHas(t, w.visitorC.Get("/g/grief").Body, `href="/g/grief/support"`)
		form := w.wrenC.Get("/g/grief/support")
		wantStatus(t, form, http.StatusOK)
		pageHas(t, form.Body, "Ask for one-to-one support", "not professionals or an emergency service")
		page := w.ask()
		pageHas(t, w.wrenC.Get(page).Body, "Your request for one-to-one support", requestWords, "Withdraw the request")
		// The group's peer supporter and moderator see it, without the name.
		for name, c := range map[string]*forumtest.Client{"supporter": w.mapleC, "moderator": w.sparrowC} {
			r := c.Get(page)
			wantStatus(t, r, http.StatusOK)
			pageHas(t, r.Body, requestWords)
			pageLacks(t, r.Body, "Wren")
			peer := c.Get("/peer")
			pageHas(t, peer.Body, requestWords)
			pageLacks(t, peer.Body, "Wren")
			if name == "supporter" {
				pageHas(t, r.Body, "Accept and start talking")
				pageHas(t, c.Get("/").Body, `<span class="visually-hidden"> 1 request for support waiting</span>`)
			} else {
				pageLacks(t, r.Body, "Accept and start talking")
			}
		}
		// Nobody else: an ordinary member, another group's moderator, a visitor.
		for name, c := range map[string]*forumtest.Client{"member": w.cedarC, "other moderator": w.finchC} {
			if r := c.Get(page); r.StatusCode != http.StatusNotFound {
				t.Fatalf("%s reads the request: %d", name, r.StatusCode)
			}
			pageLacks(t, c.Get("/peer").Body, requestWords)
			pageLacks(t, c.Get("/support").Body, requestWords)
			pageLacks(t, c.Get("/").Body, "for support waiting")
		}
		if r := w.visitorC.Get(page); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
			t.Fatalf("a visitor reads the request: %d %s", r.StatusCode, r.Header.Get("Location"))
		}
		// Cedar can't accept it either.
		wantStatus(t, w.cedarC.PostForm(page+"/accept", nil), http.StatusNotFound)
		// The moderator, who is not a supporter, can't take it.
		r := w.sparrowC.PostForm(page+"/accept", nil)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Only the group&#39;s peer supporters can accept")
	})
}

func TestSupportRequestRules(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newSupportWorld(t, db)
		// Too short, contact details: refused with the words kept.
		r := w.wrenC.PostForm("/g/grief/support", formValues("about", "sad"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "at least 10 characters", ">sad</textarea>")
		r = w.wrenC.PostForm("/g/grief/support", formValues("about", "Please text me on 07700 900123 tonight"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "one-to-one support stays here on Hearth", "Please text me on 07700 900123 tonight")
		r = w.wrenC.PostForm("/g/grief/support", formValues("about", requestWords, "trigger_warnings", "kittens"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		// A new account waits.
		r = w.freshC.PostForm("/g/grief/support", formValues("about", requestWords))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "once they are 3 days old", requestWords)
		// One open request at a time.
		page := w.ask()
		again := w.wrenC.Get("/g/anxiety/support")
		pageHas(t, again.Body, "You already have a request for one-to-one support open", `href="`+page+`"`)
		r = w.wrenC.PostForm("/g/anxiety/support", formValues("about", requestWords))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		// Withdrawn, Wren may ask again; a supporter too new may not accept.
		wantRedirect(t, w.wrenC.PostForm(page+"/withdraw", nil), "/support")
		// Withdrawing twice says there was nothing left to withdraw.
		wantRedirect(t, w.wrenC.PostForm(page+"/withdraw", nil), page)
		page = w.ask()
		w.exec("INSERT INTO peer_supporters (group_id, user_id, created_at) VALUES (?, ?, ?)", w.grief, w.fresh, time.Now().UTC())
		r = w.freshC.PostForm(page+"/accept", nil)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "accept a request once they are 3 days old")
		// Blocked either way: no acceptance.
		w.exec("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)", w.wren, w.maple, time.Now().UTC())
		r = w.mapleC.PostForm(page+"/accept", nil)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "one of you has blocked the other")
	})
}

func TestSupportConversationPrivateUntilReported(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newSupportWorld(t, db)
		page := w.accepted()
		const said = "the evenings are hardest"
		pageHas(t, w.wrenC.Get(page).Body, "Talking with <bdi>Maple</bdi>", said, "I lost my sister")
		pageHas(t, w.mapleC.Get(page).Body, "Supporting <bdi>Wren</bdi>", said)
		// Nobody else reads it: not a member, not another supporter, not
		// even the group's moderator before a report.
		other := forumtest.InsertUser(t, db, "Birch", "member")
		w.exec("INSERT INTO peer_supporters (group_id, user_id, created_at) VALUES (?, ?, ?)", w.grief, other, time.Now().UTC())
		for name, c := range map[string]*forumtest.Client{"member": w.cedarC, "other supporter": w.as(other), "moderator": w.sparrowC, "admin": w.heronC} {
			if r := c.Get(page); r.StatusCode != http.StatusNotFound {
				t.Fatalf("%s reads the conversation before a report: %d", name, r.StatusCode)
			}
			pageLacks(t, c.Get("/peer").Body, said)
			pageLacks(t, c.Get("/mod").Body, "support conversation")
			wantStatus(t, c.PostForm(page+"/messages", formValues("body", "hello")), http.StatusNotFound)
		}
		// Wren reports Maple's message: the grief moderator may read from now on.
		var mid int64
		db.R.Table("conversation_messages").Where("author_id = ?", w.maple).Order("id").Limit(1).Pluck("id", &mid)
		r := w.wrenC.PostForm(page+"/report", formValues("message", idStr(mid), "note", "felt pushy"))
		wantRedirect(t, r, page)
		queue := w.sparrowC.Get("/mod").Body
		pageHas(t, queue, "A reported support conversation", `href="`+page+`"`)
		before := len(auditsOf(t, db, moderation.ActionSupportRead))
		read := w.sparrowC.Get(page)
		wantStatus(t, read, http.StatusOK)
		pageHas(t, read.Body, said, "Your look is recorded in the audit log")
		if got := len(auditsOf(t, db, moderation.ActionSupportRead)); got != before+1 {
			t.Fatalf("the moderator's look wrote %d audit rows", got-before)
		}
		if n := len(auditsOf(t, db, moderation.ActionSupportReport)); n != 1 {
			t.Fatalf("%d report audit rows", n)
		}
		// Still nobody else, and the moderator cannot write in it.
		for name, c := range map[string]*forumtest.Client{"member": w.cedarC, "other group's moderator": w.finchC} {
			if r := c.Get(page); r.StatusCode != http.StatusNotFound {
				t.Fatalf("%s reads the reported conversation: %d", name, r.StatusCode)
			}
		}
		wantStatus(t, w.sparrowC.PostForm(page+"/messages", formValues("body", "hello")), http.StatusNotFound)
		wantRedirect(t, w.sparrowC.PostForm(page+"/looked", nil), "/mod")
		// A second look finds it already looked at, and stays on the conversation.
		wantRedirect(t, w.sparrowC.PostForm(page+"/looked", nil), page)
		pageLacks(t, w.sparrowC.Get("/mod").Body, "A reported support conversation")
	})
}

func TestSupportMessagesScreenedAndRefused(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newSupportWorld(t, db)
		page := w.accepted()
		for _, body := range []string{
			"Message me on WhatsApp, it's easier",
			"my email is wren.sad@example.org",
			"add me on snap @wren_grieves",
			"call me 0161 496 0000 any time",
			"Here is a photo ![me](https://example.org/me.jpg)",
		} {
			r := w.wrenC.PostForm(page+"/messages", formValues("body", body))
			wantStatus(t, r, http.StatusUnprocessableEntity)
			pageHas(t, r.Body, htmlEscape(body))
			if !strings.Contains(r.Body, "stays here on Hearth") && !strings.Contains(r.Body, "Images can&#39;t be shared") {
				t.Fatalf("%q refused without the kind explanation", body)
			}
		}
		// A helpline's website is fine.
		wantRedirect(t, w.mapleC.PostForm(page+"/messages", formValues("body", "The Samaritans site helped me: https://www.samaritans.org")), page+"#reply")
		// A crisis-level message: the crisis panel for its writer, the
		// conversation raised to the group's moderators.
		wantRedirect(t, w.wrenC.PostForm(page+"/messages", formValues("body", crisisWords)), page+"#reply")
		pageHas(t, w.wrenC.Get(page).Body, panelHeading)
		pageLacks(t, w.mapleC.Get(page).Body, panelHeading)
		queue := w.sparrowC.Get("/mod").Body
		pageHas(t, queue, "Crisis language in a support conversation")
		pageLacks(t, w.finchC.Get("/mod").Body, "Crisis language in a support conversation")
		pageHas(t, w.sparrowC.Get(page).Body, "I have the pills saved up")
	})
}

func TestSupportConversationEnds(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newSupportWorld(t, db)
		page := w.accepted()
		confirm := w.mapleC.Get(page + "/end")
		wantStatus(t, confirm, http.StatusOK)
		pageHas(t, confirm.Body, "End the conversation with <bdi>Wren</bdi>?")
		wantStatus(t, w.cedarC.Get(page+"/end"), http.StatusNotFound)
		r := w.mapleC.PostForm(page+"/end", nil)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please tick the box")
		wantRedirect(t, w.wrenC.PostForm(page+"/end", formValues("confirm", "yes", "block", "yes")), page)
		ended := w.wrenC.Get(page).Body
		pageHas(t, ended, "This conversation has ended", "You ended it", "Ask for one-to-one support again")
		r = w.mapleC.PostForm(page+"/messages", formValues("body", "Are you still there?"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "This conversation has ended", "Are you still there?")
		if n := countRows(t, db, "blocks", "blocker_id = ? AND blocked_id = ?", w.wren, w.maple); n != 1 {
			t.Fatalf("%d blocks after ending with a block", n)
		}
		// Ended, Wren may ask again.
		if loc := w.ask(); loc == page {
			t.Fatal("the new request reused the old page")
		}
	})
}

func TestSupportConversationClosesWhenIdle(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newSupportWorld(t, db)
		page := w.accepted()
		w.exec("UPDATE conversations SET last_message_at = ? WHERE kind = 'support'", time.Now().UTC().Add(-8*24*time.Hour))
		body := w.wrenC.Get(page).Body
		pageHas(t, body, "It closed after 7 days without a message")
		pageLacks(t, body, `action="`+page+`/messages"`)
		pageLacks(t, w.wrenC.Get("/").Body, `href="/support">Support</a>`)
		var status string
		db.R.Table("support_requests").Select("status").Limit(1).Scan(&status)
		if status != moderation.SupportEnded {
			t.Fatalf("status %q after idle", status)
		}
		if n := countRows(t, db, "conversations", "kind = 'support' AND status = 'closed'"); n != 1 {
			t.Fatalf("%d closed conversations", n)
		}
		// Lists never show it again as going.
		pageHas(t, w.mapleC.Get("/support").Body, "ended")
		_ = fmt.Sprint()
	})
}
