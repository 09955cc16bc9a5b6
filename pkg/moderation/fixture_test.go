package moderation_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"hearth/migrations"
	"hearth/pkg/app"
	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// world is a wired Hearth on one test database, for service tests that
// post through the forum service and moderate through the moderation
// service, both on the real store.
type world struct {
	t   *testing.T
	ctx context.Context
	db  *store.DB
	app *app.App
	svc *moderation.Service
}

func newWorld(t *testing.T, db *store.DB) *world {
	t.Helper()
	a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
	return &world{t: t, ctx: context.Background(), db: db, app: a, svc: a.Moderation}
}

// member adds an ordinary member.
func (w *world) member(name string) *auth.Actor {
	w.t.Helper()
	return &auth.Actor{ID: forumtest.InsertUser(w.t, w.db, name, "member"), Role: auth.RoleMember, Status: auth.StatusActive}
}

// admin adds an administrator.
func (w *world) admin(name string) *auth.Actor {
	w.t.Helper()
	return &auth.Actor{ID: forumtest.InsertUser(w.t, w.db, name, "admin"), Role: auth.RoleAdmin, Status: auth.StatusActive}
}

// moderator adds a moderator of the groups with slugs.
func (w *world) moderator(name string, slugs ...string) *auth.Actor {
	w.t.Helper()
	a := &auth.Actor{ID: forumtest.InsertUser(w.t, w.db, name, "moderator"), Role: auth.RoleModerator, Status: auth.StatusActive, ModGroups: map[int64]bool{}}
	for _, s := range slugs {
		a.ModGroups[forumtest.Group(w.t, w.db, s).ID] = true
	}
	return a
}

// thread starts a thread in the group with slug through the forum service
// and returns its opening post.
func (w *world) thread(author *auth.Actor, slug, title, body string) forum.Posted {
	w.t.Helper()
	g := forumtest.Group(w.t, w.db, slug)
	res, err := w.app.Forum.StartThread(w.ctx, g, forum.Writer{ID: author.ID}, forum.Draft{Title: title, Body: body}, "")
	if err != nil {
		w.t.Fatalf("start thread %q: %v", title, err)
	}
	return res
}

// reply answers a thread's opening post through the forum service.
func (w *world) reply(author *auth.Actor, threadID int64, body string) forum.Posted {
	w.t.Helper()
	res, err := w.app.Forum.Reply(w.ctx, threadID, forum.Writer{ID: author.ID}, 0, forum.Draft{Body: body}, "")
	if err != nil {
		w.t.Fatalf("reply to thread %d: %v", threadID, err)
	}
	return res
}

// report files a member's report and fails the test if it is refused.
func (w *world) report(by *auth.Actor, postID int64, reason, note string) moderation.ReportOutcome {
	w.t.Helper()
	out, err := w.svc.Report(w.ctx, by, moderation.ReportInput{PostID: postID, Reason: reason, Note: note})
	if err != nil {
		w.t.Fatalf("report post %d (%s): %v", postID, reason, err)
	}
	return out
}

// queue lists the whole queue as a sees it (first page).
func (w *world) queue(a *auth.Actor, f moderation.QueueFilter) []moderation.QueueEntry {
	w.t.Helper()
	p, err := w.svc.Queue(w.ctx, a, f)
	if err != nil {
		w.t.Fatalf("queue %+v: %v", f, err)
	}
	return p.Entries
}

// item returns the open queue item of kind about postID.
func (w *world) item(postID int64, kind string) int64 {
	w.t.Helper()
	var id int64
	err := w.db.R.Raw("SELECT id FROM queue_items WHERE post_id = ? AND kind = ? AND status = 'open'", postID, kind).Scan(&id).Error
	if err != nil || id == 0 {
		w.t.Fatalf("open %s item of post %d: id %d, %v", kind, postID, id, err)
	}
	return id
}

// post reads a post as moderation sees it.
func (w *world) post(id int64) moderation.PostRef {
	w.t.Helper()
	var p moderation.PostRef
	err := w.db.R.Raw(`SELECT posts.*, threads.locked AS thread_locked, threads.pinned AS thread_pinned,
		threads.lock_reason AS lock_reason, threads.title AS thread_title, threads.status AS thread_status
		FROM posts JOIN threads ON threads.id = posts.thread_id WHERE posts.id = ?`, id).Scan(&p).Error
	if err != nil || p.ID == 0 {
		w.t.Fatalf("post %d: %v", id, err)
	}
	return p
}

// allNotices lists every notice a member was sent, oldest first.
func (w *world) allNotices(userID int64) []moderation.Notice {
	w.t.Helper()
	var ns []moderation.Notice
	if err := w.db.R.Where("user_id = ?", userID).Order("id").Find(&ns).Error; err != nil {
		w.t.Fatalf("notices of %d: %v", userID, err)
	}
	return ns
}

// subject reads a member's standing.
func (w *world) subject(id int64) moderation.Subject {
	w.t.Helper()
	var s moderation.Subject
	err := w.db.R.Raw("SELECT id, username, role, status, moderator_site_wide, status_until, status_reason FROM users WHERE id = ?", id).Scan(&s).Error
	if err != nil || s.ID == 0 {
		w.t.Fatalf("member %d: %v", id, err)
	}
	return s
}

// firstPost returns the id of a thread's opening post.
func (w *world) firstPost(threadID int64) int64 {
	w.t.Helper()
	var id int64
	if err := w.db.R.Raw("SELECT first_post_id FROM threads WHERE id = ?", threadID).Scan(&id).Error; err != nil || id == 0 {
		w.t.Fatalf("opening post of thread %d: %d, %v", threadID, id, err)
	}
	return id
}

// count runs a COUNT(*) query.
func (w *world) count(query string, args ...any) int {
	w.t.Helper()
	var n int
	if err := w.db.R.Raw(query, args...).Scan(&n).Error; err != nil {
		w.t.Fatalf("%s: %v", query, err)
	}
	return n
}

// audits counts the audit rows about a target.
func (w *world) audits(targetType string, id int64) int {
	w.t.Helper()
	return w.count("SELECT COUNT(*) FROM audit_log WHERE target_type = ? AND target_id = ?", targetType, id)
}

// notices counts a member's notices.
func (w *world) notices(userID int64) int {
	w.t.Helper()
	return w.count("SELECT COUNT(*) FROM member_notices WHERE user_id = ?", userID)
}

// refuseInserts makes the database refuse every insert into table, the way
// a violated constraint would, until the returned function is called. It
// injects a failure into one step of a real transaction on the real store.
func (w *world) refuseInserts(table string) (allow func()) {
	w.t.Helper()
	var stmts, drop []string
	switch w.db.Dialect {
	case migrations.SQLite:
		stmts = []string{`CREATE TRIGGER refuse_` + table + ` BEFORE INSERT ON ` + table + ` BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`}
		drop = []string{`DROP TRIGGER refuse_` + table}
	default:
		stmts = []string{
			`CREATE OR REPLACE FUNCTION refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`,
			`CREATE TRIGGER refuse_` + table + ` BEFORE INSERT ON ` + table + ` FOR EACH ROW EXECUTE FUNCTION refuse_insert()`,
		}
		drop = []string{`DROP TRIGGER refuse_` + table + ` ON ` + table}
	}
	for _, s := range stmts {
		if err := w.db.W.Exec(s).Error; err != nil { // table is a constant of the test
			w.t.Fatalf("%s: %v", s, err)
		}
	}
	return func() {
		w.t.Helper()
		for _, s := range drop {
			if err := w.db.W.Exec(s).Error; err != nil {
				w.t.Fatalf("%s: %v", s, err)
			}
		}
	}
}

// wantRefused fails unless err is the failure refuseInserts injected.
func wantRefused(t *testing.T, err error) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), "refused by the test") {
		t.Fatalf("error %v, want the injected failure", err)
	}
}

// wantField fails unless err is a validation error about field.
func wantField(t *testing.T, err error, field string) {
	t.Helper()
	v, ok := forum.AsValidation(err)
	if !ok || v.Fields[field] == "" {
		t.Fatalf("error %v, want a message for the field %q", err, field)
	}
}

// wantForbidden fails unless err is forum.ErrForbidden.
func wantForbidden(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, forum.ErrForbidden) {
		t.Fatalf("error %v, want forum.ErrForbidden", err)
	}
}

// wantHandled fails unless err says the thing was already handled by
// action.
func wantHandled(t *testing.T, err error, action string) *moderation.AlreadyHandledError {
	t.Helper()
	h, ok := moderation.AsAlreadyHandled(err)
	if !ok {
		t.Fatalf("error %v, want *AlreadyHandledError", err)
	}
	if h.Action != action {
		t.Fatalf("already handled by %q, want %q", h.Action, action)
	}
	return h
}

// clock is a settable clock for the moderation service.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

// fixClock makes the service's clock c, starting at the present.
func (w *world) fixClock() *clock {
	c := &clock{now: time.Now().UTC().Truncate(time.Second)}
	w.svc.SetClock(c.Now)
	return c
}
