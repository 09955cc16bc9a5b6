package web

import (
	"crypto/hmac"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/safety"
)

// Helpers shared by the reading and posting handlers.

const ctxPrefs = "tag_prefs"

// prefs returns the reader's trigger-warning preferences, read once per
// request (visitors have none: every tag warns).
func (s *Server) prefs(c echo.Context) (forum.Prefs, error) {
	if p, ok := c.Get(ctxPrefs).(forum.Prefs); ok {
		return p, nil
	}
	var p forum.Prefs
	var err error
	if pr := principal(c); pr != nil {
		p, err = s.members.Prefs(c.Request().Context(), memberKey(pr), s.deps.Forum.Prefs)
	} else {
		p, err = s.deps.Forum.Prefs(c.Request().Context(), 0)
	}
	if err != nil {
		return nil, err
	}
	c.Set(ctxPrefs, p)
	return p, nil
}

// hiddenTags is what lists leave out for the reader: tags they hide.
func (s *Server) hiddenTags(c echo.Context) ([]string, error) {
	p, err := s.prefs(c)
	if err != nil {
		return nil, err
	}
	return p.Hidden(), nil
}

// idParam parses a positive id from the route; anything else is a 404.
func idParam(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, echo.NewHTTPError(http.StatusNotFound)
	}
	return id, nil
}

// formID parses an optional positive id from a form field: 0 when absent,
// an error when present but not an id.
func formID(v string) (int64, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, true
	}
	id, err := strconv.ParseInt(v, 10, 64)
	return id, err == nil && id > 0
}

// newIdemKey is a fresh idempotency key for a composer.
func newIdemKey() string {
	var b [18]byte
	_, _ = rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// writerFor is the signed-in member as a writer in group groupID.
func writerFor(c echo.Context, groupID int64) forum.Writer {
	a := actor(c)
	return forum.Writer{ID: a.ID, Moderator: auth.CanModerate(a, groupID)}
}

// viewerFor is the reader of a group's content.
func viewerFor(c echo.Context, groupID int64) forum.Viewer {
	a := actor(c)
	if a == nil {
		return forum.Viewer{}
	}
	return forum.Viewer{ID: a.ID, Moderator: auth.CanModerate(a, groupID)}
}

// sanctionText says, gently, why a member cannot post right now.
func sanctionText(err error) string {
	var se *auth.SanctionError
	if errors.As(err, &se) {
		switch {
		case se.Status == auth.StatusBanned:
			return "Your account can no longer post on Hearth. You can still read, and the crisis page is always here if you need it."
		case se.Until.IsZero():
			return "Your account is suspended from posting until a moderator lifts the suspension. You can still read."
		}
		return "Your account is suspended from posting until " + exactTime(se.Until) + ". You can still read, and you can post again after that."
	}
	return "Your account can't post right now."
}

// localBack accepts a return address only when it is a path on this site
// under prefix (no scheme, host or protocol-relative tricks).
func localBack(v, prefix string) string {
	if v == "" || !strings.HasPrefix(v, prefix) || strings.HasPrefix(v, "//") || strings.ContainsAny(v, "\\\r\n") {
		return ""
	}
	u, err := url.Parse(v)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return ""
	}
	return u.Path + queryPart(u)
}

func queryPart(u *url.URL) string {
	if u.RawQuery == "" {
		return ""
	}
	return "?" + u.RawQuery
}

// threadURL is the page of thread id that starts after cursor.
func threadURL(id int64, cursor string) string {
	u := "/t/" + strconv.FormatInt(id, 10)
	if cursor != "" {
		u += "?after=" + url.QueryEscape(cursor)
	}
	return u
}

// postAnchor is the fragment of post id.
func postAnchor(id int64) string { return "#p-" + strconv.FormatInt(id, 10) }

// tagChoices lists the vocabulary as checkboxes with checked ticked.
func tagChoices(vocab []forum.Tag, checked []string) []TagChoice {
	on := map[string]bool{}
	for _, s := range checked {
		on[s] = true
	}
	out := make([]TagChoice, 0, len(vocab))
	for _, t := range vocab {
		out = append(out, TagChoice{Slug: t.Slug, Name: t.Name, Description: t.Description, Checked: on[t.Slug]})
	}
	return out
}

// suggestions proposes tags for a draft with the safety rules; they are
// advice only and never block a post.
func suggestions(text string, vocab []forum.Tag, checked []string) []TagSuggestion {
	names := map[string]string{}
	for _, t := range vocab {
		names[t.Slug] = t.Name
	}
	on := map[string]bool{}
	for _, s := range checked {
		on[s] = true
	}
	var out []TagSuggestion
	for _, sg := range safety.SuggestTags(text) {
		name, ok := names[sg.Slug]
		if !ok {
			continue
		}
		out = append(out, TagSuggestion{Slug: sg.Slug, Name: name, Reason: sg.Reason, Checked: on[sg.Slug]})
	}
	return out
}

// formSummary is the composer's error summary: its messages as the fields
// appear, each linking to its field.
func formSummary(errs map[string]string) ErrorSummary {
	order := []struct{ field, id string }{
		{"parent_id", "parent-error"}, {"title", "title"}, {"body", "body"}, {"trigger_warnings", "trigger-warnings"},
	}
	s := ErrorSummary{Heading: "Your post needs a small change before it can go up"}
	for _, f := range order {
		if m, ok := errs[f.field]; ok {
			s.Items = append(s.Items, SummaryItem{Target: f.id, Message: m})
		}
	}
	return s
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

// tagText joins tag names for a summary line.
func tagText(ls []TagLabel) string {
	names := make([]string, 0, len(ls))
	for _, l := range ls {
		names = append(names, l.Name)
	}
	return strings.Join(names, ", ")
}

const ctxVocab = "tag_vocab"

// vocab returns the trigger-warning vocabulary and a slug-to-name map, read
// once per request.
func (s *Server) vocab(c echo.Context) ([]forum.Tag, map[string]string, error) {
	if ts, ok := c.Get(ctxVocab).([]forum.Tag); ok {
		return ts, tagMap(ts), nil
	}
	var ts []forum.Tag
	var err error
	if p := principal(c); p != nil {
		ts, err = s.members.Vocabulary(c.Request().Context(), memberKey(p), s.deps.Forum.Tags)
	} else {
		ts, err = s.deps.Forum.Tags(c.Request().Context())
	}
	if err != nil {
		return nil, nil, err
	}
	c.Set(ctxVocab, ts)
	return ts, tagMap(ts), nil
}

func tagMap(ts []forum.Tag) map[string]string {
	m := make(map[string]string, len(ts))
	for _, t := range ts {
		m[t.Slug] = t.Name
	}
	return m
}

// formList returns every value of a repeated form field.
func formList(c echo.Context, name string) []string {
	ps, err := c.FormParams()
	if err != nil {
		return nil
	}
	return ps[name]
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func urlQuery(s string) string { return url.QueryEscape(s) }
