package web_test

import (
	"hearth/pkg/forumtest"
	"hearth/pkg/safety"
	"hearth/pkg/store"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestNewThreadBadInputKeepsText(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "hazel", "member")
		good := "A message that matters to me."
		cases := []struct {
			name        string
			title, body string
			tags        []string
			field, msg  string
		}{
			{"empty title", "", good, nil, "title", "Please give your thread a title."},
			{"whitespace title", " \t\u00a0 ", good, nil, "title", "Please give your thread a title."},
			{"short title", "Hi", good, nil, "title", "at least 3 characters"},
			{"long title", strings.Repeat("t", 151), good, nil, "title", "at most 150 characters"},
			{"empty body", "A fine title", "", nil, "body", "Please write a message."},
			{"whitespace body", "A fine title", " \n\t ", nil, "body", "Please write a message."},
			{"zero-width body", "A fine title", "\u200b\u200c\u200d\ufeff", nil, "body", "Please write a message."},
			{"body one over", "A fine title", strings.Repeat("é", 20001), nil, "body", "the limit is 20,000"},
			{"unknown tag", "A fine title", good, []string{"self-harm", "made-up"}, "trigger_warnings", "isn&#39;t one of Hearth&#39;s trigger-warning tags"},
			{"too nested", "A fine title", strings.Repeat(">", 60) + " deep", nil, "body", "nested too deeply"},
		}
		before := countRows(t, db, "posts", "")
		for _, tc := range cases {
			r := m.c.PostForm("/g/grief/threads", url.Values{"title": {tc.title}, "body": {tc.body}, "trigger_warnings": tc.tags, "idem": {freshIdem()}})
			if r.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("%s: status %d", tc.name, r.StatusCode)
				continue
			}
			if !strings.Contains(r.Body, tc.msg) {
				t.Errorf("%s: message %q missing", tc.name, tc.msg)
			}
			if !strings.Contains(r.Body, `class="error-summary"`) || !strings.Contains(r.Body, `aria-invalid="true"`) && tc.field != "trigger_warnings" {
				t.Errorf("%s: no error summary or aria-invalid", tc.name)
			}
			if tc.body != "" && strings.TrimSpace(tc.body) != "" && !strings.Contains(html.UnescapeString(r.Body), tc.body) {
				t.Errorf("%s: the message text is not kept", tc.name)
			}
			if strings.TrimSpace(tc.title) != "" && !strings.Contains(html.UnescapeString(r.Body), tc.title) {
				t.Errorf("%s: the title is not kept", tc.name)
			}
			for _, tag := range tc.tags {
				if tag == "self-harm" && !strings.Contains(r.Body, `value="self-harm" id="tw-self-harm" checked`) {
					t.Errorf("%s: ticked tag not kept", tc.name)
				}
			}
		}
		if after := countRows(t, db, "posts", ""); after != before {
			t.Fatalf("failed submissions created %d posts", after-before)
		}
	})
}

func TestArchivedGroupAndRequiredTag(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "poppy", "member")
		db.W.Exec("UPDATE groups SET archived = ? WHERE slug = ?", true, "ptsd")
		if r := m.c.Get("/g/ptsd/new"); r.StatusCode != http.StatusForbidden || !strings.Contains(r.Body, "archived") {
			t.Fatalf("archived new: %d", r.StatusCode)
		}
		r := m.c.PostForm("/g/ptsd/threads", url.Values{"title": {"Still here"}, "body": {"Keep me."}, "idem": {freshIdem()}})
		if r.StatusCode != http.StatusForbidden || !strings.Contains(r.Body, "Keep me.") {
			t.Fatalf("archived post: %d", r.StatusCode)
		}
		db.W.Exec("UPDATE groups SET require_tag = ? WHERE slug = ?", true, "grief")
		r = m.c.PostForm("/g/grief/threads", url.Values{"title": {"Untagged"}, "body": {"Words."}, "idem": {freshIdem()}})
		if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "at least one trigger-warning tag") {
			t.Fatalf("required tag: %d", r.StatusCode)
		}
		m.startThread("grief", "Tagged", "Words.", "death-loss")
	})
}

// TestSeededTagVocabulary: a new forum's vocabulary is safety.DefaultTags,
// slugs, names and descriptions, in order: the web layer recognises
// Hearth's own words by them to translate them (shownTag).
func TestSeededTagVocabulary(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "iris", "member")
		r := m.c.Get("/g/grief/new")
		got := regexp.MustCompile(`<label title="([^"]*)"><input type="checkbox" name="trigger_warnings" value="([a-z-]+)" id="[a-z-]+"> ([^<]*)</label>`).FindAllStringSubmatch(r.Body, -1)
		want := safety.DefaultTags()
		if len(got) != len(want) {
			t.Fatalf("composer offers %d tags, want %d", len(got), len(want))
		}
		for i, tag := range want {
			if g := (safety.Tag{Slug: got[i][2], Name: html.UnescapeString(got[i][3]), Description: html.UnescapeString(got[i][1])}); g != tag {
				t.Errorf("tag %d is %+v, want %+v", i, g, tag)
			}
		}
	})
}
