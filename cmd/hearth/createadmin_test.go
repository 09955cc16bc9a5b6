package main

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func runCreateAdmin(t *testing.T, dataDir, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := map[string]string{"HEARTH_DATA_DIR": dataDir, "HEARTH_LOG_LEVEL": "error"}
	code := run(context.Background(), append([]string{"create-admin"}, args...), strings.NewReader(stdin), &out, &errb,
		func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	return code, out.String(), errb.String()
}

func TestCreateAdminCreatesThenPromotes(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runCreateAdmin(t, dir, "a long admin password\n", "admin")
	if code != 0 || out != "create-admin: created admin admin\n" {
		t.Fatalf("create: exit %d, %q, %q", code, out, errs)
	}
	db, err := store.Open(context.Background(), "sqlite:"+filepath.Join(dir, "hearth.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
	c := forumtest.NewClient(t, a.Web.Handler())
	if r := c.PostForm("/login", url.Values{"username": {"admin"}, "password": {"a long admin password"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("admin cannot log in: %d", r.StatusCode)
	}
	if r := c.Get("/admin/people"); r.StatusCode != http.StatusOK {
		t.Fatalf("admin page: %d", r.StatusCode)
	}

	// An existing member is promoted, given the password, and signed out.
	m := forumtest.NewClient(t, a.Web.Handler())
	forumtest.SignUp(t, m, "rosemary", "kettle orbit lantern")
	code, out, errs = runCreateAdmin(t, dir, "another long password\r\n", "Rosemary")
	if code != 0 || !strings.Contains(out, "Rosemary is now an admin") {
		t.Fatalf("promote: exit %d, %q, %q", code, out, errs)
	}
	var role string
	db.R.Raw("SELECT role FROM users WHERE username = 'rosemary'").Row().Scan(&role)
	if role != "admin" || strings.Contains(m.Get("/").Body, `action="/logout"`) {
		t.Fatalf("promotion: role %s, member still signed in", role)
	}
	var audits int64
	db.R.Table("audit_log").Where("action = 'role.grant' AND target_type = 'user' AND actor_id IS NULL").Count(&audits)
	if audits != 2 {
		t.Fatalf("%d audit rows for the two admin grants", audits)
	}
	if r := forumtest.NewClient(t, a.Web.Handler()).PostForm("/login", url.Values{"username": {"rosemary"}, "password": {"another long password"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("promoted admin cannot log in with the new password: %d", r.StatusCode)
	}
}

func TestCreateAdminRefusals(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name, stdin string
		args        []string
		want        string
	}{
		{"no name", "a long admin password\n", nil, "usage: hearth create-admin NAME"},
		{"two names", "a long admin password\n", []string{"a", "b"}, "usage"},
		{"no password", "", []string{"keeper"}, "no password on standard input"},
		{"empty line", "\n", []string{"keeper"}, "no password on standard input"},
		{"short password", "short\n", []string{"keeper"}, "at least 10 characters"},
		{"common password", "1234567890\n", []string{"keeper"}, "most commonly used"},
		{"bad name", "a long admin password\n", []string{"me@example.org"}, "email address"},
		{"zero-width name", "a long admin password\n", []string{"kee\u200bper"}, "invisible character"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCreateAdmin(t, dir, tt.stdin, tt.args...)
			if code == 0 || out != "" || !strings.Contains(errs, tt.want) {
				t.Fatalf("exit %d, out %q, err %q; want failure mentioning %q", code, out, errs, tt.want)
			}
		})
	}
}
