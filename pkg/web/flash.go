package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

const flashCookie = "hearth_flash"

// setFlash stores a one-time message shown on the next page, signed so that
// nobody else can plant text in a member's browser.
func (s *Server) setFlash(c echo.Context, msg string) {
	v := base64.RawURLEncoding.EncodeToString([]byte(msg))
	c.SetCookie(&http.Cookie{ // #nosec G124 -- HttpOnly and SameSite=Lax are set; Secure follows HEARTH_BASE_URL (https)
		Name: flashCookie, Value: v + "." + s.sign("flash", v), Path: "/",
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.cfg.SecureCookies(), MaxAge: 60,
	})
}

// popFlash returns and clears the pending message, if any.
func (s *Server) popFlash(c echo.Context) string {
	ck, err := c.Cookie(flashCookie)
	if err != nil || ck.Value == "" {
		return ""
	}
	c.SetCookie(&http.Cookie{Name: flashCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.cfg.SecureCookies()}) // #nosec G124 -- HttpOnly and SameSite=Lax are set; Secure follows HEARTH_BASE_URL (https)
	v, sig, ok := strings.Cut(ck.Value, ".")
	if !ok || !hmac.Equal([]byte(sig), []byte(s.sign("flash", v))) {
		return ""
	}
	b, err := base64.RawURLEncoding.DecodeString(v)
	if err != nil {
		return ""
	}
	return string(b)
}

// sign returns a MAC of v under the server secret, separated by purpose.
func (s *Server) sign(purpose, v string) string {
	m := hmac.New(sha256.New, s.deps.Secret)
	m.Write([]byte(purpose))
	m.Write([]byte{0})
	m.Write([]byte(v))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// base builds the common part of every view. title is already in the
// request's language (s.tr).
func (s *Server) base(c echo.Context, title string) Base {
	b := Base{
		Title:        title,
		Lang:         s.printer(c).Lang(),
		RequestID:    reqID(c),
		Flash:        s.popFlash(c),
		User:         s.viewUser(c),
		QuickExitURL: s.cfg.QuickExitURL,
		Path:         c.Request().URL.Path,
		Hours:        s.hoursText(c),
	}
	b.Unread, b.UnreadMore = s.unread(c)
	s.modBase(c, &b)
	s.waitingCount(c, &b)
	s.peerBase(c, &b)
	return b
}

// ctxViewUser is where the session middleware leaves the signed-in member.
const ctxViewUser = "view_user"

func (s *Server) viewUser(c echo.Context) *ViewUser {
	u, _ := c.Get(ctxViewUser).(*ViewUser)
	return u
}
