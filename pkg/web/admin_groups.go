package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// groupForm reads the group form into its own struct, never into the model.
func adminGroupForm(c echo.Context) GroupForm {
	return GroupForm{Slug: c.FormValue("slug"), Name: c.FormValue("name"), Description: c.FormValue("description"),
		Guidelines: c.FormValue("guidelines"), Premod: c.FormValue("premod"), PremodFirstN: c.FormValue("premod_first_n"),
		RequireTag: c.FormValue("require_tag") != "", AllowAnonymous: c.FormValue("allow_anonymous") != "no"}
}

func (f GroupForm) input() moderation.GroupInput {
	n, _ := strconv.Atoi(f.PremodFirstN)
	return moderation.GroupInput{Slug: f.Slug, Name: f.Name, Description: f.Description, Guidelines: f.Guidelines,
		Premod: f.Premod, PremodFirstN: n, RequireTag: f.RequireTag, NoAnonymous: !f.AllowAnonymous}
}

// shown is f as a refused form shows it again: unreadable characters
// marked, nothing dropped.
func (f GroupForm) shown() GroupForm {
	f.Name, f.Description, f.Guidelines = forum.CleanText(f.Name), forum.CleanText(f.Description), forum.CleanText(f.Guidelines)
	return f
}

func adminGroupFormOf(g forum.Group) GroupForm {
	f := GroupForm{Slug: g.Slug, Name: g.Name, Description: g.Description, Guidelines: g.Guidelines, Premod: g.Premod, RequireTag: g.RequireTag,
		AllowAnonymous: g.AllowAnonymous}
	if g.PremodFirstN > 0 {
		f.PremodFirstN = strconv.Itoa(g.PremodFirstN)
	}
	return f
}

var adminGroupFields = []string{"slug", "name", "description", "guidelines", "premod", "premod_first_n"}

// adminGroups lists every group and offers the form to create one.
func (s *Server) adminGroups(c echo.Context) error {
	return s.renderAdminGroups(c, GroupForm{Premod: forum.PremodOff, AllowAnonymous: true}, nil, http.StatusOK)
}

func (s *Server) renderAdminGroups(c echo.Context, f GroupForm, errs map[string]string, status int) error {
	gs, err := s.deps.Moderation.AllGroups(c.Request().Context(), actor(c))
	if err != nil {
		return err
	}
	v := AdminGroupsView{Base: s.base(c, s.tr(c, "Groups")), Groups: gs, Form: f, Errors: errs, ErrorList: errorList(errs, adminGroupFields...)}
	return renderPage(c, status, pageAdminGroups, v)
}

// adminGroupCreate creates a group; it is live at /g/SLUG at once.
func (s *Server) adminGroupCreate(c echo.Context) error {
	f := adminGroupForm(c)
	g, err := s.deps.Moderation.CreateGroup(c.Request().Context(), actor(c), f.input())
	if v, ok := forum.AsValidation(err); ok {
		return s.renderAdminGroups(c, f.shown(), v.Fields, http.StatusUnprocessableEntity)
	}
	if err != nil {
		return err
	}
	s.setFlash(c, g.Name+" is ready at /g/"+g.Slug+".")
	return c.Redirect(http.StatusSeeOther, "/admin/groups/"+g.Slug)
}

// adminGroupEdit is a group's settings form.
func (s *Server) adminGroupEdit(c echo.Context) error {
	g, err := s.deps.Moderation.AdminGroup(c.Request().Context(), actor(c), c.Param("slug"))
	if err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageAdminGroupEdit, AdminGroupView{Base: s.base(c, g.Name), Group: g, Form: adminGroupFormOf(g)})
}

// adminGroupUpdate saves a group's settings.
func (s *Server) adminGroupUpdate(c echo.Context) error {
	ctx := c.Request().Context()
	f := adminGroupForm(c)
	f.Slug = c.Param("slug")
	g, err := s.deps.Moderation.UpdateGroup(ctx, actor(c), f.Slug, f.input())
	if v, ok := forum.AsValidation(err); ok {
		return renderPage(c, http.StatusUnprocessableEntity, pageAdminGroupEdit,
			AdminGroupView{Base: s.base(c, g.Name), Group: g, Form: f.shown(), Errors: v.Fields, ErrorList: errorList(v.Fields, adminGroupFields...)})
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Saved the settings of %s.", g.Name))
	return c.Redirect(http.StatusSeeOther, "/admin/groups/"+g.Slug)
}
