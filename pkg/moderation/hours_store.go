package moderation

import (
	"context"
	"time"
)

// HoursStore is what moderation hours read from
// persistence; Store embeds it.
type HoursStore interface {
	// Cover reads, in one query, the site settings, how many moderators
	// are on duty at at, and the version every change to either moves.
	Cover(ctx context.Context, at time.Time) ([]Setting, int, uint64, error)
	// Duty returns when userID's time on duty ends, nil when they are not
	// on duty at at.
	Duty(ctx context.Context, userID int64, at time.Time) (*time.Time, error)
	// QueueBetween lists the open items in q's scope created from from
	// until to, wellbeing concerns first, then oldest first, up to
	// q.Limit+1.
	QueueBetween(ctx context.Context, q QueueQuery, from, to time.Time) ([]QueueRow, error)
}

// HoursTx is what moderation hours change
// inside a transaction; Tx embeds it.
type HoursTx interface {
	// StartDuty marks userID on duty from at until until, replacing an
	// earlier time on duty.
	StartDuty(userID int64, at, until time.Time) error
	// EndDuty ends userID's time on duty at at; false when they were not
	// on duty.
	EndDuty(userID int64, at time.Time) (bool, error)
}
