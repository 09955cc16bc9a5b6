package web_test

import (
	"hearth/pkg/forumtest"
	"hearth/pkg/safety"
	"hearth/pkg/store"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestCountrySetting(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		_, c := newApp(t, db)
		forumtest.SignUp(t, c, "heather", goodPassword)
		r := c.Get("/settings/country")
		wantStatus(t, r, http.StatusOK)
		if !strings.Contains(r.Body, `<select id="country" name="country"`) || !strings.Contains(r.Body, `<label for="country">Country</label>`) {
			t.Fatalf("no labelled country select:\n%s", r.Body)
		}
		for _, ct := range safety.CountriesOf(safety.DefaultHelplines()) {
			if !strings.Contains(r.Body, `<option value="`+ct.Code+`">`+htmlEscape(ct.Name)+`</option>`) {
				t.Errorf("no option for %s %s", ct.Code, ct.Name)
			}
		}
		if !strings.Contains(r.Body, `<option value="ZZ">Other / not listed</option>`) {
			t.Error("no Other / not listed option")
		}
		country := func() string {
			var cc string
			db.R.Raw("SELECT country FROM users WHERE username = ?", "heather").Row().Scan(&cc)
			return cc
		}
		wantRedirect(t, c.PostForm("/settings/country", url.Values{"country": {"GB"}}), "/settings")
		if country() != "GB" {
			t.Fatalf("country %q", country())
		}
		if r := c.Get("/settings/country"); !strings.Contains(r.Body, `<option value="GB" selected>`) {
			t.Fatal("saved country not selected")
		}
		for _, bad := range []string{"XX", "gb", "GBR", "<script>", "G\x00"} {
			wantStatus(t, c.PostForm("/settings/country", url.Values{"country": {bad}}), http.StatusUnprocessableEntity)
		}
		if country() != "GB" {
			t.Fatal("a refused country changed the setting")
		}
		wantRedirect(t, c.PostForm("/settings/country", url.Values{"country": {"ZZ"}}), "/settings")
		if country() != "ZZ" {
			t.Fatalf("country %q", country())
		}
	})
}
