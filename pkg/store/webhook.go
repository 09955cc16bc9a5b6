package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
	"hearth/pkg/webhook"
)

// Webhooks implements webhook.Store.
type Webhooks struct{ db *DB }

// NewWebhooks returns the webhook store on db.
func NewWebhooks(db *DB) *Webhooks { return &Webhooks{db: db} }

var _ webhook.Store = (*Webhooks)(nil)

// hookAudit writes the audit row of a change to endpoint e, naming it by
// its name only (never its address, which may hold a token).
func hookAudit(tx *gorm.DB, actorID int64, action string, e *webhook.Endpoint) error {
	return writeSafetyAudit(tx, actorID, action, "webhook", e.ID, e.Name)
}

// Endpoints implements webhook.Store.
func (s *Webhooks) Endpoints(ctx context.Context) ([]webhook.EndpointSummary, error) {
	var out []webhook.EndpointSummary
	err := s.db.read(ctx).Raw(`SELECT e.*,
		(SELECT COUNT(*) FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.status = ?) AS pending,
		(SELECT COUNT(*) FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.status = ?) AS failed,
		(SELECT MAX(d.id) FROM webhook_deliveries d WHERE d.endpoint_id = e.id) AS last_id
		FROM webhook_endpoints e ORDER BY e.id`, webhook.StatusPending, webhook.StatusFailed).Scan(&out).Error
	if err != nil {
		return nil, translate(err)
	}
	for i := range out {
		if out[i].LastID == 0 {
			continue
		}
		var d webhook.Delivery
		if err := s.db.read(ctx).Where("id = ?", out[i].LastID).Take(&d).Error; err != nil {
			return nil, translate(err)
		}
		out[i].Last = &d
	}
	return out, nil
}

// Endpoint implements webhook.Store.
func (s *Webhooks) Endpoint(ctx context.Context, id int64) (webhook.Endpoint, error) {
	var e webhook.Endpoint
	return e, translate(s.db.read(ctx).Where("id = ?", id).Take(&e).Error)
}

// CreateEndpoint implements webhook.Store.
func (s *Webhooks) CreateEndpoint(ctx context.Context, actorID int64, e *webhook.Endpoint) error {
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(e).Error; err != nil {
			return err
		}
		return hookAudit(tx, actorID, moderation.ActionHookAdd, e)
	})
}

// UpdateEndpoint implements webhook.Store.
func (s *Webhooks) UpdateEndpoint(ctx context.Context, actorID int64, e *webhook.Endpoint, action string) error {
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&webhook.Endpoint{}).Where("id = ?", e.ID).Updates(map[string]any{
			"name": e.Name, "url": e.URL, "secret": e.Secret, "events": e.Events, "enabled": e.Enabled, "updated_at": e.UpdatedAt,
		})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return forum.ErrNotFound
		}
		return hookAudit(tx, actorID, action, e)
	})
}

// DeleteEndpoint implements webhook.Store. The deliveries go with it
// (ON DELETE CASCADE).
func (s *Webhooks) DeleteEndpoint(ctx context.Context, actorID, id int64) error {
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		var e webhook.Endpoint
		if err := tx.Where("id = ?", id).Take(&e).Error; err != nil {
			return err
		}
		if err := tx.Delete(&webhook.Endpoint{}, id).Error; err != nil {
			return err
		}
		return hookAudit(tx, actorID, moderation.ActionHookDelete, &e)
	})
}

// Deliveries implements webhook.Store.
func (s *Webhooks) Deliveries(ctx context.Context, endpointID, before int64, limit int) ([]webhook.Delivery, error) {
	q := s.db.read(ctx).Where("endpoint_id = ?", endpointID)
	if before > 0 {
		q = q.Where("id < ?", before)
	}
	var ds []webhook.Delivery
	err := q.Order("id DESC").Limit(limit + 1).Find(&ds).Error
	return ds, translate(err)
}

// Enqueue implements webhook.Store.
func (s *Webhooks) Enqueue(ctx context.Context, d *webhook.Delivery) error {
	return translate(s.db.write(ctx).Create(d).Error)
}

// Due implements webhook.Store.
func (s *Webhooks) Due(ctx context.Context, now time.Time, limit int) ([]webhook.Due, error) {
	var out []webhook.Due
	err := s.db.read(ctx).Raw(`SELECT d.*, e.url AS url, e.secret AS secret, g.slug AS group_slug, g.name AS group_name
		FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
		LEFT JOIN groups g ON g.id = d.group_id
		WHERE d.status = ? AND d.next_at <= ? AND e.enabled = ? AND (d.claimed_until IS NULL OR d.claimed_until < ?)
		ORDER BY d.next_at, d.id LIMIT ?`, webhook.StatusPending, now, true, now, limit).Scan(&out).Error
	return out, translate(err)
}

// Claim implements webhook.Store: a conditional update, which on
// PostgreSQL a second sender's waits on and then finds no longer true.
func (s *Webhooks) Claim(ctx context.Context, id, claim int64, now, until time.Time) (bool, error) {
	return changed(s.db.write(ctx).Model(&webhook.Delivery{}).
		Where("id = ? AND status = ? AND next_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)", id, webhook.StatusPending, now, now).
		Updates(map[string]any{"claim": claim, "claimed_until": until, "updated_at": now}))
}

// Finish implements webhook.Store.
func (s *Webhooks) Finish(ctx context.Context, id, claim int64, o webhook.Outcome, status string, next, at time.Time) (bool, error) {
	set := map[string]any{"status": status, "attempts": gorm.Expr("attempts + 1"), "next_at": next, "claim": nil, "claimed_until": nil,
		"last_code": o.Code, "last_error": o.Err, "updated_at": at}
	if status == webhook.StatusDelivered {
		set["delivered_at"] = at
	}
	return changed(s.db.write(ctx).Model(&webhook.Delivery{}).Where("id = ? AND claim = ?", id, claim).Updates(set))
}

// Prune implements webhook.Store.
func (s *Webhooks) Prune(ctx context.Context, before time.Time) (int64, error) {
	res := s.db.write(ctx).Where("created_at < ? AND status <> ?", before, webhook.StatusPending).Delete(&webhook.Delivery{})
	return res.RowsAffected, translate(res.Error)
}
