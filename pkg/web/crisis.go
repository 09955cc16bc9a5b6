package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/safety"
)

// crisis is the crisis resources page: helplines for the country the visitor
// picks (a plain GET form), else the member's saved country, else the
// instance's default country, never a guess from the address; then every
// other country's lines.
// It is readable without an account and without JavaScript, and when the
// database cannot answer it still shows the built-in list.
func (s *Server) crisis(c echo.Context) error {
	ctx := c.Request().Context()
	code := strings.ToUpper(strings.TrimSpace(c.QueryParam("country")))
	saved := ""
	if p := principal(c); p != nil {
		saved = p.User.Country
	}
	if !c.QueryParams().Has("country") {
		code = s.homeCountry(c)
	}
	if code != "" && !isCountryParam(code) {
		code = ""
	}
	all, err := s.deps.Helplines.All(ctx)
	if err != nil {
		s.log.ErrorContext(ctx, "crisis page: helplines unavailable, using built-in list", "err", err)
		all = safety.DefaultHelplines()
	}
	v := CrisisView{Base: s.base(c, s.tr(c, "Get help now")), Country: code, SuggestSettings: principal(c) != nil && saved == "",
		Cover: s.coverView(c, code)}
	byCode := map[string]*CountryLines{}
	var order []string
	for _, h := range all {
		if h.CountryCode == safety.DirectoryCode {
			v.Directory = append(v.Directory, helplineView(h))
			continue
		}
		cl, ok := byCode[h.CountryCode]
		if !ok {
			cl = &CountryLines{Code: h.CountryCode, Name: h.Country}
			byCode[h.CountryCode] = cl
			order = append(order, h.CountryCode)
		}
		cl.Lines = append(cl.Lines, helplineView(h))
	}
	for _, ct := range countriesByName(byCode, order) {
		v.Countries = append(v.Countries, CountryOption{Code: ct.Code, Name: ct.Name, Selected: ct.Code == code})
	}
	cl, ok := byCode[code]
	if ok {
		v.CountryName, v.Lines = cl.Name, cl.Lines
		v.Title = s.tr(c, "Get help now: %s", cl.Name)
	}
	v.Unlisted = !ok && code != ""
	for _, ct := range v.Countries {
		if ct.Code != code {
			v.All = append(v.All, *byCode[ct.Code])
		}
	}
	return renderPage(c, http.StatusOK, pageCrisis, v)
}

// countriesByName orders the countries by name for the picker.
func countriesByName(byCode map[string]*CountryLines, order []string) []CountryOption {
	hs := make([]safety.Helpline, 0, len(order))
	for _, code := range order {
		hs = append(hs, safety.Helpline{CountryCode: code, Country: byCode[code].Name})
	}
	var out []CountryOption
	for _, ct := range safety.CountriesOf(hs) {
		out = append(out, CountryOption{Code: ct.Code, Name: ct.Name})
	}
	return out
}

// isCountryParam accepts two ASCII capital letters only.
func isCountryParam(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}
