package demo

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"time"

	"hearth/pkg/markup"
)

// Stats says what Seed added and how long it took.
type Stats struct {
	Dialect                           string
	Groups, GroupsCreated, Members    int
	Threads, Posts, Tagged            int
	Reactions, Reports, Subscriptions int
	// DistinctBodies is how many different bodies the posts have (as
	// many as posts, but for a rare repeat); Blocks is how many
	// paragraphs, lists, quotes and code blocks they are composed of, each
	// rendered once.
	DistinctBodies, Blocks int
	Elapsed                time.Duration
	SampleMembers          []string
	BusiestThreadID        int64
	BusiestThreadPosts     int
	// FirstThreadID and LastThreadID bound the ids of the added threads.
	FirstThreadID, LastThreadID int64
	// UnreadMember has UnreadNotices unread notifications
	// (Options.UnreadNotices).
	UnreadMember  string
	UnreadNotices int
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
	restore, err := w.loadSettings(ctx)
	if err != nil {
		return st, err
	}
	defer restore()
	s := &seeder{w: w, g: g, r: r, o: o, groups: groups, members: members, ids: ids, bodies: newComposer(g, r), st: &st}
	if err := s.threads(ctx, progress); err != nil {
		return st, err
	}
	if err := s.counters(ctx); err != nil {
		return st, err
	}
	if o.UnreadNotices > 0 && st.Threads > 0 {
		if err := s.unreadMember(ctx, o.UnreadNotices); err != nil {
			return st, err
		}
	}
	if w.pg {
		if err := w.resetSequences(ctx, "users", "groups", "threads", "posts", "reports", "queue_items"); err != nil {
			return st, err
		}
		if err := w.analyze(ctx); err != nil {
			return st, err
		}
	} else if err := w.compactSearch(ctx); err != nil {
		return st, err
	}
	st.DistinctBodies, st.Blocks = s.bodies.distinct(), s.bodies.blocks
	st.Elapsed = time.Since(start)
	return st, nil
}
