package web

import (
	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// writerFor is the signed-in member as a writer in group groupID.
func writerFor(c echo.Context, groupID int64) forum.Writer {
	a := actor(c)
	return forum.Writer{ID: a.ID, Moderator: auth.CanModerate(a, groupID), Staff: auth.IsStaff(a)}
}

// viewerFor is the reader of a group's content.
func viewerFor(c echo.Context, groupID int64) forum.Viewer {
	a := actor(c)
	if a == nil {
		return forum.Viewer{}
	}
	return forum.Viewer{ID: a.ID, Moderator: auth.CanModerate(a, groupID)}
}
