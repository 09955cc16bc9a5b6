package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// modPostReveal is a moderator of the group asking who wrote an anonymous
// post, from the queue or the thread page: the post's moderator page with
// its author, their record and the sanction forms, once the look is in the
// audit log. It answers the POST itself rather than redirecting, so the
// name is shown only in answer to the audited request.
func (s *Server) modPostReveal(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	d, err := s.deps.Moderation.RevealAuthor(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return s.modPostPage(c, d, "", nil, http.StatusOK, true)
}

// hideAuthor takes the author out of an anonymous post's moderator view:
// no name, no link to their record, no sanction forms (whose addresses
// carry their id), until a moderator reveals them.
func hideAuthor(b *ModPostBody, f *ModForms) {
	b.AuthorHidden = true
	b.Post.AuthorID, b.Post.AuthorName, b.Post.AuthorRole, b.Post.AuthorStatus, b.Post.AuthorSiteMod = nil, "", "", "", false
	f.AuthorID, f.CanSanction = 0, false
}

// hideAnonymousAuthors hides the author of each anonymous post among a
// queue's entries: who wrote it is one audited click away (modPostReveal).
func hideAnonymousAuthors(es []ModEntry) {
	for i := range es {
		if e := &es[i]; e.Post.Anonymous {
			hideAuthor(&e.ModPostBody, &e.Forms)
			e.History, e.CheckInURL = nil, ""
		}
	}
}
