package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// recoveryCodesFile is the name a downloaded set of recovery codes is
// saved under.
const recoveryCodesFile = "hearth-recovery-codes.txt"

// settingsCodesDownload turns the recovery codes a page has just shown
// into a text file to keep. Hearth keeps only the codes' hashes, so the
// page sends the codes back in a POST (never a URL, which browsers, proxies
// and logs keep); only those that are still this member's unused codes
// come back, so the file can hold nothing else. The answer is an
// attachment that nothing may store.
func (s *Server) settingsCodesDownload(c echo.Context) error {
	p := principal(c)
	codes, err := s.deps.Auth.UnusedRecoveryCodesAmong(c.Request().Context(), p.User.ID, postValues(c, "code"))
	if err != nil {
		return err
	}
	if len(codes) == 0 {
		s.setFlash(c, s.tr(c, "Those recovery codes can no longer be saved: they have been replaced or used. Make a fresh set here to save it."))
		return c.Redirect(http.StatusSeeOther, "/settings/recovery-codes")
	}
	var b strings.Builder
	b.WriteString(s.tr(c, "Hearth recovery codes for %s", p.User.Username) + "\n\n")
	for i, code := range codes {
		fmt.Fprintf(&b, "%2d. %s\n", i+1, code)
	}
	b.WriteString("\n" + s.tr(c, "Each code works once. If you forget your password, go to\n%s\nand enter your pseudonym, one of these codes and a new password.", s.absURL(c, "/recover")) + "\n")
	b.WriteString("\n" + s.tr(c, "Keep this file somewhere safe and private. Making a fresh set of codes\n(Settings, Recovery codes) stops these from working.") + "\n")
	h := c.Response().Header()
	h.Set("Content-Disposition", `attachment; filename="`+recoveryCodesFile+`"`)
	h.Set("Cache-Control", "no-store")
	return c.Blob(http.StatusOK, "text/plain; charset=utf-8", []byte(b.String()))
}
