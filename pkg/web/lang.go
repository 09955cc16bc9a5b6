package web

import (
	"github.com/labstack/echo/v4"

	"hearth/pkg/i18n"
)

// ctxPrinter is where the language middleware leaves the request's
// printer.
const ctxPrinter = "printer"

// chooseLanguage picks the language of the request (the member's setting,
// then Accept-Language, then HEARTH_DEFAULT_LANGUAGE) and leaves its
// printer in the context. It runs after the session is loaded. A visitor's
// page differs by Accept-Language, which the Vary header tells caches.
func (s *Server) chooseLanguage(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		setting := ""
		if p := principal(c); p != nil {
			setting = p.User.Language
		}
		code := s.i18n.Negotiate(setting, c.Request().Header.Get("Accept-Language"), s.cfg.DefaultLanguage)
		c.Set(ctxPrinter, s.i18n.Printer(code))
		h := c.Response().Header()
		h.Add("Vary", "Accept-Language")
		h.Set("Content-Language", code)
		return next(c)
	}
}

// printer is the request's printer. Before the language middleware has run
// (an error in earlier middleware, such as a session that cannot be read
// during an outage) it follows the browser's languages, since the member's
// own setting is out of reach.
func (s *Server) printer(c echo.Context) *i18n.Printer {
	if p, ok := c.Get(ctxPrinter).(*i18n.Printer); ok {
		return p
	}
	p := s.i18n.Printer(s.i18n.Negotiate("", c.Request().Header.Get("Accept-Language"), s.cfg.DefaultLanguage))
	c.Set(ctxPrinter, p)
	return p
}

// tr translates key, an English sentence, into the request's language,
// formatting args into it (see i18n.Printer.T). Every sentence the web
// layer writes for a member goes through tr or msg, so the catalogue tests
// find it.
func (s *Server) tr(c echo.Context, key string, args ...any) string {
	return s.printer(c).T(key, args...)
}

// msg marks an English sentence kept in a table or a constant to be
// translated where it is shown (with tr, or t in a template), so the
// catalogue tests find it. It returns its argument.
func msg(key string) string { return key }

// languageOf is implemented by every page view (through Base): the
// language its page is rendered in.
type languageOf interface{ language() string }

// language is the code of the view's language.
func (b Base) language() string { return b.Lang }
