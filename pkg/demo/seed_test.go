package demo_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"

	"hearth/migrations"
	"hearth/pkg/auth"
	"hearth/pkg/demo"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/markup"
	"hearth/pkg/store"
)

func small() demo.Options {
	o := demo.Defaults()
	o.Groups, o.Threads, o.Posts, o.Members = 7, 40, 900, 30
	o.Now = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	return o
}

func seed(t *testing.T, db *store.DB, o demo.Options) demo.Stats {
	t.Helper()
	st, err := demo.Seed(context.Background(), db.SQL(), string(db.Dialect), o, nil)
	if err != nil {
		t.Fatalf("seed: %v", err)
	}
	return st
}

func count(t *testing.T, db *store.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.R.Raw(q, args...).Scan(&n).Error; err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// TestSeedIsConsistent checks every invariant the forum relies on: the reply
// tree encoding, thread, group and member counters, stored HTML, tags.
func TestSeedIsConsistent(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		o := small()
		st := seed(t, db, o)
		checkSeedCounts(t, db, o, st)
		checkThreads(t, db, checkPosts(t, db))
		checkSeedRows(t, db, o, st)
		checkDemoSignIn(t, db, st)
		checkTriggersKept(t, db, st)
		// New rows written by the application after seeding get fresh ids.
		id := forumtest.InsertUser(t, db, "after_seed", "member")
		if id <= int64(o.Members) {
			t.Errorf("a member created after seeding got id %d, which collides with demo ids", id)
		}
	})
}

// checkSeedCounts checks what Seed says it wrote against the tables, and
// that PostgreSQL's planner has statistics for them.
func checkSeedCounts(t *testing.T, db *store.DB, o demo.Options, st demo.Stats) {
	t.Helper()
	if st.Threads != o.Threads || st.Posts != o.Posts || st.Members != o.Members || st.Groups != o.Groups || st.GroupsCreated != 2 {
		t.Fatalf("stats = %+v", st)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM posts"); n != o.Posts {
		t.Fatalf("posts table has %d rows, want %d", n, o.Posts)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM groups"); n != o.Groups {
		t.Fatalf("groups table has %d rows, want %d", n, o.Groups)
	}
	if db.Dialect == migrations.Postgres {
		// The planner has statistics at once: ANALYZE sets reltuples,
		// which is -1 on a table never analyzed or vacuumed.
		var tuples float64
		if err := db.R.Raw("SELECT reltuples FROM pg_class WHERE oid = 'posts'::regclass").Row().Scan(&tuples); err != nil {
			t.Fatal(err)
		}
		if int(tuples) != o.Posts {
			t.Errorf("pg_class.reltuples for posts is %v after seeding, want %d (analyzed)", tuples, o.Posts)
		}
	}
}

// seededPost is a post as the checks read it.
type seededPost struct {
	ID, ThreadID, GroupID int64
	AuthorID              int64
	ParentID              *int64
	Depth                 int
	SortKey               string
	BodyMD, BodyHTML      string
	Tags                  string
	CreatedAt             time.Time
}

// checkPosts checks the reply tree's encoding, the stored HTML and the
// share of tagged posts, and returns the posts by thread.
func checkPosts(t *testing.T, db *store.DB) map[int64][]seededPost {
	t.Helper()
	var posts []seededPost
	if err := db.R.Raw("SELECT id, thread_id, group_id, author_id, parent_id, depth, sort_key, body_md, body_html, tags, created_at FROM posts ORDER BY id").Scan(&posts).Error; err != nil {
		t.Fatal(err)
	}
	byID := map[int64]seededPost{}
	perThread := map[int64][]seededPost{}
	tagged, nested := 0, 0
	r := markup.New()
	for i, p := range posts {
		byID[p.ID] = p
		perThread[p.ThreadID] = append(perThread[p.ThreadID], p)
		want := fmt.Sprintf("%010d", p.ID)
		if p.ParentID != nil {
			parent, ok := byID[*p.ParentID]
			if !ok || parent.ThreadID != p.ThreadID {
				t.Fatalf("post %d answers %d, which is not an earlier post of its thread", p.ID, *p.ParentID)
			}
			want = parent.SortKey + "/" + want
			if p.Depth > 1 {
				nested++
			}
		}
		if p.SortKey != want || p.Depth != strings.Count(p.SortKey, "/") {
			t.Fatalf("post %d: sort_key %q depth %d, want %q depth %d", p.ID, p.SortKey, p.Depth, want, strings.Count(want, "/"))
		}
		if p.Tags != "" {
			tagged++
		}
		if i%50 == 0 {
			html, err := r.Render(p.BodyMD)
			if err != nil || string(html) != p.BodyHTML {
				t.Fatalf("post %d body_html is not the renderer's output for its body_md", p.ID)
			}
		}
	}
	if frac := float64(tagged) / float64(len(posts)); frac < 0.12 || frac > 0.28 {
		t.Errorf("%.2f of posts carry trigger warnings, want about a fifth", frac)
	}
	if nested == 0 {
		t.Errorf("no reply answers another reply")
	}
	return perThread
}

// checkThreads checks each thread's and each group's counters against
// their posts.
func checkThreads(t *testing.T, db *store.DB, perThread map[int64][]seededPost) {
	t.Helper()
	type thread struct {
		ID, GroupID, AuthorID                 int64
		Tags                                  string
		ReplyCount                            int
		FirstPostID, LastPostID, LastAuthorID int64
		LastPostAt                            time.Time
	}
	var threads []thread
	if err := db.R.Raw("SELECT id, group_id, author_id, tags, reply_count, first_post_id, last_post_id, last_author_id, last_post_at FROM threads").Scan(&threads).Error; err != nil {
		t.Fatal(err)
	}
	groupThreads, groupPosts := map[int64]int{}, map[int64]int{}
	for _, th := range threads {
		ps := perThread[th.ID]
		first, last := ps[0], ps[len(ps)-1]
		if th.ReplyCount != len(ps)-1 || th.FirstPostID != first.ID || first.ParentID != nil || th.LastPostID != last.ID ||
			th.LastAuthorID != last.AuthorID || !th.LastPostAt.Equal(last.CreatedAt) || th.AuthorID != first.AuthorID || th.Tags != first.Tags {
			t.Fatalf("thread %+v does not match its %d posts (first %d, last %d)", th, len(ps), first.ID, last.ID)
		}
		groupThreads[th.GroupID]++
		groupPosts[th.GroupID] += len(ps)
	}
	type grp struct {
		ID                     int64
		ThreadCount, PostCount int
	}
	var groups []grp
	if err := db.R.Raw("SELECT id, thread_count, post_count FROM groups").Scan(&groups).Error; err != nil {
		t.Fatal(err)
	}
	for _, g := range groups {
		if g.ThreadCount != groupThreads[g.ID] || g.PostCount != groupPosts[g.ID] {
			t.Errorf("group %d counts %d threads, %d posts; rows say %d, %d", g.ID, g.ThreadCount, g.PostCount, groupThreads[g.ID], groupPosts[g.ID])
		}
	}
}

// checkSeedRows checks the reactions, follows and reports.
func checkSeedRows(t *testing.T, db *store.DB, o demo.Options, st demo.Stats) {
	t.Helper()
	if n := count(t, db, "SELECT COUNT(*) FROM reactions"); n != st.Reactions || n == 0 {
		t.Errorf("reactions: %d rows, stats say %d", n, st.Reactions)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM subscriptions"); n != st.Subscriptions || n < o.Threads {
		t.Errorf("follows: %d rows, stats say %d", n, st.Subscriptions)
	}
	// Reports: open, each with its open queue item for a moderator to
	// work, filed by someone other than the post's author, on a post of
	// the thread and group it names.
	if n := count(t, db, "SELECT COUNT(*) FROM reports WHERE status = 'open'"); n != st.Reports || n == 0 {
		t.Errorf("reports: %d open rows, stats say %d", n, st.Reports)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM reports r JOIN posts p ON p.id = r.post_id
		WHERE r.reporter_id = r.subject_id OR p.author_id <> r.subject_id OR p.thread_id <> r.thread_id OR p.group_id <> r.group_id`); n != 0 {
		t.Errorf("%d reports do not match their post or were filed by its author", n)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM reports r WHERE NOT EXISTS
		(SELECT 1 FROM queue_items q WHERE q.post_id = r.post_id AND q.kind = 'report' AND q.status = 'open')`); n != 0 {
		t.Errorf("%d reports have no open queue item", n)
	}

}

// checkDemoSignIn checks that the demo password signs members in.
func checkDemoSignIn(t *testing.T, db *store.DB, st demo.Stats) {
	t.Helper()
	var hash string
	if err := db.R.Raw("SELECT password_hash FROM users WHERE username = ?", st.SampleMembers[0]).Scan(&hash).Error; err != nil {
		t.Fatal(err)
	}
	h, err := auth.NewHasher(auth.DefaultParams, 1)
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := h.Verify(context.Background(), demo.DefaultPassword, hash); !ok || err != nil {
		t.Errorf("demo password does not verify for %s: %v", st.SampleMembers[0], err)
	}

}

// TestSeedIsDeterministic: the same seed gives the same forum.
func TestSeedIsDeterministic(t *testing.T) {
	dump := func(db *store.DB) string {
		var rows []struct {
			Title, BodyMD, SortKey, Username string
		}
		if err := db.R.Raw(`SELECT t.title, p.body_md, p.sort_key, u.username FROM posts p JOIN threads t ON t.id = p.thread_id
			JOIN users u ON u.id = p.author_id ORDER BY p.id`).Scan(&rows).Error; err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(rows)
	}
	o := small()
	a, b := forumtest.NewSQLite(t), forumtest.NewSQLite(t)
	seed(t, a, o)
	seed(t, b, o)
	if dump(a) != dump(b) {
		t.Fatal("two runs with the same seed wrote different content")
	}
	c := forumtest.NewSQLite(t)
	o.Seed = 2
	seed(t, c, o)
	if dump(a) == dump(c) {
		t.Fatal("different seeds wrote the same content")
	}
}

// TestBenchShape: 2,000 threads of exactly 50 posts averaging about 400
// characters (checked on a tenth of the size).
func TestBenchShape(t *testing.T) {
	db := forumtest.NewSQLite(t)
	o := demo.BenchShape()
	o.Threads, o.Posts = 200, 10000
	st := seed(t, db, o)
	if n := count(t, db, "SELECT COUNT(*) FROM threads WHERE reply_count <> 49"); n != 0 {
		t.Errorf("%d threads do not have 50 posts", n)
	}
	avg := count(t, db, "SELECT CAST(AVG(LENGTH(body_md)) AS INTEGER) FROM posts")
	if avg < 330 || avg > 470 {
		t.Errorf("average body is %d characters, want about 400", avg)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM groups"); n != 5 {
		t.Errorf("bench shape uses %d groups, want the 5 default ones", n)
	}
	// The member with a backlog has one unread notice in nearly every
	// thread, each standing for a post they can see.
	var uid int64
	if err := db.R.Raw("SELECT id FROM users WHERE username = ?", st.UnreadMember).Row().Scan(&uid); err != nil {
		t.Fatalf("unread member %q: %v", st.UnreadMember, err)
	}
	unread := count(t, db, fmt.Sprintf("SELECT COUNT(*) FROM notifications WHERE user_id = %d AND read_at IS NULL", uid))
	if unread != st.UnreadNotices || unread < 190 {
		t.Errorf("%s has %d unread notifications, the seed says %d; want nearly one per thread", st.UnreadMember, unread, st.UnreadNotices)
	}
	u, err := store.NewForum(db).UnreadCount(context.Background(), uid)
	if err != nil || u.Count != forum.UnreadCountCap || !u.Stable {
		t.Errorf("their unread count: %+v, %v; want the cap, %d", u, err, forum.UnreadCountCap)
	}
}

// TestSeedTwice: seeding an already seeded database adds to it.
func TestSeedTwice(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		o := small()
		o.Groups, o.Threads, o.Posts, o.Members = 5, 10, 50, 10
		seed(t, db, o)
		o.Seed = 7
		seed(t, db, o)
		if n := count(t, db, "SELECT COUNT(*) FROM posts"); n != 100 {
			t.Fatalf("posts after two seeds = %d, want 100", n)
		}
	})
}

func TestOptionsValidate(t *testing.T) {
	for _, o := range []demo.Options{
		{Groups: 0, Threads: 1, Posts: 1, Members: 1, Password: demo.DefaultPassword},
		{Groups: 5, Threads: 10, Posts: 5, Members: 1, Password: demo.DefaultPassword},
		{Groups: 5, Threads: 1, Posts: 1, Members: 0, Password: demo.DefaultPassword},
		{Groups: 5, Threads: 1, Posts: 1, Members: 1, Password: "short"},
	} {
		if o.Validate() == nil {
			t.Errorf("%+v was accepted", o)
		}
	}
	if err := demo.Defaults().Validate(); err != nil {
		t.Error(err)
	}
}

// checkTriggersKept: the triggers Seed suspends while it writes a batch are
// back afterwards, and their work was done: every visible post is in the
// search index (an opening post with its thread's title), on SQLite every
// visible thread's opening post is in the titles' index, every thread's
// content version has moved, and every thread's answered flag is what its
// posts say, some of each.
func checkTriggersKept(t *testing.T, db *store.DB, st demo.Stats) {
	t.Helper()
	if n, want := count(t, db, "SELECT COUNT(*) FROM post_search"), count(t, db, "SELECT COUNT(*) FROM posts WHERE status = 'visible'"); n != want || n != st.Posts {
		t.Errorf("the search index holds %d posts, want %d", n, want)
	}
	if db.Dialect == migrations.SQLite {
		// The titles' index (migration 0045), kept by a trigger that
		// seeding leaves in place: every visible thread's opening post.
		titled := "SELECT COUNT(*) FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.parent_id IS NULL AND p.status = 'visible' AND t.status = 'visible'"
		if n, want := count(t, db, "SELECT COUNT(*) FROM title_search"), count(t, db, titled); n != want || n == 0 {
			t.Errorf("the titles' index holds %d opening posts, want %d", n, want)
		}
	} else {
		// Each document carries its post's group (migration 0047).
		stray := "SELECT COUNT(*) FROM post_search s JOIN posts p ON p.id = s.post_id WHERE NOT s.document @@ ('''group ' || p.group_id || '''')::tsquery"
		if n := count(t, db, stray); n != 0 {
			t.Errorf("%d search documents lack their group", n)
		}
	}
	if n := count(t, db, "SELECT COUNT(*) FROM threads WHERE content_version = 0"); n != 0 {
		t.Errorf("%d seeded threads kept content version 0", n)
	}
	answered := migrations.AnsweredSQL("threads")
	if n := count(t, db, "SELECT COUNT(*) FROM threads WHERE answered <> "+answered); n != 0 {
		t.Errorf("%d seeded threads' answered flag is not what their posts say", n)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM threads WHERE answered"); n == 0 || n == count(t, db, "SELECT COUNT(*) FROM threads") {
		t.Errorf("%d seeded threads answered: want some, not all", n)
	}
	triggers := "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ('posts_search_insert', 'posts_thread_version_insert', 'posts_answered_insert', 'reactions_thread_version_insert')"
	title := "SELECT COUNT(*) FROM post_search JOIN posts p ON p.id = post_search.rowid WHERE p.parent_id IS NULL AND post_search MATCH ?"
	if db.Dialect == migrations.Postgres {
		triggers = "SELECT COUNT(*) FROM pg_trigger WHERE tgrelid IN ('posts'::regclass, 'reactions'::regclass) AND tgname IN ('posts_search_insert', 'posts_thread_version', 'posts_thread_version_insert', 'posts_answered_insert', 'reactions_thread_version') AND tgenabled = 'O'"
		title = "SELECT COUNT(*) FROM post_search s JOIN posts p ON p.id = s.post_id WHERE p.parent_id IS NULL AND s.document @@ plainto_tsquery('english', ?)"
	}
	want := 4
	if db.Dialect == migrations.Postgres {
		want = 5
	}
	if n := count(t, db, triggers); n != want {
		t.Errorf("%d of the %d suspended triggers are in place after seeding", n, want)
	}
	var word string
	if err := db.R.Raw("SELECT title FROM threads ORDER BY id LIMIT 1").Row().Scan(&word); err != nil {
		t.Fatal(err)
	}
	// Its longest word, which no search skips as too common.
	longest := ""
	for _, w := range strings.FieldsFunc(word, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) > len(longest) {
			longest = w
		}
	}
	word = longest
	if db.Dialect == migrations.Postgres {
		// The whole title: PostgreSQL leaves out its stop words.
		if err := db.R.Raw("SELECT title FROM threads ORDER BY id LIMIT 1").Row().Scan(&word); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, db, title, word); n == 0 {
		t.Errorf("no opening post is found by %q, from its thread's title", word)
	}
	// A post written after seeding is indexed by the trigger again.
	before := count(t, db, "SELECT COUNT(*) FROM post_search")
	if err := db.W.Exec(`INSERT INTO posts (thread_id, group_id, author_id, body_md, body_html, created_at, updated_at)
		SELECT id, group_id, author_id, 'after seeding', '<p>after seeding</p>', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM threads ORDER BY id LIMIT 1`).Error; err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM post_search"); n != before+1 {
		t.Errorf("a post written after seeding was not indexed (%d rows, want %d)", n, before+1)
	}
}
