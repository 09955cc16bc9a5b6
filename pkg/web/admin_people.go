package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/i18n"
)

var roleFields = []string{"role", "scope", "reason"}

// adminPeople finds a member by pseudonym and lists the staff, each with
// their role, standing and groups, and the form to change a role.
func (s *Server) adminPeople(c echo.Context) error {
	v, err := s.peopleView(c, strings.TrimSpace(c.QueryParam("q")))
	if err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageAdminPeople, v)
}

func (s *Server) peopleView(c echo.Context, q string) (PeopleView, error) {
	ctx := c.Request().Context()
	a := actor(c)
	v := PeopleView{Base: s.base(c, s.tr(c, "People")), Query: keepTyped(q), Errors: formErrors(nil, roleFields...), LeadErrors: formErrors(nil, "lead", "lead_reason")}
	groups, err := s.deps.Forum.Groups(ctx)
	if err != nil {
		return v, err
	}
	names := map[int64]string{}
	for _, g := range groups {
		names[g.ID] = g.Name
		v.Groups = append(v.Groups, GroupChoice{ID: g.ID, Name: g.Name})
	}
	if q != "" {
		v.Searched = true
		p, err := s.deps.Auth.FindPerson(ctx, a, q)
		switch {
		case err == nil:
			pv := personView(s.printer(c), p, names, a)
			v.Found = &pv
		case !isNotFound(err):
			return v, err
		}
	}
	if err := s.peoplePeer(c, &v); err != nil {
		return v, err
	}
	staff, err := s.deps.Auth.Staff(ctx, a)
	if err != nil {
		return v, err
	}
	for _, p := range staff {
		v.Staff = append(v.Staff, personView(s.printer(c), p, names, a))
	}
	return v, nil
}

func personView(pr *i18n.Printer, p auth.Person, groupNames map[int64]string, a *auth.Actor) PersonView {
	u := p.User
	pv := PersonView{
		ID: u.ID, Name: u.Username, Role: string(u.Role), Status: string(u.Status), StatusUntil: u.StatusUntil,
		StatusReason: u.StatusReason, SiteWide: u.ModeratorSiteWide, Joined: u.CreatedAt, JoinedMonth: pr.MonthYear(u.CreatedAt), GroupIDs: map[int64]bool{},
		Changeable: auth.CanChangeRole(a, u.ID, u.Role), Lead: u.SafeguardingLead,
	}
	for _, g := range p.Groups {
		pv.GroupIDs[g] = true
		if n, ok := groupNames[g]; ok {
			pv.GroupNames = append(pv.GroupNames, n)
		}
	}
	return pv
}

// adminPeopleRole makes a member a moderator (site-wide or of the groups
// ticked) or takes it back. The change is audited and the member's sessions
// end, in one transaction.
func (s *Server) adminPeopleRole(c echo.Context) error {
	ctx := c.Request().Context()
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	a := actor(c)
	target, err := s.deps.Auth.PersonByID(ctx, a, id)
	if err != nil {
		return err
	}
	ch := auth.RoleChange{TargetID: id, Role: auth.Role(postValue(c, "role")), SiteWide: postValue(c, "scope") == "site", Reason: postValue(c, "reason")}
	if ch.Role == auth.RoleModerator && !ch.SiteWide {
		for _, raw := range postValues(c, "groups") {
			g, err := strconv.ParseInt(raw, 10, 64)
			if err != nil || g <= 0 {
				continue
			}
			ch.Groups = append(ch.Groups, g)
		}
	}
	if err := s.deps.Auth.ChangeRole(ctx, a, ch); err != nil {
		verr, _ := asValidation(err)
		if verr == nil {
			return err
		}
		v, err := s.peopleView(c, target.User.Username)
		if err != nil {
			return err
		}
		v.Errors, v.Reason = formErrors(verr, roleFields...), keepTyped(ch.Reason)
		return renderPage(c, http.StatusUnprocessableEntity, pageAdminPeople, v)
	}
	what := "is now a member without moderator powers"
	if ch.Role == auth.RoleModerator {
		what = "is now a moderator"
		if ch.SiteWide {
			what += " for the whole site"
		}
	}
	s.setFlash(c, target.User.Username+" "+what+". They have been signed out so their next login carries the change.")
	return c.Redirect(http.StatusSeeOther, "/admin/people?q="+url.QueryEscape(target.User.Username))
}

func isNotFound(err error) bool { return errors.Is(err, forum.ErrNotFound) }
