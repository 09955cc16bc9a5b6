package web

import (
	"errors"
	"net/http"
	"sort"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// postID reads the :id of a post or thread route; anything but a positive
// number is a page that does not exist.
func modID(c echo.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, echo.NewHTTPError(http.StatusNotFound)
	}
	return id, nil
}

// reportForm asks a member what is wrong with a post.
func (s *Server) reportForm(c echo.Context) error {
	id, err := modID(c)
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
	v := ReportFormView{Base: s.base(c, "Report a post"), PostID: p.ID, ThreadID: p.ThreadID, ThreadTitle: p.ThreadTitle,
		AuthorName: nameOr(p.AuthorName, p.AuthorID), Reasons: moderation.ReportReasons, Reason: reason, Note: note, Errors: errs}
	v.ErrorList = modErrorList(errs, "reason", "note")
	return v
}

// modErrorList orders field messages for the summary at the top of a form.
func modErrorList(errs map[string]string, order ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range order {
		if m, ok := errs[f]; ok {
			out = append(out, m)
			seen[f] = true
		}
	}
	var rest []string
	for f, m := range errs {
		if !seen[f] {
			rest = append(rest, m)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// reportSubmit records a report and shows the thank-you page.
func (s *Server) reportSubmit(c echo.Context) error {
	id, err := modID(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	in := moderation.ReportInput{PostID: id, Reason: c.FormValue("reason"), Note: c.FormValue("note")}
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
		done.Base, done.Limited = s.base(c, "Please wait a little"), true
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
	id, err := modID(c)
	if err != nil {
		return err
	}
	p, err := s.deps.Moderation.ReportTarget(c.Request().Context(), actor(c), id)
	if err != nil && !errors.Is(err, forum.ErrNotFound) {
		return err
	}
	v := ReportDoneView{Base: s.base(c, "Thank you for telling us"), PostID: id, ThreadID: p.ThreadID}
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
