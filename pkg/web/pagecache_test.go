package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestVisitorCacheServesRepeatsWithoutQueries shows that the cache is on by
// default: a visitor's second look at a thread, group or home page makes no
// query, and a member's page is never the cached visitor page.
func TestVisitorCacheServesRepeatsWithoutQueries(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		visitor := w.as(0)
		for _, path := range []string{"/", "/g/grief", fmt.Sprintf("/t/%d", w.thread.ID)} {
			if r := visitor.Get(path); r.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %d", path, r.StatusCode)
			}
			counter := forumtest.CountQueries(db)
			r := visitor.Get(path)
			if r.StatusCode != http.StatusOK {
				t.Fatalf("GET %s again: %d", path, r.StatusCode)
			}
			if n := counter.Count(); n != 0 {
				t.Errorf("GET %s from the cache made %d queries, want 0", path, n)
			}
			if !strings.Contains(r.Body, `href="/login"`) {
				t.Errorf("GET %s: cached visitor page lacks the log-in link", path)
			}
			m := w.as(w.members[0]).Get(path)
			if m.StatusCode != http.StatusOK || !strings.Contains(m.Body, "Log out") || strings.Contains(m.Body, `href="/login"`) {
				t.Errorf("GET %s as a member got the visitor page (status %d)", path, m.StatusCode)
			}
		}
	})
}

// TestVisitorCacheNeverOutlivesAChange: every kind of write through this
// instance shows on the visitor's next request, above all a redaction,
// whose original text must leave every public view at once.
func TestVisitorCacheNeverOutlivesAChange(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		visitor := w.as(0)
		page := fmt.Sprintf("/t/%d", w.thread.ID)
		pageHas(t, visitor.Get(page).Body, "The lighthouse keeper hummed quietly")
		pageHas(t, visitor.Get("/g/grief").Body, "Missing my dad tonight")

		// A reply through the handlers.
		r := w.as(w.members[1]).PostForm(fmt.Sprintf("/t/%d/replies", w.thread.ID), formValues("body", "Sending warmth your way this evening", "idem", "cache-test-1"))
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("reply: %d %s", r.StatusCode, snippet(r.Body))
		}
		pageHas(t, visitor.Get(page).Body, "Sending warmth your way this evening")

		// A moderator's redaction.
		wantStatus(t, w.as(w.griefMod).PostForm(fmt.Sprintf("/p/%d/redact", w.reply), formValues("confirm", "yes", "reason", "Shares personal information")), http.StatusSeeOther)
		got := visitor.Get(page).Body
		pageLacks(t, got, "The lighthouse keeper hummed quietly")
		pageHas(t, got, "Redacted by moderators")

		// A write straight to the database (a fixture, an admin tool).
		w.exec("UPDATE threads SET title = ? WHERE id = ?", "Renamed while cached", w.thread.ID)
		pageHas(t, visitor.Get("/g/grief").Body, "Renamed while cached")
		pageHas(t, visitor.Get(page).Body, "Renamed while cached")
	})
}

// TestVisitorCacheSkipsFlashAndErrors: a page carrying a flash message is
// rendered for its reader alone, and a 404 is never kept.
func TestVisitorCacheSkipsFlashAndErrors(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		visitor := w.as(0)
		if r := visitor.Get("/t/999999"); r.StatusCode != http.StatusNotFound {
			t.Fatalf("missing thread: %d", r.StatusCode)
		}
		counter := forumtest.CountQueries(db)
		if r := visitor.Get("/t/999999"); r.StatusCode != http.StatusNotFound {
			t.Fatalf("missing thread again: %d", r.StatusCode)
		}
		if counter.Count() == 0 {
			t.Error("a 404 was answered from the cache")
		}

		// Logging out sets a flash and lands on a page a visitor may have cached.
		member := w.as(w.members[2])
		visitor.Get("/")
		r := member.PostForm("/logout", nil)
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("logout: %d", r.StatusCode)
		}
		home := member.Follow(r)
		if home.StatusCode != http.StatusOK || !strings.Contains(home.Body, `role="status"`) {
			t.Errorf("the page after logging out lost its flash message: %s", snippet(home.Body))
		}
	})
}
