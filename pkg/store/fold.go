package store

import (
	"context"
	"database/sql"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"

	"hearth/migrations"
	"hearth/pkg/forum"
)

// Rows that every reply would otherwise update, and so lock until its
// commit, are written as appended rows instead (migration 25): a member's
// notice marks and a group's tallies. Readers add them to the row they
// belong to in the same statement, so what they read is exact; a fold
// moves them into that row now and then, outside any reply's
// transaction, so they stay few.
const (
	// foldMarksAt is how many notice marks a member's session lookup
	// finds before it folds them.
	foldMarksAt = 64
	// foldTalliesEvery is how many tallies this process appends between
	// folds.
	foldTalliesEvery = 64
)

// folds runs the folds in the background, at most one of each kind at a
// time per process; Close waits for them.
type folds struct {
	marksBusy, talliesBusy atomic.Bool
	tallies                atomic.Int64
	wg                     sync.WaitGroup
	mu                     sync.Mutex
	closed                 bool
}

// start runs fn in the background unless busy is already set or the
// database is closing.
func (f *folds) start(busy *atomic.Bool, fn func(ctx context.Context) error) {
	if !busy.CompareAndSwap(false, true) {
		return
	}
	f.mu.Lock()
	if f.closed {
		f.mu.Unlock()
		busy.Store(false)
		return
	}
	f.wg.Add(1)
	f.mu.Unlock()
	go func() {
		defer f.wg.Done()
		defer busy.Store(false)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		// A failed fold loses nothing: what it would have moved stays
		// where readers count it, and the next fold moves it.
		if err := fn(ctx); err != nil {
			slog.Warn("fold", "err", err)
		}
	}()
}

// wait lets the running folds finish and starts no more.
func (f *folds) wait() {
	f.mu.Lock()
	f.closed = true
	f.mu.Unlock()
	f.wg.Wait()
}

// noticeMarks folds a member's notice marks in the background.
func (f *folds) noticeMarks(db *DB, userID int64) {
	f.start(&f.marksBusy, func(ctx context.Context) error { return db.FoldNoticeMarks(ctx, userID) })
}

// tallied counts an appended tally, folding every foldTalliesEvery: the
// groups' tallies, and every member's notice marks, which a member who
// never signs in would otherwise pile up (their session lookup folds only
// their own).
func (f *folds) tallied(db *DB) {
	if f.tallies.Add(1)%foldTalliesEvery == 0 {
		f.start(&f.talliesBusy, db.FoldGroupTallies)
		f.start(&f.marksBusy, db.FoldAllNoticeMarks)
	}
}

// FoldNoticeMarks moves a member's notice marks into member_versions: the
// marks go and the version grows by their number plus one, so the
// version the session lookup reads (notices plus marks) grows by one. A
// mark committed while the fold runs is not among those it deletes and
// still counts.
func (db *DB) FoldNoticeMarks(ctx context.Context, userID int64) error {
	return db.foldMarks(ctx, "DELETE FROM notice_marks WHERE user_id = ? RETURNING user_id", userID)
}

// FoldAllNoticeMarks folds every member's notice marks as FoldNoticeMarks
// folds one member's, in one transaction. On SQLite, where triggers write
// member_versions directly and notice_marks stays empty, it does nothing
// (and takes no write transaction).
func (db *DB) FoldAllNoticeMarks(ctx context.Context) error {
	if db.Dialect != migrations.Postgres {
		return nil
	}
	return db.foldMarks(ctx, "DELETE FROM notice_marks RETURNING user_id")
}

// foldMarks deletes the marks del (a DELETE ... RETURNING user_id) names
// and adds each member's number of them, plus one, to their version, in
// one transaction and in one lock order.
func (db *DB) foldMarks(ctx context.Context, del string, args ...any) error {
	return db.Tx(ctx, func(tx *gorm.DB) error {
		counts := map[int64]int64{}
		err := scanRows(tx, del, args, func(r *sql.Rows) error {
			var uid int64
			if err := r.Scan(&uid); err != nil {
				return err
			}
			counts[uid]++
			return nil
		})
		if err != nil || len(counts) == 0 {
			return err
		}
		ids := make([]int64, 0, len(counts))
		for uid := range counts {
			ids = append(ids, uid)
		}
		slices.Sort(ids)
		rows := make([]string, len(ids))
		vals := make([]any, 0, 2*len(ids))
		for i, uid := range ids {
			rows[i] = "SELECT ?, ?"
			if i == 0 {
				rows[i] = "SELECT CAST(? AS BIGINT) AS uid, CAST(? AS BIGINT) AS n"
			}
			vals = append(vals, uid, counts[uid]+1)
		}
		// WHERE true lets SQLite read ON CONFLICT as the upsert's.
		return tx.Exec(`INSERT INTO member_versions (user_id, notices)
			SELECT u.id, v.n FROM users u JOIN (`+strings.Join(rows, " UNION ALL ")+`) v ON v.uid = u.id WHERE true ORDER BY u.id
			ON CONFLICT (user_id) DO UPDATE SET notices = member_versions.notices + excluded.notices`, vals...).Error
	})
}

// tally is one group's share of a fold.
type tally struct {
	posts, threads int64
	at             int64
}

// FoldGroupTallies moves every group's tallies into its row, in one
// transaction that adds exactly the tallies it deletes.
func (db *DB) FoldGroupTallies(ctx context.Context) error {
	return db.Tx(ctx, func(tx *gorm.DB) error {
		sums := map[int64]*tally{}
		err := scanRows(tx, "DELETE FROM group_tallies RETURNING group_id, posts, threads, at_us", nil, func(r *sql.Rows) error {
			var g int64
			var t tally
			if err := r.Scan(&g, &t.posts, &t.threads, &t.at); err != nil {
				return err
			}
			s := sums[g]
			if s == nil {
				s = &tally{}
				sums[g] = s
			}
			s.posts, s.threads, s.at = s.posts+t.posts, s.threads+t.threads, max(s.at, t.at)
			return nil
		})
		if err != nil {
			return err
		}
		ids := make([]int64, 0, len(sums))
		for g := range sums {
			ids = append(ids, g)
		}
		slices.Sort(ids) // one lock order for every fold
		for _, g := range ids {
			s := sums[g]
			at := time.UnixMicro(s.at).UTC()
			if err := tx.Exec(`UPDATE groups SET post_count = post_count + ?, thread_count = thread_count + ?,
				last_activity_at = CASE WHEN last_activity_at IS NULL OR last_activity_at < ? THEN ? ELSE last_activity_at END
				WHERE id = ?`, s.posts, s.threads, at, at, g).Error; err != nil {
				return err
			}
		}
		return nil
	})
}

// tallyInsert appends a group's share of a new post (migration 25): its
// group, posts, threads and time in microseconds.
const tallyInsert = "INSERT INTO group_tallies (group_id, posts, threads, at_us) VALUES (?, ?, ?, ?)"

// groupTallied is a group row as read with its unfolded tallies.
type groupTallied struct {
	forum.Group
	TallyPosts   sql.NullInt64 `gorm:"column:tally_posts"`
	TallyThreads sql.NullInt64 `gorm:"column:tally_threads"`
	TallyAt      sql.NullInt64 `gorm:"column:tally_at"`
}

// talliedJoin adds each group's unfolded tallies to a query of groups.
const talliedJoin = `LEFT JOIN (SELECT group_id, SUM(posts) AS tally_posts, SUM(threads) AS tally_threads, MAX(at_us) AS tally_at
	FROM group_tallies GROUP BY group_id) gt ON gt.group_id = groups.id`

// readGroups runs q (a query of groups; cols the columns it selects) with
// the tallies added to each group's counters.
func readGroups(q *gorm.DB, cols string) ([]forum.Group, error) {
	var rows []groupTallied
	if err := q.Table("groups").Select(cols + ", gt.tally_posts, gt.tally_threads, gt.tally_at").Joins(talliedJoin).Find(&rows).Error; err != nil {
		return nil, translate(err)
	}
	gs := make([]forum.Group, len(rows))
	for i, r := range rows {
		g := r.Group
		g.PostCount += int(r.TallyPosts.Int64)
		g.ThreadCount += int(r.TallyThreads.Int64)
		if r.TallyAt.Valid {
			at := time.UnixMicro(r.TallyAt.Int64).UTC()
			if g.LastActivityAt == nil || g.LastActivityAt.Before(at) {
				g.LastActivityAt = &at
			}
		}
		gs[i] = g
	}
	return gs, nil
}

// readGroup is readGroups for one group.
func readGroup(q *gorm.DB) (forum.Group, error) {
	gs, err := readGroups(q.Limit(1), "groups.*")
	if err != nil {
		return forum.Group{}, err
	}
	if len(gs) == 0 {
		return forum.Group{}, translate(gorm.ErrRecordNotFound)
	}
	return gs[0], nil
}

// NoticeVersion is a member's notice version as the session lookup reads
// it (for tests and tools).
func (db *DB) NoticeVersion(ctx context.Context, userID int64) (int64, error) {
	var v int64
	err := db.read(ctx).Raw(`SELECT COALESCE((SELECT notices FROM member_versions WHERE user_id = ?), 0)
		+ (SELECT COUNT(*) FROM notice_marks WHERE user_id = ?)`, userID, userID).Row().Scan(&v)
	return v, err
}
