package store

import (
	"context"
	"database/sql"
	"math"
	"time"

	"gorm.io/gorm"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// Moderation implements moderation.Store.
type Moderation struct{ db *DB }

// NewModeration returns the moderation store on db.
func NewModeration(db *DB) *Moderation { return &Moderation{db: db} }

var _ moderation.Store = (*Moderation)(nil)

// Atomic implements moderation.Store.
func (s *Moderation) Atomic(ctx context.Context, fn func(tx moderation.Tx) error) error {
	var mt *modTx
	err := s.db.Tx(ctx, func(tx *gorm.DB) error { mt = &modTx{tx: tx}; return fn(mt) })
	if err == nil && mt != nil && mt.redacted {
		return s.db.checkpoint(ctx)
	}
	return err
}

// postRefColumns is the allowlisted select list of a post with its thread,
// group and author.
const postRefColumns = `posts.*, threads.title AS thread_title, threads.tags AS thread_tags, threads.status AS thread_status,
	threads.locked AS thread_locked, threads.pinned AS thread_pinned, threads.lock_reason AS lock_reason,
	threads.first_post_id AS first_post_id, groups.slug AS group_slug, groups.name AS group_name,
	u.username AS author_name, u.role AS author_role, u.status AS author_status, u.moderator_site_wide AS author_site_mod`

// queueColumns adds the queue item, prefixed, to postRefColumns.
const queueColumns = `queue_items.id AS q_id, queue_items.kind AS q_kind, queue_items.post_id AS q_post_id,
	queue_items.thread_id AS q_thread_id, queue_items.group_id AS q_group_id, queue_items.priority AS q_priority,
	queue_items.detail AS q_detail, queue_items.status AS q_status, queue_items.handled_by AS q_handled_by,
	queue_items.handled_at AS q_handled_at, queue_items.resolution AS q_resolution,
	queue_items.created_at AS q_created_at, queue_items.updated_at AS q_updated_at, ` + postRefColumns

func (s *Moderation) postRefs(ctx context.Context) *gorm.DB {
	return s.db.read(ctx).Table("posts").Select(postRefColumns).
		Joins("JOIN threads ON threads.id = posts.thread_id").
		Joins("JOIN groups ON groups.id = posts.group_id").
		Joins("LEFT JOIN users u ON u.id = posts.author_id")
}

// PostRef implements moderation.Store.
func (s *Moderation) PostRef(ctx context.Context, postID int64) (moderation.PostRef, error) {
	var p moderation.PostRef
	err := s.postRefs(ctx).Where("posts.id = ?", postID).Take(&p).Error
	return p, translate(err)
}

// ThreadRef implements moderation.Store.
func (s *Moderation) ThreadRef(ctx context.Context, threadID int64) (moderation.PostRef, error) {
	var p moderation.PostRef
	err := s.postRefs(ctx).Where("threads.id = ? AND posts.id = threads.first_post_id", threadID).Take(&p).Error
	return p, translate(err)
}

// Item implements moderation.Store.
func (s *Moderation) Item(ctx context.Context, id int64) (moderation.QueueItem, error) {
	var it moderation.QueueItem
	err := s.db.read(ctx).Where("id = ?", id).Take(&it).Error
	return it, translate(err)
}

// queueOrder puts wellbeing concerns first, then reports by weight, then
// held posts; the longest waiting first within each.
const queueOrder = `CASE queue_items.kind WHEN 'wellbeing' THEN 0 WHEN 'report' THEN 1 ELSE 2 END,
	queue_items.priority DESC, queue_items.created_at, queue_items.id`

// Queue implements moderation.Store. The page's items are chosen from
// the queue alone, then joined with their posts, threads, groups and
// authors: joined first, every open item's post was read and sorted to
// show a page of them (120 ms for 2,000 open reports at a million posts on
// SQLite). An item's post always exists (a deleted post takes its items
// with it), so the join leaves out none of the chosen items.
func (s *Moderation) Queue(ctx context.Context, q moderation.QueueQuery) ([]moderation.QueueRow, error) {
	page := s.db.read(ctx).Table("queue_items").Select("queue_items.id").
		Where("queue_items.status = ?", moderation.StatusOpen)
	if !q.All {
		if len(q.Groups) == 0 {
			return nil, nil
		}
		page = page.Where("queue_items.group_id IN ?", q.Groups)
	}
	if q.GroupID > 0 {
		page = page.Where("queue_items.group_id = ?", q.GroupID)
	}
	if q.Kind != "" {
		page = page.Where("queue_items.kind = ?", q.Kind)
	}
	page = page.Order(queueOrder).Offset(q.Offset).Limit(q.Limit + 1)
	var rows []moderation.QueueRow
	err := s.db.read(ctx).Table("queue_items").Select(queueColumns).
		Joins("JOIN posts ON posts.id = queue_items.post_id").
		Joins("JOIN threads ON threads.id = posts.thread_id").
		Joins("JOIN groups ON groups.id = posts.group_id").
		Joins("LEFT JOIN users u ON u.id = posts.author_id").
		Where("queue_items.id IN (?)", page).
		Order(queueOrder).Find(&rows).Error
	return rows, translate(err)
}

// OpenItems implements moderation.Store.
func (s *Moderation) OpenItems(ctx context.Context, postID int64) ([]moderation.QueueItem, error) {
	var its []moderation.QueueItem
	err := s.db.read(ctx).Table("queue_items").Where("post_id = ? AND status = ?", postID, moderation.StatusOpen).
		Order(queueOrder).Find(&its).Error
	return its, translate(err)
}

// Reports implements moderation.Store.
func (s *Moderation) Reports(ctx context.Context, postIDs []int64, openOnly bool) ([]moderation.ReportRow, error) {
	if len(postIDs) == 0 {
		return nil, nil
	}
	tx := s.db.read(ctx).Table("reports").Select("reports.*, u.username AS reporter_name").
		Joins("LEFT JOIN users u ON u.id = reports.reporter_id").
		Where("reports.post_id IN ?", postIDs)
	if openOnly {
		tx = tx.Where("reports.status = ?", moderation.StatusOpen)
	}
	var rows []moderation.ReportRow
	err := tx.Order("reports.id DESC").Find(&rows).Error
	return rows, translate(err)
}

// History implements moderation.Store.
func (s *Moderation) History(ctx context.Context, subjectIDs []int64, limit int) ([]moderation.AuditEntry, error) {
	var es []moderation.AuditEntry
	err := s.db.read(ctx).Where("subject_id IN ?", subjectIDs).Order("id DESC").Limit(limit).Find(&es).Error
	return es, translate(err)
}

// Sanctions implements moderation.Store.
func (s *Moderation) Sanctions(ctx context.Context, userID int64) ([]moderation.Sanction, error) {
	var ss []moderation.Sanction
	err := s.db.read(ctx).Where("user_id = ?", userID).Order("id DESC").Limit(50).Find(&ss).Error
	return ss, translate(err)
}

// Audit implements moderation.Store.
func (s *Moderation) Audit(ctx context.Context, q moderation.AuditQuery) ([]moderation.AuditRow, error) {
	tx := s.db.read(ctx).Table("audit_log").
		Select("audit_log.*, a.username AS actor_name, sub.username AS subject_name, groups.name AS group_name, groups.slug AS group_slug").
		Joins("LEFT JOIN users a ON a.id = audit_log.actor_id").
		Joins("LEFT JOIN users sub ON sub.id = audit_log.subject_id").
		Joins("LEFT JOIN groups ON groups.id = audit_log.group_id")
	if !q.All {
		if len(q.Groups) == 0 {
			return nil, nil
		}
		tx = tx.Where("audit_log.group_id IN ?", q.Groups)
	}
	if e := q.About; e != nil {
		tx = tx.Where(aboutEscalation(s.db.read(ctx), *e))
	}
	if q.ActorID > 0 {
		tx = tx.Where("audit_log.actor_id = ?", q.ActorID)
	}
	if q.Action != "" {
		tx = tx.Where("audit_log.action = ?", q.Action)
	}
	if q.GroupID > 0 {
		tx = tx.Where("audit_log.group_id = ?", q.GroupID)
	}
	if q.Before > 0 {
		tx = tx.Where("audit_log.id < ?", q.Before)
	}
	var rows []moderation.AuditRow
	err := tx.Order("audit_log.id DESC").Limit(q.Limit + 1).Find(&rows).Error
	return rows, translate(err)
}

// aboutEscalation selects the audit rows about an escalation, its target
// and its member.
func aboutEscalation(db *gorm.DB, e moderation.Escalation) *gorm.DB {
	w := db.Where("audit_log.target_type = ? AND audit_log.target_id = ?", "escalation", e.ID)
	switch e.TargetType {
	case moderation.EscalateCheckIn:
		w = w.Or("audit_log.target_type = ? AND audit_log.target_id = ?", "checkin", e.TargetID)
	case moderation.EscalateMember:
		w = w.Or("audit_log.target_type = ? AND audit_log.target_id = ?", "user", e.TargetID)
	}
	if e.PostID != nil {
		w = w.Or("audit_log.target_type = ? AND audit_log.target_id = ?", "post", *e.PostID)
	}
	if e.SubjectID != nil {
		w = w.Or("audit_log.subject_id = ?", *e.SubjectID)
	}
	return w
}

// PublicLog implements moderation.Store.
func (s *Moderation) PublicLog(ctx context.Context, before int64, limit int) ([]moderation.PublicRow, error) {
	tx := s.db.read(ctx).Table("audit_log").
		Select("audit_log.id, audit_log.action, audit_log.reason, groups.name AS group_name, groups.slug AS group_slug, audit_log.created_at").
		Joins("LEFT JOIN groups ON groups.id = audit_log.group_id").
		Where("audit_log.public = ?", true)
	if before > 0 {
		tx = tx.Where("audit_log.id < ?", before)
	}
	var rows []moderation.PublicRow
	err := tx.Order("audit_log.id DESC").Limit(limit).Find(&rows).Error
	return rows, translate(err)
}

// CountOpen implements moderation.Store.
func (s *Moderation) CountOpen(ctx context.Context, kind string, all bool, groups []int64) (int, error) {
	tx := s.db.read(ctx).Model(&moderation.QueueItem{}).Where("status = ? AND kind = ?", moderation.StatusOpen, kind)
	if !all {
		if len(groups) == 0 {
			return 0, nil
		}
		tx = tx.Where("group_id IN ?", groups)
	}
	var n int64
	err := tx.Count(&n).Error
	return int(n), translate(err)
}

// PendingNotices implements moderation.Store.
func (s *Moderation) PendingNotices(ctx context.Context, userID int64, limit int) ([]moderation.Notice, error) {
	var ns []moderation.Notice
	err := scanRows(s.db.read(ctx), `SELECT id, user_id, kind, message, reason, link, conversation_id, acknowledged_at, created_at
		FROM member_notices WHERE user_id = ? AND acknowledged_at IS NULL ORDER BY id LIMIT ?`,
		[]any{userID, limit}, func(r *sql.Rows) error {
			var n moderation.Notice
			if err := r.Scan(&n.ID, &n.UserID, &n.Kind, &n.Message, &n.Reason, &n.Link, &n.ConversationID, &n.AcknowledgedAt, &n.CreatedAt); err != nil {
				return err
			}
			ns = append(ns, n)
			return nil
		})
	return ns, translate(err)
}

// NoticeHistory implements moderation.Store.
func (s *Moderation) NoticeHistory(ctx context.Context, userID, before int64, limit int) ([]moderation.Notice, error) {
	if before <= 0 {
		before = math.MaxInt64
	}
	var ns []moderation.Notice
	err := scanRows(s.db.read(ctx), `SELECT id, user_id, kind, message, reason, link, conversation_id, acknowledged_at, created_at
		FROM member_notices WHERE user_id = ? AND id < ? ORDER BY id DESC LIMIT ?`,
		[]any{userID, before, limit}, func(r *sql.Rows) error {
			var n moderation.Notice
			if err := r.Scan(&n.ID, &n.UserID, &n.Kind, &n.Message, &n.Reason, &n.Link, &n.ConversationID, &n.AcknowledgedAt, &n.CreatedAt); err != nil {
				return err
			}
			ns = append(ns, n)
			return nil
		})
	return ns, translate(err)
}

// AckNotice implements moderation.Store.
func (s *Moderation) AckNotice(ctx context.Context, userID, noticeID int64, at time.Time) (bool, error) {
	res := s.db.write(ctx).Model(&moderation.Notice{}).
		Where("id = ? AND user_id = ? AND acknowledged_at IS NULL", noticeID, userID).Update("acknowledged_at", at)
	return res.RowsAffected == 1, translate(res.Error)
}

const subjectColumns = "id, username, role, status, moderator_site_wide, status_until, status_reason, country"

// Subject implements moderation.Store.
func (s *Moderation) Subject(ctx context.Context, userID int64) (moderation.Subject, error) {
	var sub moderation.Subject
	err := s.db.read(ctx).Table("users").Select(subjectColumns).Where("id = ?", userID).Take(&sub).Error
	return sub, translate(err)
}

// SubjectByName implements moderation.Store.
func (s *Moderation) SubjectByName(ctx context.Context, name, key string) (moderation.Subject, error) {
	var sub moderation.Subject
	err := s.db.read(ctx).Table("users").Select(subjectColumns).Where("username = ? OR username_key = ?", name, key).
		Order("id").Take(&sub).Error
	return sub, translate(err)
}

// ReportsSince implements moderation.Store.
func (s *Moderation) ReportsSince(ctx context.Context, reporterID int64, since time.Time) (int, int, error) {
	var row struct {
		General   int64 `gorm:"column:general"`
		Wellbeing int64 `gorm:"column:wellbeing"`
	}
	err := s.db.read(ctx).Table("reports").
		Select("COALESCE(SUM(CASE WHEN reason = 'wellbeing' THEN 0 ELSE 1 END), 0) AS general, COALESCE(SUM(CASE WHEN reason = 'wellbeing' THEN 1 ELSE 0 END), 0) AS wellbeing").
		Where("reporter_id = ? AND created_at >= ?", reporterID, since).Take(&row).Error
	return int(row.General), int(row.Wellbeing), translate(err)
}

// ConcernsAbout implements moderation.Store.
func (s *Moderation) ConcernsAbout(ctx context.Context, reporterID, subjectID int64, since time.Time) (int, error) {
	var n int64
	err := s.db.read(ctx).Model(&moderation.Report{}).
		Where("reporter_id = ? AND subject_id = ? AND reason = ? AND created_at >= ?", reporterID, subjectID, moderation.ReasonWellbeing, since).
		Count(&n).Error
	return int(n), translate(err)
}

// Settings implements moderation.Store.
func (s *Moderation) Settings(ctx context.Context) ([]moderation.Setting, error) {
	var ss []moderation.Setting
	err := s.db.read(ctx).Order("name").Find(&ss).Error
	return ss, translate(err)
}

// Groups implements moderation.Store.
func (s *Moderation) Groups(ctx context.Context) ([]forum.Group, error) {
	return readGroups(s.db.read(ctx).Order("position, name"), "groups.*")
}

// GroupBySlug implements moderation.Store.
func (s *Moderation) GroupBySlug(ctx context.Context, slug string) (forum.Group, error) {
	return readGroup(s.db.read(ctx).Where("slug = ?", slug))
}

// Tags implements moderation.Store.
func (s *Moderation) Tags(ctx context.Context) ([]forum.Tag, error) {
	return s.db.loadTags(ctx)
}
