package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

const crisisWords = "I have the pills saved up and tonight is the night. I can't do this anymore."

const panelHeading = "It sounds like you&#39;re going through a lot right now"

func TestCrisisPanelOnPreviewBeforePosting(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "gale", "member")
		before := countRows(t, db, "posts", "")
		r := m.c.PostForm("/g/anxiety/threads", url.Values{"title": {"Tonight"}, "body": {crisisWords}, "preview": {"1"}, "idem": {freshIdem()}})
		if r.StatusCode != http.StatusOK {
			t.Fatalf("preview: %d", r.StatusCode)
		}
		pageHas(t, r.Body, panelHeading, `class="prose preview-body"`, "I have the pills saved up")
		r = m.c.PostForm("/preview", url.Values{"body": {crisisWords}})
		if r.StatusCode != http.StatusOK || strings.Contains(r.Body, "<html") {
			t.Fatalf("live preview: %d", r.StatusCode)
		}
		pageHas(t, r.Body, panelHeading)
		if countRows(t, db, "posts", "") != before {
			t.Fatal("preview created a post")
		}
	})
}

func TestPreviewWithoutJavaScript(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "heath", "member")
		tid := m.startThread("grief", "Preview me", "Opening.")
		before := countRows(t, db, "posts", "")
		r := m.c.PostForm("/t/"+idStr(tid)+"/replies", url.Values{"body": {"Some **bold** words <script>alert(1)</script>"}, "preview": {"1"}, "idem": {"preview-key-12345"}})
		if r.StatusCode != http.StatusOK {
			t.Fatalf("reply preview: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "<h2 class=\"preview-heading\">Preview</h2>", "<strong>bold</strong>", `name="idem" value="preview-key-12345"`)
		pageLacks(t, r.Body, "<script>alert(1)</script>")
		// Live preview returns a fragment, not a page.
		r = m.c.PostForm("/preview", url.Values{"body": {"_quiet_ words"}})
		if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "<em>quiet</em>") || strings.Contains(r.Body, "<html") {
			t.Fatalf("live preview: %d\n%s", r.StatusCode, r.Body)
		}
		r = m.c.PostForm("/preview", url.Values{"body": {strings.Repeat(">", 60) + " deep"}})
		pageHas(t, r.Body, "nested too deeply")
		if countRows(t, db, "posts", "") != before {
			t.Fatal("preview created a post")
		}
		// Visitors cannot use the preview endpoint.
		v := forumtest.NewClient(t, a.Web.Handler())
		if r := v.PostForm("/preview", url.Values{"body": {"x"}}); r.StatusCode != http.StatusForbidden {
			t.Fatalf("visitor preview: %d", r.StatusCode)
		}
	})
}
