package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestRerenderRestoresPolicyOutput(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(context.Background(), "sqlite:"+filepath.Join(dir, "hearth.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	uid := forumtest.InsertUser(t, db, "renderer", "member")
	th := forumtest.InsertThread(t, db, "grief", uid, "Old HTML", nil, time.Now())
	// HTML rendered under an older, looser policy; and a redacted post whose
	// stored text is not Markdown output and must stay as it is.
	db.W.Exec("UPDATE posts SET body_md = ?, body_html = ? WHERE thread_id = ?", "Some **bold** words", `<p onclick="x()">stale</p>`, th.ID)
	db.W.Exec(`INSERT INTO posts (thread_id, group_id, author_id, body_md, body_html, status, status_reason, created_at, updated_at)
		VALUES (?, ?, ?, 'Redacted by moderators: x', '<p><em>Redacted by moderators: x</em></p>', 'redacted', 'x', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`, th.GroupID, th.GroupID, uid)
	db.W.Exec("UPDATE groups SET guidelines = 'Be *kind*', guidelines_html = 'stale' WHERE slug = 'grief'")
	// A site page saved when its headings were shifted like a post's.
	db.W.Exec(`INSERT INTO site_pages (slug, source, html, updated_at) VALUES ('about', '## Who we are', '<h4>Who we are</h4>', CURRENT_TIMESTAMP)`)
	db.Close()

	lookup := func(k string) (string, bool) {
		if k == "HEARTH_DATA_DIR" {
			return dir, true
		}
		return "", false
	}
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"rerender"}, strings.NewReader(""), &out, &errb, lookup); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "rerender: 1 posts (1 changed") || !strings.Contains(out.String(), "groups (1 changed)") ||
		!strings.Contains(out.String(), "1 edited site pages (1 changed)") {
		t.Fatalf("output %q", out.String())
	}
	db, err = store.Open(context.Background(), "sqlite:"+filepath.Join(dir, "hearth.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var html, redacted, guide, page string
	db.R.Raw("SELECT body_html FROM posts WHERE thread_id = ? AND status = 'visible'", th.ID).Scan(&html)
	db.R.Raw("SELECT body_html FROM posts WHERE status = 'redacted'").Scan(&redacted)
	db.R.Raw("SELECT guidelines_html FROM groups WHERE slug = 'grief'").Scan(&guide)
	db.R.Raw("SELECT html FROM site_pages WHERE slug = 'about'").Scan(&page)
	if html != "<p>Some <strong>bold</strong> words</p>\n" && html != "<p>Some <strong>bold</strong> words</p>" {
		t.Errorf("post html %q", html)
	}
	if redacted != "<p><em>Redacted by moderators: x</em></p>" {
		t.Errorf("redacted post changed: %q", redacted)
	}
	if !strings.Contains(guide, "<em>kind</em>") {
		t.Errorf("guidelines %q", guide)
	}
	if page != "<h2>Who we are</h2>" && page != "<h2>Who we are</h2>\n" {
		t.Errorf("site page html %q, want the heading as h2", page)
	}
}
