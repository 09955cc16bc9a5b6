package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// preview answers the composer's live preview (JavaScript only; the Preview
// button does the same without it): the draft rendered as it would be
// posted, tag suggestions, and the crisis panel when the words suggest the
// writer may be in crisis. It returns an HTML fragment and saves nothing.
func (s *Server) preview(c echo.Context) error {
	vocab, _, err := s.vocab(c)
	if err != nil {
		return err
	}
	d := readDraft(c).Draft
	v := PreviewFragment{}
	p, err := s.deps.Forum.Preview(d)
	if ve, ok := forum.AsValidation(err); ok {
		v.Error = ve.Fields["body"]
		return renderPage(c, http.StatusOK, pageComposePreview, v)
	}
	if err != nil {
		return err
	}
	d = forum.CleanDraft(d)
	v.Preview = p.HTML
	v.Suggestions = suggestions(s.printer(c), d.Title+"\n\n"+d.Body, vocab, d.Tags)
	v.CrisisPanel = s.crisisPanel(c, careFor(p.Screening))
	return renderPage(c, http.StatusOK, pageComposePreview, v)
}
