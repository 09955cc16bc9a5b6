package store

import (
	"context"
	"strconv"
	"time"

	"hearth/pkg/moderation"
)

// overnightOrder puts wellbeing concerns and crisis posts first, then the
// oldest.
const overnightOrder = `CASE queue_items.kind WHEN 'wellbeing' THEN 0 ELSE 1 END, queue_items.created_at, queue_items.id`

// coverVersionQuery is the moderation cover's version (migration 43),
// which every change to the settings or to time on duty moves.
const coverVersionQuery = `COALESCE((SELECT cover FROM site_versions WHERE id = 1), 0)`

// Cover implements moderation.HoursStore: the settings' rows, and two
// more named by a character no setting's name has, holding the count and
// the version, read in one statement.
func (s *Moderation) Cover(ctx context.Context, at time.Time) ([]moderation.Setting, int, uint64, error) {
	var rows []moderation.Setting
	err := s.db.read(ctx).Raw(`SELECT name, value FROM site_settings
		UNION ALL SELECT '#on_duty', CAST(COUNT(*) AS TEXT) FROM moderator_duty WHERE ends_at > ?
		UNION ALL SELECT '#version', CAST(`+coverVersionQuery+` AS TEXT)`, at).Scan(&rows).Error
	if err != nil {
		return nil, 0, 0, translate(err)
	}
	n, version := 0, uint64(0)
	set := rows[:0]
	for _, r := range rows {
		switch r.Name {
		case "#on_duty":
			n, _ = strconv.Atoi(r.Value)
		case "#version":
			version, _ = strconv.ParseUint(r.Value, 10, 64)
		default:
			set = append(set, r)
		}
	}
	return set, n, version, nil
}

// Duty implements moderation.HoursStore.
func (s *Moderation) Duty(ctx context.Context, userID int64, at time.Time) (*time.Time, error) {
	var d moderation.Duty
	res := s.db.read(ctx).Where("user_id = ? AND ends_at > ?", userID, at).Limit(1).Find(&d)
	if res.Error != nil || res.RowsAffected == 0 {
		return nil, translate(res.Error)
	}
	return &d.EndsAt, nil
}

// QueueBetween implements moderation.HoursStore.
func (s *Moderation) QueueBetween(ctx context.Context, q moderation.QueueQuery, from, to time.Time) ([]moderation.QueueRow, error) {
	tx := s.db.read(ctx).Table("queue_items").Select(queueColumns).
		Joins("JOIN posts ON posts.id = queue_items.post_id").
		Joins("JOIN threads ON threads.id = posts.thread_id").
		Joins("JOIN groups ON groups.id = posts.group_id").
		Joins("LEFT JOIN users u ON u.id = posts.author_id").
		Where("queue_items.status = ? AND queue_items.created_at >= ? AND queue_items.created_at < ?", moderation.StatusOpen, from, to)
	if !q.All {
		if len(q.Groups) == 0 {
			return nil, nil
		}
		tx = tx.Where("queue_items.group_id IN ?", q.Groups)
	}
	var rows []moderation.QueueRow
	err := tx.Order(overnightOrder).Limit(q.Limit + 1).Find(&rows).Error
	return rows, translate(err)
}

// StartDuty implements moderation.HoursTx.
func (t *modTx) StartDuty(userID int64, at, until time.Time) error {
	return translate(t.tx.Exec(`INSERT INTO moderator_duty (user_id, started_at, ends_at) VALUES (?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET started_at = excluded.started_at, ends_at = excluded.ends_at`, userID, at, until).Error)
}

// EndDuty implements moderation.HoursTx.
func (t *modTx) EndDuty(userID int64, at time.Time) (bool, error) {
	return changed(t.tx.Exec(`DELETE FROM moderator_duty WHERE user_id = ? AND ends_at > ?`, userID, at))
}
