package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
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
	tags, err := s.deps.Forum.Tags(ctx)
	if err != nil {
		return err
	}
	v := BreaksView{Base: s.base(c, "Take a break"), Form: f, Errors: errs, Groups: groups, Tags: tags, Lengths: breakLengths}
	now := s.deps.Breaks.Now()
	for _, b := range bs {
		v.Active = append(v.Active, BreakRow{
			ID: b.ID, Scope: b.Scope, What: breakWhat(b, groups, tags), EndsAt: b.EndsAt,
			EndRequested: b.EndRequestedAt != nil, CanRequestEnd: b.EndsAt.After(now.Add(forum.CoolingOff)),
			CoolingOffEnds: now.Add(forum.CoolingOff),
		})
	}
	return renderPage(c, status, pageSettingsBreaks, v)
}

// breakWhat names what a break is from, for the member.
func breakWhat(b forum.Break, groups []forum.Group, tags []forum.Tag) string {
	switch b.Scope {
	case forum.BreakSite:
		return "Hearth"
	case forum.BreakPosting:
		return "posting"
	case forum.BreakGroup:
		for _, g := range groups {
			if b.GroupID != nil && g.ID == *b.GroupID {
				return "the " + g.Name + " group"
			}
		}
		return "a group"
	case forum.BreakTag:
		for _, t := range tags {
			if t.Slug == b.Tag {
				return "posts tagged " + t.Name
			}
		}
		return "posts tagged " + b.Tag
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
			errs["group"] = "Please choose the group you'd like a break from."
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
			errs["tag"] = "Please choose the topic you'd like a break from."
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
	s.setFlash(c, "Your break has started. It ends "+exactTime(b.EndsAt)+". Look after yourself.")
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
	s.setFlash(c, "Okay. This break will end "+exactTime(b.EndsAt)+". Waiting a day gives you time to be sure.")
	return c.Redirect(http.StatusSeeOther, "/settings/breaks")
}
