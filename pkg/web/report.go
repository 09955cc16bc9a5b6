package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// reportForm asks a member what is wrong with a post.
func (s *Server) reportForm(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	p, err := s.deps.Moderation.ReportTarget(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageReportNew, s.reportView(c, p, "", "", nil))
}

func (s *Server) reportView(c echo.Context, p moderation.PostRef, reason, note string, errs map[string]string) ReportFormView {
	v := ReportFormView{Base: s.base(c, s.tr(c, "Report a post")), PostID: p.ID, ThreadID: p.ThreadID, ThreadTitle: p.ThreadTitle,
		AuthorName: publicAuthor(s.printer(c), p.AuthorName, p.AuthorID, p.Anonymous, readerID(c)).Name, Reasons: moderation.ReportReasons, Reason: reason, Note: forum.CleanText(note), Errors: errs}
	v.ErrorList = errorList(errs, "reason", "note")
	return v
}

// reportSubmit records a report and shows the thank-you page.
func (s *Server) reportSubmit(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	in := moderation.ReportInput{PostID: id, Reason: c.FormValue("reason"), Note: c.FormValue("note")}
	if err := s.floodCharge(c, auth.FloodReport); err != nil {
		fe, ok := asFlood(err)
		if !ok {
			return err
		}
		p, perr := s.deps.Moderation.ReportTarget(ctx, actor(c), id)
		if perr != nil {
			return perr
		}
		v := s.reportView(c, p, in.Reason, in.Note, nil)
		v.Refusal = floodText(s.printer(c), fe) + " " + s.tr(c, "Your report hasn't been sent yet; what you wrote is still here.")
		retryAfter(c, fe.Seconds())
		return renderPage(c, http.StatusTooManyRequests, pageReportNew, v)
	}
	out, err := s.deps.Moderation.Report(ctx, actor(c), in)
	done := ReportDoneView{PostID: id, ThreadID: out.ThreadID, Wellbeing: out.Wellbeing}
	if v, ok := forum.AsValidation(err); ok {
		p, perr := s.deps.Moderation.ReportTarget(ctx, actor(c), id)
		if perr != nil {
			return perr
		}
		return renderPage(c, http.StatusUnprocessableEntity, pageReportNew, s.reportView(c, p, in.Reason, in.Note, v.Fields))
	}
	switch {
	case errors.Is(err, moderation.ErrRateLimited):
		// Never silent: the member is told it was not sent and what to do.
		done.Base, done.Limited = s.base(c, s.tr(c, "Please wait a little")), true
		return renderPage(c, http.StatusTooManyRequests, pageReportDone, done)
	case errors.Is(err, moderation.ErrDuplicateReport):
		done.Duplicate = true
	case err != nil:
		return err
	}
	done.Repeated = out.Repeated
	q := "?k=report"
	switch {
	case done.Duplicate:
		q = "?k=duplicate"
	case done.Repeated:
		q = "?k=repeated"
	case done.Wellbeing:
		q = "?k=wellbeing"
	}
	return c.Redirect(http.StatusSeeOther, "/p/"+strconv.FormatInt(id, 10)+"/reported"+q)
}

// reportDone is the thank-you page: what happens next.
func (s *Server) reportDone(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	p, err := s.deps.Moderation.ReportTarget(c.Request().Context(), actor(c), id)
	if err != nil && !errors.Is(err, forum.ErrNotFound) {
		return err
	}
	v := ReportDoneView{Base: s.base(c, s.tr(c, "Thank you for telling us")), PostID: id, ThreadID: p.ThreadID}
	switch c.QueryParam("k") {
	case "wellbeing":
		v.Wellbeing = true
	case "duplicate":
		v.Duplicate = true
	case "repeated":
		v.Wellbeing, v.Repeated = true, true
	}
	return renderPage(c, http.StatusOK, pageReportDone, v)
}
