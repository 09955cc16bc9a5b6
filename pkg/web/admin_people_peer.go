package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"
)

// adminPeoplePeer makes a member a peer supporter in the groups ticked
// (field peer_groups, repeated; none to stop), with a reason for the
// audit log (peer_reason). Their badge shows beside their name in those
// groups.
func (s *Server) adminPeoplePeer(c echo.Context) error {
	ctx := c.Request().Context()
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	a := actor(c)
	target, err := s.deps.Auth.PersonByID(ctx, a, id)
	if err != nil {
		return err
	}
	var groups []int64
	for _, raw := range postValues(c, "peer_groups") {
		if g, err := strconv.ParseInt(raw, 10, 64); err == nil && g > 0 {
			groups = append(groups, g)
		}
	}
	reason := postValue(c, "peer_reason")
	if err := s.deps.Peer.SetSupporterGroups(ctx, a, id, groups, reason); err != nil {
		verr, _ := asValidation(err)
		if verr == nil {
			return err
		}
		v, err := s.peopleView(c, target.User.Username)
		if err != nil {
			return err
		}
		v.PeerErrors, v.PeerReason = formErrors(verr, "peer_groups", "peer_reason"), keepTyped(reason)
		if v.Found != nil {
			v.Found.PeerGroups = map[int64]bool{}
			for _, g := range groups {
				v.Found.PeerGroups[g] = true
			}
		}
		return renderPage(c, http.StatusUnprocessableEntity, pageAdminPeople, v)
	}
	what := " is no longer a peer supporter."
	if len(groups) > 0 {
		what = " is now a peer supporter in the groups ticked: a badge beside their name there links to what that means."
	}
	s.setFlash(c, target.User.Username+what)
	return c.Redirect(http.StatusSeeOther, "/admin/people?q="+url.QueryEscape(target.User.Username))
}

// peoplePeer adds peer support to the people page: the groups the found
// member supports.
func (s *Server) peoplePeer(c echo.Context, v *PeopleView) error {
	v.PeerErrors = formErrors(nil, "peer_groups", "peer_reason")
	if v.Found == nil {
		return nil
	}
	gs, err := s.deps.Peer.SupporterGroups(c.Request().Context(), v.Found.ID)
	if err != nil {
		return err
	}
	v.Found.PeerGroups = map[int64]bool{}
	for _, g := range gs {
		v.Found.PeerGroups[g] = true
		for _, c := range v.Groups {
			if c.ID == g {
				v.Found.PeerGroupNames = append(v.Found.PeerGroupNames, c.Name)
			}
		}
	}
	return nil
}
