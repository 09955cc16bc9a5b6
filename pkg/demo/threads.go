package demo

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/markup"
)

type seeder struct {
	w       *writer
	g       *gen
	r       *markup.Renderer
	o       Options
	groups  []*group
	members []*member
	ids     map[string]int64
	bodies  *composer
	st      *Stats
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

// seedThread is a thread being written: its rows so far.
type seedThread struct {
	id       int64
	group    *group
	starter  *member
	tagged   bool
	at       time.Time
	ids      []int64
	keys     []string
	depths   []int
	authors  []*member
	follows  map[int64]time.Time
	lastAt   time.Time
	openedAt time.Time
	// tags are the opening post's, which the thread carries.
	tags string
}

// thread adds one thread of n posts to b.
func (s *seeder) thread(b *batch, n int, span time.Duration) error {
	gr := s.pickGroup()
	tid := s.ids["threads"]
	s.ids["threads"]++
	if s.st.FirstThreadID == 0 {
		s.st.FirstThreadID = tid
	}
	s.st.LastThreadID = tid
	th := &seedThread{id: tid, group: gr, starter: s.someone()}
	th.at = s.o.Now.Add(-time.Duration(s.g.rng.Int64N(int64(span))))
	th.tagged = s.g.chance(0.2)
	title := s.g.title(gr.topic)
	th.ids, th.keys, th.depths, th.authors = make([]int64, n), make([]string, n), make([]int, n), make([]*member, n)
	th.follows = map[int64]time.Time{}
	for k := 0; k < n; k++ {
		if err := s.post(b, th, k, n); err != nil {
			return err
		}
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
	b.threads = append(b.threads, []any{tid, gr.id, th.starter.id, title, th.tags, forum.StatusVisible, locked, lockReason, pinned,
		n - 1, th.ids[0], th.ids[n-1], th.authors[n-1].id, th.lastAt, th.openedAt, th.lastAt})
	for uid, since := range th.follows {
		b.subs = append(b.subs, []any{uid, tid, "follow", since, since})
	}
	b.nposts += n
	gr.threads++
	gr.posts += n
	if th.lastAt.After(gr.lastActivity) {
		gr.lastActivity = th.lastAt
	}
	s.st.Threads++
	s.st.Posts += n
	if n > s.st.BusiestThreadPosts {
		s.st.BusiestThreadID, s.st.BusiestThreadPosts = tid, n
	}
	return nil
}

// post adds post k of the n in thread th to b: the opening post by the
// thread's starter, then replies to earlier posts minutes to hours apart.
func (s *seeder) post(b *batch, th *seedThread, k, n int) error {
	id := s.ids["posts"]
	s.ids["posts"]++
	th.ids[k] = id
	var parent any
	author := th.starter
	tagged := th.tagged
	if k > 0 {
		p := s.g.parentIndex(k, th.depths)
		parent = th.ids[p]
		th.keys[k] = sortKey(th.keys[p], id)
		th.depths[k] = depthOf(th.keys[k])
		author = s.someone()
		if s.g.chance(0.15) {
			author = th.starter
		}
		tagged = s.g.chance(0.2)
		th.at = th.at.Add(time.Duration(-math.Log(1-s.g.rng.Float64())*float64(90*time.Minute)) + time.Minute)
	} else {
		th.keys[k] = sortKey("", id)
	}
	if th.at.After(s.o.Now) {
		th.at = s.o.Now.Add(-time.Duration(n-k) * time.Second)
	}
	at := th.at
	th.authors[k] = author
	bd, err := s.bodies.body(th.group.topic, k == 0, tagged)
	if err != nil {
		return err
	}
	if !bd.tags.Empty() {
		s.st.Tagged++
	}
	b.posts = append(b.posts, []any{id, th.id, th.group.id, author.id, parent, th.depths[k], th.keys[k], bd.md, bd.html, string(bd.tags), forum.StatusVisible, at, at})
	if _, ok := th.follows[author.id]; !ok {
		th.follows[author.id] = at
	}
	th.lastAt = at
	if k == 0 {
		th.tags, th.openedAt = string(bd.tags), at
	}
	s.reactions(b, id, author.id, at)
	s.maybeReport(b, id, th.id, th.group.id, author.id, at)
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

// maybeReport files an open report (and its queue item) on one post in
// five hundred, and on at least five posts of a small forum, so a demo's
// moderator queue is never empty by chance.
func (s *seeder) maybeReport(b *batch, postID, threadID, groupID, authorID int64, at time.Time) {
	every := int64(min(500, max(1, s.o.Posts/5)))
	if postID%every != 0 {
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
	err := s.w.batch(ctx, func(tx batchTx) error {
		if err := s.w.suspendTriggers(ctx, tx); err != nil {
			return err
		}
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
			if err := s.w.bulkInsert(ctx, tx, step.table, step.cols, step.rows); err != nil {
				return fmt.Errorf("insert %s: %w", step.table, err)
			}
		}
		if len(b.posts) > 0 {
			first, last := b.posts[0][0].(int64), b.posts[len(b.posts)-1][0].(int64)
			firstThread, lastThread := b.threads[0][0].(int64), b.threads[len(b.threads)-1][0].(int64)
			if err := s.w.batchSearch(ctx, tx, first, last, firstThread, lastThread); err != nil {
				return err
			}
		}
		return s.w.resumeTriggers(ctx, tx)
	})
	if err != nil {
		return err
	}
	s.st.Subscriptions += len(b.subs)
	return nil
}

// counters adds the new threads and posts to the group counts.
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
