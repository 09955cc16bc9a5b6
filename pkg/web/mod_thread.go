package web

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/moderation"
)

// threadAction runs one thread action from its route. A refused input
// re-renders the opening post's moderator page with the messages.
func (s *Server) threadAction(form string, do func(ctx context.Context, id int64, c echo.Context, r moderation.Request) (moderation.Outcome, error)) echo.HandlerFunc {
	return func(c echo.Context) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		ctx := c.Request().Context()
		var out moderation.Outcome
		may := func() error { _, err := s.deps.Moderation.OpeningPost(ctx, actor(c), id); return err }
		asked, err := s.askFirst(c, form, "/t/"+c.Param("id"), may)
		if asked {
			return err
		}
		if err == nil {
			out, err = do(ctx, id, c, modRequest(c))
		}
		postID := out.PostID
		if postID == 0 && err != nil {
			p, perr := s.deps.Moderation.OpeningPost(ctx, actor(c), id)
			if perr != nil {
				return perr
			}
			postID = p.ID
		}
		if err == nil && c.FormValue("next") == "" {
			s.setFlash(c, s.outcomeText(c, out))
			return c.Redirect(http.StatusSeeOther, "/t/"+c.Param("id"))
		}
		return s.modFinish(c, out, err, form, postID)
	}
}

func (s *Server) modLock(ctx context.Context, id int64, _ echo.Context, r moderation.Request) (moderation.Outcome, error) {
	return s.deps.Moderation.Lock(ctx, id, r)
}

func (s *Server) modUnlock(ctx context.Context, id int64, _ echo.Context, r moderation.Request) (moderation.Outcome, error) {
	return s.deps.Moderation.Unlock(ctx, id, r)
}

func (s *Server) modPin(ctx context.Context, id int64, _ echo.Context, r moderation.Request) (moderation.Outcome, error) {
	return s.deps.Moderation.Pin(ctx, id, true, r)
}

func (s *Server) modUnpin(ctx context.Context, id int64, _ echo.Context, r moderation.Request) (moderation.Outcome, error) {
	return s.deps.Moderation.Pin(ctx, id, false, r)
}

func (s *Server) modRedactThread(ctx context.Context, id int64, _ echo.Context, r moderation.Request) (moderation.Outcome, error) {
	return s.deps.Moderation.RedactThread(ctx, id, r)
}

func (s *Server) modMove(ctx context.Context, id int64, c echo.Context, r moderation.Request) (moderation.Outcome, error) {
	return s.deps.Moderation.Move(ctx, id, c.FormValue("group"), r)
}

func (s *Server) modThreadTags(ctx context.Context, id int64, c echo.Context, r moderation.Request) (moderation.Outcome, error) {
	if err := c.Request().ParseForm(); err != nil {
		return moderation.Outcome{}, echo.NewHTTPError(http.StatusBadRequest)
	}
	return s.deps.Moderation.SetThreadTags(ctx, id, c.Request().PostForm["trigger_warnings"], modTagsSeen(c), r)
}

// modThread sends a moderator to the page of the thread's opening post,
// where the thread's actions are.
func (s *Server) modThread(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	p, err := s.deps.Moderation.OpeningPost(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, modPostPath(p.ID)+"#thread")
}
