package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestAccountFormsAnswerBadInputCalmly sends the usual bad inputs to every
// account form: each gets a clear refusal (never a 500) and nothing changes.
func TestAccountFormsAnswerBadInputCalmly(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		forumtest.SignUp(t, c, "teasel", goodPassword)
		uid := forumtest.UserID(t, db, "teasel")
		db.W.Exec("UPDATE users SET role = 'admin' WHERE id = ?", uid)
		other := forumtest.NewClient(t, a.Web.Handler())
		forumtest.SignUp(t, other, "burdock", goodPassword)
		oid := strconv.FormatInt(forumtest.UserID(t, db, "burdock"), 10)
		state := func() string {
			var rows []string
			db.R.Raw("SELECT password_hash || '|' || country || '|' || totp_secret || '|' || role FROM users ORDER BY id").Scan(&rows)
			return strings.Join(rows, "\n")
		}
		before := state()

		bad := []string{"", "   ", "\x00", "a\x00b", "\xff\xfe", "zero\u200bwidth", strings.Repeat("x", 10000), strings.Repeat("é", 64<<10)}
		forms := map[string][]string{
			"/login":                         {"username", "password", "next"},
			"/login/code":                    {"code"},
			"/recover":                       {"username", "code", "password"},
			"/signup":                        {"username", "password"},
			"/settings/password":             {"current_password", "password"},
			"/settings/recovery-codes":       {"current_password"},
			"/settings/sessions/end":         {"session"},
			"/settings/totp/confirm":         {"code"},
			"/settings/totp/disable":         {"current_password", "code"},
			"/settings/country":              {"country"},
			"/settings/delete":               {"mode", "current_password"},
			"/admin/people/" + oid + "/role": {"role", "scope", "groups", "reason"},
		}
		for path, fields := range forms {
			for _, v := range bad {
				form := url.Values{}
				for _, f := range fields {
					form[f] = []string{v, "second value"}
				}
				r := c.PostForm(path, form)
				if r.StatusCode >= 500 || r.StatusCode == http.StatusOK && path != "/login/code" {
					t.Errorf("POST %s with %.12q: status %d", path, v, r.StatusCode)
				}
				if r.StatusCode == http.StatusSeeOther && path != "/login/code" && !(path == "/settings/country" && v == "") {
					t.Errorf("POST %s with %.12q was accepted", path, v)
				}
			}
			for _, v := range bad {
				if r := c.Get("/u/" + url.PathEscape(v)); r.StatusCode >= 500 {
					t.Errorf("GET /u/%.12q: %d", v, r.StatusCode)
				}
				if r := c.Get("/admin/people?q=" + url.QueryEscape(v)); r.StatusCode != http.StatusOK {
					t.Errorf("GET /admin/people?q=%.12q: %d", v, r.StatusCode)
				}
				if r := c.Get("/login?next=" + url.QueryEscape(v)); r.StatusCode >= 500 {
					t.Errorf("GET /login?next=%.12q: %d", v, r.StatusCode)
				}
			}
		}
		if after := state(); after != before || strings.Count(before, "\n") != 1 || countRows(t, db, "users", "") != 2 || countRows(t, db, "audit_log", "") != 0 || !loggedIn(t, c) || !loggedIn(t, other) {
			t.Fatal("bad input changed something")
		}
	})
}
