package web

import "github.com/labstack/echo/v4"

// apiGroups lists the groups the home page lists (archived groups are
// left out there and here), in display order.
func (s *Server) apiGroups(c echo.Context) error {
	gs, err := s.deps.Forum.Groups(c.Request().Context())
	if err != nil {
		return err
	}
	out := APIGroupList{Groups: make([]APIGroup, 0, len(gs))}
	for _, g := range gs {
		out.Groups = append(out.Groups, s.apiGroup(c, g))
	}
	return writeAPI(c, out)
}
