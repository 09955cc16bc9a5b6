package store

import (
	"context"
	"database/sql"
	"fmt"

	"hearth/pkg/forum"
)

// Forum implements forum.Store.
type Forum struct{ db *DB }

// NewForum returns the forum store on db.
func NewForum(db *DB) *Forum { return &Forum{db: db} }

var _ forum.Store = (*Forum)(nil)

// Groups implements forum.Store.
func (s *Forum) Groups(ctx context.Context, includeArchived bool) ([]forum.Group, error) {
	q := s.db.read(ctx).Order("position, name")
	if !includeArchived {
		q = q.Where("archived = ?", false)
	}
	return readGroups(q, "groups.*")
}

// groupListColumns is the allowlisted select list of GroupList: every
// column but the guidelines (Markdown and HTML, the bulk of a row) and the
// timestamps, which no list shows.
const groupListColumns = "groups.id, groups.slug, groups.name, groups.description, groups.position, groups.premod, groups.premod_first_n, " +
	"groups.require_tag, groups.archived, groups.thread_count, groups.post_count, groups.last_activity_at"

// GroupList implements forum.Store.
func (s *Forum) GroupList(ctx context.Context) ([]forum.Group, error) {
	return readGroups(s.db.read(ctx).Where("archived = ?", false).Order("position, name"), groupListColumns)
}

// GroupChoices implements forum.Store.
func (s *Forum) GroupChoices(ctx context.Context) ([]forum.Group, error) {
	var gs []forum.Group
	err := scanRows(s.db.read(ctx), `SELECT id, slug, name FROM groups WHERE archived = ? ORDER BY position, name`, []any{false},
		func(r *sql.Rows) error {
			var g forum.Group
			if err := r.Scan(&g.ID, &g.Slug, &g.Name); err != nil {
				return err
			}
			gs = append(gs, g)
			return nil
		})
	return gs, translate(err)
}

// GroupBySlug implements forum.Store.
func (s *Forum) GroupBySlug(ctx context.Context, slug string) (forum.Group, error) {
	return readGroup(s.db.read(ctx).Where("slug = ?", slug))
}

// threadSummaryColumns is the allowlisted select list of thread lists.
const threadSummaryColumns = "threads.*, a.username AS author_name, l.username AS last_author_name"

// Threads implements forum.Store.
func (s *Forum) Threads(ctx context.Context, q forum.ThreadQuery) ([]forum.ThreadSummary, error) {
	if q.Limit <= 0 {
		return nil, fmt.Errorf("thread query without a limit")
	}
	tx := s.db.read(ctx).Table("threads").
		Select(threadSummaryColumns).
		Joins("LEFT JOIN users a ON a.id = threads.author_id").
		Joins("LEFT JOIN users l ON l.id = threads.last_author_id").
		Where("threads.group_id = ?", q.GroupID)
	if !q.IncludeHidden {
		if q.ViewerID > 0 {
			tx = tx.Where("(threads.status IN ? OR (threads.status = ? AND threads.author_id = ?))",
				[]string{forum.StatusVisible, forum.StatusRedacted}, forum.StatusHeld, q.ViewerID)
		} else {
			tx = tx.Where("threads.status IN ?", []string{forum.StatusVisible, forum.StatusRedacted})
		}
	}
	for _, slug := range q.HideTags {
		tx = tx.Where("threads.tags NOT LIKE ?", forum.Pattern(slug))
	}
	if c := q.After; c != nil {
		older := s.db.read(ctx).Where("threads.last_post_at < ?", c.LastPostAt).
			Or("threads.last_post_at = ? AND threads.id < ?", c.LastPostAt, c.ID)
		if c.Pinned {
			tx = tx.Where(s.db.read(ctx).Where("threads.pinned = ?", false).
				Or(s.db.read(ctx).Where("threads.pinned = ?", true).Where(older)))
		} else {
			tx = tx.Where("threads.pinned = ?", false).Where(older)
		}
	}
	var rows []forum.ThreadSummary
	err := tx.Order("threads.pinned DESC, threads.last_post_at DESC, threads.id DESC").
		Limit(q.Limit + 1).Find(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	return rows, nil
}

// Tags implements forum.Store.
func (s *Forum) Tags(ctx context.Context) ([]forum.Tag, error) {
	return s.db.loadTags(ctx)
}

// loadTags reads the vocabulary, in display order, by hand (scanRows): it
// runs whenever a member's settings version has moved and on visitors'
// pages the visitor cache does not answer.
func (d *DB) loadTags(ctx context.Context) ([]forum.Tag, error) {
	ts := []forum.Tag{}
	err := scanRows(d.read(ctx), `SELECT id, slug, name, description, position, created_at FROM tags ORDER BY position, slug`, nil,
		func(r *sql.Rows) error {
			var t forum.Tag
			if err := r.Scan(&t.ID, &t.Slug, &t.Name, &t.Description, &t.Position, &t.CreatedAt); err != nil {
				return err
			}
			ts = append(ts, t)
			return nil
		})
	if err != nil {
		return nil, translate(err)
	}
	return ts, nil
}
