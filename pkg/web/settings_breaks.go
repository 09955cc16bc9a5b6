package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/i18n"
)

// breakLengths are the lengths, in days, the break form offers.
var breakLengths = []int{1, 2, 3, 7, 14, 30}

// settingsBreaks shows the member's current breaks and the form to start one.
func (s *Server) settingsBreaks(c echo.Context) error {
	return s.renderBreaks(c, http.StatusOK, BreakForm{Scope: forum.BreakPosting, Days: "7"}, nil)
}

func (s *Server) renderBreaks(c echo.Context, status int, f BreakForm, errs map[string]string) error {
	ctx := c.Request().Context()
	bs, err := s.deps.Breaks.Active(ctx, principal(c).User.ID)
	if err != nil {
		return err
	}
	groups, err := s.deps.Forum.Groups(ctx)
	if err != nil {
		return err
	}
	groups = shownGroups(s.printer(c), groups)
	tags, err := s.deps.Forum.Tags(ctx)
	if err != nil {
		return err
	}
	tags = shownTags(s.printer(c), tags)
	v := BreaksView{Base: s.base(c, s.tr(c, "Take a break")), Form: f, Errors: errs, Groups: groups, Tags: tags, Lengths: breakLengths}
	now := s.deps.Breaks.Now()
	for _, b := range bs {
		v.Active = append(v.Active, BreakRow{
			ID: b.ID, Scope: b.Scope, What: breakWhat(s.printer(c), b, groups, tags), EndsAt: b.EndsAt,
			EndRequested: b.EndRequestedAt != nil, CanRequestEnd: b.EndsAt.After(now.Add(forum.CoolingOff)),
			CoolingOffEnds: now.Add(forum.CoolingOff),
		})
	}
	return renderPage(c, status, pageSettingsBreaks, v)
}

// breakWhat begins the member's sentence about break b, in p's language:
// "You're taking a break from the Grief group until".
func breakWhat(p *i18n.Printer, b forum.Break, groups []forum.Group, tags []forum.Tag) string {
	switch b.Scope {
	case forum.BreakSite:
		return p.T("You're taking a break from Hearth until")
	case forum.BreakPosting:
		return p.T("You're taking a break from posting until")
	case forum.BreakGroup:
		for _, g := range groups {
			if b.GroupID != nil && g.ID == *b.GroupID {
				return p.T("You're taking a break from the %s group until", g.Name)
			}
		}
		return p.T("You're taking a break from a group until")
	case forum.BreakTag:
		name := b.Tag
		for _, t := range tags {
			if t.Slug == b.Tag {
				name = t.Name
			}
		}
		return p.T("You're taking a break from posts tagged %s until", name)
	}
	return b.Scope
}

// settingsBreakStart starts a break.
func (s *Server) settingsBreakStart(c echo.Context) error {
	ctx := c.Request().Context()
	f := BreakForm{Scope: c.FormValue("scope"), Group: c.FormValue("group"), Tag: c.FormValue("tag"), Days: c.FormValue("days")}
	in := forum.BreakInput{Scope: f.Scope, Tag: f.Tag}
	in.Days, _ = strconv.Atoi(f.Days)
	errs := map[string]string{}
	switch f.Scope {
	case forum.BreakGroup:
		g, err := s.deps.Forum.Group(ctx, f.Group)
		switch {
		case errors.Is(err, forum.ErrNotFound):
			errs["group"] = msg("Please choose the group you'd like a break from.")
		case err != nil:
			return err
		default:
			in.GroupID = g.ID
		}
	case forum.BreakTag:
		tags, err := s.deps.Forum.Tags(ctx)
		if err != nil {
			return err
		}
		known := false
		for _, t := range tags {
			known = known || t.Slug == f.Tag
		}
		if !known {
			errs["tag"] = msg("Please choose the topic you'd like a break from.")
		}
	}
	var b forum.Break
	var err error
	if len(errs) == 0 {
		b, err = s.deps.Breaks.Start(ctx, principal(c).User.ID, in)
		if v, ok := forum.AsValidation(err); ok {
			errs = v.Fields
		} else if err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		return s.renderBreaks(c, http.StatusUnprocessableEntity, f, errs)
	}
	s.setFlash(c, s.tr(c, "Your break has started. It ends %s. Look after yourself.", s.printer(c).Date(b.EndsAt)))
	return c.Redirect(http.StatusSeeOther, "/settings/breaks")
}

// settingsBreakEnd asks for a break to end early: it ends one cooling-off
// day later, never at once.
func (s *Server) settingsBreakEnd(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	b, err := s.deps.Breaks.RequestEnd(c.Request().Context(), principal(c).User.ID, id)
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Okay. This break will end %s. Waiting a day gives you time to be sure.", s.printer(c).Date(b.EndsAt)))
	return c.Redirect(http.StatusSeeOther, "/settings/breaks")
}
