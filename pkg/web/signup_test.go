package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hearth/pkg/auth"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestSignupPageAsksOnlyForPseudonymPasswordAndAge(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		_, c := newApp(t, db)
		r := c.Get("/signup")
		wantStatus(t, r, http.StatusOK)
		for _, want := range []string{`<label for="username">Pseudonym</label>`, `<label for="password">Password</label>`, "does not identify you", `action="/signup"`} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("signup page lacks %q", want)
			}
		}
		if n := strings.Count(r.Body, "<input"); n != 3 {
			t.Errorf("signup form has %d inputs, want exactly the pseudonym, the password and the age box", n)
		}
		if home := c.Get("/"); !strings.Contains(home.Body, `href="/signup"`) || !strings.Contains(home.Body, `href="/login"`) {
			t.Error("visitors are not offered Log in and Sign up")
		}
	})
}

func TestSignupSignsInAndShowsRecoveryCodesOnce(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		r := c.PostForm("/signup", url.Values{"username": {"Quiet_River"}, "password": {goodPassword}, "age_confirmed": {"yes"}})
		wantStatus(t, r, http.StatusOK)
		for _, want := range []string{"Keep them somewhere safe", "only time they are shown", `href="/"`} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("codes page lacks %q", want)
			}
		}
		codes := forumtest.SignUp(t, forumtest.NewClient(t, a.Web.Handler()), "still_water", goodPassword)
		if c.Cookie("hearth_session") == nil {
			t.Fatal("no session cookie after signup")
		}
		home := c.Get("/")
		if !strings.Contains(home.Body, `href="/u/Quiet_River"`) || !strings.Contains(home.Body, `href="/settings"`) || !strings.Contains(home.Body, `action="/logout"`) {
			t.Fatalf("account menu missing after signup:\n%s", home.Body)
		}
		// Codes are stored only as keyed hashes.
		uid := forumtest.UserID(t, db, "still_water")
		var hashes []string
		db.R.Table("recovery_codes").Where("user_id = ?", uid).Pluck("code_hash", &hashes)
		if len(hashes) != auth.RecoveryCodeCount {
			t.Fatalf("%d codes stored", len(hashes))
		}
		stored := map[string]bool{}
		for _, h := range hashes {
			stored[h] = true
		}
		for _, code := range codes {
			if !stored[auth.HashRecoveryCode(forumtest.Secret, code)] {
				t.Errorf("code %s not stored as its hash", code)
			}
			if n := countRows(t, db, "recovery_codes", "code_hash = ?", code); n != 0 {
				t.Errorf("code %s stored in the clear", code)
			}
		}
		var role, status string
		db.R.Raw("SELECT role, status FROM users WHERE id = ?", uid).Row().Scan(&role, &status)
		if role != "member" || status != "active" {
			t.Fatalf("new account is %s/%s", role, status)
		}
		// The codes are never shown again.
		if r := c.Get("/settings/recovery-codes"); !strings.Contains(r.Body, "10 unused recovery codes") || recoveryCodeRe.MatchString(r.Body) {
			t.Fatalf("recovery code settings page:\n%s", r.Body)
		}
	})
}

func TestSignupRefusalsSayWhatToChange(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		_, c := newApp(t, db)
		long := strings.Repeat("a", 10000)
		for _, tt := range []struct {
			name, username, password, want string
			keep                           string
		}{
			{"empty", "", "", "Please choose a pseudonym.", ""},
			{"whitespace", "   \t ", goodPassword, "Please choose a pseudonym.", ""},
			{"ten thousand characters", long, goodPassword, "24 characters or fewer", ""},
			{"NUL byte", "river\x00song", goodPassword, "invisible character", "riversong"},
			{"invalid UTF-8", "river\xffsong", goodPassword, "can&#39;t read", "river\uFFFDsong"},
			{"zero-width space", "river\u200bsong", goodPassword, "invisible character", "river\u200bsong"},
			{"email address", "me@example.org", goodPassword, "looks like an email address", "me@example.org"},
			{"phone number", "07700900123", goodPassword, "looks like a phone number", "07700900123"},
			{"reserved", "Admin", goodPassword, "reserved", "Admin"},
			{"help service look-alike", "crisis_team", goodPassword, "mistaken for a member of staff or a help service", "crisis_team"},
			{"help service name", "Samaritans", goodPassword, "mistaken for a member of staff", "Samaritans"},
			{"staff look-alike", "mod_team", goodPassword, "mistaken for a member of staff", "mod_team"},
			{"mixed alphabets", "rivеr", goodPassword, "letters from one alphabet", "rivеr"},
			{"short password", "river_song", "short", "at least 10 characters", "river_song"},
			{"whitespace password", "river_song", "   ", "at least 10 characters", "river_song"},
			{"common password", "river_song", "1234567890", "most commonly used", "river_song"},
			{"64 KiB password", "river_song", strings.Repeat("p", 64<<10), "256 characters or fewer", "river_song"},
			{"pseudonym as password", "river_song", "River.Song", "your pseudonym", "river_song"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				r := c.PostForm("/signup", url.Values{"username": {tt.username}, "password": {tt.password}, "age_confirmed": {"yes"}})
				wantStatus(t, r, http.StatusUnprocessableEntity)
				if !strings.Contains(r.Body, tt.want) {
					t.Errorf("refusal lacks %q:\n%s", tt.want, r.Body)
				}
				if !strings.Contains(r.Body, `aria-invalid="true"`) || !strings.Contains(r.Body, `class="error-summary"`) {
					t.Error("refusal not marked on the field and summarised")
				}
				if tt.keep != "" && !strings.Contains(r.Body, `value="`+htmlEscape(tt.keep)+`"`) {
					t.Errorf("typed pseudonym %q not kept", tt.keep)
				}
				if len(tt.password) >= 10 && strings.Contains(r.Body, htmlEscape(tt.password)) {
					t.Error("password echoed back")
				}
			})
		}
		if n := countRows(t, db, "users", ""); n != 0 {
			t.Fatalf("%d accounts created by refused signups", n)
		}
	})
}

func TestSignupDuplicatesAndLookalikesAreTaken(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		forumtest.SignUp(t, forumtest.NewClient(t, a.Web.Handler()), "paco", goodPassword)
		for _, name := range []string{"paco", "PACO", "Paco", "p.a.c.o", "расо" /* Cyrillic р а с о */, "pac0"} {
			r := c.PostForm("/signup", url.Values{"username": {name}, "password": {goodPassword}, "age_confirmed": {"yes"}})
			wantStatus(t, r, http.StatusUnprocessableEntity)
			if !strings.Contains(r.Body, "That pseudonym is taken") {
				t.Errorf("%q: no clear taken message:\n%s", name, r.Body)
			}
		}
		if n := countRows(t, db, "users", ""); n != 1 {
			t.Fatalf("%d accounts, want 1", n)
		}
		// With an admin called admin, no member can take a name like it.
		if _, err := a.Auth.CreateAdmin(context.Background(), "admin", "a long admin password"); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"Admin", "ADMIN", "аdmin" /* Cyrillic а */, "adm1n", "admin_"} {
			r := c.PostForm("/signup", url.Values{"username": {name}, "password": {goodPassword}, "age_confirmed": {"yes"}})
			wantStatus(t, r, http.StatusUnprocessableEntity)
			if !strings.Contains(r.Body, "reserved") && !strings.Contains(r.Body, "one alphabet") && !strings.Contains(r.Body, "start and end") {
				t.Errorf("%q: no clear refusal:\n%s", name, r.Body)
			}
		}
		if n := countRows(t, db, "users", ""); n != 2 {
			t.Fatalf("%d accounts, want 2", n)
		}
	})
}

func TestSignupIgnoresFieldsItDoesNotAsk(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		_, c := newApp(t, db)
		r := c.PostForm("/signup?role=admin", url.Values{
			"username": {"ash_tree"}, "password": {goodPassword}, "age_confirmed": {"yes"},
			"role": {"admin"}, "status": {"active"}, "moderator_site_wide": {"1"}, "id": {"1"}, "totp_enabled": {"1"},
		})
		wantStatus(t, r, http.StatusOK)
		var role string
		var siteWide, totp bool
		db.R.Raw("SELECT role, moderator_site_wide, totp_enabled FROM users WHERE username = ?", "ash_tree").Row().Scan(&role, &siteWide, &totp)
		if role != "member" || siteWide || totp {
			t.Fatalf("extra fields were bound: role=%s site_wide=%v totp=%v", role, siteWide, totp)
		}
	})
}

func TestSignupFieldSentTwiceUsesTheFirst(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		r := c.PostForm("/signup", url.Values{"username": {"first_name", "second_name"}, "password": {goodPassword, "x"}, "age_confirmed": {"yes"}})
		wantStatus(t, r, http.StatusOK)
		if countRows(t, db, "users", "username = ?", "first_name") != 1 || countRows(t, db, "users", "username = ?", "second_name") != 0 {
			t.Fatal("the first value was not the one used")
		}
		// And the first password is the one that logs in.
		c2 := forumtest.NewClient(t, a.Web.Handler())
		wantRedirect(t, c2.PostForm("/login", url.Values{"username": {"first_name"}, "password": {goodPassword}}), "/")
	})
}
