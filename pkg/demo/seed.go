package demo

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"math"
	"runtime"
	"strings"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/markup"
)

// Stats says what Seed added and how long it took.
type Stats struct {
	Dialect                           string
	Groups, GroupsCreated, Members    int
	Threads, Posts, Tagged            int
	Reactions, Reports, Subscriptions int
	DistinctBodies                    int
	Elapsed                           time.Duration
	SampleMembers                     []string
	BusiestThreadID                   int64
	BusiestThreadPosts                int
	// FirstThreadID and LastThreadID bound the ids of the added threads.
	FirstThreadID, LastThreadID int64
}

// PostsPerSecond is the seeding rate over the whole run.
func (s Stats) PostsPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Posts) / s.Elapsed.Seconds()
}

// postsPerTx is how many posts each write transaction carries.
const postsPerTx = 5000

// Seed adds demo content to a migrated Hearth database through db (the
// writer handle) in the given dialect ("sqlite" or "postgres"). Rows get
// explicit ids (so each reply's sort key is known before it is written) and
// go in as multi-row inserts, postsPerTx posts per transaction. Every
// counter the forum keeps (thread replies, first and last post, group and
// member counts) is written consistent with the rows.
func Seed(ctx context.Context, db *sql.DB, dialect string, o Options, progress io.Writer) (Stats, error) {
	start := time.Now()
	if err := o.Validate(); err != nil {
		return Stats{}, err
	}
	if dialect != "sqlite" && dialect != "postgres" {
		return Stats{}, fmt.Errorf("unknown dialect %q", dialect)
	}
	if progress == nil {
		progress = io.Discard
	}
	if o.Now.IsZero() {
		o.Now = time.Now().UTC().Truncate(24 * time.Hour)
	}
	o.Now = o.Now.UTC()
	w := &writer{db: db, pg: dialect == "postgres"}
	g := newGen(o)
	st := Stats{Dialect: dialect}
	r := markup.New()

	groups, created, err := ensureGroups(ctx, w, g, r, o.Groups)
	if err != nil {
		return st, err
	}
	st.Groups, st.GroupsCreated = len(groups), created

	members, err := addMembers(ctx, w, g, o)
	if err != nil {
		return st, err
	}
	st.Members = len(members)
	for i := 0; i < len(members) && i < 3; i++ {
		st.SampleMembers = append(st.SampleMembers, members[i].name)
	}

	ids, err := w.nextIDs(ctx, "threads", "posts", "reports", "queue_items")
	if err != nil {
		return st, err
	}
	s := &seeder{w: w, g: g, r: r, o: o, groups: groups, members: members, ids: ids, pools: map[string]*pool{}, st: &st}
	if err := s.threads(ctx, progress); err != nil {
		return st, err
	}
	if err := s.counters(ctx); err != nil {
		return st, err
	}
	if w.pg {
		if err := w.resetSequences(ctx, "users", "groups", "threads", "posts", "reports", "queue_items"); err != nil {
			return st, err
		}
		if err := w.analyze(ctx); err != nil {
			return st, err
		}
	}
	st.DistinctBodies = s.rendered
	st.Elapsed = time.Since(start)
	return st, nil
}

// group is a group threads are written to.
type group struct {
	id             int64
	slug           string
	topic          *topic
	threads, posts int
	lastActivity   time.Time
	pinned         bool
}

// ensureGroups returns the first n groups by position, creating the missing
// ones from the extra topics.
func ensureGroups(ctx context.Context, w *writer, g *gen, r *markup.Renderer, n int) ([]*group, int, error) {
	rows, err := w.db.QueryContext(ctx, w.rebind("SELECT id, slug FROM groups WHERE archived = ? ORDER BY position, id"), false)
	if err != nil {
		return nil, 0, fmt.Errorf("read groups: %w", err)
	}
	var out []*group
	have := map[string]bool{}
	for rows.Next() {
		var gr group
		if err := rows.Scan(&gr.id, &gr.slug); err != nil {
			_ = rows.Close()
			return nil, 0, err
		}
		have[gr.slug] = true
		out = append(out, &gr)
	}
	_ = rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	var maxPos int
	if err := w.db.QueryRowContext(ctx, "SELECT COALESCE(MAX(position), 0) FROM groups").Scan(&maxPos); err != nil {
		return nil, 0, fmt.Errorf("read group positions: %w", err)
	}
	created := 0
	var newRows [][]any
	ids, err := w.nextIDs(ctx, "groups")
	if err != nil {
		return nil, 0, err
	}
	now := g.o.Now
	for i := 0; len(out) < n; i++ {
		t := &topics[i%len(topics)]
		slug, name := t.slug, t.name
		if round := i / len(topics); round > 0 {
			slug, name = fmt.Sprintf("%s-%d", t.slug, round+1), fmt.Sprintf("%s (%d)", t.name, round+1)
		}
		if have[slug] {
			continue
		}
		have[slug] = true
		guide := "Be kind, share your own experience, and use trigger warnings for anything heavy."
		html, err := r.Render(guide)
		if err != nil {
			return nil, 0, err
		}
		id := ids["groups"]
		ids["groups"]++
		maxPos++
		desc := t.description
		if desc == "" {
			desc = "A place to talk about " + t.name + " with people who understand."
		}
		newRows = append(newRows, []any{id, slug, name, desc, guide, string(html), maxPos, now, now})
		out = append(out, &group{id: id, slug: slug})
		created++
	}
	if len(newRows) > 0 {
		err := w.tx(ctx, func(tx *sql.Tx) error {
			return w.insert(ctx, tx, "groups", []string{"id", "slug", "name", "description", "guidelines", "guidelines_html", "position", "created_at", "updated_at"}, newRows)
		})
		if err != nil {
			return nil, 0, fmt.Errorf("create groups: %w", err)
		}
	}
	out = out[:n]
	for i, gr := range out {
		gr.topic = &topics[i%len(topics)]
		for j := range topics {
			if topics[j].slug == gr.slug {
				gr.topic = &topics[j]
			}
		}
	}
	return out, created, nil
}

// member is a demo account.
type member struct {
	id    int64
	name  string
	posts int
}

// addMembers creates o.Members accounts, all with o.Password (hashed once
// with Hearth's own argon2id parameters, so logging in costs what it
// really costs).
func addMembers(ctx context.Context, w *writer, g *gen, o Options) ([]*member, error) {
	taken := map[string]bool{}
	rows, err := w.db.QueryContext(ctx, "SELECT username_key FROM users")
	if err != nil {
		return nil, fmt.Errorf("read users: %w", err)
	}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			_ = rows.Close()
			return nil, err
		}
		taken[k] = true
	}
	_ = rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	h, err := auth.NewHasher(auth.DefaultParams, max(1, runtime.NumCPU()))
	if err != nil {
		return nil, err
	}
	hash, err := h.Hash(ctx, o.Password)
	if err != nil {
		return nil, fmt.Errorf("hash demo password: %w", err)
	}
	ids, err := w.nextIDs(ctx, "users")
	if err != nil {
		return nil, err
	}
	names := g.pseudonyms(o.Members, taken)
	out := make([]*member, 0, len(names))
	var batch [][]any
	for _, name := range names {
		_, key, err := auth.NormalizePseudonym(name)
		if err != nil {
			return nil, err
		}
		id := ids["users"]
		ids["users"]++
		at := o.Now.Add(-time.Duration(g.between(30, 700)) * 24 * time.Hour).Add(time.Duration(g.rng.IntN(86400)) * time.Second)
		batch = append(batch, []any{id, name, key, hash, "member", at, at})
		out = append(out, &member{id: id, name: name})
	}
	err = w.tx(ctx, func(tx *sql.Tx) error {
		return w.insert(ctx, tx, "users", []string{"id", "username", "username_key", "password_hash", "role", "created_at", "updated_at"}, batch)
	})
	if err != nil {
		return nil, fmt.Errorf("add members: %w", err)
	}
	return out, nil
}

// body is a rendered post body with the tags it needs.
type body struct {
	md, html string
	tags     forum.Tags
}

// pool holds the distinct bodies of one topic and kind; each is rendered
// with the real renderer once and reused by many posts.
type pool struct{ bodies []body }

// Pool sizes per topic: tagged bodies are a fifth of each kind.
const (
	openingPool = 200
	replyPool   = 600
)

type seeder struct {
	w        *writer
	g        *gen
	r        *markup.Renderer
	o        Options
	groups   []*group
	members  []*member
	ids      map[string]int64
	pools    map[string]*pool
	st       *Stats
	rendered int
}

// bodyFor returns a body for a post in topic t.
func (s *seeder) bodyFor(t *topic, opening, tagged bool) (body, error) {
	key := fmt.Sprintf("%s/%t/%t", t.slug, opening, tagged)
	p := s.pools[key]
	if p == nil {
		size := replyPool
		if opening {
			size = openingPool
		}
		if tagged {
			size /= 4
		}
		p = &pool{}
		for i := 0; i < size; i++ {
			md := s.g.body(t, opening, tagged)
			html, err := s.r.Render(md)
			if err != nil {
				return body{}, fmt.Errorf("render demo body: %w", err)
			}
			b := body{md: md, html: string(html)}
			if tagged {
				b.tags = s.g.tagsFor(t)
			}
			p.bodies = append(p.bodies, b)
			s.rendered++
		}
		s.pools[key] = p
	}
	return p.bodies[s.g.rng.IntN(len(p.bodies))], nil
}

// someone picks a member, favouring a core of regulars as real forums do.
func (s *seeder) someone() *member {
	u := s.g.rng.Float64()
	return s.members[int(float64(len(s.members))*u*u)]
}

// pickGroup favours the first groups a little.
func (s *seeder) pickGroup() *group {
	var sum float64
	for i := range s.groups {
		sum += 1 / (1 + 0.25*float64(i))
	}
	x := s.g.rng.Float64() * sum
	for i, gr := range s.groups {
		x -= 1 / (1 + 0.25*float64(i))
		if x <= 0 {
			return gr
		}
	}
	return s.groups[len(s.groups)-1]
}

// batch collects the rows of one transaction.
type batch struct {
	threads, posts, reactions, subs, reports, queue [][]any
	nposts                                          int
}

var (
	threadCols   = []string{"id", "group_id", "author_id", "title", "tags", "status", "locked", "lock_reason", "pinned", "reply_count", "first_post_id", "last_post_id", "last_author_id", "last_post_at", "created_at", "updated_at"}
	postCols     = []string{"id", "thread_id", "group_id", "author_id", "parent_id", "depth", "sort_key", "body_md", "body_html", "tags", "status", "created_at", "updated_at"}
	reactionCols = []string{"post_id", "user_id", "kind", "created_at"}
	subCols      = []string{"user_id", "thread_id", "state", "created_at", "updated_at"}
	reportCols   = []string{"id", "post_id", "thread_id", "group_id", "reporter_id", "subject_id", "reason", "note", "status", "created_at"}
	queueCols    = []string{"id", "kind", "post_id", "thread_id", "group_id", "priority", "detail", "status", "created_at", "updated_at"}
)

// threads writes every thread with its posts, reactions, follows and reports.
func (s *seeder) threads(ctx context.Context, progress io.Writer) error {
	counts := s.g.postCounts(s.o.Threads, s.o.Posts)
	span := 365 * 24 * time.Hour
	if s.o.Uniform {
		span = 90 * 24 * time.Hour
	}
	b := &batch{}
	nextReport := s.o.Posts / 10
	for ti, n := range counts {
		if err := s.thread(b, n, span); err != nil {
			return err
		}
		if b.nposts >= postsPerTx || ti == len(counts)-1 {
			if err := s.flush(ctx, b); err != nil {
				return err
			}
			b = &batch{}
			if s.st.Posts >= nextReport || ti == len(counts)-1 {
				fmt.Fprintf(progress, "seed-demo: %d/%d posts\n", s.st.Posts, s.o.Posts)
				nextReport += s.o.Posts / 10
			}
		}
	}
	return nil
}

// thread adds one thread of n posts to b.
func (s *seeder) thread(b *batch, n int, span time.Duration) error {
	gr := s.pickGroup()
	t := gr.topic
	tid := s.ids["threads"]
	s.ids["threads"]++
	if s.st.FirstThreadID == 0 {
		s.st.FirstThreadID = tid
	}
	s.st.LastThreadID = tid
	starter := s.someone()
	at := s.o.Now.Add(-time.Duration(s.g.rng.Int64N(int64(span))))
	threadTagged := s.g.chance(0.2)
	title := s.g.title(t)

	ids := make([]int64, n)
	keys := make([]string, n)
	depths := make([]int, n)
	authors := make([]*member, n)
	followers := map[int64]time.Time{}
	var lastAt, createdAt time.Time
	var firstTags string
	for k := 0; k < n; k++ {
		id := s.ids["posts"]
		s.ids["posts"]++
		ids[k] = id
		var parent any
		author := starter
		tagged := threadTagged
		if k > 0 {
			p := s.g.parentIndex(k, depths)
			parent = ids[p]
			keys[k] = sortKey(keys[p], id)
			depths[k] = depthOf(keys[k])
			author = s.someone()
			if s.g.chance(0.15) {
				author = starter
			}
			tagged = s.g.chance(0.2)
			// Replies come minutes to hours apart.
			at = at.Add(time.Duration(-math.Log(1-s.g.rng.Float64())*float64(90*time.Minute)) + time.Minute)
		} else {
			keys[k] = sortKey("", id)
		}
		if at.After(s.o.Now) {
			at = s.o.Now.Add(-time.Duration(n-k) * time.Second)
		}
		authors[k] = author
		bd, err := s.bodyFor(t, k == 0, tagged)
		if err != nil {
			return err
		}
		if !bd.tags.Empty() {
			s.st.Tagged++
		}
		b.posts = append(b.posts, []any{id, tid, gr.id, author.id, parent, depths[k], keys[k], bd.md, bd.html, string(bd.tags), forum.StatusVisible, at, at})
		if _, ok := followers[author.id]; !ok {
			followers[author.id] = at
		}
		author.posts++
		lastAt = at
		if k == 0 {
			// The thread carries its opening post's tags.
			firstTags, createdAt = string(bd.tags), at
		}
		s.reactions(b, id, author.id, at)
		s.maybeReport(b, id, tid, gr.id, author.id, at)
	}
	pinned := !gr.pinned && s.g.chance(0.2)
	gr.pinned = gr.pinned || pinned
	// A few threads are locked, as in a real forum, but none in the bench
	// shape, where every thread takes replies.
	locked := !s.o.Uniform && s.g.chance(0.005)
	lockReason := ""
	if locked {
		lockReason = "This conversation has run its course. Please start a new thread if you'd like to keep talking."
	}
	first := ids[0]
	last := ids[n-1]
	b.threads = append(b.threads, []any{tid, gr.id, starter.id, title, firstTags, forum.StatusVisible, locked, lockReason, pinned,
		n - 1, first, last, authors[n-1].id, lastAt, createdAt, lastAt})
	for uid, since := range followers {
		b.subs = append(b.subs, []any{uid, tid, "follow", since, since})
	}
	b.nposts += n
	gr.threads++
	gr.posts += n
	if lastAt.After(gr.lastActivity) {
		gr.lastActivity = lastAt
	}
	s.st.Threads++
	s.st.Posts += n
	if n > s.st.BusiestThreadPosts {
		s.st.BusiestThreadID, s.st.BusiestThreadPosts = tid, n
	}
	return nil
}

// reactions adds a few supportive reactions to about a third of posts.
func (s *seeder) reactions(b *batch, postID, authorID int64, at time.Time) {
	if !s.g.chance(0.3) {
		return
	}
	seen := map[int64]bool{authorID: true}
	for i, k := 0, s.g.between(1, 4); i < k; i++ {
		m := s.someone()
		if seen[m.id] {
			continue
		}
		seen[m.id] = true
		b.reactions = append(b.reactions, []any{postID, m.id, s.g.pick(reactionKinds), at.Add(time.Duration(s.g.between(1, 600)) * time.Minute)})
		s.st.Reactions++
	}
}

// maybeReport files an open report (and its queue item) on about one post
// in five hundred.
func (s *seeder) maybeReport(b *batch, postID, threadID, groupID, authorID int64, at time.Time) {
	if !s.g.chance(0.002) {
		return
	}
	reporter := s.someone()
	if reporter.id == authorID {
		return
	}
	reason := reportReasons[s.g.rng.IntN(len(reportReasons))]
	note := ""
	if reason.key == "other" {
		note = "This feels a bit harsh for the group; could someone take a look?"
	}
	rid := s.ids["reports"]
	s.ids["reports"]++
	qid := s.ids["queue_items"]
	s.ids["queue_items"]++
	when := at.Add(time.Duration(s.g.between(5, 300)) * time.Minute)
	if when.After(s.o.Now) {
		when = s.o.Now
	}
	b.reports = append(b.reports, []any{rid, postID, threadID, groupID, reporter.id, authorID, reason.key, note, "open", when})
	b.queue = append(b.queue, []any{qid, "report", postID, threadID, groupID, reason.weight, "", "open", when, when})
	s.st.Reports++
}

// flush writes b in one transaction, parents before children.
func (s *seeder) flush(ctx context.Context, b *batch) error {
	err := s.w.tx(ctx, func(tx *sql.Tx) error {
		for _, step := range []struct {
			table string
			cols  []string
			rows  [][]any
		}{
			{"threads", threadCols, b.threads},
			{"posts", postCols, b.posts},
			{"reactions", reactionCols, b.reactions},
			{"subscriptions", subCols, b.subs},
			{"reports", reportCols, b.reports},
			{"queue_items", queueCols, b.queue},
		} {
			if err := s.w.insert(ctx, tx, step.table, step.cols, step.rows); err != nil {
				return fmt.Errorf("insert %s: %w", step.table, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.st.Subscriptions += len(b.subs)
	return nil
}

// counters adds the new threads and posts to the group and member counts.
func (s *seeder) counters(ctx context.Context) error {
	return s.w.tx(ctx, func(tx *sql.Tx) error {
		for _, gr := range s.groups {
			if gr.threads == 0 {
				continue
			}
			if _, err := tx.ExecContext(ctx, s.w.rebind(`UPDATE groups SET thread_count = thread_count + ?, post_count = post_count + ?,
				last_activity_at = CASE WHEN last_activity_at IS NULL OR last_activity_at < ? THEN ? ELSE last_activity_at END, updated_at = ? WHERE id = ?`),
				gr.threads, gr.posts, gr.lastActivity, gr.lastActivity, s.o.Now, gr.id); err != nil {
				return fmt.Errorf("update group %s: %w", gr.slug, err)
			}
		}
		for _, m := range s.members {
			if m.posts == 0 {
				continue
			}
			if _, err := tx.ExecContext(ctx, s.w.rebind(`UPDATE users SET post_count = post_count + ? WHERE id = ?`), m.posts, m.id); err != nil {
				return fmt.Errorf("update member %d: %w", m.id, err)
			}
		}
		return nil
	})
}

// sortKey is a post's place in its thread's reply tree, exactly as the
// schema defines it (migration 0003): the parent's key, "/", and the post's
// id zero-padded to ten digits; an opening post's key is its padded id.
func sortKey(parentKey string, id int64) string {
	k := fmt.Sprintf("%010d", id)
	if parentKey == "" {
		return k
	}
	return parentKey + "/" + k
}

// depthOf is the number of "/" in a sort key: 0 for an opening post.
func depthOf(key string) int { return strings.Count(key, "/") }
