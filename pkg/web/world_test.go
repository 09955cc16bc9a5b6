package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"hearth/pkg/app"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// Small forums built for a family of tests: modWorld for moderation, and
// syndWorld, which holds every kind of post a visitor must not read, for
// the feeds and the API.

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
	return auditsOf(w.t, w.db, action)
}

func (w *modWorld) notices(userID int64) []moderation.Notice {
	w.t.Helper()
	var ns []moderation.Notice
	if err := w.db.R.Where("user_id = ?", userID).Order("id").Find(&ns).Error; err != nil {
		w.t.Fatal(err)
	}
	return ns
}

// syndWorld is a forum holding every kind of post a visitor must not read,
// for the feed and API tests: each one's words are a marker that must never
// appear in a feed or an API answer.
type syndWorld struct {
	*modWorld
	// In w.thread (grief): a visible reply, a warned reply (self-harm) and
	// replies that were removed, redacted, deleted, hidden by members'
	// reports and held for pre-moderation.
	visible, warned, removed, redacted, deleted, reported, held int64
	// Threads: one warned (suicide), one redacted, one held for
	// pre-moderation (anxiety), one in a group since archived (ptsd).
	warnedThread, redactedThread, heldThread, archivedThread int64
}

// Markers of what a visitor may read, and of what they must never read.
const (
	markVisible       = "VISIBLE-REPLY about the garden"
	markWarned        = "WARNED-REPLY-WORDS"
	markWarnedThread  = "WARNED-THREAD-WORDS"
	markRedactReason  = "Shares personal information"
	markArchivedTitle = "ARCHIVED-GROUP-TITLE"
)

// neverShown are the words no visitor may read anywhere.
var neverShown = []string{
	"REMOVED-REPLY-WORDS", "REDACTED-ORIGINAL-WORDS", "DELETED-REPLY-WORDS", "REPORTED-REPLY-WORDS",
	"HELD-REPLY-WORDS", "HELD-THREAD-TITLE", "HELD-THREAD-WORDS", "REDACTED-THREAD-TITLE", "REDACTED-THREAD-WORDS",
	// Moderators, reporters and the author of nothing but held posts are
	// never named.
	"Sparrow", "Finch", "Osprey", "Heron", "Rowan", "Hazel", "Aspen",
}

func newSyndWorld(t *testing.T, db *store.DB) *syndWorld {
	t.Helper()
	w := &syndWorld{modWorld: newModWorld(t, db)}
	author, other := w.as(w.author), w.as(w.members[0])
	mod := w.as(w.griefMod)
	th := w.thread.ID
	w.visible = w.replyAs(author, th, markVisible)
	w.warned = w.replyAs(author, th, markWarned, "self-harm")
	w.removed = w.replyAs(other, th, "REMOVED-REPLY-WORDS")
	wantStatus(t, mod.PostForm(fmt.Sprintf("/p/%d/remove", w.removed), formValues("reason", "Spam or advertising")), http.StatusSeeOther)
	w.redacted = w.replyAs(other, th, "REDACTED-ORIGINAL-WORDS")
	wantStatus(t, mod.PostForm(fmt.Sprintf("/p/%d/redact", w.redacted), formValues("confirm", "yes", "reason", markRedactReason)), http.StatusSeeOther)
	w.deleted = w.replyAs(author, th, "DELETED-REPLY-WORDS")
	wantStatus(t, author.PostForm(fmt.Sprintf("/p/%d/delete", w.deleted), formValues()), http.StatusSeeOther)
	w.reported = w.replyAs(author, th, "REPORTED-REPLY-WORDS")
	for _, m := range w.members[2:5] {
		wantStatus(t, w.as(m).PostForm(fmt.Sprintf("/p/%d/report", w.reported), formValues("reason", "spam")), http.StatusSeeOther)
	}
	if got := w.post(w.reported).Status; got != "held" {
		t.Fatalf("a post reported by three members is %s, not hidden", got)
	}

	w.warnedThread = startThread(w.t, other, "grief", "A heavy night", markWarnedThread, "suicide")
	w.redactedThread = startThread(w.t, w.as(w.members[1]), "grief", "REDACTED-THREAD-TITLE", "REDACTED-THREAD-WORDS")
	wantStatus(t, mod.PostForm(fmt.Sprintf("/t/%d/redact", w.redactedThread), formValues("confirm", "yes", "reason", "other", "reason_detail", "identifies a third party")), http.StatusSeeOther)
	w.archivedThread = startThread(w.t, author, "ptsd", markArchivedTitle, "Words in a group that was archived")
	admin := w.as(w.admin)
	wantStatus(t, admin.PostForm("/admin/groups/ptsd/archive", formValues("confirm", "yes")), http.StatusSeeOther)

	// Pre-moderation last, as it holds every later post in the group.
	wantStatus(t, admin.PostForm("/admin/groups/anxiety", formValues("name", "Anxiety", "premod", "all")), http.StatusSeeOther)
	w.heldThread = startThread(w.t, w.as(w.members[4]), "anxiety", "HELD-THREAD-TITLE", "HELD-THREAD-WORDS")
	wantStatus(t, admin.PostForm("/admin/groups/grief", formValues("name", "Grief & Loss", "premod", "all")), http.StatusSeeOther)
	w.held = w.replyAs(w.as(w.members[4]), th, "HELD-REPLY-WORDS")
	for _, id := range []int64{w.held, firstPostOf(t, db, w.heldThread)} {
		if got := w.post(id).Status; got != "held" {
			t.Fatalf("post %d under pre-moderation is %s", id, got)
		}
	}
	return w
}

// replyAs posts a reply to the opening post of thread as c's member; a
// held reply, whose redirect names no post, is found by its words.
func (w *syndWorld) replyAs(c *forumtest.Client, thread int64, body string, tags ...string) int64 {
	w.t.Helper()
	if id, _ := replyTo(w.t, c, thread, 0, body, tags...); id != 0 {
		return id
	}
	var id int64
	if err := w.db.R.Raw("SELECT id FROM posts WHERE body_md = ?", body).Scan(&id).Error; err != nil || id == 0 {
		w.t.Fatalf("reply %q not found: %v", body, err)
	}
	return id
}

// visitorGet fetches path as a visitor with no cookies.
func (w *syndWorld) visitorGet(path string, header ...string) *forumtest.Response {
	w.t.Helper()
	c := forumtest.NewClient(w.t, w.app.Web.Handler())
	for i := 0; i+1 < len(header); i += 2 {
		c.Header.Set(header[i], header[i+1])
	}
	return c.Get(path)
}

// neverLeaks fails when body holds words no visitor may read.
func neverLeaks(t *testing.T, what, body string, also ...string) {
	t.Helper()
	for _, bad := range append(append([]string{}, neverShown...), also...) {
		if strings.Contains(body, bad) {
			t.Errorf("%s shows %q", what, bad)
		}
	}
}

// sendCheckIn opens a check-in as c's moderator from where from says (item,
// post or member and group) with body, and returns its id.
func (w *modWorld) sendCheckIn(c *forumtest.Client, body string, from ...string) int64 {
	w.t.Helper()
	r := c.PostForm("/mod/checkins", formValues(append(from, "body", body)...))
	if r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/checkins/") {
		w.t.Fatalf("check-in not sent: %d to %q\n%s", r.StatusCode, r.Header.Get("Location"), snippet(r.Body))
	}
	return idIn(w.t, r.Header.Get("Location"), `^/checkins/(\d+)$`)
}

// makeLead appoints userID a safeguarding lead straight in the database.
func (w *modWorld) makeLead(userID int64) {
	w.t.Helper()
	w.exec("UPDATE users SET safeguarding_lead = ? WHERE id = ?", true, userID)
}
