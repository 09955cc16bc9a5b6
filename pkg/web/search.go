package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/markup"
)

// search is full-text search over visible posts and thread titles,
// optionally within one group. Snippets are escaped, then the search words
// are marked; tagged results are collapsed behind their tags and hidden
// tags are left out. Search terms never reach the logs.
func (s *Server) search(c echo.Context) error {
	ctx := c.Request().Context()
	q := c.QueryParam("q")
	slug := c.QueryParam("group")
	page := 1
	if p := c.QueryParam("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > forum.SearchMaxPages {
			return echo.NewHTTPError(http.StatusNotFound)
		}
		page = n
	}
	groups, err := s.groupChoices(c)
	if err != nil {
		return err
	}
	v := SearchView{Base: s.base(c, "Search"), Query: forum.CleanText(q), GroupSlug: slug}
	var groupID int64
	for _, g := range shownGroups(s.printer(c), groups) {
		sel := g.Slug == slug
		if sel {
			groupID = g.ID
		}
		v.Groups = append(v.Groups, GroupOption{Slug: g.Slug, Name: g.Name, Selected: sel})
	}
	if slug != "" && groupID == 0 {
		v.GroupSlug = ""
	}
	if forum.SearchTerms(q) == nil {
		return renderPage(c, http.StatusOK, pageSearch, v)
	}
	prefs, err := s.prefs(c)
	if err != nil {
		return err
	}
	_, names, err := s.vocab(c)
	if err != nil {
		return err
	}
	// Topics the reader is on a break from are left out like hidden tags.
	onBreak, err := s.breakHiddenTags(c)
	if err != nil {
		return err
	}
	blocked, err := s.blockedSet(c)
	if err != nil {
		return err
	}
	res, err := s.deps.Forum.Search(ctx, q, groupID, append(prefs.Hidden(), onBreak...), page)
	if err != nil {
		return err
	}
	v.Searched = true
	v.HiddenNote = len(prefs.Hidden()) > 0
	for _, h := range res.Hits {
		tags := h.PostTags.Union(h.ThreadTags)
		r := SearchResultView{URL: "/p/" + itoa(h.PostID), Title: h.Title, Tags: labels(tags, names), Author: publicAuthor(s.printer(c), h.AuthorName, h.AuthorID, h.Anonymous, readerID(c)).Name,
			GroupName: h.GroupName, CreatedAt: h.CreatedAt, IsOpening: h.IsOpening,
			Snippet: markup.Highlight(forum.Snippet(h.BodyMD, res.Terms), res.Terms)}
		if fold, ok := foldFor(c, forum.Post{AuthorID: h.AuthorID, GroupID: h.GroupID, CrisisFolded: h.CrisisFolded, CrisisTopic: h.CrisisTopic}, names); ok {
			tags = foldTags(tags, h.CrisisTopic)
			r.Tags, r.Snippet, r.Fold = labels(tags, names), "", fold
		}
		r.TagNames = tagText(r.Tags)
		r.Collapsed = prefs.Mode(tags) != forum.ModeShow
		r.Blocked = forum.HidesAuthor(blocked, h.AuthorID, h.Anonymous)
		v.Results = append(v.Results, r)
	}
	base := "/search?q=" + url.QueryEscape(q)
	if v.GroupSlug != "" {
		base += "&group=" + url.QueryEscape(v.GroupSlug)
	}
	if res.More {
		v.NextURL = base + "&page=" + strconv.Itoa(page+1)
	}
	if page > 1 {
		v.PrevURL = base + "&page=" + strconv.Itoa(page-1)
	}
	return renderPage(c, http.StatusOK, pageSearch, v)
}

// groupChoices is the list of groups a search can be narrowed to, kept
// for visitors (visitorData).
func (s *Server) groupChoices(c echo.Context) ([]forum.Group, error) {
	if principal(c) != nil {
		return s.deps.Forum.GroupChoices(c.Request().Context())
	}
	return s.visitors.groups.get(c.Request().Context(), s.deps.Forum.GroupChoices)
}
