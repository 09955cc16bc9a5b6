package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// Replying: GET /t/:id/reply?parent=POSTID (&quote=1) is a reply form that
// works without JavaScript, POST /t/:id/replies posts (or previews) it.

func (s *Server) replyNew(c echo.Context) error {
	h, err := s.visibleThread(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	parentID, ok := formID(c.QueryParam("parent"))
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	v, err := s.replyComposer(c, h, parentID, forum.Draft{})
	if err != nil {
		return err
	}
	if parentID > 0 && v.Parent == nil {
		return forum.ErrNotFound
	}
	if v.Parent != nil && c.QueryParam("quote") != "" && v.Form.Body == "" {
		p, err := s.deps.Forum.Post(ctx, parentID)
		if err != nil {
			return err
		}
		if p.Status == forum.StatusVisible {
			v.Form.Body = forum.Quote(nameOr(p.AuthorName, p.AuthorID), p.BodyMD)
		}
	}
	if ok, refusal := s.replyState(c, h); !ok {
		v.Refusal, v.Form.Refused = refusal, true
		return c.Render(http.StatusForbidden, "compose/form", v)
	}
	if refusal, err := s.replyBlockRefusal(c, h, parentID); err != nil {
		return err
	} else if refusal != "" {
		v.Refusal, v.Form.Refused = refusal, true
		return c.Render(http.StatusForbidden, "compose/form", v)
	}
	return c.Render(http.StatusOK, "compose/form", v)
}

func (s *Server) replyCreate(c echo.Context) error {
	d := forum.Draft{Body: c.FormValue("body"), Tags: formList(c, "trigger_warnings")}
	h, err := s.visibleThread(c)
	if gone(err) {
		return s.goneComposer(c, d, false)
	}
	if err != nil {
		return err
	}
	ctx, id := c.Request().Context(), h.ID
	parentID, okParent := formID(c.FormValue("parent_id"))
	// form builds the composer view (header, vocabulary, parent post) with
	// the member's text. It is needed only when the reply is refused,
	// previewed or fails, never on the success path, so it is built late.
	form := func() (ComposeView, error) {
		v, err := s.replyComposer(c, h, parentID, d)
		if err != nil {
			return ComposeView{}, err
		}
		if idem := forum.CleanIdemKey(c.FormValue("idem")); idem != "" {
			v.Form.Idem = idem
		}
		return v, nil
	}
	refuse := func(refusal string) error {
		v, err := form()
		if err != nil {
			return err
		}
		v.Refusal, v.Form.Refused = refusal, true
		return c.Render(http.StatusForbidden, "compose/form", v)
	}
	if ok, refusal := s.replyState(c, h); !ok {
		return refuse(refusal)
	}
	if refusal, err := s.replyBlockRefusal(c, h, parentID); err != nil {
		return err
	} else if refusal != "" {
		return refuse(refusal)
	}
	parentOK := okParent
	if okParent && parentID != 0 {
		_, ok, err := s.replyParent(c, h, parentID)
		if err != nil {
			return err
		}
		parentOK = ok
	}
	if !parentOK {
		v, err := form()
		if err != nil {
			return err
		}
		v.Form.ParentID = 0
		v.Form.Errors = map[string]string{"parent_id": "The post you are replying to isn't part of this thread. Your reply has not been posted; your text is still here."}
		v.Form.Summary = formSummary(v.Form.Errors)
		return c.Render(http.StatusUnprocessableEntity, "compose/form", v)
	}
	if c.FormValue("preview") != "" {
		v, err := form()
		if err != nil {
			return err
		}
		return s.renderPreview(c, &v, d)
	}
	res, err := s.deps.Forum.Reply(ctx, id, writerFor(c, h.GroupID), parentID, d, c.FormValue("idem"))
	if err != nil {
		v, ferr := form()
		if ferr != nil {
			return ferr
		}
		return s.composeFailed(c, &v, err)
	}
	cursor, err := s.deps.Forum.PageOf(ctx, id, res.Post.SortKey)
	if err != nil {
		return err
	}
	if !res.Duplicate {
		s.afterPost(c, res, "Your reply is posted.")
	}
	return c.Redirect(http.StatusSeeOther, threadURL(id, cursor)+postAnchor(res.Post.ID))
}

// replyComposer is the reply page for thread h answering parentID (0 for
// the opening post). A parent outside the thread is left out (Parent nil),
// so the caller can refuse it.
func (s *Server) replyComposer(c echo.Context, h forum.ThreadHead, parentID int64, d forum.Draft) (ComposeView, error) {
	vocab, names, err := s.vocab(c)
	if err != nil {
		return ComposeView{}, err
	}
	d = forum.CleanDraft(d)
	info := threadInfo(h, names)
	v := ComposeView{
		Base:    s.base(c, "Reply to "+h.Title),
		Heading: "Reply to “" + h.Title + "”",
		Thread:  &info,
		Form: ComposeForm{
			Action: "/t/" + itoa(h.ID) + "/replies", Body: d.Body, Tags: tagChoices(vocab, d.Tags),
			Idem: newIdemKey(), Submit: "Post reply", Back: "/t/" + itoa(h.ID),
		},
	}
	if parentID > 0 {
		p, ok, err := s.replyParent(c, h, parentID)
		if err != nil {
			return ComposeView{}, err
		}
		if ok {
			prefs, err := s.prefs(c)
			if err != nil {
				return ComposeView{}, err
			}
			pv := s.postView(c, h, p, names, prefs, viewerFor(c, h.GroupID), false, nil)
			pv.Indent, pv.ReplyingTo, pv.Mod = 0, "", nil
			pv.CanEdit, pv.CanDelete, pv.CanReact, pv.CanReport = false, false, false, false
			v.Parent = &pv
			v.Form.ParentID = p.ID
			v.Heading = "Reply to " + pv.AuthorName
			v.Form.Back = threadURL(h.ID, "") + postAnchor(p.ID)
		}
	}
	return v, nil
}

// replyParent is post parentID when the reader may reply to it in thread h:
// it belongs to h and is not held, unless the reader moderates the group or
// wrote it. Otherwise ok is false (the caller refuses the reply).
func (s *Server) replyParent(c echo.Context, h forum.ThreadHead, parentID int64) (p forum.PostRow, ok bool, err error) {
	p, err = s.deps.Forum.Post(c.Request().Context(), parentID)
	switch {
	case errors.Is(err, forum.ErrNotFound):
		return forum.PostRow{}, false, nil
	case err != nil:
		return forum.PostRow{}, false, err
	}
	ok = p.ThreadID == h.ID && (p.Status != forum.StatusHeld || viewerFor(c, h.GroupID).Moderator || authorOf(p.AuthorID) == actor(c).ID)
	return p, ok, nil
}
