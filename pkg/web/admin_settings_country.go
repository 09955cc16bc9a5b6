package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// defaultCountryOptions are the choices of the instance's default country:
// none, then every country with helplines (not "Other / not listed", which
// is a member's answer, not a place to start from).
func (s *Server) defaultCountryOptions(c echo.Context, selected string) []Option {
	out := []Option{{Value: "", Label: msg("None: show a short list of several countries"), Selected: selected == ""}}
	for _, o := range s.countryOptions(c, selected) {
		if o.Code == otherCountry {
			continue
		}
		out = append(out, Option{Value: o.Code, Label: o.Name, Selected: o.Selected})
	}
	return out
}

// adminDefaultCountry saves the country whose helplines come first for
// visitors and members without a country of their own. A choice not in the
// list comes back with its message.
func (s *Server) adminDefaultCountry(c echo.Context) error {
	code := c.FormValue("default_country")
	known := code == ""
	for _, o := range s.defaultCountryOptions(c, "") {
		known = known || o.Value == code
	}
	err := error(&forum.ValidationError{Fields: map[string]string{"default_country": msg("Please choose a country from the list.")}})
	if known {
		err = s.deps.Moderation.SetDefaultCountry(c.Request().Context(), actor(c), code)
	}
	if v, ok := forum.AsValidation(err); ok {
		view, err := s.adminSettingsView(c, "country", v.Fields, "", moderation.TagInput{})
		if err != nil {
			return err
		}
		view.Countries = s.defaultCountryOptions(c, code)
		return renderPage(c, http.StatusUnprocessableEntity, pageAdminSettings, view)
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Default country saved. Visitors and members who haven't chosen a country see its helplines first."))
	return c.Redirect(http.StatusSeeOther, "/admin/settings")
}

// homeCountry is the country whose helplines come first for this request:
// the member's own choice, else the instance's default ("" for neither).
func (s *Server) homeCountry(c echo.Context) string {
	if p := principal(c); p != nil && p.User.Country != "" {
		return p.User.Country
	}
	if s.deps.Moderation == nil {
		return ""
	}
	return s.deps.Moderation.DefaultCountry(c.Request().Context())
}
