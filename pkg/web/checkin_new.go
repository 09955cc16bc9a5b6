package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/moderation"
	"hearth/pkg/safety"
)

var checkInFields = []string{"group", "body"}

// checkInFrom reads where a check-in is opened from: a queue item, a post
// or a member (with the group chosen), from the query or the form.
func checkInFrom(get func(string) string) moderation.CheckInFrom {
	id := func(name string) int64 {
		n, _ := strconv.ParseInt(get(name), 10, 64)
		return max(n, 0)
	}
	return moderation.CheckInFrom{ItemID: id("item"), PostID: id("post"), MemberID: id("member"), GroupID: id("group")}
}

// checkinNew is the form to open a check-in, its first message written
// from a template (kind, short, with the helplines of the member's
// country) for the moderator to edit before sending.
func (s *Server) checkinNew(c echo.Context) error {
	from := checkInFrom(c.QueryParam)
	d, err := s.checkInDraft(c, from)
	if err != nil {
		return err
	}
	v := s.checkInNewView(c, d, c.QueryParam("template"))
	return renderPage(c, http.StatusOK, pageCheckInNew, v)
}

// checkInDraft prepares the draft, choosing the moderator's first group
// when the check-in comes from a member's page and none is chosen yet.
func (s *Server) checkInDraft(c echo.Context, from moderation.CheckInFrom) (moderation.CheckInDraft, error) {
	ctx := c.Request().Context()
	d, err := s.deps.Moderation.DraftCheckIn(ctx, actor(c), from)
	if err == nil && d.Group.ID == 0 && len(d.Groups) > 0 {
		from.GroupID = d.Groups[0].ID
		d, err = s.deps.Moderation.DraftCheckIn(ctx, actor(c), from)
	}
	return d, err
}

func (s *Server) checkInNewView(c echo.Context, d moderation.CheckInDraft, tmpl string) CheckInNewView {
	v := CheckInNewView{Base: s.base(c, s.tr(c, "Check in with %s", d.Subject.Username)), MemberID: d.Subject.ID, MemberName: d.Subject.Username,
		ItemID: d.From.ItemID, PostID: d.From.PostID, GroupID: d.Group.ID, GroupName: d.Group.Name, Errors: formErrors(nil, checkInFields...)}
	if d.From.ItemID == 0 && d.From.PostID == 0 && len(d.Groups) > 1 {
		for _, g := range d.Groups {
			v.Groups = append(v.Groups, Option{Value: strconv.FormatInt(g.ID, 10), Label: shownGroupName(s.printer(c), g.Name), Selected: g.ID == d.Group.ID, AsIs: true})
		}
	}
	if tmpl == "" {
		tmpl = moderation.DefaultTemplate(d.From)
	}
	for _, t := range moderation.CheckInTemplates {
		v.Templates = append(v.Templates, Option{Value: t.Key, Label: t.Label, Selected: t.Key == tmpl})
	}
	tr := func(key string) string { return s.tr(c, key) }
	v.Body = moderation.FillTemplate(tr, tmpl, d.Subject.Username, d.Group.Name, s.helplineLines(c, d.Subject.Country))
	if d.OpenID != 0 {
		v.OpenURL = moderation.CheckInPath(d.OpenID)
	}
	if d.QuietUntil != nil {
		v.Quiet = s.tr(c, "%s closed a check-in less than a day ago. No other check-in can be sent to them until %s, unless they reopen it.",
			d.Subject.Username, s.printer(c).Date(*d.QuietUntil))
	}
	return v
}

// helplineLines are the helplines of a country as Markdown list items, for
// a check-in's first message; the built-in list when the database cannot
// answer, because help must still be offered.
func (s *Server) helplineLines(c echo.Context, country string) []string {
	var lines, dir []safety.Helpline
	var err error
	if s.deps.Helplines != nil {
		lines, dir, err = s.deps.Helplines.ForCountry(c.Request().Context(), country)
	}
	if s.deps.Helplines == nil || err != nil {
		lines, dir = safety.DefaultsFor(country)
	}
	var out []string
	for _, h := range append(lines, dir...) {
		if len(out) == 3 {
			break
		}
		var how []string
		if h.Phone != "" {
			how = append(how, "call "+h.Phone)
		}
		if h.SMS != "" {
			how = append(how, h.SMS)
		}
		if h.Web != "" && h.Phone == "" {
			how = append(how, h.Web)
		}
		line := "- **" + h.Service + "**"
		if len(how) > 0 {
			line += ": " + strings.Join(how, ", ")
		}
		if h.Hours != "" {
			line += " (" + h.Hours + ")"
		}
		out = append(out, line)
	}
	return out
}

// checkinCreate sends a check-in: the member is told gently and the
// moderator goes to the conversation.
func (s *Server) checkinCreate(c echo.Context) error {
	from := checkInFrom(func(n string) string { return postValue(c, n) })
	body := strings.ToValidUTF8(postValue(c, "body"), "\uFFFD")
	id, err := s.deps.Moderation.SendCheckIn(c.Request().Context(), actor(c), moderation.CheckInInput{From: from, Body: body})
	var open *moderation.OpenCheckInError
	if errors.As(err, &open) {
		s.setFlash(c, s.tr(c, "There is already an open check-in with this member for this group. Please write in it instead."))
		return c.Redirect(http.StatusSeeOther, moderation.CheckInPath(open.ID))
	}
	if verr, _ := asValidation(err); verr != nil {
		d, derr := s.deps.Moderation.DraftCheckIn(c.Request().Context(), actor(c), from)
		if derr != nil {
			return derr
		}
		v := s.checkInNewView(c, d, "")
		v.Body, v.Errors = body, formErrors(verr, checkInFields...)
		return renderPage(c, http.StatusUnprocessableEntity, pageCheckInNew, v)
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Your check-in was sent. Their replies appear here, and at the top of the moderator queue."))
	return c.Redirect(http.StatusSeeOther, moderation.CheckInPath(id))
}
