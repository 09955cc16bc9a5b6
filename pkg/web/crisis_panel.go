package web

import (
	"crypto/hmac"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/safety"
)

// generalPanelCountries are the countries whose lines the crisis panel shows
// when the member's country is unknown (visitors, no country chosen, or a
// country without lines): the largest English-speaking audiences first. The
// full page at /crisis lists every country.
var generalPanelCountries = []string{"US", "GB", "CA", "AU", "IE", "NZ"}

// careLevel is which panel an author's words call for.
type careLevel string

const (
	careNone careLevel = ""
	// careConcern is the gentler panel: support if the author wants it.
	careConcern careLevel = "concern"
	// careCrisis is the crisis panel.
	careCrisis careLevel = "crisis"
	// careNow is the crisis panel when the words put danger now.
	careNow careLevel = "now"
)

// careFor is the panel a screening calls for.
func careFor(sc forum.Screening) careLevel {
	switch sc.AtLevel() {
	case forum.LevelCrisis:
		if sc.Immediate {
			return careNow
		}
		return careCrisis
	case forum.LevelConcern:
		return careConcern
	}
	return careNone
}

// crisisPanel builds the panel of level for the request's author (nil for
// careNone): the helplines of the member's saved country (users.country,
// never guessed from the address) or else the instance's default country,
// or a short general list with the
// international directory. It always returns a panel when one is called
// for: when the database cannot answer it falls back on the built-in
// reference list, because help must still be shown.
func (s *Server) crisisPanel(c echo.Context, level careLevel) *CrisisPanelView {
	if level == careNone {
		return nil
	}
	code := s.homeCountry(c)
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
	v := &CrisisPanelView{Directory: helplineViews(dir), Concern: level == careConcern, Now: level == careNow, Cover: s.coverView(c, code),
		Emergency: safety.EmergencyNumber(code)}
	v.EmergencyHref = template.URL(safety.PhoneHref(v.Emergency)) // #nosec G203 -- PhoneHref returns only "tel:" and digits
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

// setCare asks the next page to show the signed-in author the panel of
// level (after a post whose words call for one). The cookie is signed and
// short-lived, and names nothing but the member's id and the level.
func (s *Server) setCare(c echo.Context, level careLevel) {
	p := principal(c)
	if p == nil || level == careNone {
		return
	}
	v := strconv.FormatInt(p.User.ID, 10) + "." + string(level)
	c.SetCookie(&http.Cookie{Name: careCookie, Value: v + "." + s.sign("care", v), Path: "/", MaxAge: 300, // #nosec G124 -- HttpOnly and SameSite=Lax are set; Secure follows HEARTH_BASE_URL (https)
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.cfg.SecureCookies()})
}

// popCare returns the panel level asked for, if any, and clears it.
func (s *Server) popCare(c echo.Context) careLevel {
	ck, err := c.Cookie(careCookie)
	if err != nil || ck.Value == "" {
		return careNone
	}
	c.SetCookie(&http.Cookie{Name: careCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.cfg.SecureCookies()}) // #nosec G124 -- HttpOnly and SameSite=Lax are set; Secure follows HEARTH_BASE_URL (https)
	p := principal(c)
	i := strings.LastIndexByte(ck.Value, '.')
	if p == nil || i < 0 {
		return careNone
	}
	v, sig := ck.Value[:i], ck.Value[i+1:]
	id, level, _ := strings.Cut(v, ".")
	if id != strconv.FormatInt(p.User.ID, 10) || !hmac.Equal([]byte(sig), []byte(s.sign("care", v))) {
		return careNone
	}
	switch careLevel(level) {
	case careConcern, careCrisis, careNow:
		return careLevel(level)
	}
	return careNone
}
