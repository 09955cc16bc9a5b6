package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/safety"
)

// otherCountry is saved for "Other / not listed": the crisis page then
// shows the international directory.
const otherCountry = safety.DirectoryCode

// countryOptions are the countries with helplines, by name, then "Other /
// not listed"; selected is marked.
func (s *Server) countryOptions(c echo.Context, selected string) []CountryOption {
	var countries []safety.Country
	if s.deps.Helplines != nil {
		if cs, err := s.deps.Helplines.Countries(c.Request().Context()); err == nil {
			countries = cs
		} else {
			s.log.WarnContext(c.Request().Context(), "country setting: helplines unavailable, using built-in list", "err", err)
		}
	}
	if len(countries) == 0 {
		countries = safety.CountriesOf(safety.DefaultHelplines())
	}
	out := make([]CountryOption, 0, len(countries)+1)
	for _, ct := range countries {
		out = append(out, CountryOption{Code: ct.Code, Name: ct.Name, Selected: ct.Code == selected})
	}
	return append(out, CountryOption{Code: otherCountry, Name: msg("Other / not listed"), Selected: selected == otherCountry})
}

// settingsCountryPage shows the country choice.
func (s *Server) settingsCountryPage(c echo.Context) error {
	return renderPage(c, http.StatusOK, pageSettingsCountry, CountryView{Base: s.base(c, s.tr(c, "Your country")), Options: s.countryOptions(c, principal(c).User.Country), Errors: formErrors(nil, "country")})
}

// settingsCountry saves the country the crisis page uses.
func (s *Server) settingsCountry(c echo.Context) error {
	code := postValue(c, "country")
	ok := code == ""
	for _, o := range s.countryOptions(c, "") {
		ok = ok || o.Code == code
	}
	err := error(&forum.ValidationError{Fields: map[string]string{"country": msg("Please choose a country from the list.")}})
	if ok {
		err = s.deps.Auth.SetCountry(c.Request().Context(), principal(c), code)
	}
	if err != nil {
		v, _ := asValidation(err)
		if v == nil {
			return err
		}
		return renderPage(c, http.StatusUnprocessableEntity, pageSettingsCountry, CountryView{Base: s.base(c, s.tr(c, "Your country")), Options: s.countryOptions(c, principal(c).User.Country), Errors: formErrors(v, "country")})
	}
	s.setFlash(c, s.tr(c, "Saved. The Get help now page will show helplines for your country first."))
	return c.Redirect(http.StatusSeeOther, "/settings")
}
