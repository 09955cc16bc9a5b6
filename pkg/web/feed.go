package web

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/i18n"
)

// Hearth's Atom feeds (feed_site.go, feed_group.go, feed_thread.go) show
// exactly what a signed-out visitor sees (visitor.go). An entry whose thread
// or post carries a trigger warning names the warning before its title and
// leaves out the words, which a feed reader would otherwise show unfolded:
// its summary says why, and its link leads to the folded page.

// atomContentType is the media type of every feed.
const atomContentType = "application/atom+xml; charset=utf-8"

// feedPath is the address of the feed beside the page at path ("/" for the
// site's).
func feedPath(page string) string {
	if page == "/" {
		return "/feed.atom"
	}
	return page + "/feed.atom"
}

// absURL makes path absolute on HEARTH_BASE_URL, or when that is not set
// on the host the request was sent to.
func (s *Server) absURL(c echo.Context, path string) string {
	if u := s.cfg.BaseURL; u != nil {
		return u.Scheme + "://" + u.Host + path
	}
	scheme := "http"
	if c.Request().TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + c.Request().Host + path
}

// feedPrinter writes the feeds' own words (titles, warnings, placeholders)
// in the instance's default language: a feed is fetched by a reader on
// nobody's behalf, and one copy with one ETag serves everyone, so it cannot
// follow each asker's language.
func (s *Server) feedPrinter() *i18n.Printer { return s.i18n.Printer(s.cfg.DefaultLanguage) }

// newFeed starts the feed served at self about the page at page, saying
// which language its words are in.
func (s *Server) newFeed(c echo.Context, page, title, subtitle string) atomFeed {
	c.Response().Header().Set("Content-Language", s.feedPrinter().Lang())
	self := s.absURL(c, feedPath(page))
	return atomFeed{
		ID:       self,
		Title:    atomText{Type: "text", Body: title},
		Subtitle: &atomText{Type: "text", Body: subtitle},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: self},
			{Rel: "alternate", Type: "text/html", Href: s.absURL(c, page)},
		},
		Generator: atomGenerator{Body: "Hearth"},
	}
}

// writeFeed sends f, its updated time the latest of its entries' (or
// fallback for an empty feed), with an ETag.
func writeFeed(c echo.Context, f atomFeed, fallback time.Time) error {
	latest := fallback.UTC()
	for _, e := range f.Entries {
		if t, err := time.Parse(atomTimeFormat, e.Updated); err == nil && t.After(latest) {
			latest = t
		}
	}
	f.Updated = atomTime(latest)
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	if err := xml.NewEncoder(&buf).Encode(f); err != nil {
		return fmt.Errorf("encode feed: %w", err)
	}
	buf.WriteByte('\n')
	return writeTagged(c, http.StatusOK, atomContentType, feedCacheControl, buf.Bytes())
}

// warningPrefix is what comes before a warned entry's title.
func warningPrefix(p *i18n.Printer, ls []TagLabel) string {
	if len(ls) == 0 {
		return ""
	}
	return p.T("[Warning: %s]", tagText(ls)) + " "
}

// warnedSummary stands in for the words of a warned entry.
func warnedSummary(p *i18n.Printer, ls []TagLabel) *atomText {
	return &atomText{Type: "text", Body: p.T("This carries a trigger warning (%s), so its words are not in the feed. Follow the link to read it on Hearth, folded until you open it.", tagText(ls))}
}

// author is an entry's author element.
func (s *Server) feedAuthor(c echo.Context, name string, id *int64, anonymous bool) atomPerson {
	a := publicAuthor(s.feedPrinter(), name, id, anonymous, 0)
	p := atomPerson{Name: a.Name}
	if a.Profile {
		p.URI = s.absURL(c, "/u/"+url.PathEscape(a.Name))
	}
	return p
}

// categories lists an entry's warnings, one category each.
func (s *Server) categories(c echo.Context, ls []TagLabel) []atomCategory {
	out := make([]atomCategory, 0, len(ls))
	for _, l := range ls {
		out = append(out, atomCategory{Term: l.Slug, Label: l.Name, Scheme: s.absURL(c, "/settings/warnings")})
	}
	return out
}

// entryBody fills e's content from a post as a visitor sees it: the
// stored, sanitised HTML of a visible post; the placeholder of a redacted
// one; for a warned post only a summary saying so.
func entryBody(fp *i18n.Printer, e *atomEntry, p forum.Post, warned []TagLabel) {
	v := visitorPost(p)
	switch {
	case !v.Body:
		e.Content = &atomText{Type: "text", Body: fp.T(v.Placeholder)}
	case len(warned) > 0:
		e.Summary = warnedSummary(fp, warned)
	default:
		e.Content = &atomText{Type: "html", Body: p.BodyHTML}
	}
}

// threadEntry is a thread in a feed of new threads: its title, its opening
// post, its author and its warnings (the thread's and, when its words are
// shown, its opening post's).
func (s *Server) threadEntry(c echo.Context, t forum.FeedThread, names map[string]string) atomEntry {
	tags := t.Tags
	op := t.Opening
	if op != nil && (visitorPost(*op).Body || visitorPost(*op).Folded) {
		tags = visitorTags(*op, tags)
	}
	warned := labels(tags, names)
	link := s.absURL(c, "/t/"+itoa(t.ID))
	fp := s.feedPrinter()
	e := atomEntry{
		ID:         link,
		Title:      atomText{Type: "text", Body: warningPrefix(fp, warned) + shownTitle(fp, t.Title)},
		Published:  atomTime(t.CreatedAt),
		Updated:    atomTime(t.CreatedAt),
		Author:     s.feedAuthor(c, t.AuthorName, t.AuthorID, t.Anonymous),
		Links:      []atomLink{{Rel: "alternate", Type: "text/html", Href: link}},
		Categories: s.categories(c, warned),
	}
	switch {
	case op == nil || op.Status == forum.StatusHeld || op.Status == forum.StatusRemoved || op.Status == forum.StatusDeleted:
		// A visitor's page of this thread does not show the opening
		// post's words, nor does its entry; it says nothing about why.
		if len(warned) > 0 {
			e.Summary = warnedSummary(fp, warned)
		}
	default:
		if u := forum.LatestUpdate(*op); u.After(t.CreatedAt) {
			e.Updated = atomTime(u)
		}
		entryBody(fp, &e, *op, warned)
	}
	return e
}

// postEntry is a post in a thread's feed. Its warnings are its own and its
// thread's: a feed reader shows a reply without the thread around it.
func (s *Server) postEntry(c echo.Context, h forum.ThreadHead, p forum.PostRow, names map[string]string) atomEntry {
	tags := h.Tags
	if v := visitorPost(p.Post); v.Body || v.Folded {
		tags = tags.Union(visitorTags(p.Post, ""))
	}
	warned := labels(tags, names)
	author := s.feedAuthor(c, p.AuthorName, p.AuthorID, p.Anonymous)
	fp := s.feedPrinter()
	title := shownTitle(fp, h.Title)
	if p.ParentID != nil {
		title = fp.T("Reply from %s in %s", author.Name, strings.TrimSpace(title))
	}
	link := s.absURL(c, "/p/"+itoa(p.ID))
	e := atomEntry{
		ID:         link,
		Title:      atomText{Type: "text", Body: warningPrefix(fp, warned) + title},
		Published:  atomTime(p.CreatedAt),
		Updated:    atomTime(forum.LatestUpdate(p.Post)),
		Author:     author,
		Links:      []atomLink{{Rel: "alternate", Type: "text/html", Href: link}},
		Categories: s.categories(c, warned),
	}
	entryBody(fp, &e, p.Post, warned)
	return e
}
