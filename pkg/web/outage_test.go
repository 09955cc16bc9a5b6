package web_test

import (
	"errors"
	"net/http"
	"net/url"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// wantOutage checks a calm 503: Retry-After, the words that say what is
// happening, and none of the 500 page's.
func wantOutage(t *testing.T, r *forumtest.Response) {
	t.Helper()
	wantStatus(t, r, http.StatusServiceUnavailable)
	if r.Header.Get("Retry-After") == "" {
		t.Fatal("a 503 without Retry-After")
	}
	pageHas(t, r.Body, "Hearth can&#39;t reach its storage right now")
	pageLacks(t, r.Body, "Something went wrong on our side")
}

func TestOutageAnswersCalmly(t *testing.T) {
	forumtest.EachOutage(t, func(t *testing.T, db *store.DB, o forumtest.Outage) {
		a, visitor := newApp(t, db)
		m := newPoster(t, a, db, "Wren", "member")
		th := m.startThread("grief", "Quiet evenings", "The house is so quiet now.")
		path := "/t/" + idStr(th)
		o.Cut()

		wantOutage(t, m.c.Get(path))
		wantOutage(t, visitor.Get("/g/anxiety"))
		if r := visitor.Get("/readyz"); r.StatusCode != http.StatusServiceUnavailable || r.Body != "database unavailable\n" {
			t.Fatalf("/readyz during the outage: %d %q", r.StatusCode, r.Body)
		}

		// A reply sent meanwhile comes back in a form holding its words
		// and its idempotency key, ready to send again.
		words := "I light a candle for him every evening.\nIt helps a little."
		reply := url.Values{"body": {words}, "idem": {freshIdem()}}
		r := m.c.PostForm(path+"/replies", reply)
		wantOutage(t, r)
		pageHas(t, r.Body, `action="`+path+`/replies"`, `name="idem" value="`+reply.Get("idem")+`"`, htmlEscape(words), "Send again")

		thread := url.Values{"title": {"Anyone else awake?"}, "body": {"It's three and I can't sleep."}, "idem": {freshIdem()}}
		r = m.c.PostForm("/g/grief/threads", thread)
		wantOutage(t, r)
		pageHas(t, r.Body, `value="Anyone else awake?"`, htmlEscape("It's three and I can't sleep."))

		// Passwords are never written back into a page.
		r = visitor.PostForm("/signup", url.Values{"username": {"Finch"}, "password": {goodPassword}, "age_confirmed": {"yes"}})
		wantOutage(t, r)
		pageHas(t, r.Body, `value="Finch"`)
		pageLacks(t, r.Body, goodPassword)

		if o.Restore == nil {
			return
		}
		// Back again: sending the kept form posts the reply, once.
		o.Restore()
		wantStatus(t, m.c.PostForm(path+"/replies", reply), http.StatusSeeOther)
		wantStatus(t, m.c.PostForm(path+"/replies", reply), http.StatusSeeOther)
		if n := countRows(t, db, "posts", "thread_id = ? AND body_md = ?", th, "I light a candle for him every evening.\nIt helps a little."); n != 1 {
			t.Fatalf("%d copies of the reply after sending it twice, want 1", n)
		}
		wantStatus(t, m.c.Get(path), http.StatusOK)
	})
}

// TestPostThatLandedIsNotReportedFailed: when the connection drops after
// the commit but before its acknowledgment, the write failed as far as
// the server can tell, yet the post is there: its idempotency key finds
// it and the member is told it is posted.
func TestPostThatLandedIsNotReportedFailed(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := newApp(t, db)
		m := newPoster(t, a, db, "Wren", "member")
		th := m.startThread("grief", "Quiet evenings", "The house is so quiet now.")

		db.FailNextPostCommit(errors.New("conn closed: connection lost before the commit was acknowledged"))
		r := m.c.PostForm("/t/"+idStr(th)+"/replies", url.Values{"body": {"Landed despite the error."}, "idem": {freshIdem()}})
		wantStatus(t, r, http.StatusSeeOther)
		id := idIn(t, r.Header.Get("Location"), `#p-(\d+)$`)
		if n := countRows(t, db, "posts", "id = ? AND body_md = ?", id, "Landed despite the error."); n != 1 {
			t.Fatalf("redirected to post %d, which does not hold the reply", id)
		}
		pageHas(t, m.c.Follow(r).Body, "Your reply is posted.")

		db.FailNextPostCommit(errors.New("conn closed: connection lost before the commit was acknowledged"))
		r = m.c.PostForm("/g/grief/threads", url.Values{"title": {"Second evening"}, "body": {"A thread that landed."}, "idem": {freshIdem()}})
		wantStatus(t, r, http.StatusSeeOther)
		if n := countRows(t, db, "threads", "title = ?", "Second evening"); n != 1 {
			t.Fatalf("%d threads titled Second evening", n)
		}

		// Without an idempotency key nothing can be checked: the member
		// is told calmly, with their words.
		db.FailNextPostCommit(errors.New("conn closed: connection lost before the commit was acknowledged"))
		r = m.c.PostForm("/t/"+idStr(th)+"/replies", url.Values{"body": {"No key on this one."}})
		wantStatus(t, r, http.StatusServiceUnavailable)
		pageHas(t, r.Body, "No key on this one.")
	})
}

// TestOutageKeepsMembersSignedIn: while the database is out of reach a
// member's session cannot be looked up, which is not being signed out. The
// header of the calm page says they are still signed in and offers no
// "Log in" or "Sign up"; quick exit and "Get help now" stay. A visitor is
// still offered both, and a member reading in Spanish reads it in Spanish.
func TestOutageKeepsMembersSignedIn(t *testing.T) {
	forumtest.EachOutage(t, func(t *testing.T, db *store.DB, o forumtest.Outage) {
		a, visitor := newApp(t, db)
		m := newPoster(t, a, db, "Wren", "member")
		th := m.startThread("grief", "Quiet evenings", "The house is so quiet now.")
		path := "/t/" + idStr(th)
		o.Cut()

		r := m.c.Get(path)
		wantOutage(t, r)
		pageHas(t, r.Body, htmlEscape("You're still signed in. Hearth can't reach its records for a moment."),
			`data-quick-exit`, `href="/crisis">Get help now</a>`)
		pageLacks(t, r.Body, `href="/login"`, `href="/signup"`, "Log out")

		m.c.Header.Set("Accept-Language", "es")
		r = m.c.Get(path)
		wantStatus(t, r, http.StatusServiceUnavailable)
		pageHas(t, r.Body, "Hearth no puede acceder a sus datos ahora mismo", "Sigues con tu sesión iniciada. Hearth no puede consultar sus datos por un momento.", "Salida rápida", "Busca ayuda ahora")
		pageLacks(t, r.Body, `href="/login"`, `href="/signup"`)

		r = visitor.Get(path)
		wantOutage(t, r)
		pageHas(t, r.Body, `href="/login"`, `href="/signup"`)
		pageLacks(t, r.Body, "still signed in")
	})
}
