package web_test

import (
	"net/http"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

const firefoxUA = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0"
const iphoneUA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"

func TestSettingsIndexLinksEverySection(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		wantRedirect(t, c.Get("/settings"), "/login?next=%2Fsettings")
		forumtest.SignUp(t, c, "poppy", goodPassword)
		r := c.Get("/settings")
		wantStatus(t, r, http.StatusOK)
		for _, href := range []string{"/settings/password", "/settings/recovery-codes", "/settings/sessions", "/settings/totp", "/settings/country", "/settings/export", "/settings/delete"} {
			if !strings.Contains(r.Body, `href="`+href+`"`) {
				t.Errorf("settings index lacks %s", href)
			}
			if href == "/settings/export" {
				continue
			}
			if p := c.Get(href); p.StatusCode != http.StatusOK || strings.Count(p.Body, "<h1") != 1 {
				t.Errorf("%s: %d, %d h1", href, p.StatusCode, strings.Count(p.Body, "<h1"))
			}
		}
		_ = a
	})
}
