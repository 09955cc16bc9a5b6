package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/markup"
)

// editablePost loads post :id with its thread for its author, or refuses
// with 403 (someone else's post, or one a moderator has acted on).
func (s *Server) editablePost(c echo.Context) (forum.PostRow, forum.ThreadHead, error) {
	p, err := s.postParam(c)
	if err != nil {
		return forum.PostRow{}, forum.ThreadHead{}, err
	}
	ctx := c.Request().Context()
	if !auth.CanEditPost(actor(c), authorOf(p.AuthorID)) {
		return forum.PostRow{}, forum.ThreadHead{}, echo.NewHTTPError(http.StatusForbidden, "not the author").SetInternal(forum.ErrForbidden)
	}
	h, err := s.deps.Forum.Thread(ctx, p.ThreadID)
	if err != nil {
		return forum.PostRow{}, forum.ThreadHead{}, err
	}
	if !forum.Editable(p.Status) {
		return p, h, echo.NewHTTPError(http.StatusForbidden, "post is "+p.Status).SetInternal(errPostClosed)
	}
	return p, h, nil
}

// editFacts is what the posting rules look at when w edits post p of
// thread h.
func editFacts(h forum.ThreadHead, p forum.Post, w forum.Writer) forum.Facts {
	f := h.Facts(forum.ActEdit, w)
	f.Post = p
	return f
}

// errPostClosed means the author's own post was removed, redacted or
// deleted, so it takes no more edits.
var errPostClosed = errors.New("post no longer editable")

// editComposer is the edit page of p holding draft d.
func (s *Server) editComposer(c echo.Context, p forum.PostRow, h forum.ThreadHead, d forum.Draft, version int) (ComposeView, error) {
	vocab, names, err := s.vocab(c)
	if err != nil {
		return ComposeView{}, err
	}
	d = forum.CleanDraft(d)
	info := threadInfo(h, names)
	v := ComposeView{
		Base:    s.base(c, s.tr(c, "Edit your post")),
		Heading: s.tr(c, "Edit your post"),
		Intro:   s.tr(c, "Your earlier version is kept for moderators, and the post will show that it was edited."),
		Thread:  &info,
		Form: ComposeForm{
			Action: "/p/" + itoa(p.ID) + "/edit", WithTitle: p.ParentID == nil, Title: d.Title, Body: d.Body,
			Tags: tagChoices(vocab, d.Tags), Version: version, Submit: msg("Save changes"),
			Back: threadURL(h.ID, "") + postAnchor(p.ID),
		},
	}
	if r := forum.Decide(editFacts(h, p.Post, writerFor(c, h.GroupID))).Refusal; r != nil {
		v.Refusal, v.Form.Refused = s.tr(c, r.Message()), true
		if r.Rule == forum.RuleClosed {
			// Removed, redacted or deleted since the edit began (by
			// moderators, or by the author in another window).
			v.Refusal += " " + s.tr(c, changesKept)
		}
	} else if r := s.breakRefusal(c, h.GroupID, h.Tags.Union(p.Tags)); r != "" {
		v.Refusal, v.Form.Refused = r, true
	}
	return v, nil
}

// postEdit shows the edit page of the member's own post.
func (s *Server) postEdit(c echo.Context) error {
	p, h, err := s.editablePost(c)
	if err != nil {
		return err
	}
	d := forum.Draft{Body: p.BodyMD, Tags: p.Tags.Slugs()}
	if p.ParentID == nil {
		d.Title = h.Title
	}
	v, err := s.editComposer(c, p, h, d, p.Version)
	if err != nil {
		return err
	}
	if v.Form.Refused {
		return renderPage(c, http.StatusForbidden, pageCompose, v)
	}
	return renderPage(c, http.StatusOK, pageCompose, v)
}

// changesKept ends the refusal of an edit that was sent: nothing typed is
// lost.
var changesKept = msg("Your changes haven't been saved; they're still here so you can copy and keep them.")

// postUpdate saves an edit (or previews it), keeping the earlier version
// as a revision; a refused or conflicting edit keeps the member's words.
func (s *Server) postUpdate(c echo.Context) error {
	p, h, err := s.editablePost(c)
	if err != nil && !errors.Is(err, errPostClosed) {
		return err
	}
	f := readDraft(c)
	version := f.Version
	v, err := s.editComposer(c, p, h, f.Draft, version)
	if err != nil {
		return err
	}
	if v.Form.Refused {
		return renderPage(c, http.StatusForbidden, pageCompose, v)
	}
	if f.Preview {
		return s.renderPreview(c, &v, f.Draft)
	}
	if err := s.floodCharge(c, auth.FloodEdit); err != nil {
		return s.composeFailed(c, &v, err)
	}
	res, err := s.deps.Forum.Edit(c.Request().Context(), p, writerFor(c, h.GroupID), version, f.Draft)
	if errors.Is(err, forum.ErrConflict) {
		cur, cerr := s.deps.Forum.Post(c.Request().Context(), p.ID)
		if cerr != nil {
			return cerr
		}
		v.Conflict = &ConflictInfo{Body: cur.BodyMD, HTML: markup.Stored(cur.BodyHTML), Version: cur.Version}
		v.Form.Version = cur.Version
		return renderPage(c, http.StatusConflict, pageCompose, v)
	}
	if err != nil {
		return s.composeFailed(c, &v, err)
	}
	cursor, err := s.deps.Forum.PageOf(c.Request().Context(), h.ID, res.Post.SortKey)
	if err != nil {
		return err
	}
	s.afterPost(c, res, msg("Your changes are saved."))
	return c.Redirect(http.StatusSeeOther, threadURL(h.ID, cursor)+postAnchor(p.ID))
}
