package web

import (
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/i18n"
	"hearth/pkg/safety"
)

// seededTags are the names and descriptions Hearth seeds its
// trigger-warning vocabulary with, by slug (safety.DefaultTags).
var seededTags = func() map[string]safety.Tag {
	m := map[string]safety.Tag{}
	for _, t := range safety.DefaultTags() {
		m[t.Slug] = t
	}
	return m
}()

// shownTag is t as a reader of p's language sees it. A name or a
// description still exactly as Hearth seeded it for t's slug is
// translated; one an admin wrote or changed is shown as written, in every
// language, even when it happens to read like a catalogue key.
func shownTag(p *i18n.Printer, t forum.Tag) forum.Tag {
	d, ok := seededTags[t.Slug]
	if !ok {
		return t
	}
	t.Name, t.Description = asSeeded(p, t.Name, d.Name), asSeeded(p, t.Description, d.Description)
	return t
}

// asSeeded is stored in p's language while it is exactly seeded, the
// words Hearth put there, and as written once anyone has changed it.
func asSeeded(p *i18n.Printer, stored, seeded string) string {
	if stored != seeded {
		return stored
	}
	return p.Exact(stored)
}

// shownTags is ts as a reader of p's language sees them, in a new slice
// (ts may be a cached one).
func shownTags(p *i18n.Printer, ts []forum.Tag) []forum.Tag {
	out := make([]forum.Tag, len(ts))
	for i, t := range ts {
		out[i] = shownTag(p, t)
	}
	return out
}

// tagReason is why a tag is suggested, in p's language.
func tagReason(p *i18n.Printer, sg safety.Suggestion) string {
	if sg.Word == "" {
		return p.T(sg.Reason)
	}
	return p.T(`mentions "%[1]s"`, sg.Word)
}

// tagChoices lists the vocabulary as checkboxes with checked ticked.
func tagChoices(vocab []forum.Tag, checked []string) []TagChoice {
	on := map[string]bool{}
	for _, s := range checked {
		on[s] = true
	}
	out := make([]TagChoice, 0, len(vocab))
	for _, t := range vocab {
		out = append(out, TagChoice{Slug: t.Slug, Name: t.Name, Description: t.Description, Checked: on[t.Slug]})
	}
	return out
}

// suggestions proposes tags for a draft with the safety rules; they are
// advice only and never block a post.
func suggestions(p *i18n.Printer, text string, vocab []forum.Tag, checked []string) []TagSuggestion {
	names := map[string]string{}
	for _, t := range vocab {
		names[t.Slug] = t.Name
	}
	on := map[string]bool{}
	for _, s := range checked {
		on[s] = true
	}
	var out []TagSuggestion
	for _, sg := range safety.SuggestTags(text) {
		name, ok := names[sg.Slug]
		if !ok {
			continue
		}
		out = append(out, TagSuggestion{Slug: sg.Slug, Name: name, Reason: tagReason(p, sg), Checked: on[sg.Slug]})
	}
	return out
}

// tagText joins tag names for a summary line.
func tagText(ls []TagLabel) string {
	names := make([]string, 0, len(ls))
	for _, l := range ls {
		names = append(names, l.Name)
	}
	return strings.Join(names, ", ")
}

const ctxVocab = "tag_vocab"

// storedVocab returns the trigger-warning vocabulary as stored, read once
// per request: what the read API gives as data and what feeds translate
// into the instance's language.
func (s *Server) storedVocab(c echo.Context) ([]forum.Tag, error) {
	if ts, ok := c.Get(ctxVocab).([]forum.Tag); ok {
		return ts, nil
	}
	var ts []forum.Tag
	var err error
	if p := principal(c); p != nil {
		ts, err = s.members.Vocabulary(c.Request().Context(), memberKey(p), s.deps.Forum.Tags)
	} else {
		ts, err = s.visitors.vocab.get(c.Request().Context(), s.deps.Forum.Tags)
	}
	if err != nil {
		return nil, err
	}
	c.Set(ctxVocab, ts)
	return ts, nil
}

// vocab returns the trigger-warning vocabulary in the request's language
// (shownTag) and a slug-to-name map, for pages.
func (s *Server) vocab(c echo.Context) ([]forum.Tag, map[string]string, error) {
	return s.vocabIn(c, s.printer(c))
}

// vocabIn is vocab in p's language.
func (s *Server) vocabIn(c echo.Context, p *i18n.Printer) ([]forum.Tag, map[string]string, error) {
	ts, err := s.storedVocab(c)
	if err != nil {
		return nil, nil, err
	}
	if p.Lang() != i18n.Source {
		ts = shownTags(p, ts)
	}
	return ts, tagMap(ts), nil
}

func tagMap(ts []forum.Tag) map[string]string {
	m := make(map[string]string, len(ts))
	for _, t := range ts {
		m[t.Slug] = t.Name
	}
	return m
}

// labels turns a tag set into display labels, in vocabulary order of slugs.
func labels(t forum.Tags, names map[string]string) []TagLabel {
	var out []TagLabel
	for _, slug := range t.Slugs() {
		name := names[slug]
		if name == "" {
			name = slug
		}
		out = append(out, TagLabel{Slug: slug, Name: name})
	}
	return out
}
