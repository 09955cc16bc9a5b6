package store

import (
	"time"

	"gorm.io/gorm"

	"hearth/pkg/events"
	"hearth/pkg/forum"
	"hearth/pkg/webhook"
)

// recordEvent writes, in the transaction making the change, a pending
// webhook delivery of e for every enabled endpoint that carries its kind:
// the outbox the senders work from (see hearth/pkg/webhook). Kinds no
// webhook carries write nothing.
func recordEvent(tx *gorm.DB, e events.Event) error {
	if _, ok := events.HookOf(e.Kind); !ok || e.Kind == events.Test {
		return nil
	}
	var group, post any
	if e.GroupID != 0 {
		group = e.GroupID
	}
	if e.PostID != 0 {
		post = e.PostID
	}
	return tx.Exec(`INSERT INTO webhook_deliveries (endpoint_id, event, group_id, post_id, occurred_at, status, attempts, next_at,
		last_code, last_error, created_at, updated_at)
		SELECT id, ?, ?, ?, ?, ?, 0, ?, 0, '', ?, ? FROM webhook_endpoints WHERE enabled = ? AND events LIKE ?`,
		string(e.Kind), group, post, e.At, webhook.StatusPending, e.At, e.At, e.At, true, "%,"+string(e.Kind)+",%").Error
}

// postEvent is the event of kind k about post p at now.
func postEvent(k events.Kind, p *forum.Post, now time.Time) events.Event {
	return events.Event{Kind: k, GroupID: p.GroupID, ThreadID: p.ThreadID, PostID: p.ID, At: now}
}
