package web

import (
	"strings"
	"sync"

	"hearth/pkg/forum"
	"hearth/pkg/i18n"
	"hearth/pkg/markup"
)

// seededGroups are the words Hearth seeds its groups with, by slug
// (forum.DefaultGroups), and seededGroupNames their names.
var seededGroups, seededGroupNames = func() (map[string]forum.DefaultGroup, map[string]bool) {
	m, names := map[string]forum.DefaultGroup{}, map[string]bool{}
	for _, g := range forum.DefaultGroups() {
		m[g.Slug], names[g.Name] = g, true
	}
	return m, names
}()

// shownGroup is g as a reader of p's language sees it. Its name,
// description and guidelines are each translated only while they are
// exactly what Hearth seeded for g's slug; words an admin wrote or changed
// are shown as written in every language. Translated guidelines are
// rendered by the same Markdown renderer as stored ones. A reader of the
// source language reads the seeded words as stored, with no work per page.
func shownGroup(p *i18n.Printer, g forum.Group) forum.Group {
	d, ok := seededGroups[g.Slug]
	if !ok || p.Lang() == i18n.Source {
		return g
	}
	g.Name, g.Description = asSeeded(p, g.Name, d.Name), asSeeded(p, g.Description, d.Description)
	// An admin who saves the form with only the name changed sends the
	// guidelines back with the browser's "\r\n" line endings.
	if strings.ReplaceAll(g.Guidelines, "\r\n", "\n") == d.Guidelines {
		if md := p.Exact(d.Guidelines); md != d.Guidelines {
			if html, ok := seededGuidelinesHTML(md); ok {
				g.Guidelines, g.GuidelinesHTML = md, html
			}
		}
	}
	return g
}

// shownGroups is gs as a reader of p's language sees them, in a new slice
// (gs may be a cached one).
func shownGroups(p *i18n.Printer, gs []forum.Group) []forum.Group {
	out := make([]forum.Group, len(gs))
	for i, g := range gs {
		out[i] = shownGroup(p, g)
	}
	return out
}

// shownGroupName is a group name that comes without its group (a thread's
// or a post's GroupName) as a reader of p's language sees it: translated
// only when it is exactly one of Hearth's seeded names.
func shownGroupName(p *i18n.Printer, name string) string {
	if !seededGroupNames[name] {
		return name
	}
	return p.Exact(name)
}

// translatedGuidelines holds the HTML of the seeded guidelines'
// translations, by their Markdown: a handful of fixed texts per language,
// rendered once.
var translatedGuidelines sync.Map

// seededGuidelinesHTML renders md, a translation of seeded guidelines,
// once; ok is false if it cannot be rendered, and then the stored
// guidelines are shown.
func seededGuidelinesHTML(md string) (string, bool) {
	if h, ok := translatedGuidelines.Load(md); ok {
		return h.(string), true
	}
	html, err := markup.New().Render(md)
	if err != nil {
		return "", false
	}
	translatedGuidelines.Store(md, string(html))
	return string(html), true
}
