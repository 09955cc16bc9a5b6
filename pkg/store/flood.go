package store

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"hearth/pkg/auth"
)

// Flood implements auth.FloodStore: one row per counter and window in
// flood_counts (migration 29), added to with an upsert, so instances
// sharing the database share the counts.
type Flood struct{ db *DB }

// NewFlood returns the flood counters on db.
func NewFlood(db *DB) *Flood { return &Flood{db: db} }

var _ auth.FloodStore = (*Flood)(nil)

// HitFlood implements auth.FloodStore in one statement. On SQLite it
// shares the writer's next commit with other writes (TxGrouped); on
// PostgreSQL it is one round trip outside any transaction.
func (s *Flood) HitFlood(ctx context.Context, cs []auth.FloodCounter) ([]int, error) {
	rows := make([]string, len(cs))
	args := make([]any, 0, 3*len(cs))
	for i, c := range cs {
		rows[i] = "(?, ?, ?, 1)"
		args = append(args, c.Key, c.Start, c.End)
	}
	q := `INSERT INTO flood_counts (bucket, window_start, window_end, hits) VALUES ` + strings.Join(rows, ", ") +
		` ON CONFLICT (bucket, window_start) DO UPDATE SET hits = flood_counts.hits + 1 RETURNING bucket, hits`
	var got map[string]int
	run := func(tx *gorm.DB) error {
		var err error
		got, err = scanFlood(tx.Raw(q, args...))
		return err
	}
	var err error
	if s.db.group != nil {
		err = s.db.TxGrouped(ctx, run)
	} else {
		err = translate(run(s.db.write(ctx)))
	}
	if err != nil {
		return nil, err
	}
	return inOrder(cs, got), nil
}

// FloodCounts implements auth.FloodStore.
func (s *Flood) FloodCounts(ctx context.Context, cs []auth.FloodCounter) ([]int, error) {
	conds := make([]string, len(cs))
	args := make([]any, 0, 2*len(cs))
	for i, c := range cs {
		conds[i] = "(bucket = ? AND window_start = ?)"
		args = append(args, c.Key, c.Start)
	}
	got, err := scanFlood(s.db.read(ctx).Raw(`SELECT bucket, hits FROM flood_counts WHERE `+strings.Join(conds, " OR "), args...))
	if err != nil {
		return nil, translate(err)
	}
	return inOrder(cs, got), nil
}

// PruneFlood implements auth.FloodStore.
func (s *Flood) PruneFlood(ctx context.Context, now int64) error {
	return translate(s.db.write(ctx).Exec(`DELETE FROM flood_counts WHERE window_end <= ?`, now).Error)
}

func scanFlood(q *gorm.DB) (map[string]int, error) {
	rows, err := q.Rows()
	if err != nil {
		return nil, err
	}
	defer func() { _ = rows.Close() }()
	got := map[string]int{}
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, fmt.Errorf("scan flood count: %w", err)
		}
		got[k] = n
	}
	return got, rows.Err()
}

func inOrder(cs []auth.FloodCounter, got map[string]int) []int {
	out := make([]int, len(cs))
	for i, c := range cs {
		out[i] = got[c.Key]
	}
	return out
}
