package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// memberRows counts, per table, the rows that belong to the account uid:
// its credentials and every setting it made.
func memberRows(t *testing.T, db *store.DB, uid int64) map[string]int64 {
	t.Helper()
	return map[string]int64{
		"users":          countRows(t, db, "users", "id = ? AND totp_secret <> ''", uid),
		"sessions":       countRows(t, db, "sessions", "user_id = ?", uid),
		"recovery_codes": countRows(t, db, "recovery_codes", "user_id = ?", uid),
		"tag_prefs":      countRows(t, db, "tag_prefs", "user_id = ?", uid),
		"subscriptions":  countRows(t, db, "subscriptions", "user_id = ?", uid),
		"notifications":  countRows(t, db, "notifications", "user_id = ?", uid),
		"blocks":         countRows(t, db, "blocks", "blocker_id = ?", uid),
		"breaks":         countRows(t, db, "breaks", "user_id = ?", uid),
	}
}

// TestDeleteAccountRemovesSettingsInOneTransaction sets up a member with a
// two-factor secret and one row of every setting, then deletes the account:
// a deletion that fails at its last statement leaves everything as it was,
// and one that succeeds leaves nothing behind, on either dialect.
func TestDeleteAccountRemovesSettingsInOneTransaction(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		forumtest.SignUp(t, c, "foxglove", goodPassword)
		uid := forumtest.UserID(t, db, "foxglove")
		other := forumtest.NewClient(t, a.Web.Handler())
		forumtest.SignUp(t, other, "robin", goodPassword)
		th := startThread(t, c, "grief", "Holding on", "Some days are heavy.")
		replyTo(t, other, th, 0, "I hear you.")
		wantRedirect(t, c.PostForm("/settings/country", url.Values{"country": {"GB"}}), "/settings")
		wantRedirect(t, c.PostForm("/settings/totp/start", nil), "/settings/totp")
		db.W.Exec("INSERT INTO tag_prefs (user_id, tag_slug, mode, updated_at) VALUES (?, 'self-harm', 'hide', ?)", uid, time.Now().UTC())
		wantStatus(t, c.PostForm("/u/robin/block", nil), http.StatusSeeOther)
		wantStatus(t, c.PostForm("/settings/breaks", url.Values{"scope": {"posting"}, "days": {"7"}}), http.StatusSeeOther)
		for table, n := range memberRows(t, db, uid) {
			if n == 0 {
				t.Fatalf("the fixture made no %s row for the member", table)
			}
		}

		// The user row is deleted last: refusing that one statement must
		// undo every step before it.
		allow := forumtest.RefuseUserDelete(t, db)
		before := memberRows(t, db, uid)
		if r := c.PostForm("/settings/delete", url.Values{"confirm": {"yes"}, "mode": {"erase"}, "current_password": {goodPassword}}); r.StatusCode != http.StatusInternalServerError {
			t.Fatalf("deletion with the last statement refused: %d", r.StatusCode)
		}
		after := memberRows(t, db, uid)
		for table, n := range before {
			if after[table] != n {
				t.Errorf("a failed deletion changed %s: %d rows, then %d", table, n, after[table])
			}
		}
		if countRows(t, db, "posts", "body_md = ?", "Some days are heavy.") != 1 || !loggedIn(t, c) {
			t.Fatal("a failed deletion erased words or ended the session")
		}
		allow()

		wantRedirect(t, c.PostForm("/settings/delete", url.Values{"confirm": {"yes"}, "mode": {"anonymise"}, "current_password": {goodPassword}}), "/goodbye")
		if countRows(t, db, "users", "id = ?", uid) != 0 {
			t.Fatal("user row not deleted")
		}
		for table, n := range memberRows(t, db, uid) {
			if n != 0 {
				t.Errorf("%d %s rows of the deleted member remain", n, table)
			}
		}
		if !loggedIn(t, other) || countRows(t, db, "users", "username = ?", "robin") != 1 {
			t.Fatal("deleting one account touched another")
		}
	})
}

func TestDeleteAccountAnonymisesPosts(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		forumtest.SignUp(t, c, "sedge", goodPassword)
		uid := forumtest.UserID(t, db, "sedge")
		th := startThread(t, c, "anxiety", "Panic on the bus", "It happened again today.")
		other := forumtest.NewClient(t, a.Web.Handler())
		forumtest.SignUp(t, other, "robin", goodPassword)
		replyTo(t, other, th, 0, "That sounds so hard.")
		second := loginWithUA(t, a.Web.Handler(), "sedge", iphoneUA)

		r := c.Get("/settings/delete")
		wantStatus(t, r, http.StatusOK)
		if !strings.Contains(r.Body, `value="anonymise"`) || !strings.Contains(r.Body, `value="erase"`) {
			t.Fatalf("delete page:\n%s", r.Body)
		}
		if r := c.PostForm("/settings/delete", url.Values{"mode": {"anonymise"}}); !strings.Contains(r.Body, `<label for="current_password">`) {
			t.Fatalf("confirmation step without the password:\n%s", r.Body)
		}
		// Refusals change nothing.
		wantStatus(t, c.PostForm("/settings/delete", url.Values{"confirm": {"yes"}, "mode": {"anonymise"}, "current_password": {"not my password"}}), http.StatusUnprocessableEntity)
		wantStatus(t, c.PostForm("/settings/delete", url.Values{"confirm": {"yes"}, "mode": {"everything"}, "current_password": {goodPassword}}), http.StatusUnprocessableEntity)
		wantStatus(t, c.PostForm("/settings/delete", url.Values{"confirm": {"yes"}, "current_password": {goodPassword}}), http.StatusUnprocessableEntity)
		if countRows(t, db, "users", "id = ?", uid) != 1 || !loggedIn(t, c) {
			t.Fatal("a refused deletion changed something")
		}

		r = c.PostForm("/settings/delete", url.Values{"confirm": {"yes"}, "mode": {"anonymise"}, "current_password": {goodPassword}})
		wantRedirect(t, r, "/goodbye")
		g := c.Follow(r)
		if !strings.Contains(g.Body, "Your account is deleted") || !strings.Contains(g.Body, "Thank you") || loggedIn(t, c) || loggedIn(t, second) {
			t.Fatalf("goodbye:\n%s", g.Body)
		}
		for table, where := range map[string]string{"users": "id = ?", "sessions": "user_id = ?", "recovery_codes": "user_id = ?", "posts": "author_id = ?", "threads": "author_id = ?"} {
			if n := countRows(t, db, table, where, uid); n != 0 {
				t.Errorf("%d rows of %s still point at the deleted member", n, table)
			}
		}
		if countRows(t, db, "posts", "body_md = ? AND author_id IS NULL AND status = 'visible'", "It happened again today.") != 1 {
			t.Fatal("anonymised post not kept as it was")
		}
		page := forumtest.NewClient(t, a.Web.Handler()).Get("/t/" + idStr(th))
		if page.StatusCode != http.StatusOK || !strings.Contains(page.Body, "It happened again today.") || !strings.Contains(page.Body, "former member") || strings.Contains(page.Body, "sedge") {
			t.Fatalf("thread after anonymising: %d\n%s", page.StatusCode, page.Body)
		}
		if p := forumtest.NewClient(t, a.Web.Handler()).Get("/u/sedge"); p.StatusCode != http.StatusNotFound {
			t.Fatalf("deleted member's profile: %d", p.StatusCode)
		}
		// The name is free again.
		forumtest.SignUp(t, forumtest.NewClient(t, a.Web.Handler()), "sedge", goodPassword)
	})
}

func TestDeleteAccountErasesWordsAndKeepsThreadShape(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		forumtest.SignUp(t, c, "yarrow", goodPassword)
		uid := forumtest.UserID(t, db, "yarrow")
		th := startThread(t, c, "ptsd", "Nightmares again", "The same dream every night.")
		other := forumtest.NewClient(t, a.Web.Handler())
		forumtest.SignUp(t, other, "robin", goodPassword)
		replyTo(t, other, th, 0, "You're not alone in this.")
		replyTo(t, c, th, 0, "Thank you, that helps.")
		var postIDs []int64
		db.R.Table("posts").Where("author_id = ?", uid).Pluck("id", &postIDs)

		wantRedirect(t, c.PostForm("/settings/delete", url.Values{"confirm": {"yes"}, "mode": {"erase"}, "current_password": {goodPassword}}), "/goodbye")
		if countRows(t, db, "users", "id = ?", uid) != 0 {
			t.Fatal("user row not deleted")
		}
		for _, words := range []string{"The same dream every night.", "Thank you, that helps.", "Nightmares again"} {
			if countRows(t, db, "posts", "body_md = ? OR body_html LIKE ?", words, "%"+words+"%") != 0 || countRows(t, db, "threads", "title = ?", words) != 0 {
				t.Errorf("erased words %q are still stored", words)
			}
		}
		if n := countRows(t, db, "posts", "id IN ? AND status = 'deleted' AND body_md = ? AND body_html = ? AND author_id IS NULL", postIDs, auth.ErasedPostMarkdown, auth.ErasedPostHTML); n != int64(len(postIDs)) {
			t.Fatalf("%d of %d posts replaced by the placeholder", n, len(postIDs))
		}
		if countRows(t, db, "posts", "body_md = ?", "You're not alone in this.") != 1 {
			t.Fatal("someone else's reply was touched")
		}
		if countRows(t, db, "threads", "title = ? AND status = 'visible'", auth.ErasedThreadTitle) != 1 {
			t.Fatal("thread title not replaced, or the thread hidden")
		}
		if countRows(t, db, "post_revisions", "post_id IN ?", postIDs) != 0 {
			t.Fatal("earlier versions of erased posts kept")
		}
		page := forumtest.NewClient(t, a.Web.Handler()).Get("/t/" + idStr(th))
		if page.StatusCode != http.StatusOK || !strings.Contains(page.Body, "You&#39;re not alone in this.") || strings.Contains(page.Body, "same dream") {
			t.Fatalf("thread after erasing: %d\n%s", page.StatusCode, page.Body)
		}
	})
}

// TestDeleteAccountStoppedPartwaySays: when a large account's deletion
// stops after its first batch of posts, the member is told the truth (the
// account is not deleted, some posts already are erased) on the
// confirmation step again, with 503 and Retry-After, still signed in; and
// trying again finishes it.
func TestDeleteAccountStoppedPartwaySays(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		_, c := newApp(t, db)
		forumtest.SignUp(t, c, "bramble", goodPassword)
		uid := forumtest.UserID(t, db, "bramble")
		id := startThread(t, c, "grief", "Many words", "The first of many.")
		// More posts than one batch, so the first 200 are done in a
		// transaction of their own before the one that is refused.
		addPosts(t, db, id, uid, 205, "Words number %d.")
		allow := forumtest.RefuseUserDelete(t, db)
		r := c.PostForm("/settings/delete", url.Values{"confirm": {"yes"}, "mode": {"erase"}, "current_password": {goodPassword}})
		if r.StatusCode != http.StatusServiceUnavailable || r.Header.Get("Retry-After") == "" {
			t.Fatalf("a deletion stopped partway: %d, Retry-After %q", r.StatusCode, r.Header.Get("Retry-After"))
		}
		for _, want := range []string{"Your account is not deleted yet", "Some of your posts are already erased", `name="current_password"`, `name="mode" value="erase"`} {
			if !strings.Contains(r.Body, want) {
				t.Fatalf("the page after a deletion stopped partway lacks %q:\n%s", want, r.Body)
			}
		}
		if countRows(t, db, "users", "id = ?", uid) != 1 || !loggedIn(t, c) {
			t.Fatal("the account or its session is gone after a deletion that stopped")
		}
		if n := countRows(t, db, "posts", "thread_id = ? AND author_id IS NULL AND status = ?", id, forum.StatusDeleted); n != 200 {
			t.Fatalf("%d posts erased before the deletion stopped, want the first batch of 200", n)
		}
		allow()
		wantRedirect(t, c.PostForm("/settings/delete", url.Values{"confirm": {"yes"}, "mode": {"erase"}, "current_password": {goodPassword}}), "/goodbye")
		if countRows(t, db, "posts", "thread_id = ? AND author_id IS NULL AND status = ?", id, forum.StatusDeleted) != 206 || countRows(t, db, "users", "id = ?", uid) != 0 {
			t.Fatal("trying again did not finish the deletion")
		}
	})
}

// TestDeleteLargeAccountGoesOnInBackground: an account with more posts
// than a request erases in good time is locked at once (every session
// ended, the password refused) and told its posts are still being done;
// the deletion row lets any instance, a restarted one too, finish it.
func TestDeleteLargeAccountGoesOnInBackground(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		a.Auth.SetBackgroundDeletionFrom(5)
		forumtest.SignUp(t, c, "heron", goodPassword)
		uid := forumtest.UserID(t, db, "heron")
		second := loginWithUA(t, a.Web.Handler(), "heron", iphoneUA)
		id := startThread(t, c, "grief", "A long year", "Where to begin.")
		addPosts(t, db, id, uid, 6, "Heron's words %d.")

		r := c.PostForm("/settings/delete", url.Values{"confirm": {"yes"}, "mode": {"erase"}, "current_password": {goodPassword}})
		wantRedirect(t, r, "/goodbye?continuing=erase")
		g := c.Follow(r)
		if !strings.Contains(g.Body, "Your account is being deleted") || !strings.Contains(g.Body, "your posts are still being erased") {
			t.Fatalf("goodbye while the deletion goes on:\n%s", g.Body)
		}
		if loggedIn(t, c) || loggedIn(t, second) {
			t.Fatal("a session outlived the start of the account's deletion")
		}
		if r := forumtest.NewClient(t, a.Web.Handler()).PostForm("/login", url.Values{"username": {"heron"}, "password": {goodPassword}}); r.StatusCode == http.StatusSeeOther {
			t.Fatal("signed in to an account being deleted")
		}
		if countRows(t, db, "account_deletions", "user_id = ?", uid) != 1 || countRows(t, db, "posts", "author_id = ?", uid) != 7 {
			t.Fatal("the deletion did not wait for the background")
		}

		// Another instance (or this one after a restart) finishes it from
		// the deletion row alone.
		other, _ := newApp(t, db)
		if err := other.Auth.FinishDeletions(context.Background()); err != nil {
			t.Fatal(err)
		}
		if countRows(t, db, "users", "id = ?", uid) != 0 || countRows(t, db, "account_deletions", "1 = 1") != 0 ||
			countRows(t, db, "posts", "thread_id = ? AND author_id IS NULL AND status = ?", id, forum.StatusDeleted) != 7 ||
			countRows(t, db, "posts", "body_md LIKE ?", "%Heron's words%") != 0 {
			t.Fatal("finishing the deletion left the account, its row or its words")
		}
		if err := a.Auth.FinishDeletions(context.Background()); err != nil {
			t.Fatalf("finishing again, with nothing left: %v", err)
		}

		r = c.Get("/goodbye?continuing=anonymise")
		if !strings.Contains(r.Body, "still being changed to show") {
			t.Fatalf("goodbye while anonymising goes on:\n%s", r.Body)
		}
		if r := c.Get("/goodbye?continuing=nonsense"); !strings.Contains(r.Body, "Your account is deleted") {
			t.Fatalf("goodbye with a mode it does not know:\n%s", r.Body)
		}
	})
}

// addPosts adds n posts by uid to thread id straight into the database,
// a second apart after now, their bodies from format and their number.
func addPosts(t *testing.T, db *store.DB, id, uid int64, n int, format string) {
	t.Helper()
	var gid int64
	if err := db.W.Raw("SELECT group_id FROM threads WHERE id = ?", id).Scan(&gid).Error; err != nil {
		t.Fatal(err)
	}
	at := time.Now().UTC()
	for i := range n {
		forumtest.InsertPost(t, db, forum.Thread{ID: id, GroupID: gid}, uid, fmt.Sprintf(format, i), at.Add(time.Duration(i+1)*time.Second))
	}
}
