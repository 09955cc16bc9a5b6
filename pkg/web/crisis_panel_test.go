package web

import (
	"bytes"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"hearth/pkg/auth"
	"hearth/pkg/config"
)

// templatesServer is a server on the on-disk templates without a database: the
// panel then falls back on the built-in helpline list.
func templatesServer(t *testing.T) *Server {
	t.Helper()
	cfg, err := config.Load(func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Deps{Config: cfg, Secret: bytes.Repeat([]byte("k"), 32), Templates: os.DirFS("../../templates"), Static: os.DirFS("../../static")})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func renderPanel(t *testing.T, s *Server, v *CrisisPanelView) string {
	t.Helper()
	var b bytes.Buffer
	_, home, err := s.render.template("home", "en")
	if err != nil {
		t.Fatal(err)
	}
	if err := home.ExecuteTemplate(&b, "crisis-panel", v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestCrisisPanelForMemberCountry(t *testing.T) {
	s := templatesServer(t)
	c := s.e.NewContext(httptest.NewRequest("GET", "/", nil), httptest.NewRecorder())
	c.Set(ctxPrincipal, &auth.Principal{User: auth.User{ID: 1, Country: "GB"}, Actor: &auth.Actor{ID: 1}})
	v := s.crisisPanel(c, careCrisis)
	if v.CountryName != "United Kingdom" || len(v.Lines) != 1 || v.Lines[0].Service != "Samaritans" {
		t.Fatalf("panel for GB = %+v", v)
	}
	html := renderPanel(t, s, v)
	for _, want := range []string{
		"It sounds like you&#39;re going through a lot right now",
		`<a href="tel:116123">116 123</a>`,
		"Hearth is not an emergency service — if you are in danger now, call your local emergency number",
		`href="/crisis"`,
		"https://findahelpline.com",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("panel lacks %q:\n%s", want, html)
		}
	}
	if strings.Contains(html, "988") {
		t.Errorf("GB panel shows another country's line:\n%s", html)
	}
}

func TestCrisisPanelGeneralForVisitorsAndUnknownCountries(t *testing.T) {
	s := templatesServer(t)
	for name, country := range map[string]string{"visitor": "", "unknown": "AQ"} {
		c := s.e.NewContext(httptest.NewRequest("GET", "/", nil), httptest.NewRecorder())
		if country != "" {
			c.Set(ctxPrincipal, &auth.Principal{User: auth.User{ID: 1, Country: country}, Actor: &auth.Actor{ID: 1}})
		}
		v := s.crisisPanel(c, careCrisis)
		if v.CountryName != "" || len(v.Lines) < 3 || len(v.Lines) > len(generalPanelCountries) {
			t.Fatalf("%s: general panel = %+v", name, v)
		}
		html := renderPanel(t, s, v)
		for _, want := range []string{"(United States)", `href="tel:988"`, "(United Kingdom)", `href="/crisis"`, "findahelpline.com"} {
			if !strings.Contains(html, want) {
				t.Errorf("%s: panel lacks %q", name, want)
			}
		}
	}
}

func TestCrisisPanelNilRendersNothing(t *testing.T) {
	s := templatesServer(t)
	if html := renderPanel(t, s, nil); strings.TrimSpace(html) != "" {
		t.Fatalf("nil panel rendered %q", html)
	}
}
