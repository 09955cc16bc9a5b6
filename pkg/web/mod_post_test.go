package web_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"hearth/migrations"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

func TestRemoveAndRestorePost(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		item := w.item(moderation.KindReport, w.reply, 30, "")
		mod := w.as(w.griefMod)

		// No reason: refused with the message next to the field, nothing changes.
		r := mod.PostForm(fmt.Sprintf("/p/%d/remove", w.reply), formValues("item", idStr(item), "reason_detail", ""))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please give a reason", `aria-invalid="true"`)
		if w.post(w.reply).Status != "visible" || len(w.audits(moderation.ActionRemove)) != 0 {
			t.Fatal("a refused remove changed something")
		}

		r = mod.PostForm(fmt.Sprintf("/p/%d/remove", w.reply), formValues("item", idStr(item), "reason", "Harassment or bullying", "reason_detail", "name-calling", "next", "/mod"))
		wantRedirect(t, r, "/mod")
		pageHas(t, mod.Follow(r).Body, "Post removed.")
		p := w.post(w.reply)
		if p.Status != "removed" || p.StatusReason != "Harassment or bullying: name-calling" {
			t.Fatalf("post %s %q", p.Status, p.StatusReason)
		}
		es := w.audits(moderation.ActionRemove)
		if len(es) != 1 || *es[0].ActorID != w.griefMod || *es[0].TargetID != w.reply || *es[0].GroupID != w.thread.GroupID ||
			*es[0].SubjectID != w.author || es[0].Reason != "Harassment or bullying: name-calling" || !es[0].Public {
			t.Fatalf("audit %+v", es)
		}
		if n := countRows(w.t, w.db, "queue_items", "post_id = ? AND status = 'open'", w.reply); n != 0 {
			t.Fatalf("%d items still open", n)
		}
		ns := w.notices(w.author)
		if len(ns) != 1 || !strings.Contains(ns[0].Message, "removed your reply") || ns[0].Reason != "Harassment or bullying: name-calling" {
			t.Fatalf("notice %+v", ns)
		}
		page := w.as(w.author).Get("/")
		pageHas(t, page.Body, "removed your reply in Grief &amp; Loss", "name-calling", fmt.Sprintf(`action="/notices/%d/ack"`, ns[0].ID))
		pageLacks(t, page.Body, "Sparrow")

		// Removing twice: the second is told it was already handled.
		r = w.as(w.siteMod).PostForm(fmt.Sprintf("/p/%d/remove", w.reply), formValues("reason", "Spam or advertising"))
		wantStatus(t, r, http.StatusConflict)
		pageHas(t, r.Body, "Already handled by a moderator", "seconds ago", "Post removed.")

		r = mod.PostForm(fmt.Sprintf("/p/%d/restore", w.reply), formValues())
		wantRedirect(t, r, fmt.Sprintf("/mod/posts/%d", w.reply))
		if w.post(w.reply).Status != "visible" || len(w.audits(moderation.ActionRestore)) != 1 {
			t.Fatal("restore did not restore")
		}
	})
}

func TestRedactPostRemovesTheWordsEverywhere(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		original := w.post(w.reply).BodyMD
		w.exec("INSERT INTO post_revisions (post_id, version, body_md, body_html, written_at, created_at) VALUES (?, 1, ?, ?, ?, ?)",
			w.reply, "The lighthouse keeper whispered", "<p>The lighthouse keeper whispered</p>", time.Now().UTC(), time.Now().UTC())
		if !searchHas(t, db, "lighthouse", w.reply) {
			t.Fatal("fixture: the reply is not in the search index")
		}
		mod := w.as(w.griefMod)
		r := mod.PostForm(fmt.Sprintf("/p/%d/redact", w.reply), formValues("confirm", "yes", "reason", ""))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please give a reason")
		if w.post(w.reply).Status != "visible" {
			t.Fatal("redact without a reason changed the post")
		}

		r = mod.PostForm(fmt.Sprintf("/p/%d/redact", w.reply), formValues("confirm", "yes", "reason", "Shares personal information"))
		wantStatus(t, r, http.StatusSeeOther)
		p := w.post(w.reply)
		if p.Status != "redacted" || p.BodyMD != "Redacted by moderators: Shares personal information" || strings.Contains(p.BodyHTML, "lighthouse") {
			t.Fatalf("redacted post %+v", p)
		}
		if n := countRows(w.t, w.db, "post_revisions", "post_id = ?", w.reply); n != 0 {
			t.Fatalf("%d revisions kept", n)
		}
		if searchHas(t, db, "lighthouse", w.reply) {
			t.Fatal("the original words are still in the search index")
		}
		es := w.audits(moderation.ActionRedactPost)
		sum := sha256.Sum256([]byte(original))
		if len(es) != 1 || es[0].ContentSHA256 != hex.EncodeToString(sum[:]) || es[0].Reason != "Shares personal information" {
			t.Fatalf("audit %+v", es)
		}
		// The moderator's page shows the redaction, never the words; so do the logs.
		pageLacks(t, mod.Get(fmt.Sprintf("/mod/posts/%d", w.reply)).Body, "lighthouse")
		audit := w.as(w.admin).Get("/mod/audit")
		pageHas(t, audit.Body, es[0].ContentSHA256, "Post redacted", "Sparrow")
		pageLacks(t, audit.Body, "lighthouse")
		pageLacks(t, w.as(0).Get("/mod/log").Body, "lighthouse", "Sparrow", "Wren")

		// Redacting again is already handled.
		wantStatus(t, w.as(w.siteMod).PostForm(fmt.Sprintf("/p/%d/redact", w.reply), formValues("confirm", "yes", "reason", "Spam or advertising")), http.StatusConflict)
	})
}

// searchHas reports whether a full-text search for word finds postID.
func searchHas(t *testing.T, db *store.DB, word string, postID int64) bool {
	t.Helper()
	var ids []int64
	var err error
	if db.Dialect == "postgres" {
		err = db.R.Raw("SELECT post_id FROM post_search WHERE document @@ plainto_tsquery('english', ?)", word).Scan(&ids).Error
	} else {
		err = db.R.Raw("SELECT rowid FROM post_search WHERE post_search MATCH ?", word).Scan(&ids).Error
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if id == postID {
			return true
		}
	}
	return false
}

// TestRedactedWordsLeaveNotificationsAndExports: after a reply is
// redacted, its words are gone from the notification the thread's author
// got, from the exports of its author and of the member who reported it,
// and from the thread page; the reply keeps its place in the tree.
func TestRedactedWordsLeaveNotificationsAndExports(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		writer, reporter, threadAuthor := w.as(w.members[0]), w.as(w.members[1]), w.as(w.author)
		page := fmt.Sprintf("/t/%d", w.thread.ID)
		replyTo(t, writer, w.thread.ID, 0, "My neighbour Bartholomew at number nine")
		var p forum.Post
		if err := db.R.Where("body_md = ?", "My neighbour Bartholomew at number nine").Take(&p).Error; err != nil {
			t.Fatal(err)
		}
		under := w.insertReply(w.thread, w.members[2], "a kind answer underneath", nil)
		w.exec("UPDATE posts SET parent_id = ?, depth = 2, sort_key = ? WHERE id = ?", p.ID, fmt.Sprintf("%010d/%010d/%010d", w.opening, p.ID, under), under)
		wantStatus(t, reporter.PostForm(fmt.Sprintf("/p/%d/report", p.ID), formValues("reason", "personal", "note", "names a neighbour")), http.StatusSeeOther)
		// Fixture: the words are in the notification and in the writer's export.
		pageHas(t, threadAuthor.Get("/notifications").Body, "Bartholomew")
		pageHas(t, writer.Get("/settings/export").Body, "Bartholomew")

		wantStatus(t, w.as(w.griefMod).PostForm(fmt.Sprintf("/p/%d/redact", p.ID), formValues("confirm", "yes", "reason", "Shares personal information")), http.StatusSeeOther)
		pageLacks(t, threadAuthor.Get("/notifications").Body, "Bartholomew")
		pageLacks(t, writer.Get("/settings/export").Body, "Bartholomew")
		pageLacks(t, reporter.Get("/settings/export").Body, "Bartholomew")
		pageLacks(t, threadAuthor.Get("/settings/export").Body, "Bartholomew")
		r := w.as(0).Get(page)
		pageHas(t, r.Body, fmt.Sprintf(`id="p-%d"`, p.ID), "Redacted by moderators: Shares personal information", fmt.Sprintf(`id="p-%d"`, under), "a kind answer underneath")
		pageLacks(t, r.Body, "Bartholomew")
		if strings.Index(r.Body, fmt.Sprintf(`id="p-%d"`, p.ID)) > strings.Index(r.Body, fmt.Sprintf(`id="p-%d"`, under)) {
			t.Fatal("the answer to the redacted reply lost its place")
		}
	})
}

func TestModPostPageAndErrorsKeepInput(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		w.as(w.members[0]).PostForm(fmt.Sprintf("/p/%d/report", w.opening), formValues("reason", "trigger"))
		r := w.as(w.griefMod).Get(fmt.Sprintf("/mod/posts/%d", w.opening))
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "<h1>Moderate a post</h1>", "Missing trigger warning", "Move the thread to", "Lock thread", "Redact thread",
			"Trigger warnings on the thread", `value="self-harm"`, "Send a private warning")
		if n := strings.Count(r.Body, "<h1"); n != 1 {
			t.Fatalf("%d h1", n)
		}
		// A refused redact keeps the moderator's words.
		r = w.as(w.griefMod).PostForm(fmt.Sprintf("/p/%d/redact", w.opening), formValues("confirm", "yes", "reason_detail", strings.Repeat("x", 501)))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "under 500 characters", strings.Repeat("x", 501), `class="error-summary"`)
		// The thread link goes to the opening post's page.
		wantRedirect(t, w.as(w.griefMod).Get(fmt.Sprintf("/mod/threads/%d", w.thread.ID)), fmt.Sprintf("/mod/posts/%d#thread", w.opening))
	})
}

// TestRedactedWordsLeaveTheSQLiteFiles redacts an edited post and greps
// the SQLite database file and its write-ahead log for its words, and a
// redacted thread's for its title's: the post, its earlier version, the
// search index and the titles' index held them, and none
// may be left in either file. On PostgreSQL the rows and the search index
// change in the redaction's transaction (what its WAL keeps is the
// operator's, as the README says); the test checks no table still holds
// the words.
func TestRedactedWordsLeaveTheSQLiteFiles(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		author := newPoster(t, a, db, "aspen", "member")
		mod := newPoster(t, a, db, "heron", "admin")
		tid := author.startThread("grief", "A thread", "Opening words.")
		titled := author.startThread("grief", "Evenings on wombatkestrel lane", "Where I live.")
		pageHas(t, author.c.Get("/search?q=wombatkestrel").Body, "Where I live")
		wantStatus(t, mod.c.PostForm("/t/"+idStr(titled)+"/redact", url.Values{"confirm": {"yes"}, "reason": {"Shares personal information"}}), http.StatusSeeOther)
		id, _ := author.reply(tid, 0, "My address is quokkaplatypus street.")
		r := author.c.PostForm("/p/"+idStr(id)+"/edit", url.Values{"body": {"My address is quokkaplatypus avenue."}, "version": {"1"}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("edit: %d", r.StatusCode)
		}
		wantStatus(t, mod.c.PostForm("/p/"+idStr(id)+"/redact", url.Values{"confirm": {"yes"}, "reason": {"Shares personal information"}}), http.StatusSeeOther)
		for _, q := range []string{"SELECT count(*) FROM posts WHERE body_md LIKE '%quokka%' OR body_html LIKE '%quokka%'",
			"SELECT count(*) FROM post_revisions WHERE body_md LIKE '%quokka%'"} {
			var n int
			db.R.Raw(q).Scan(&n)
			if n != 0 {
				t.Fatalf("%s: %d", q, n)
			}
		}
		pageLacks(t, author.c.Get("/search?q=quokkaplatypus").Body, "My address")
		pageLacks(t, author.c.Get("/search?q=wombatkestrel").Body, "Where I live")
		if db.Dialect != migrations.SQLite {
			return
		}
		var file string
		db.R.Raw("SELECT file FROM pragma_database_list WHERE name = 'main'").Scan(&file)
		for _, f := range []string{file, file + "-wal"} {
			b, err := os.ReadFile(f)
			if err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			for _, w := range []string{"quokkaplatypus", "wombatkestrel"} {
				if bytes.Contains(b, []byte(w)) {
					t.Errorf("%s still holds the redacted word %s", f, w)
				}
			}
		}
	})
}
