package store

import (
	"context"
	"database/sql"
	"fmt"

	"gorm.io/gorm"

	"hearth/pkg/forum"
)

// Public implements forum.PublicStore: the reads behind Hearth's feeds and
// read API, each limited to what a signed-out visitor may see.
type Public struct{ db *DB }

// NewPublic returns the public read store on db.
func NewPublic(db *DB) *Public { return &Public{db: db} }

var _ forum.PublicStore = (*Public)(nil)

// newThreadsColumns and newThreadsFrom read a thread with its group, its
// author's name and its opening post. The threads are chosen first by id
// alone (newest first: ids follow creation), so that only the chosen rows
// are joined and carry their opening posts' bodies; newThreadsOfGroup and
// newThreadsOfSite are the two choices.
const (
	newThreadsColumns = `SELECT t.id, t.group_id, t.author_id, t.title, t.tags, t.status, t.locked, t.pinned,
	t.reply_count, t.first_post_id, t.last_post_at, t.created_at, t.updated_at, t.anonymous,
	g.slug, g.name, COALESCE(a.username, ''),
	p.id, p.tags, p.status, p.status_reason, p.body_html, p.created_at, p.updated_at, p.edited_at, p.crisis_folded, p.crisis_topic`
	newThreadsFrom = ` FROM threads t JOIN groups g ON g.id = t.group_id
	LEFT JOIN users a ON a.id = t.author_id
	LEFT JOIN posts p ON p.id = t.first_post_id`
	newThreadsOfGroup = newThreadsColumns + newThreadsFrom + ` WHERE t.id IN (SELECT id FROM threads
	WHERE status IN (?, ?) AND group_id = ? ORDER BY id DESC LIMIT ?) ORDER BY t.id DESC`
	newThreadsOfSite = newThreadsColumns + newThreadsFrom + ` WHERE t.id IN (SELECT s.id FROM threads s JOIN groups sg ON sg.id = s.group_id
	WHERE s.status IN (?, ?) AND sg.archived = ? ORDER BY s.id DESC LIMIT ?) ORDER BY t.id DESC`
)

// NewThreads implements forum.PublicStore.
func (s *Public) NewThreads(ctx context.Context, groupID int64, limit int) ([]forum.FeedThread, error) {
	if limit <= 0 {
		return nil, fmt.Errorf("new threads query without a limit")
	}
	// The thread statuses a visitor may open, then the site's groups that
	// are not archived or the one group asked for.
	query, args := newThreadsOfSite, []any{forum.StatusVisible, forum.StatusRedacted, false, limit}
	if groupID != 0 {
		query, args = newThreadsOfGroup, []any{forum.StatusVisible, forum.StatusRedacted, groupID, limit}
	}
	var out []forum.FeedThread
	err := scanRows(s.db.read(ctx), query, args, func(r *sql.Rows) error {
		t, err := scanFeedThread(r)
		out = append(out, t)
		return err
	})
	if err != nil {
		return nil, translate(err)
	}
	return out, nil
}

// scanFeedThread reads one row of newThreadsColumns.
func scanFeedThread(r *sql.Rows) (forum.FeedThread, error) {
	var t forum.FeedThread
	var (
		pID                            sql.NullInt64
		pTags, pStatus, pReason, pHTML sql.NullString
		pCreated, pUpdated, pEdited    sql.NullTime
		pFolded                        sql.NullBool
		pTopic                         sql.NullString
	)
	err := r.Scan(&t.ID, &t.GroupID, &t.AuthorID, &t.Title, &t.Tags, &t.Status, &t.Locked, &t.Pinned,
		&t.ReplyCount, &t.FirstPostID, &t.LastPostAt, &t.CreatedAt, &t.UpdatedAt, &t.Anonymous,
		&t.GroupSlug, &t.GroupName, &t.AuthorName,
		&pID, &pTags, &pStatus, &pReason, &pHTML, &pCreated, &pUpdated, &pEdited, &pFolded, &pTopic)
	if err != nil {
		return t, fmt.Errorf("scan new thread: %w", err)
	}
	if pID.Valid {
		p := &forum.Post{ID: pID.Int64, ThreadID: t.ID, GroupID: t.GroupID, AuthorID: t.AuthorID,
			Tags: forum.Tags(pTags.String), Status: pStatus.String, StatusReason: pReason.String, BodyHTML: pHTML.String,
			CreatedAt: pCreated.Time, UpdatedAt: pUpdated.Time, CrisisFolded: pFolded.Bool, CrisisTopic: forum.Topic(pTopic.String),
			Anonymous: t.Anonymous}
		if pEdited.Valid {
			at := pEdited.Time
			p.EditedAt = &at
		}
		t.Opening = p
	}
	return t, nil
}

// NewPosts implements forum.PublicStore.
func (s *Public) NewPosts(ctx context.Context, threadID int64, limit int) ([]forum.PostRow, error) {
	if limit <= 0 {
		return nil, fmt.Errorf("new posts query without a limit")
	}
	// The newest ids first, from the thread's index alone, so that only
	// those rows are joined with names and carry their bodies: a thread
	// of a thousand posts would otherwise sort them all, bodies and all.
	newest := s.db.read(ctx).Table("posts").Select("id").
		Where("thread_id = ? AND status IN ?", threadID, []string{forum.StatusVisible, forum.StatusRedacted}).
		Order("id DESC").Limit(limit)
	var rows []forum.PostRow
	err := postRows(s.db.read(ctx)).Where("posts.id IN (?)", newest).Order("posts.id DESC").Find(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	return rows, nil
}

// VisitorPosts implements forum.PublicStore: the range scan of a thread
// page (Forum.Posts) for a visitor, with the Markdown source.
func (s *Public) VisitorPosts(ctx context.Context, threadID int64, after string, limit int) ([]forum.PostRow, error) {
	if limit <= 0 {
		return nil, fmt.Errorf("visitor posts query without a limit")
	}
	tx := postRows(s.db.read(ctx)).Select(postRowColumns+", posts.body_md").
		Where("posts.thread_id = ? AND posts.status <> ?", threadID, forum.StatusHeld)
	if after != "" {
		tx = tx.Where("posts.sort_key > ?", after)
	}
	var rows []forum.PostRow
	if err := tx.Order("posts.sort_key").Limit(limit + 1).Find(&rows).Error; err != nil {
		return nil, translate(err)
	}
	return rows, nil
}

// postRows selects posts with their authors' and parents' authors' names.
func postRows(db *gorm.DB) *gorm.DB {
	return db.Table("posts").Select(postRowColumns).
		Joins("LEFT JOIN users a ON a.id = posts.author_id").
		Joins("LEFT JOIN posts pp ON pp.id = posts.parent_id").
		Joins("LEFT JOIN users pa ON pa.id = pp.author_id")
}
