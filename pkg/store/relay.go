package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"hearth/migrations"
	"hearth/pkg/events"
)

// notifyMax bounds a NOTIFY payload (PostgreSQL refuses 8,000 bytes).
const notifyMax = 7800

// Relay returns what carries live events between the instances sharing
// this database: PostgreSQL's LISTEN/NOTIFY on a channel named for the
// schema (so Hearths in one database, or tests in their own schemas, do
// not hear each other); nil on SQLite, where one process owns the file.
func (db *DB) Relay(ctx context.Context) (events.Relay, error) {
	if db.Dialect != migrations.Postgres {
		return nil, nil
	}
	var schema string
	if err := db.R.WithContext(ctx).Raw("SELECT current_schema()").Scan(&schema).Error; err != nil {
		return nil, fmt.Errorf("live events: read the schema: %w", err)
	}
	sum := sha256.Sum256([]byte(schema))
	return &pgRelay{db: db, channel: "hearth_events_" + hex.EncodeToString(sum[:8])}, nil
}

// pgRelay implements events.Relay with LISTEN/NOTIFY.
type pgRelay struct {
	db      *DB
	channel string
}

// Send implements events.Relay: one NOTIFY per batch that fits, after the
// changes it tells of have committed.
func (r *pgRelay) Send(ctx context.Context, es []events.Event) error {
	b, err := json.Marshal(es)
	if err != nil {
		return err
	}
	if len(b) > notifyMax && len(es) > 1 {
		if err := r.Send(ctx, es[:len(es)/2]); err != nil {
			return err
		}
		return r.Send(ctx, es[len(es)/2:])
	}
	if len(b) > notifyMax {
		return fmt.Errorf("live event of %d bytes is too large to pass on", len(b))
	}
	_, err = r.db.wsql.ExecContext(ctx, "SELECT pg_notify($1, $2)", r.channel, string(b))
	return err
}

// Listen implements events.Relay on a connection of its own, outside the
// pool, which waits for notifications until ctx ends.
func (r *pgRelay) Listen(ctx context.Context, ready func(), deliver func(events.Event)) error {
	conn, err := pgx.Connect(ctx, r.db.dsn)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{r.channel}.Sanitize()); err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	ready()
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("wait for events: %w", err)
		}
		var es []events.Event
		if err := json.Unmarshal([]byte(n.Payload), &es); err != nil {
			continue // not ours: nothing else should use the channel
		}
		for _, e := range es {
			deliver(e)
		}
	}
}
