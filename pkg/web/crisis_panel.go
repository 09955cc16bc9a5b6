package web

import (
	"crypto/hmac"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/safety"
)

// generalPanelCountries are the countries whose lines the crisis panel shows
// when the member's country is unknown (visitors, no country chosen, or a
// country without lines): the largest English-speaking audiences first. The
// full page at /crisis lists every country.
var generalPanelCountries = []string{"US", "GB", "CA", "AU", "IE", "NZ"}

// crisisPanel builds the crisis panel for the request's author: the
// helplines of the member's saved country (users.country, never guessed from
// the address), or a short general list with the international directory.
// It always returns a panel: when the database cannot answer it falls back
// on the built-in reference list, because help must still be shown.
func (s *Server) crisisPanel(c echo.Context) *CrisisPanelView {
	code := ""
	if p := principal(c); p != nil {
		code = p.User.Country
	}
	ctx := c.Request().Context()
	var lines, dir []safety.Helpline
	var err error
	if s.deps.Helplines != nil {
		lines, dir, err = s.deps.Helplines.ForCountry(ctx, code)
	}
	if s.deps.Helplines == nil || err != nil {
		if err != nil {
			s.log.ErrorContext(ctx, "crisis panel: helplines unavailable, using built-in list", "err", err)
		}
		lines, dir = safety.DefaultsFor(code)
	}
	v := &CrisisPanelView{Directory: helplineViews(dir)}
	if len(lines) > 0 {
		v.CountryName = lines[0].Country
		for _, h := range lines {
			v.Lines = append(v.Lines, PanelLine{HelplineView: helplineView(h)})
		}
		return v
	}
	general, err := s.generalLines(c)
	if err != nil {
		s.log.ErrorContext(ctx, "crisis panel: general helplines unavailable, using built-in list", "err", err)
		general = pickGeneral(safety.DefaultHelplines())
	}
	for _, h := range general {
		v.Lines = append(v.Lines, PanelLine{Country: h.Country, HelplineView: helplineView(h)})
	}
	return v
}

// generalLines returns the first line of each general panel country.
func (s *Server) generalLines(c echo.Context) ([]safety.Helpline, error) {
	if s.deps.Helplines == nil {
		return pickGeneral(safety.DefaultHelplines()), nil
	}
	all, err := s.deps.Helplines.All(c.Request().Context())
	if err != nil {
		return nil, err
	}
	return pickGeneral(all), nil
}

// pickGeneral keeps one line per general panel country, in that order.
func pickGeneral(hs []safety.Helpline) []safety.Helpline {
	first := map[string]safety.Helpline{}
	for _, h := range hs {
		if _, ok := first[h.CountryCode]; !ok {
			first[h.CountryCode] = h
		}
	}
	var out []safety.Helpline
	for _, code := range generalPanelCountries {
		if h, ok := first[code]; ok {
			out = append(out, h)
		}
	}
	return out
}

const careCookie = "hearth_care"

// setCare asks the next page to show the signed-in author the crisis panel
// (after a post whose words suggest they may be in crisis). The cookie is
// signed and short-lived, and names nothing but the member's id.
func (s *Server) setCare(c echo.Context) {
	p := principal(c)
	if p == nil {
		return
	}
	v := strconv.FormatInt(p.User.ID, 10)
	c.SetCookie(&http.Cookie{Name: careCookie, Value: v + "." + s.sign("care", v), Path: "/", MaxAge: 300, // #nosec G124 -- HttpOnly and SameSite=Lax are set; Secure follows HEARTH_BASE_URL (https)
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.cfg.SecureCookies()})
}

// popCare reports whether the crisis panel was asked for and clears it.
func (s *Server) popCare(c echo.Context) bool {
	ck, err := c.Cookie(careCookie)
	if err != nil || ck.Value == "" {
		return false
	}
	c.SetCookie(&http.Cookie{Name: careCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.cfg.SecureCookies()}) // #nosec G124 -- HttpOnly and SameSite=Lax are set; Secure follows HEARTH_BASE_URL (https)
	p := principal(c)
	v, sig, ok := strings.Cut(ck.Value, ".")
	return ok && p != nil && v == strconv.FormatInt(p.User.ID, 10) && hmac.Equal([]byte(sig), []byte(s.sign("care", v)))
}
