package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hearth/pkg/app"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// Anonymous posts (publicAuthor in visitor.go): every view a member other
// than the author, or a visitor, has must say "Anonymous member" and never
// the author's pseudonym, profile or id; the author sees their own.

// anonWorld is a grief group where Juniper started a thread as Anonymous
// member and answered Maple's thread anonymously (mentioning Maple), with
// Sparrow moderating grief and Finch moderating anxiety.
type anonWorld struct {
	t                       *testing.T
	db                      *store.DB
	app                     *app.App
	author, maple, sparrow  int64
	finch                   int64
	thread, opening         int64
	mapleThread, anonReply  int64
	authorC, mapleC, guestC *forumtest.Client
}

// The author's pseudonym, and words only the anonymous posts hold.
const (
	anonName   = "Juniper"
	anonTitle  = "Nobody at work knows I am struggling"
	anonBody   = "The marmalade evenings are the hardest part"
	anonAnswer = "Tangerine lamplight helped me through the same"
)

func newAnonWorld(t *testing.T, db *store.DB) *anonWorld {
	t.Helper()
	w := &anonWorld{t: t, db: db}
	w.app, _ = forumtest.NewApp(t, db, forumtest.Config(t))
	w.author = forumtest.InsertUser(t, db, anonName, "member")
	w.maple = forumtest.InsertUser(t, db, "Maple", "member")
	w.sparrow = forumtest.InsertUser(t, db, "Sparrow", "moderator")
	w.finch = forumtest.InsertUser(t, db, "Finch", "moderator")
	now := time.Now().UTC()
	for _, m := range []struct {
		id   int64
		slug string
	}{{w.sparrow, "grief"}, {w.finch, "anxiety"}} {
		if err := db.W.Exec("INSERT INTO moderator_groups (user_id, group_id, created_at) VALUES (?, ?, ?)",
			m.id, forumtest.Group(t, db, m.slug).ID, now).Error; err != nil {
			t.Fatal(err)
		}
	}
	w.authorC, w.mapleC, w.guestC = w.as(w.author), w.as(w.maple), w.as(0)
	w.thread = w.anonThread(w.authorC, "grief", anonTitle, anonBody)
	w.opening = firstPostOf(t, db, w.thread)
	w.mapleThread = startThread(t, w.mapleC, "grief", "Evenings after the funeral", "Does anyone else dread the evenings?")
	w.anonReply = w.anonReplyTo(w.authorC, w.mapleThread, 0, anonAnswer+" @Maple")
	return w
}

func (w *anonWorld) as(id int64) *forumtest.Client {
	w.t.Helper()
	c := forumtest.NewClient(w.t, w.app.Web.Handler())
	if id != 0 {
		forumtest.LoginAs(w.t, w.app, c, id)
	}
	return c
}

// anonThread starts a thread as Anonymous member through the real route.
func (w *anonWorld) anonThread(c *forumtest.Client, slug, title, body string) int64 {
	w.t.Helper()
	r := c.PostForm("/g/"+slug+"/threads", url.Values{"title": {title}, "body": {body}, "anonymous": {"yes"}, "idem": {freshIdem()}})
	wantStatus(w.t, r, http.StatusSeeOther)
	return idIn(w.t, r.Header.Get("Location"), `^/t/(\d+)$`)
}

// anonReplyTo replies as Anonymous member and returns the post's id.
func (w *anonWorld) anonReplyTo(c *forumtest.Client, thread, parent int64, body string) int64 {
	w.t.Helper()
	f := url.Values{"body": {body}, "anonymous": {"yes"}, "idem": {freshIdem()}}
	if parent > 0 {
		f.Set("parent_id", idStr(parent))
	}
	r := c.PostForm("/t/"+idStr(thread)+"/replies", f)
	wantStatus(w.t, r, http.StatusSeeOther)
	return idIn(w.t, r.Header.Get("Location"), `#p-(\d+)$`)
}

// hidden fails unless body names the author nowhere: not their pseudonym,
// their profile or their moderation record.
func (w *anonWorld) hidden(t *testing.T, body string) {
	t.Helper()
	pageLacks(t, body, anonName, strings.ToLower(anonName), "/u/"+anonName, "/mod/users/"+idStr(w.author))
}

func TestAnonymousPostHiddenInEveryView(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newAnonWorld(t, db)
		for _, c := range []struct {
			name   string
			client *forumtest.Client
			path   string
			want   []string
		}{
			{"thread page, member", w.mapleC, "/t/" + idStr(w.thread), []string{anonBody, "Anonymous member"}},
			{"thread page, visitor", w.guestC, "/t/" + idStr(w.thread), []string{anonBody, "Anonymous member"}},
			{"reply in another's thread", w.mapleC, "/t/" + idStr(w.mapleThread), []string{anonAnswer, "Anonymous member"}},
			{"group list, member", w.mapleC, "/g/grief", []string{anonTitle, "Started by Anonymous member", "last post by Anonymous member"}},
			{"group list, visitor", w.guestC, "/g/grief", []string{anonTitle, "Started by Anonymous member"}},
			{"home", w.mapleC, "/", []string{"Grief"}},
			{"search", w.mapleC, "/search?q=marmalade", []string{anonTitle, "Anonymous member"}},
			{"search, visitor", w.guestC, "/search?q=tangerine", []string{"Anonymous member"}},
			{"notifications of the member answered", w.mapleC, "/notifications", []string{"Anonymous member replied to your post"}},
			{"site feed", w.guestC, "/feed.atom", []string{anonTitle, "<name>Anonymous member</name>"}},
			{"group feed", w.guestC, "/g/grief/feed.atom", []string{anonTitle, "<name>Anonymous member</name>"}},
			{"thread feed", w.guestC, "/t/" + idStr(w.mapleThread) + "/feed.atom", []string{"Tangerine", "<name>Anonymous member</name>"}},
			{"API thread", w.guestC, "/api/v1/threads/" + idStr(w.thread), []string{`"name":"Anonymous member"`, `"anonymous":true`}},
			{"API thread list", w.guestC, "/api/v1/groups/grief/threads", []string{`"name":"Anonymous member"`, `"anonymous":true`}},
			{"API reply", w.guestC, "/api/v1/threads/" + idStr(w.mapleThread), []string{`"name":"Anonymous member","url":null,"anonymous":true`}},
			{"report form", w.mapleC, "/p/" + idStr(w.anonReply) + "/report", []string{"post by Anonymous member"}},
			{"reply form", w.mapleC, "/t/" + idStr(w.thread) + "/reply?parent=" + idStr(w.opening), []string{"Reply to Anonymous member", anonBody}},
			{"reply quoting", w.mapleC, "/t/" + idStr(w.thread) + "/reply?parent=" + idStr(w.opening) + "&quote=1", []string{"**Anonymous member** wrote:", anonBody}},
			{"moderator of another group", w.as(w.finch), "/t/" + idStr(w.thread), []string{anonBody, "Anonymous member"}},
		} {
			t.Run(c.name, func(t *testing.T) {
				r := c.client.Get(c.path)
				wantStatus(t, r, http.StatusOK)
				pageHas(t, r.Body, c.want...)
				w.hidden(t, r.Body)
				pageLacks(t, r.Body, "Posted anonymously", "/p/"+idStr(w.opening)+"/edit", "/p/"+idStr(w.anonReply)+"/edit")
			})
		}
	})
}

func TestAnonymousPostOffTheAuthorsProfile(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newAnonWorld(t, db)
		startThread(t, w.authorC, "anxiety", "Breathing before meetings", "Square breathing with a named post")
		for _, c := range []*forumtest.Client{w.mapleC, w.guestC, w.authorC} {
			r := c.Get("/u/" + anonName)
			wantStatus(t, r, http.StatusOK)
			pageHas(t, r.Body, "Square breathing with a named post")
			pageLacks(t, r.Body, anonBody, anonTitle, anonAnswer)
		}
		// The named thread is the author's; the anonymous one stays apart.
		r := w.mapleC.Get("/g/grief")
		pageHas(t, r.Body, "Started by Anonymous member")
		w.hidden(t, r.Body)
	})
}

func TestAnonymousAuthorSeesTheirOwn(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newAnonWorld(t, db)
		r := w.authorC.Get("/t/" + idStr(w.thread))
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, anonName, "Posted anonymously: others see Anonymous member", "/p/"+idStr(w.opening)+"/edit", "Delete my post")
		pageLacks(t, r.Body, "Block this author", "/p/"+idStr(w.opening)+"/report")
		r = w.authorC.Get("/g/grief")
		pageHas(t, r.Body, "Started by "+anonName)
		// Their export keeps the post and says it was anonymous.
		r = w.authorC.Get("/settings/export")
		pageHas(t, r.Body, anonBody, `"anonymous": true`)
		// Editing keeps the post anonymous, and offers no checkbox.
		r = w.authorC.Get("/p/" + idStr(w.opening) + "/edit")
		wantStatus(t, r, http.StatusOK)
		pageLacks(t, r.Body, `name="anonymous"`)
		r = w.authorC.PostForm("/p/"+idStr(w.opening)+"/edit", url.Values{"title": {anonTitle}, "body": {anonBody + " (edited)"}, "version": {"1"}})
		wantStatus(t, r, http.StatusSeeOther)
		r = w.mapleC.Get("/t/" + idStr(w.thread))
		pageHas(t, r.Body, "(edited)", "Anonymous member")
		w.hidden(t, r.Body)
	})
}

func TestAnonymousExportOfAnotherMember(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newAnonWorld(t, db)
		// Maple answers the anonymous thread, reacts to it and blocks its
		// author: their export says none of it with a name.
		replyTo(t, w.mapleC, w.thread, w.opening, "Sending you warmth")
		wantStatus(t, w.mapleC.PostForm("/p/"+idStr(w.opening)+"/react", url.Values{"kind": {"hear"}}), http.StatusSeeOther)
		wantStatus(t, w.mapleC.PostForm("/p/"+idStr(w.opening)+"/block-author", nil), http.StatusSeeOther)
		r := w.mapleC.Get("/settings/export")
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "Sending you warmth", `"anonymous_blocks"`, `"post_id": `+idStr(w.opening))
		w.hidden(t, r.Body)
	})
}

func TestAnonymousMentionNotice(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newAnonWorld(t, db)
		aspen := forumtest.InsertUser(t, db, "Aspen", "member")
		w.anonReplyTo(w.authorC, w.thread, 0, "Thank you @Aspen for the lamplight idea")
		r := w.as(aspen).Get("/notifications")
		pageHas(t, r.Body, "Anonymous member mentioned you")
		w.hidden(t, r.Body)
		// The author's own reply notice to the thread's follower (Maple
		// follows after replying) names them to nobody either.
		replyTo(t, w.mapleC, w.thread, 0, "Following along")
		w.anonReplyTo(w.authorC, w.thread, 0, "Still here, thank you all")
		r = w.mapleC.Get("/notifications")
		pageHas(t, r.Body, "Anonymous member replied in")
		w.hidden(t, r.Body)
	})
}

func TestAnonymousPostsOffInAGroup(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newAnonWorld(t, db)
		admin := w.as(forumtest.InsertUser(t, db, "Heron", "admin"))
		r := admin.Get("/admin/groups/grief")
		pageHas(t, r.Body, `name="allow_anonymous" value="yes" checked`)
		r = admin.PostForm("/admin/groups/grief", url.Values{"name": {"Grief & Loss"}, "premod": {"off"}, "allow_anonymous": {"no"}})
		wantStatus(t, r, http.StatusSeeOther)
		if n := countRows(t, db, "audit_log", "action = ? AND detail LIKE ?", "group_update", "%no anonymous posts%"); n != 1 {
			t.Errorf("%d audit rows of the change, want 1", n)
		}
		for _, path := range []string{"/g/grief/new", "/t/" + idStr(w.mapleThread)} {
			r = w.mapleC.Get(path)
			wantStatus(t, r, http.StatusOK)
			pageHas(t, r.Body, `name="body"`)
			pageLacks(t, r.Body, `name="anonymous"`)
		}
		before := countRows(t, db, "posts", "anonymous = ?", true)
		// A forged thread and a forged reply are refused, words kept.
		r = w.mapleC.PostForm("/g/grief/threads", url.Values{"title": {"A forged anonymous thread"}, "body": {"Forged words kept"}, "anonymous": {"yes"}, "idem": {freshIdem()}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "take anonymous posts", "Forged words kept")
		r = w.mapleC.PostForm("/t/"+idStr(w.mapleThread)+"/replies", url.Values{"body": {"A forged anonymous reply"}, "anonymous": {"yes"}, "idem": {freshIdem()}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "take anonymous posts", "A forged anonymous reply")
		if after := countRows(t, db, "posts", "anonymous = ?", true); after != before {
			t.Errorf("anonymous posts went from %d to %d in a group without them", before, after)
		}
		// Posts written before stay anonymous.
		w.hidden(t, w.mapleC.Get("/t/"+idStr(w.thread)).Body)
		// Other groups still offer it, the default groups included.
		pageHas(t, w.mapleC.Get("/g/anxiety/new").Body, `name="anonymous"`, "Post as Anonymous member")
	})
}
