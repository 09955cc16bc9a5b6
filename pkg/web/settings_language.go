package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// LanguageView is the language setting: every language Hearth has, in
// its own name, and "the browser's choice" for none.
type LanguageView struct {
	Base
	Options []Option
	Errors  FormErrors
}

// languageOptions are the choices of the language setting, selected marked.
func (s *Server) languageOptions(c echo.Context, selected string) []Option {
	out := []Option{{Value: "", Label: s.tr(c, "As my browser asks (or the site's default)"), Selected: selected == ""}}
	for _, l := range s.i18n.Languages() {
		out = append(out, Option{Value: l.Code, Label: l.Name, Selected: l.Code == selected})
	}
	return out
}

// settingsLanguagePage shows the language choice.
func (s *Server) settingsLanguagePage(c echo.Context) error {
	return renderPage(c, http.StatusOK, pageSettingsLanguage, LanguageView{Base: s.base(c, s.tr(c, "Language")),
		Options: s.languageOptions(c, principal(c).User.Language), Errors: formErrors(nil, "language")})
}

// settingsLanguage saves the language pages are shown in. The next page
// is already in it: the session is read again on every request.
func (s *Server) settingsLanguage(c echo.Context) error {
	code := postValue(c, "language")
	err := error(&forum.ValidationError{Fields: map[string]string{"language": msg("Please choose a language from the list.")}})
	if code == "" || s.i18n.Supported(code) {
		err = s.deps.Auth.SetLanguage(c.Request().Context(), principal(c), code)
	}
	if err != nil {
		v, _ := asValidation(err)
		if v == nil {
			return err
		}
		return renderPage(c, http.StatusUnprocessableEntity, pageSettingsLanguage, LanguageView{Base: s.base(c, s.tr(c, "Language")),
			Options: s.languageOptions(c, principal(c).User.Language), Errors: formErrors(v, "language")})
	}
	s.setFlash(c, s.i18n.Printer(s.i18n.Negotiate(code, c.Request().Header.Get("Accept-Language"), s.cfg.DefaultLanguage)).T("Saved. Hearth is shown in the language you chose."))
	return c.Redirect(http.StatusSeeOther, "/settings")
}
