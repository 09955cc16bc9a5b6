package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// Replying: GET /t/:id/reply?parent=POSTID (&quote=1) is a reply form that
// works without JavaScript, POST /t/:id/replies posts (or previews) it.

func (s *Server) replyNew(c echo.Context) error {
	h, err := s.visibleThread(c)
	if err != nil {
		return err
	}
	parentID, ok := formID(c.QueryParam("parent"))
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	parent, refused, err := s.replyTo(c, h, parentID)
	if err != nil {
		return err
	}
	if refused != nil {
		return forum.ErrNotFound
	}
	v, err := s.replyComposer(c, h, parent, forum.Draft{})
	if err != nil {
		return err
	}
	if parent != nil && c.QueryParam("quote") != "" && parent.Status == forum.StatusVisible && !folded(c, parent.Post) {
		v.Form.Body = forum.Quote(publicAuthor(s.printer(c), parent.AuthorName, parent.AuthorID, parent.Anonymous, readerID(c)).Name, parent.BodyMD)
	}
	if refusal, err := s.replyRefusal(c, h, parentID, parent, true); err != nil {
		return err
	} else if refusal != "" {
		v.Refusal, v.Form.Refused = refusal, true
		return renderPage(c, http.StatusForbidden, pageCompose, v)
	}
	return renderPage(c, http.StatusOK, pageCompose, v)
}

func (s *Server) replyCreate(c echo.Context) error {
	f := readDraft(c)
	f.Draft.Title = "" // a reply has none
	h, err := s.visibleThread(c)
	if gone(err) {
		return s.goneComposer(c, f.Draft, false)
	}
	if err != nil {
		return err
	}
	ctx, id := c.Request().Context(), h.ID
	parent, refused, err := s.replyTo(c, h, f.ParentID)
	if err != nil {
		return err
	}
	// form builds the composer view (header, vocabulary, parent post) with
	// the member's text. It is needed only when the reply is refused,
	// previewed or fails, never on the success path, so it is built late.
	form := func() (ComposeView, error) {
		shown := parent
		if refused != nil {
			shown = nil
		}
		v, err := s.replyComposer(c, h, shown, f.Draft)
		if err != nil {
			return ComposeView{}, err
		}
		if f.Idem != "" {
			v.Form.Idem = f.Idem
		}
		return v, nil
	}
	// The write reads blocks itself (forum.RuleBlocked); a preview asks here.
	if refusal, err := s.replyRefusal(c, h, f.ParentID, parent, f.Preview); err != nil {
		return err
	} else if refusal != "" {
		v, err := form()
		if err != nil {
			return err
		}
		v.Refusal, v.Form.Refused = refusal, true
		return renderPage(c, http.StatusForbidden, pageCompose, v)
	}
	if refused != nil {
		v, err := form()
		if err != nil {
			return err
		}
		return s.composeFailed(c, &v, refused.FormError())
	}
	if f.Preview {
		v, err := form()
		if err != nil {
			return err
		}
		return s.renderPreview(c, &v, f.Draft)
	}
	err = s.floodCharge(c, auth.FloodReply)
	var res forum.Posted
	if err == nil {
		res, err = s.deps.Forum.Reply(ctx, id, writerFor(c, h.GroupID), f.ParentID, f.Draft, f.Idem)
	}
	if err != nil {
		v, ferr := form()
		if ferr != nil {
			return ferr
		}
		return s.composeFailed(c, &v, err)
	}
	cursor := res.Page
	if !res.Paged {
		if cursor, err = s.deps.Forum.PageOf(ctx, id, res.Post.SortKey); err != nil {
			return err
		}
	}
	if !res.Duplicate {
		s.afterPost(c, res, msg("Your reply is posted."))
	}
	return c.Redirect(http.StatusSeeOther, threadURL(id, cursor)+postAnchor(res.Post.ID))
}

// replyRefusal is why the member may not reply in thread h to parent (the
// post named by parentID, nil for the thread or a post that does not
// exist), or "": the thread's own rules and the member's standing
// (replyGate), then, with blocks, whether the author answered has blocked
// them.
func (s *Server) replyRefusal(c echo.Context, h forum.ThreadHead, parentID int64, parent *forum.PostRow, blocks bool) (string, error) {
	if g := s.replyGate(c, h); !g.ok || !blocks {
		return g.refusal, nil
	}
	author := h.AuthorID
	if parentID > 0 {
		author = nil
		if parent != nil {
			author = parent.AuthorID
		}
	}
	return s.replyBlockRefusal(c, author)
}

// replyComposer is the reply page for thread h answering parent (nil: the
// thread itself).
func (s *Server) replyComposer(c echo.Context, h forum.ThreadHead, parent *forum.PostRow, d forum.Draft) (ComposeView, error) {
	vocab, names, err := s.vocab(c)
	if err != nil {
		return ComposeView{}, err
	}
	d = forum.CleanDraft(d)
	info := threadInfo(h, names)
	v := ComposeView{
		Base:    s.base(c, s.tr(c, "Reply to %s", isolate(shownTitle(s.printer(c), h.Title)))),
		Heading: s.tr(c, "Reply to “%s”", isolate(shownTitle(s.printer(c), h.Title))),
		Thread:  &info,
		Form: ComposeForm{
			Action: "/t/" + itoa(h.ID) + "/replies", Body: d.Body, Tags: tagChoices(vocab, d.Tags),
			Idem: newIdemKey(), Submit: msg("Post reply"), Back: "/t/" + itoa(h.ID),
			OfferAnonymous: h.GroupAllowAnonymous, Anonymous: d.Anonymous,
		},
	}
	if parent != nil {
		prefs, err := s.prefs(c)
		if err != nil {
			return ComposeView{}, err
		}
		pv := s.postView(c, h, *parent, names, prefs, viewerFor(c, h.GroupID), false, nil)
		pv.Indent, pv.ReplyingTo, pv.Mod = 0, "", nil
		pv.CanEdit, pv.CanDelete, pv.CanReact, pv.CanReport = false, false, false, false
		v.Parent = &pv
		v.Form.ParentID = parent.ID
		v.Heading = s.tr(c, "Reply to %s", isolate(pv.AuthorName))
		v.Form.Back = threadURL(h.ID, "") + postAnchor(parent.ID)
	}
	return v, nil
}

// replyTo reads the post a reply names (none for 0, and none for a
// negative id, which names no post) and asks the posting rules whether the
// reader may answer it in thread h. parent is nil when no post is named or
// none exists; refused is the rules' refusal (the post is missing, in
// another thread, or waiting for a moderator), nil when it may be answered.
func (s *Server) replyTo(c echo.Context, h forum.ThreadHead, parentID int64) (parent *forum.PostRow, refused *forum.Refusal, err error) {
	f := h.Facts(forum.ActReply, writerFor(c, h.GroupID))
	f.ParentID = parentID
	if parentID > 0 {
		p, err := s.deps.Forum.Post(c.Request().Context(), parentID)
		switch {
		case err == nil:
			parent, f.Parent = &p, &p.Post
		case !errors.Is(err, forum.ErrNotFound):
			return nil, nil, err
		}
	}
	if r := forum.Decide(f).Refusal; r != nil && r.Rule == forum.RuleParent {
		return parent, r, nil
	}
	return parent, nil, nil
}
