package web

import (
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"
)

// Calm outages: while the database cannot be reached (Deps.Unavailable
// says which errors mean that), a page answers 503 with Retry-After and
// a calm explanation instead of a bare 500, and a form sent meanwhile
// comes back holding what the member typed, ready to send again. A post
// sent again is never posted twice: its idempotency key finds the first.

// outageRetry is the Retry-After of an outage answer, in seconds: a
// database restart takes a few seconds, a failover under a minute.
const outageRetry = 10

// outageText is what a member reads while the database is out of reach.
var outageText = msg("Hearth can't reach its storage right now. It's not your fault, and it usually passes within a minute.")

// unavailable reports whether err means the database cannot be reached.
func (s *Server) unavailable(err error) bool {
	return err != nil && s.deps.Unavailable != nil && s.deps.Unavailable(err)
}

// keptWords are the form fields that hold what a member wrote, with the
// label the outage page gives them; any other field (but secrets) is sent
// again unseen.
var keptWords = map[string]string{
	"title": "Title", "body": "Message", "note": "Note", "reason": "Reason", "lead_reason": "Reason",
	"description": "Description", "guidelines": "Guidelines", "instructions": "Instructions",
	"name": "Name", "username": "Pseudonym", "url": "Address",
}

// keptWordsOrder is the order the outage page shows kept fields in.
var keptWordsOrder = []string{"username", "name", "title", "url", "reason", "lead_reason", "description", "body", "note", "guidelines", "instructions"}

// secretField reports whether a field must never be written back into a
// page: passwords and codes are typed again.
func secretField(name string) bool {
	for _, s := range []string{"password", "code", "secret", "token"} {
		if strings.Contains(name, s) {
			return true
		}
	}
	return false
}

// outageForm is the form a POST sent during an outage comes back in: its
// words in labelled boxes, its other fields hidden, nothing secret.
func outageForm(c echo.Context) (OutageForm, bool) {
	form, err := c.FormParams()
	if err != nil || len(form) == 0 {
		return OutageForm{}, false
	}
	f := OutageForm{Action: c.Request().URL.Path}
	for _, name := range keptWordsOrder {
		if v := form.Get(name); v != "" {
			f.Words = append(f.Words, KeptField{Name: name, Label: keptWords[name], Value: v, Long: name == "body" || strings.Contains(v, "\n") || len(v) > 80})
		}
	}
	names := make([]string, 0, len(form))
	for name := range form {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if _, words := keptWords[name]; words || secretField(name) {
			continue
		}
		for _, v := range form[name] {
			f.Hidden = append(f.Hidden, KeptField{Name: name, Value: v})
		}
	}
	return f, len(f.Words) > 0
}

// renderOutage answers a request that failed because the database is out
// of reach: 503 with Retry-After, and for a form with words in it, the
// form again with them.
func (s *Server) renderOutage(c echo.Context) error {
	retryAfter(c, outageRetry)
	v := OutageView{Base: s.base(c, s.tr(c, "Hearth can't reach its storage")), Message: s.tr(c, outageText)}
	if v.User == nil {
		// The session could not be looked up, which is not the same as
		// being signed out: "Log in" here would suggest it was.
		if ck, err := c.Cookie(s.sessionCookieName()); err == nil && ck.Value != "" {
			v.SessionUnread = true
		}
	}
	if c.Request().Method == http.MethodPost {
		if f, ok := outageForm(c); ok {
			v.Form = &f
		}
	}
	return renderPage(c, http.StatusServiceUnavailable, pageOutage, v)
}
