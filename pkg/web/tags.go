package web

import (
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/safety"
)

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
func suggestions(text string, vocab []forum.Tag, checked []string) []TagSuggestion {
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
		out = append(out, TagSuggestion{Slug: sg.Slug, Name: name, Reason: sg.Reason, Checked: on[sg.Slug]})
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

// vocab returns the trigger-warning vocabulary and a slug-to-name map, read
// once per request.
func (s *Server) vocab(c echo.Context) ([]forum.Tag, map[string]string, error) {
	if ts, ok := c.Get(ctxVocab).([]forum.Tag); ok {
		return ts, tagMap(ts), nil
	}
	var ts []forum.Tag
	var err error
	if p := principal(c); p != nil {
		ts, err = s.members.Vocabulary(c.Request().Context(), memberKey(p), s.deps.Forum.Tags)
	} else {
		ts, err = s.deps.Forum.Tags(c.Request().Context())
	}
	if err != nil {
		return nil, nil, err
	}
	c.Set(ctxVocab, ts)
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
