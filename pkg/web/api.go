package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/i18n"
)

// The read API (api_groups.go, api_group_threads.go, api_thread.go) answers
// JSON with what a signed-out visitor sees, whoever asks: it never looks at
// a session, so its answers may be cached by anyone for a short while.

// apiContentType is the media type of every API answer.
const apiContentType = "application/json"

// apiPrefix starts every API path; errors under it are answered in JSON.
const apiPrefix = "/api/"

// isAPI reports whether c is a request to the read API.
func isAPI(c echo.Context) bool { return strings.HasPrefix(c.Request().URL.Path, apiPrefix) }

// writeAPI sends v as JSON with an ETag and a short public lifetime.
func writeAPI(c echo.Context, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Post bodies are HTML: keep them readable rather than \u003c-escaped
	// (the answer is application/json with nosniff, never rendered).
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode API answer: %w", err)
	}
	c.Response().Header().Set("Access-Control-Allow-Origin", "*")
	return writeTagged(c, http.StatusOK, apiContentType, apiCacheControl, buf.Bytes())
}

// apiProblem is an API error with its own stable code and message, carried
// as the Message of an *echo.HTTPError so the status is logged as usual.
type apiProblem struct {
	Code, Message string
}

// String is what the logs show.
func (p apiProblem) String() string { return p.Code + ": " + p.Message }

// errBadCursor is the 400 answer to a cursor the API did not hand out.
func errBadCursor(err error) error {
	return echo.NewHTTPError(http.StatusBadRequest, apiProblem{"bad_cursor",
		"The cursor is not one this API handed out. Start again without a cursor."}).SetInternal(err)
}

// apiErrors are the codes and messages of the statuses the API answers
// without a problem of its own.
var apiErrors = map[int]apiProblem{
	http.StatusBadRequest:          {"bad_request", "The request could not be understood."},
	http.StatusNotFound:            {"not_found", "There is nothing public at this address."},
	http.StatusMethodNotAllowed:    {"method_not_allowed", "The read API answers GET and HEAD only."},
	http.StatusTooManyRequests:     {"rate_limited", "Too many requests from this client. Wait for the number of seconds in Retry-After, then try again."},
	http.StatusInternalServerError: {"internal", "Something went wrong on our side. If it keeps happening, report it with the X-Request-Id of this answer."},
}

// apiError answers an API request that failed with status code, in the
// API's one error shape. handleError calls it after logging.
func apiError(c echo.Context, code int, err error) {
	p, ok := apiErrors[code]
	if !ok {
		p = apiErrors[http.StatusInternalServerError]
		if code < 500 {
			p = apiErrors[http.StatusBadRequest]
		}
	}
	var he *echo.HTTPError
	if errors.As(err, &he) {
		if own, ok := he.Message.(apiProblem); ok {
			p = own
		}
	}
	h := c.Response().Header()
	h.Set("Cache-Control", "no-store")
	h.Set("Access-Control-Allow-Origin", "*")
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(code)
		return
	}
	_ = c.JSON(code, APIError{Error: APIErrorBody(p)})
}

// apiGroup is a group as the API shows it.
func (s *Server) apiGroup(c echo.Context, g forum.Group) APIGroup {
	page := "/g/" + url.PathEscape(g.Slug)
	out := APIGroup{Slug: g.Slug, Name: g.Name, Description: g.Description, Archived: g.Archived,
		ThreadCount: g.ThreadCount, PostCount: g.PostCount,
		URL: s.absURL(c, page), FeedURL: s.absURL(c, feedPath(page)),
		ThreadsURL: s.absURL(c, "/api/v1/groups/"+url.PathEscape(g.Slug)+"/threads")}
	if g.LastActivityAt != nil {
		at := g.LastActivityAt.UTC()
		out.LastActivityAt = &at
	}
	return out
}

// apiThread is a thread as the API shows it.
func (s *Server) apiThread(c echo.Context, t forum.Thread, g APIGroupRef, authorName string, names map[string]string) APIThread {
	page := "/t/" + itoa(t.ID)
	return APIThread{ID: t.ID, Title: t.Title, Status: t.Status, Group: g,
		Author: s.apiAuthor(c, authorName, t.AuthorID, t.Anonymous), TriggerWarnings: apiTags(labels(t.Tags, names)),
		Pinned: t.Pinned, Locked: t.Locked, ReplyCount: t.ReplyCount,
		CreatedAt: t.CreatedAt.UTC(), LastPostAt: t.LastPostAt.UTC(),
		URL: s.absURL(c, page), APIURL: s.absURL(c, "/api/v1/threads/"+itoa(t.ID)), FeedURL: s.absURL(c, feedPath(page))}
}

// apiPost is a post as a visitor sees it: a visible post's words (HTML as
// stored, and its Markdown source) and warnings; for any other, the
// placeholder a visitor's page shows instead.
func (s *Server) apiPost(c echo.Context, h forum.ThreadHead, p forum.PostRow, names map[string]string) APIPost {
	out := APIPost{ID: p.ID, ParentID: p.ParentID, Depth: p.Depth, Status: p.Status,
		Author: s.apiAuthor(c, p.AuthorName, p.AuthorID, p.Anonymous), CreatedAt: p.CreatedAt.UTC(),
		TriggerWarnings: []APITag{}, URL: s.absURL(c, "/p/"+itoa(p.ID))}
	if p.EditedAt != nil {
		at := p.EditedAt.UTC()
		out.EditedAt = &at
	}
	v := visitorPost(p.Post)
	if !v.Body {
		out.Placeholder = &v.Placeholder
		if v.Folded {
			out.Folded = true
			out.TriggerWarnings = apiTags(labels(visitorTags(p.Post, h.Tags), names))
		}
		return out
	}
	html, md := p.BodyHTML, p.BodyMD
	out.BodyHTML, out.BodyMarkdown = &html, &md
	out.TriggerWarnings = apiTags(labels(visitorTags(p.Post, h.Tags), names))
	return out
}

// apiAuthor names an author through publicAuthor.
func (s *Server) apiAuthor(c echo.Context, name string, id *int64, anonymous bool) APIAuthor {
	a := publicAuthor(s.i18n.Printer(i18n.Source), name, id, anonymous, 0)
	out := APIAuthor{Name: a.Name, Anonymous: a.Anonymous}
	if a.Profile {
		u := s.absURL(c, "/u/"+url.PathEscape(a.Name))
		out.URL = &u
	}
	return out
}

// apiTags turns tag labels into the API's list (never null).
// apiTagNames names the vocabulary's tags as stored, whoever asks: the
// API's answers are data and the same for every client (docs/api.md), so
// a name is the admin's, or Hearth's English default, never translated.
// Clients key on the slug.
func (s *Server) apiTagNames(c echo.Context) (map[string]string, error) {
	ts, err := s.storedVocab(c)
	if err != nil {
		return nil, err
	}
	return tagMap(ts), nil
}

func apiTags(ls []TagLabel) []APITag {
	out := make([]APITag, 0, len(ls))
	for _, l := range ls {
		out = append(out, APITag(l))
	}
	return out
}

// nextCursor is a page's next cursor, null on the last page.
func nextCursor(next string) *string {
	if next == "" {
		return nil
	}
	return &next
}
