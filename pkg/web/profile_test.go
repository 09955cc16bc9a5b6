package web_test

import (
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestProfileShowsOnlyWhatAnyoneMaySee(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		forumtest.SignUp(t, c, "Sorrel", goodPassword)
		c.PostForm("/settings/country", url.Values{"country": {"GB"}})
		startThread(t, c, "grief", "A visible thread", "Words anyone may read.")
		startThread(t, c, "depression", "A tagged thread", "Words behind a warning.", "self-harm")
		held := startThread(t, c, "anxiety", "A held thread", "Words waiting for a moderator.")
		removed := startThread(t, c, "grief", "A removed thread", "Words a moderator removed.")
		db.W.Exec("UPDATE threads SET status = 'held' WHERE id = ?", held)
		db.W.Exec("UPDATE posts SET status = 'removed' WHERE thread_id = ?", removed)

		v := forumtest.NewClient(t, a.Web.Handler())
		r := v.Get("/u/Sorrel")
		wantStatus(t, r, http.StatusOK)
		month := time.Now().UTC().Format("January 2006")
		for _, want := range []string{"<h1><bdi>Sorrel</bdi></h1>", "Member since", month, "Words anyone may read.", "A visible thread", "Trigger warnings: Self-harm", "Words behind a warning."} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("profile lacks %q", want)
			}
		}
		if i, j := strings.Index(r.Body, "<details"), strings.Index(r.Body, "Words behind a warning."); i < 0 || j < i {
			t.Error("tagged post is not collapsed behind its warning")
		}
		for _, hidden := range []string{"waiting for a moderator", "A held thread", "a moderator removed", "United Kingdom", "GB", "member</", "active"} {
			if strings.Contains(r.Body, hidden) {
				t.Errorf("profile shows %q", hidden)
			}
		}
		// A reader's trigger-warning choices apply: shown plainly, or left out.
		reader := forumtest.NewClient(t, a.Web.Handler())
		forumtest.SignUp(t, reader, "reader_rd", goodPassword)
		rid := forumtest.UserID(t, db, "reader_rd")
		db.W.Exec("INSERT INTO tag_prefs (user_id, tag_slug, mode, updated_at) VALUES (?, 'self-harm', 'show', ?)", rid, time.Now().UTC())
		if r := reader.Get("/u/Sorrel"); !strings.Contains(r.Body, "Words behind a warning.") || strings.Contains(r.Body, "<details") {
			t.Fatalf("shown tag still collapsed:\n%s", r.Body)
		}
		db.W.Exec("UPDATE tag_prefs SET mode = 'hide' WHERE user_id = ?", rid)
		if r := reader.Get("/u/Sorrel"); strings.Contains(r.Body, "Words behind a warning.") || !strings.Contains(r.Body, "Words anyone may read.") {
			t.Fatalf("hidden tag shown:\n%s", r.Body)
		}
		// A blocked member's posts are not listed for the blocker.
		wantStatus(t, reader.PostForm("/u/Sorrel/block", nil), http.StatusSeeOther)
		if r := reader.Get("/u/Sorrel"); strings.Contains(r.Body, "Words anyone may read.") || !strings.Contains(r.Body, "You&#39;ve blocked <bdi>Sorrel</bdi>, so their posts aren&#39;t listed") {
			t.Fatalf("blocked member's profile:\n%s", r.Body)
		}
		if r := v.Get("/u/SORREL"); r.StatusCode != http.StatusMovedPermanently || r.Header.Get("Location") != "/u/Sorrel" {
			t.Fatalf("other spelling: %d to %q", r.StatusCode, r.Header.Get("Location"))
		}
		for _, name := range []string{"nobody_here", "%00", "%FF", strings.Repeat("a", 5000)} {
			if r := v.Get("/u/" + name); r.StatusCode != http.StatusNotFound {
				t.Errorf("/u/%.20s: %d", name, r.StatusCode)
			}
		}
	})
}
