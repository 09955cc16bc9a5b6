package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestCrisisPageByCountryWithoutAccountOrScript(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		c := forumtest.NewClient(t, a.Web.Handler())

		r := c.Get("/crisis?country=GB")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("status %d", r.StatusCode)
		}
		pageHas(t, r.Body,
			"Helplines in United Kingdom", "Samaritans", `<a class="helpline-phone" href="tel:116123">116 123</a>`,
			"https://www.samaritans.org", "24/7", "English",
			"Hearth is not an emergency service",
			`<form class="country-form" method="get" action="/crisis">`,
			`<label for="crisis-country">Your country</label>`, `<select id="crisis-country" name="country">`,
			`<option value="GB" selected>United Kingdom</option>`, `<button type="submit">Show helplines</button>`,
			"https://findahelpline.com", // the international directory is always there
		)
		if n := strings.Count(r.Body, "<h1"); n != 1 {
			t.Errorf("crisis page has %d h1 elements", n)
		}
		// The chosen country comes first, then the rest.
		inOrder(t, r.Body, "Helplines in United Kingdom", "tel:116123", `<h2 id="all-heading">Other countries</h2>`, "Lifeline Australia", "tel:988")
		// Nothing on the page depends on script: no inline script, and the
		// lines are in the HTML itself.
		if regexp.MustCompile(`<script(?:\s[^>]*)?>[^<]+</script>`).MatchString(r.Body) {
			t.Error("crisis page carries inline script")
		}

		r = c.Get("/crisis?country=us")
		pageHas(t, r.Body, "988 Suicide &amp; Crisis Lifeline", `href="tel:988"`, "text 988", "English, Spanish", `<option value="US" selected>`)

		// A country without lines gets the directory and a kind word.
		r = c.Get("/crisis?country=AQ")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("unknown country: status %d", r.StatusCode)
		}
		pageHas(t, r.Body, "We don&#39;t have a helpline listed for that country yet", "https://findahelpline.com", "Hearth is not an emergency service")

		// Garbage is ignored, and without a country every line is listed.
		for _, q := range []string{"", "?country=%3Cscript%3E"} {
			r = c.Get("/crisis" + q)
			if r.StatusCode != http.StatusOK {
				t.Fatalf("%q: status %d", q, r.StatusCode)
			}
			pageHas(t, r.Body, "Helplines by country", "Samaritans", `href="tel:988"`, "Lifeline Australia", "https://findahelpline.com", `<option value="" selected>Show every country</option>`)
			if strings.Contains(r.Body, "<script>") {
				t.Fatal("query text reflected as markup")
			}
		}
	})
}

func TestCrisisPageUsesMemberCountryNeverTheAddress(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		uid := forumtest.InsertUser(t, db, "rowan", "member")
		if err := db.W.Exec("UPDATE users SET country = ? WHERE id = ?", "AU", uid).Error; err != nil {
			t.Fatal(err)
		}
		c := forumtest.NewClient(t, a.Web.Handler())
		// A visitor behind any address sees no country chosen.
		c.Header.Set("X-Forwarded-For", "81.2.69.160") // a UK address
		r := c.Get("/crisis")
		pageHas(t, r.Body, `<option value="" selected>Show every country</option>`)
		if strings.Contains(r.Body, `<option value="GB" selected>`) {
			t.Fatal("country guessed from the address")
		}

		forumtest.LoginAs(t, a, c, uid)
		r = c.Get("/crisis")
		pageHas(t, r.Body, `<option value="AU" selected>Australia</option>`, "Helplines in Australia", `href="tel:131114"`, "text 0477 13 11 14")
		if strings.Contains(r.Body, "your settings") {
			t.Error("a member with a saved country is asked to save one")
		}
		// The member can still look at another country.
		r = c.Get("/crisis?country=NZ")
		pageHas(t, r.Body, `<option value="NZ" selected>`, `href="tel:1737"`)

		other := forumtest.InsertUser(t, db, "hazel", "member")
		c2 := forumtest.NewClient(t, a.Web.Handler())
		forumtest.LoginAs(t, a, c2, other)
		pageHas(t, c2.Get("/crisis").Body, `href="/settings"`, "Helplines by country")
	})
}

func TestAdminEditsHelplinesWithAudit(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		admin := forumtest.InsertUser(t, db, "keeper", "admin")
		c := forumtest.NewClient(t, a.Web.Handler())
		forumtest.LoginAs(t, a, c, admin)

		r := c.Get("/admin/helplines")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("list: status %d", r.StatusCode)
		}
		pageHas(t, r.Body, "re-verify every number", "Samaritans", "Find A Helpline", `href="/admin/helplines/new"`)

		// Invalid input is re-rendered with 422 and the admin's text kept.
		r = c.PostForm("/admin/helplines", url.Values{"country_code": {"Ireland"}, "country": {"Ireland"}, "service": {"Pieta"}, "phone": {"1800 247 247"}, "web": {"javascript:alert(1)"}})
		if r.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("invalid create: status %d", r.StatusCode)
		}
		pageHas(t, r.Body, `value="Pieta"`, `aria-invalid="true"`, "Enter a two-letter ISO country code", "Enter a full web address")

		r = c.PostForm("/admin/helplines", url.Values{"country_code": {"ie"}, "country": {"Ireland"}, "service": {"Pieta"}, "phone": {"1800 247 247"}, "sms": {"text HELP to 51444"}, "web": {"https://www.pieta.ie"}, "hours": {"24/7"}, "languages": {"en"}, "position": {"2"}})
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/admin/helplines" {
			t.Fatalf("create: %d %q", r.StatusCode, r.Header.Get("Location"))
		}
		var id int64
		if err := db.R.Table("helplines").Where("service = ?", "Pieta").Pluck("id", &id).Error; err != nil || id == 0 {
			t.Fatalf("created helpline not found: %v", err)
		}
		hid := strconv.FormatInt(id, 10)
		if n := countRows(t, db, "audit_log", "action = ? AND target_type = ? AND target_id = ?", "helpline_create", "helpline", id); n != 1 {
			t.Fatalf("create audit rows = %d", n)
		}
		pageHas(t, c.Get("/crisis?country=IE").Body, "Pieta", `href="tel:1800247247"`, "Samaritans Ireland")

		r = c.Get("/admin/helplines/" + hid + "/edit")
		pageHas(t, r.Body, `value="Pieta"`, `value="1800 247 247"`)
		r = c.PostForm("/admin/helplines/"+hid, url.Values{"country_code": {"IE"}, "country": {"Ireland"}, "service": {"Pieta House"}, "phone": {"1800 247 247"}, "web": {"https://www.pieta.ie"}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("update: status %d", r.StatusCode)
		}
		if n := countRows(t, db, "audit_log", "action = ? AND target_type = ? AND target_id = ?", "helpline_update", "helpline", id); n != 1 {
			t.Fatalf("update audit rows = %d", n)
		}
		pageHas(t, c.Get("/crisis?country=IE").Body, "Pieta House")

		r = c.PostForm("/admin/helplines/"+hid+"/delete", nil)
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("delete: status %d", r.StatusCode)
		}
		if n := countRows(t, db, "audit_log", "action = ? AND target_type = ? AND target_id = ?", "helpline_delete", "helpline", id); n != 1 {
			t.Fatalf("delete audit rows = %d", n)
		}
		var actor int64
		if err := db.R.Table("audit_log").Where("action = ? AND target_id = ?", "helpline_delete", id).Pluck("actor_id", &actor).Error; err != nil || actor != admin {
			t.Fatalf("audit actor = %d, %v", actor, err)
		}
		if strings.Contains(c.Get("/crisis?country=IE").Body, "Pieta") {
			t.Fatal("deleted helpline still shown")
		}
		// The staff audit log names each change in plain words.
		pageHas(t, c.Get("/mod/audit").Body, "Crisis helpline added", "Crisis helpline changed", "Crisis helpline removed", "IE · Pieta House · 1800 247 247")
		if r := c.Get("/admin/helplines/" + hid + "/edit"); r.StatusCode != http.StatusNotFound {
			t.Fatalf("edit of deleted helpline: status %d", r.StatusCode)
		}
	})
}

func TestMembersCannotEditHelplines(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		var before int64
		db.R.Table("helplines").Count(&before)

		visitor := forumtest.NewClient(t, a.Web.Handler())
		if r := visitor.Get("/admin/helplines"); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
			t.Fatalf("visitor: %d %q", r.StatusCode, r.Header.Get("Location"))
		}
		for _, role := range []string{"member", "moderator"} {
			c := forumtest.NewClient(t, a.Web.Handler())
			forumtest.LoginAs(t, a, c, forumtest.InsertUser(t, db, "m_"+role, role))
			if r := c.Get("/admin/helplines"); r.StatusCode != http.StatusForbidden {
				t.Fatalf("%s list: status %d", role, r.StatusCode)
			}
			r := c.PostForm("/admin/helplines", url.Values{"country_code": {"GB"}, "country": {"United Kingdom"}, "service": {"Fake line"}, "phone": {"0800 000 000"}})
			if r.StatusCode != http.StatusForbidden {
				t.Fatalf("%s create: status %d", role, r.StatusCode)
			}
			if r := c.PostForm("/admin/helplines/1/delete", nil); r.StatusCode != http.StatusForbidden {
				t.Fatalf("%s delete: status %d", role, r.StatusCode)
			}
		}
		var after, audits int64
		db.R.Table("helplines").Count(&after)
		db.R.Table("audit_log").Where("target_type = ?", "helpline").Count(&audits)
		if after != before || audits != 0 {
			t.Fatalf("helplines %d -> %d, audit rows %d", before, after, audits)
		}
	})
}
