package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestEditOwnPostKeepsRevisionForModerators(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "quince", "member")
		tid := m.startThread("grief", "Original title", "Original words.", "death-loss")
		op := firstPostOf(t, db, tid)
		r := m.c.Get("/p/" + idStr(op) + "/edit")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("edit form: %d", r.StatusCode)
		}
		pageHas(t, r.Body, `value="Original title"`, "Original words.", `name="version" value="1"`, `value="death-loss" id="tw-death-loss" checked`)
		r = m.c.PostForm("/p/"+idStr(op)+"/edit", url.Values{"title": {"Better title"}, "body": {"Kinder words."}, "version": {"1"}})
		if r.StatusCode != http.StatusSeeOther || !strings.HasSuffix(r.Header.Get("Location"), "#p-"+idStr(op)) {
			t.Fatalf("edit: %d %q", r.StatusCode, r.Header.Get("Location"))
		}
		r = m.c.Get("/t/" + idStr(tid))
		pageHas(t, r.Body, "Better title", "Kinder words.", `class="edited"`, "Your changes are saved.")
		pageLacks(t, r.Body, "Original words.", `<li class="tag">Death and loss</li>`)
		var version int
		db.R.Raw("SELECT version FROM posts WHERE id = ?", op).Scan(&version)
		if version != 2 {
			t.Fatalf("version %d", version)
		}
		// Moderators see the earlier version; members do not.
		if r := m.c.Get("/p/" + idStr(op) + "/history"); r.StatusCode != http.StatusForbidden {
			t.Fatalf("member history: %d", r.StatusCode)
		}
		mod := newPoster(t, a, db, "rowanmod", "moderator")
		siteModerator(t, db, mod.id)
		pageHas(t, mod.c.Get("/t/"+idStr(tid)).Body, `href="/p/`+idStr(op)+`/history"`)
		pageLacks(t, m.c.Get("/t/"+idStr(tid)).Body, "/history")
		r = mod.c.Get("/p/" + idStr(op) + "/history")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("moderator history: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "Original words.", "Original title", "Version 1", "Kinder words.")
	})
}

func TestEditConflictKeepsBothTexts(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "sorrel", "member")
		tid := m.startThread("anxiety", "A thread", "Opening.")
		pid, _ := m.reply(tid, 0, "Version one.")
		if r := m.c.PostForm("/p/"+idStr(pid)+"/edit", url.Values{"body": {"Saved from the phone."}, "version": {"1"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("first edit: %d", r.StatusCode)
		}
		r := m.c.PostForm("/p/"+idStr(pid)+"/edit", url.Values{"body": {"Typed on the laptop."}, "version": {"1"}})
		if r.StatusCode != http.StatusConflict {
			t.Fatalf("stale edit: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "This post changed while you were editing it", "Typed on the laptop.", "Saved from the phone.", `name="version" value="2"`)
		var body string
		db.R.Raw("SELECT body_md FROM posts WHERE id = ?", pid).Scan(&body)
		if body != "Saved from the phone." {
			t.Fatalf("stale edit overwrote: %q", body)
		}
	})
}

func TestCannotEditOrDeleteSomeoneElsesPost(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "tansy", "member")
		o := newPoster(t, a, db, "umber", "member")
		tid := m.startThread("grief", "Mine", "My words.")
		op := firstPostOf(t, db, tid)
		if r := o.c.Get("/p/" + idStr(op) + "/edit"); r.StatusCode != http.StatusForbidden {
			t.Fatalf("edit form of another's post: %d", r.StatusCode)
		}
		if r := o.c.PostForm("/p/"+idStr(op)+"/edit", url.Values{"title": {"Hijacked"}, "body": {"Hijacked."}, "version": {"1"}}); r.StatusCode != http.StatusForbidden {
			t.Fatalf("edit of another's post: %d", r.StatusCode)
		}
		if r := o.c.PostForm("/p/"+idStr(op)+"/delete", url.Values{}); r.StatusCode != http.StatusForbidden {
			t.Fatalf("delete of another's post: %d", r.StatusCode)
		}
		var body string
		db.R.Raw("SELECT body_md FROM posts WHERE id = ?", op).Scan(&body)
		if body != "My words." {
			t.Fatalf("body changed to %q", body)
		}
		if r := o.c.Get("/t/" + idStr(tid)); strings.Contains(r.Body, "/p/"+idStr(op)+"/edit") {
			t.Fatal("edit link shown to another member")
		}
	})
}

// An archived group takes no edits, as it takes no replies: the edit page
// and the edit itself are refused with the member's words kept, the thread
// page offers no Edit link, and deleting stays possible. A moderator may
// still edit their own post there, as in a locked thread.
func TestEditInArchivedGroupRefused(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "aspen", "member")
		mod := newPoster(t, a, db, "aspenmod", "moderator")
		siteModerator(t, db, mod.id)
		tid := m.startThread("ptsd", "Before the archive", "Opening words.")
		pid, _ := m.reply(tid, 0, "A reply from before.")
		modPost, _ := mod.reply(tid, 0, "A note from the moderators.")
		db.W.Exec("UPDATE groups SET archived = ? WHERE slug = ?", true, "ptsd")

		const sentence = "This group is archived. You can read it, but its posts can&#39;t be edited any more"
		r := m.c.Get("/p/" + idStr(pid) + "/edit")
		if r.StatusCode != http.StatusForbidden {
			t.Fatalf("edit page in an archived group: %d", r.StatusCode)
		}
		pageHas(t, r.Body, sentence, "A reply from before.")
		pageLacks(t, r.Body, "Save changes")
		r = m.c.PostForm("/p/"+idStr(pid)+"/edit", url.Values{"body": {"Written after the archive."}, "version": {"1"}})
		if r.StatusCode != http.StatusForbidden {
			t.Fatalf("edit in an archived group: %d", r.StatusCode)
		}
		pageHas(t, r.Body, sentence, "Written after the archive.")
		var body string
		db.R.Raw("SELECT body_md FROM posts WHERE id = ?", pid).Scan(&body)
		if body != "A reply from before." {
			t.Fatalf("the archived post changed to %q", body)
		}
		pageLacks(t, m.c.Get("/t/"+idStr(tid)).Body, `href="/p/`+idStr(pid)+`/edit"`)

		r = mod.c.PostForm("/p/"+idStr(modPost)+"/edit", url.Values{"body": {"A corrected note."}, "version": {"1"}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("a moderator's edit in an archived group: %d\n%s", r.StatusCode, r.Body)
		}
		if r := m.c.PostForm("/p/"+idStr(pid)+"/delete", url.Values{}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("delete in an archived group: %d", r.StatusCode)
		}
	})
}

// A group's required trigger warning holds when the opening post is
// edited: the edit that drops every tag is refused next to the field, with
// the words kept and the thread still tagged. Replies need none.
func TestEditKeepsRequiredWarning(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		db.W.Exec("UPDATE groups SET require_tag = ? WHERE slug = ?", true, "anxiety")
		m := newPoster(t, a, db, "bramble", "member")
		tid := m.startThread("anxiety", "Tagged as asked", "Opening words.", "self-harm")
		op := firstPostOf(t, db, tid)
		pid, _ := m.reply(tid, 0, "An untagged reply.")

		r := m.c.PostForm("/p/"+idStr(op)+"/edit", url.Values{"title": {"Tags taken away"}, "body": {"Edited opening kept."}, "version": {"1"}})
		if r.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("edit dropping the required warning: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "asks for at least one trigger-warning tag", `class="error-summary"`, `id="tw-error"`, "Edited opening kept.", `value="Tags taken away"`)
		var tags string
		db.R.Raw("SELECT tags FROM threads WHERE id = ?", tid).Scan(&tags)
		if !strings.Contains(tags, "self-harm") {
			t.Fatalf("the thread lost its warning: %q", tags)
		}
		r = m.c.PostForm("/p/"+idStr(op)+"/edit", url.Values{"title": {"Still tagged"}, "body": {"Edited opening."}, "trigger_warnings": {"suicide"}, "version": {"1"}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("edit keeping a warning: %d\n%s", r.StatusCode, r.Body)
		}
		if r := m.c.PostForm("/p/"+idStr(pid)+"/edit", url.Values{"body": {"An edited reply."}, "version": {"1"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("edit of an untagged reply: %d", r.StatusCode)
		}
	})
}

func TestEditBadInputKeepsText(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "birch", "member")
		tid := m.startThread("anxiety", "Original title", "Original opening.")
		op := firstPostOf(t, db, tid)
		pid, _ := m.reply(tid, 0, "Original reply.")
		edit := func(id int64, f url.Values) *forumtest.Response {
			f.Set("version", "1")
			return m.c.PostForm("/p/"+idStr(id)+"/edit", f)
		}
		cases := []struct {
			name string
			id   int64
			form url.Values
			msg  string
			keep string
		}{
			{"empty body", pid, url.Values{"body": {" \n "}}, "Please write a message.", ""},
			{"body one over", pid, url.Values{"body": {strings.Repeat("é", 20001)}}, "the limit is 20,000", strings.Repeat("é", 20001)},
			{"unknown tag", pid, url.Values{"body": {"Edited words kept."}, "trigger_warnings": {"made-up"}}, "isn&#39;t one of Hearth&#39;s trigger-warning tags", "Edited words kept."},
			{"short title", op, url.Values{"title": {"Hi"}, "body": {"Edited opening kept."}}, "at least 3 characters", "Edited opening kept."},
		}
		for _, tc := range cases {
			r := edit(tc.id, tc.form)
			if r.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("%s: status %d", tc.name, r.StatusCode)
				continue
			}
			if !strings.Contains(r.Body, tc.msg) || !strings.Contains(r.Body, `class="error-summary"`) {
				t.Errorf("%s: message %q or summary missing", tc.name, tc.msg)
			}
			if tc.keep != "" && !strings.Contains(html.UnescapeString(r.Body), tc.keep) {
				t.Errorf("%s: the text is not kept", tc.name)
			}
		}
		unchanged := func(when string) {
			t.Helper()
			var version int
			var body string
			db.R.Raw("SELECT version FROM posts WHERE id = ?", pid).Scan(&version)
			db.R.Raw("SELECT body_md FROM posts WHERE id = ?", pid).Scan(&body)
			if version != 1 || body != "Original reply." {
				t.Fatalf("%s: post changed to version %d %q", when, version, body)
			}
		}
		unchanged("after refused edits")
		// A locked thread refuses the edit and keeps the words.
		db.W.Exec("UPDATE threads SET locked = ? WHERE id = ?", true, tid)
		r := edit(pid, url.Values{"body": {"Written before the lock."}})
		if r.StatusCode != http.StatusForbidden || !strings.Contains(r.Body, "Written before the lock.") || !strings.Contains(r.Body, "Moderators have locked this thread") {
			t.Fatalf("locked edit: %d", r.StatusCode)
		}
		db.W.Exec("UPDATE threads SET locked = ? WHERE id = ?", false, tid)
		unchanged("after the locked edit")
		// A post moderators removed while its author was editing it.
		db.W.Exec("UPDATE posts SET status = 'removed' WHERE id = ?", pid)
		r = edit(pid, url.Values{"body": {"Written before the removal."}})
		if r.StatusCode != http.StatusForbidden || !strings.Contains(r.Body, "Written before the removal.") || !strings.Contains(r.Body, "can no longer be edited") {
			t.Fatalf("edit of a removed post: %d\n%s", r.StatusCode, r.Body)
		}
		unchanged("after the edit of a removed post")
		// Someone else still gets a plain refusal.
		o := newPoster(t, a, db, "cedar", "member")
		if r := o.c.PostForm("/p/"+idStr(pid)+"/edit", url.Values{"body": {"Hijack"}, "version": {"1"}}); r.StatusCode != http.StatusForbidden || strings.Contains(r.Body, "Hijack") {
			t.Fatalf("another member's edit: %d", r.StatusCode)
		}
	})
}
