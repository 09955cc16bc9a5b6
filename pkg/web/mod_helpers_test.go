package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hearth/pkg/app"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// modWorld is a small forum for moderation tests: an author with a thread
// and a reply in grief, members to report, moderators of each scope and an
// admin, each with a logged-in client.
type modWorld struct {
	t      *testing.T
	db     *store.DB
	app    *app.App
	logs   *forumtest.LogBuffer
	thread forum.Thread
	// opening and reply are post ids in thread.
	opening, reply int64
	author, admin  int64
	// griefMod moderates grief only; anxietyMod anxiety only; siteMod
	// everything.
	griefMod, anxietyMod, siteMod int64
	members                       []int64
}

func newModWorld(t *testing.T, db *store.DB) *modWorld {
	t.Helper()
	w := &modWorld{t: t, db: db}
	w.app, w.logs = forumtest.NewApp(t, db, forumtest.Config(t))
	w.author = forumtest.InsertUser(t, db, "Wren", "member")
	w.admin = forumtest.InsertUser(t, db, "Heron", "admin")
	w.griefMod = forumtest.InsertUser(t, db, "Sparrow", "moderator")
	w.anxietyMod = forumtest.InsertUser(t, db, "Finch", "moderator")
	w.siteMod = forumtest.InsertUser(t, db, "Osprey", "moderator")
	for _, n := range []string{"Maple", "Cedar", "Rowan", "Hazel", "Aspen"} {
		w.members = append(w.members, forumtest.InsertUser(t, db, n, "member"))
	}
	w.exec("INSERT INTO moderator_groups (user_id, group_id, created_at) VALUES (?, ?, ?)", w.griefMod, forumtest.Group(t, db, "grief").ID, time.Now().UTC())
	w.exec("INSERT INTO moderator_groups (user_id, group_id, created_at) VALUES (?, ?, ?)", w.anxietyMod, forumtest.Group(t, db, "anxiety").ID, time.Now().UTC())
	w.exec("UPDATE users SET moderator_site_wide = ? WHERE id = ?", true, w.siteMod)
	w.thread = forumtest.InsertThread(t, db, "grief", w.author, "Missing my dad tonight", nil, time.Now().Add(-time.Hour))
	w.opening = *w.thread.FirstPostID
	w.reply = w.insertReply(w.thread, w.author, "The lighthouse keeper hummed quietly", nil)
	return w
}

func (w *modWorld) exec(sql string, args ...any) {
	w.t.Helper()
	if err := w.db.W.Exec(sql, args...).Error; err != nil {
		w.t.Fatalf("%s: %v", sql, err)
	}
}

// insertReply adds a reply to th straight into the database.
func (w *modWorld) insertReply(th forum.Thread, authorID int64, body string, tags []string) int64 {
	w.t.Helper()
	now := time.Now().UTC().Truncate(time.Microsecond)
	p := forum.Post{ThreadID: th.ID, GroupID: th.GroupID, AuthorID: &authorID, ParentID: th.FirstPostID, Depth: 1, BodyMD: body,
		BodyHTML: "<p>" + body + "</p>", Tags: forum.MakeTags(tags), Status: forum.StatusVisible, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := w.db.W.Create(&p).Error; err != nil {
		w.t.Fatal(err)
	}
	w.exec("UPDATE posts SET sort_key = ? WHERE id = ?", fmt.Sprintf("%010d/%010d", *th.FirstPostID, p.ID), p.ID)
	w.exec("UPDATE threads SET reply_count = reply_count + 1 WHERE id = ?", th.ID)
	w.exec("UPDATE groups SET post_count = post_count + 1 WHERE id = ?", th.GroupID)
	return p.ID
}

// as returns a client logged in as userID (a visitor for 0).
func (w *modWorld) as(userID int64) *forumtest.Client {
	w.t.Helper()
	c := forumtest.NewClient(w.t, w.app.Web.Handler())
	if userID != 0 {
		forumtest.LoginAs(w.t, w.app, c, userID)
	}
	return c
}

// item opens a queue item as posting would.
func (w *modWorld) item(kind string, postID int64, priority int, detail string) int64 {
	w.t.Helper()
	var p forum.Post
	if err := w.db.R.Where("id = ?", postID).Take(&p).Error; err != nil {
		w.t.Fatal(err)
	}
	now := time.Now().UTC()
	it := moderation.QueueItem{Kind: kind, PostID: postID, ThreadID: p.ThreadID, GroupID: p.GroupID, Priority: priority, Detail: detail,
		Status: moderation.StatusOpen, CreatedAt: now, UpdatedAt: now}
	if err := w.db.W.Create(&it).Error; err != nil {
		w.t.Fatal(err)
	}
	return it.ID
}

func (w *modWorld) post(id int64) forum.Post {
	w.t.Helper()
	var p forum.Post
	if err := w.db.R.Where("id = ?", id).Take(&p).Error; err != nil {
		w.t.Fatal(err)
	}
	return p
}

func (w *modWorld) threadRow(id int64) forum.Thread {
	w.t.Helper()
	var th forum.Thread
	if err := w.db.R.Where("id = ?", id).Take(&th).Error; err != nil {
		w.t.Fatal(err)
	}
	return th
}

func (w *modWorld) audits(action string) []moderation.AuditEntry {
	w.t.Helper()
	var es []moderation.AuditEntry
	if err := w.db.R.Where("action = ?", action).Order("id").Find(&es).Error; err != nil {
		w.t.Fatal(err)
	}
	return es
}

func (w *modWorld) count(table, where string, args ...any) int64 {
	w.t.Helper()
	var n int64
	if err := w.db.R.Table(table).Where(where, args...).Count(&n).Error; err != nil {
		w.t.Fatal(err)
	}
	return n
}

func (w *modWorld) notices(userID int64) []moderation.Notice {
	w.t.Helper()
	var ns []moderation.Notice
	if err := w.db.R.Where("user_id = ?", userID).Order("id").Find(&ns).Error; err != nil {
		w.t.Fatal(err)
	}
	return ns
}

func modForm(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v
}

func modPath(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// expect fails unless r has status code and, for redirects, a Location
// starting with loc.
func modExpect(t *testing.T, r *forumtest.Response, code int, loc string) {
	t.Helper()
	if r.StatusCode != code {
		t.Fatalf("status %d, want %d\n%s", r.StatusCode, code, modSnippet(r.Body))
	}
	if loc != "" && !strings.HasPrefix(r.Header.Get("Location"), loc) {
		t.Fatalf("Location %q, want prefix %q", r.Header.Get("Location"), loc)
	}
}

// snippet is the main content of a page, for failure messages.
func modSnippet(body string) string {
	if i := strings.Index(body, `<main`); i >= 0 {
		body = body[i:]
	}
	if len(body) > 3000 {
		body = body[:3000]
	}
	return body
}

func modHas(t *testing.T, body string, want ...string) {
	t.Helper()
	for _, s := range want {
		if !strings.Contains(body, s) {
			t.Errorf("page lacks %q\n%s", s, modSnippet(body))
		}
	}
}

func modLacks(t *testing.T, body string, unwanted ...string) {
	t.Helper()
	for _, s := range unwanted {
		if strings.Contains(body, s) {
			t.Errorf("page contains %q", s)
		}
	}
}

var _ = http.StatusOK
