package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hearth/pkg/auth"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestExportDownloadsEverythingTheMemberWroteOrSet(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		if r := c.Get("/settings/export"); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
			t.Fatalf("visitor export: %d", r.StatusCode)
		}
		forumtest.SignUp(t, c, "wren", goodPassword)
		c.PostForm("/settings/country", url.Values{"country": {"IE"}})
		th := startThread(t, c, "grief", "Missing my gran", "She taught me to **bake**.\n\nI miss her.")
		replyTo(t, c, th, 0, "Thank you all for *listening*.")
		other := forumtest.NewClient(t, a.Web.Handler())
		forumtest.SignUp(t, other, "robin", goodPassword)
		replyTo(t, other, th, 0, "Words from someone else entirely.")

		r := c.Get("/settings/export")
		wantStatus(t, r, http.StatusOK)
		if r.Header.Get("Cache-Control") != "no-store" || !strings.HasPrefix(r.Header.Get("Content-Disposition"), `attachment; filename="hearth-export-`) ||
			!strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			t.Fatalf("export headers: %v", r.Header)
		}
		var e struct {
			Format  string `json:"format"`
			Profile struct {
				Pseudonym string `json:"pseudonym"`
				Role      string `json:"role"`
			} `json:"profile"`
			Settings struct {
				Country           string `json:"country"`
				RecoveryCodesLeft int    `json:"recovery_codes_left"`
			} `json:"settings"`
			Threads []struct {
				Title string `json:"title"`
				Group string `json:"group"`
			} `json:"threads"`
			Posts []struct {
				Markdown string `json:"markdown"`
			} `json:"posts"`
			Sessions []struct {
				Device     string `json:"device"`
				ThisDevice bool   `json:"this_device"`
			} `json:"sessions"`
		}
		if err := json.Unmarshal([]byte(r.Body), &e); err != nil {
			t.Fatalf("export is not JSON: %v\n%s", err, r.Body)
		}
		if e.Format != auth.ExportFormat || e.Profile.Pseudonym != "wren" || e.Profile.Role != "member" || e.Settings.Country != "IE" || e.Settings.RecoveryCodesLeft != 10 {
			t.Fatalf("profile and settings: %+v", e)
		}
		if len(e.Threads) != 1 || e.Threads[0].Title != "Missing my gran" || e.Threads[0].Group != "grief" {
			t.Fatalf("threads: %+v", e.Threads)
		}
		if len(e.Posts) != 2 || e.Posts[0].Markdown != "She taught me to **bake**.\n\nI miss her." || e.Posts[1].Markdown != "Thank you all for *listening*." {
			t.Fatalf("posts (with Markdown source): %+v", e.Posts)
		}
		if len(e.Sessions) != 1 || !e.Sessions[0].ThisDevice || e.Sessions[0].Device == "" {
			t.Fatalf("sessions: %+v", e.Sessions)
		}
		var hash, token string
		db.R.Raw("SELECT password_hash FROM users WHERE username = ?", "wren").Row().Scan(&hash)
		db.R.Raw("SELECT token_hash FROM sessions").Row().Scan(&token)
		for _, secret := range []string{"someone else entirely", "robin", hash, token, "$argon2id", "token_hash", "password"} {
			if strings.Contains(r.Body, secret) {
				t.Errorf("export contains %q", secret)
			}
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
		if !strings.Contains(r.Body, `value="anonymise"`) || !strings.Contains(r.Body, `value="erase"`) || !strings.Contains(r.Body, `<label for="current_password">`) {
			t.Fatalf("delete page:\n%s", r.Body)
		}
		// Refusals change nothing.
		wantStatus(t, c.PostForm("/settings/delete", url.Values{"mode": {"anonymise"}, "current_password": {"not my password"}}), http.StatusUnprocessableEntity)
		wantStatus(t, c.PostForm("/settings/delete", url.Values{"mode": {"everything"}, "current_password": {goodPassword}}), http.StatusUnprocessableEntity)
		wantStatus(t, c.PostForm("/settings/delete", url.Values{"current_password": {goodPassword}}), http.StatusUnprocessableEntity)
		if countRows(t, db, "users", "id = ?", uid) != 1 || !loggedIn(t, c) {
			t.Fatal("a refused deletion changed something")
		}

		r = c.PostForm("/settings/delete", url.Values{"mode": {"anonymise"}, "current_password": {goodPassword}})
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

		wantRedirect(t, c.PostForm("/settings/delete", url.Values{"mode": {"erase"}, "current_password": {goodPassword}}), "/goodbye")
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

func TestCrossOriginAccountPostsAreRefused(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		r := crossOriginPost(c, "/signup", url.Values{"username": {"lured_in"}, "password": {goodPassword}})
		wantStatus(t, r, http.StatusForbidden)
		if countRows(t, db, "users", "") != 0 {
			t.Fatal("cross-origin signup created an account")
		}
		forumtest.SignUp(t, c, "tansy", goodPassword)
		uid := forumtest.UserID(t, db, "tansy")
		var hash string
		db.R.Raw("SELECT password_hash FROM users WHERE id = ?", uid).Row().Scan(&hash)
		for path, form := range map[string]url.Values{
			"/settings/delete":              {"mode": {"erase"}, "current_password": {goodPassword}},
			"/settings/password":            {"current_password": {goodPassword}, "password": {"attacker chosen password"}},
			"/settings/recovery-codes":      {"current_password": {goodPassword}},
			"/settings/sessions/end-others": nil,
			"/settings/country":             {"country": {"US"}},
			"/settings/totp/start":          nil,
			"/logout":                       nil,
			"/login":                        {"username": {"tansy"}, "password": {goodPassword}},
			"/recover":                      {"username": {"tansy"}, "code": {"2222-3333-4444"}, "password": {"attacker chosen password"}},
			"/admin/people/1/role":          {"role": {"moderator"}, "scope": {"site"}, "reason": {"x"}},
		} {
			if r := crossOriginPost(c, path, form); r.StatusCode != http.StatusForbidden {
				t.Errorf("cross-origin POST %s: %d", path, r.StatusCode)
			}
		}
		var after, country string
		var totp string
		db.R.Raw("SELECT password_hash, country, totp_secret FROM users WHERE id = ?", uid).Row().Scan(&after, &country, &totp)
		if after != hash || country != "" || totp != "" || countRows(t, db, "recovery_codes", "user_id = ?", uid) != 10 || !loggedIn(t, c) {
			t.Fatal("a refused cross-origin request changed something")
		}
		_ = a
	})
}

func TestGarbageSessionCookieOnAccountPages(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := newApp(t, db)
		forumtest.SignUp(t, forumtest.NewClient(t, a.Web.Handler()), "nettle", goodPassword)
		for _, v := range []string{"garbage", strings.Repeat("x", 3000), "%00%ff", "a.b.c", "\x7f"} {
			c := forumtest.NewClient(t, a.Web.Handler())
			c.SetCookie(&http.Cookie{Name: "hearth_session", Value: v})
			if r := c.Get("/settings"); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
				t.Fatalf("garbage cookie on /settings: %d", r.StatusCode)
			}
			c.SetCookie(&http.Cookie{Name: "hearth_session", Value: v})
			wantStatus(t, c.Get("/signup"), http.StatusOK)
			c.SetCookie(&http.Cookie{Name: "hearth_session", Value: v})
			wantRedirect(t, c.PostForm("/logout", nil), "/")
			c.SetCookie(&http.Cookie{Name: "hearth_session", Value: v})
			wantRedirect(t, c.PostForm("/login", url.Values{"username": {"nettle"}, "password": {goodPassword}}), "/")
			if !loggedIn(t, c) {
				t.Fatal("login with a garbage cookie present did not sign in")
			}
		}
	})
}
