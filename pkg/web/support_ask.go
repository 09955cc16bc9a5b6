package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// supportPath is the page of support request id.
func supportPath(id int64) string { return "/support/" + itoa(id) }

// supportAsk is the form asking for one-to-one support in a group: what it
// is about, with trigger warnings, seen only by the group's peer
// supporters and moderators.
func (s *Server) supportAsk(c echo.Context) error {
	v, g, err := s.supportAskView(c, "", nil)
	if err != nil {
		return err
	}
	if b, err := s.groupBreak(c, g.ID); err != nil {
		return err
	} else if b != nil {
		return s.renderBreak(c, b, g.Name)
	}
	return renderPage(c, http.StatusOK, pageSupportAsk, v)
}

// supportAskView builds the form for the group in the URL, with what the
// member typed and ticked.
func (s *Server) supportAskView(c echo.Context, about string, tags []string) (SupportAskView, forum.Group, error) {
	ctx := c.Request().Context()
	g, err := s.deps.Forum.Group(ctx, c.Param("slug"))
	if err != nil || g.Archived {
		return SupportAskView{}, g, forum.ErrNotFound
	}
	g = shownGroup(s.printer(c), g)
	vocab, _, err := s.vocab(c)
	if err != nil {
		return SupportAskView{}, g, err
	}
	v := SupportAskView{Base: s.base(c, s.tr(c, "Ask for one-to-one support in %s", isolate(g.Name))), GroupSlug: g.Slug, GroupName: g.Name,
		About: keepTyped(about), Tags: tagChoices(vocab, tags), Errors: formErrors(nil, "about", "trigger_warnings")}
	open, err := s.deps.Peer.OpenRequest(ctx, principal(c).User.ID)
	if err != nil {
		return v, g, err
	}
	if open != nil {
		v.OpenURL = supportPath(open.ID)
		v.Refusal = s.tr(c, "You already have a request for one-to-one support open. You can ask again once it has ended or you have withdrawn it.")
	}
	return v, g, nil
}

// supportCreate stores the request and shows it to its member.
func (s *Server) supportCreate(c echo.Context) error {
	about := strings.ToValidUTF8(postValue(c, "about"), "\uFFFD")
	tags := postValues(c, "trigger_warnings")
	v, g, err := s.supportAskView(c, about, tags)
	if err != nil {
		return err
	}
	if b, err := s.groupBreak(c, g.ID); err != nil {
		return err
	} else if b != nil {
		return s.renderBreak(c, b, g.Name)
	}
	known := map[string]bool{}
	for _, t := range v.Tags {
		known[t.Slug] = true
	}
	verr := &forum.ValidationError{}
	for _, t := range tags {
		if !known[t] {
			verr.Add("trigger_warnings", msg("Please choose trigger warnings from the list."))
		}
	}
	var id int64
	if err = verr.OrNil(); err == nil {
		id, err = s.deps.Peer.Ask(c.Request().Context(), actor(c), moderation.SupportAsk{GroupID: g.ID, About: about, Tags: tags})
	}
	if errors.Is(err, moderation.ErrOpenRequest) {
		verr = &forum.ValidationError{}
		verr.Add("about", msg("You already have a request open. You can ask again once it has ended or you have withdrawn it."))
		err = verr
	}
	if fe, ok := forum.AsValidation(err); ok {
		v.Errors = formErrors(fe, "about", "trigger_warnings")
		return renderPage(c, http.StatusUnprocessableEntity, pageSupportAsk, v)
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Your request is with the %s peer supporters. You'll find it here, and in your header, when someone accepts it.", g.Name))
	return c.Redirect(http.StatusSeeOther, supportPath(id))
}
