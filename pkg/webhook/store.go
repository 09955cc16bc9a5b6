package webhook

import (
	"context"
	"time"
)

// Store is what webhooks need from persistence; hearth/pkg/store
// implements it. Not found is forum.ErrNotFound. Changes to endpoints
// write their audit row (actorID) in the same transaction.
type Store interface {
	// Endpoints lists every endpoint, oldest first, with its deliveries
	// counted.
	Endpoints(ctx context.Context) ([]EndpointSummary, error)
	// Endpoint returns one endpoint.
	Endpoint(ctx context.Context, id int64) (Endpoint, error)
	// CreateEndpoint adds e, setting its id.
	CreateEndpoint(ctx context.Context, actorID int64, e *Endpoint) error
	// UpdateEndpoint saves e's name, URL, events, secret and state.
	UpdateEndpoint(ctx context.Context, actorID int64, e *Endpoint, action string) error
	// DeleteEndpoint removes an endpoint and its deliveries.
	DeleteEndpoint(ctx context.Context, actorID, id int64) error
	// Deliveries lists an endpoint's deliveries with ids below before (0
	// for the newest), newest first, at most limit+1.
	Deliveries(ctx context.Context, endpointID, before int64, limit int) ([]Delivery, error)
	// Enqueue adds a pending delivery (a test delivery; events are
	// recorded by the transactions that make them).
	Enqueue(ctx context.Context, d *Delivery) error

	// Due lists up to limit pending deliveries of enabled endpoints whose
	// time has come and which nobody holds at now.
	Due(ctx context.Context, now time.Time, limit int) ([]Due, error)
	// Claim holds a due delivery for the sender with token claim until
	// until, if it is still pending, due and free at now; false when
	// another sender got it first.
	Claim(ctx context.Context, id, claim int64, now, until time.Time) (bool, error)
	// Finish records an attempt on a delivery still held with claim: its
	// outcome, the new status, and when to try again; false when the hold
	// was lost meanwhile.
	Finish(ctx context.Context, id, claim int64, o Outcome, status string, next, at time.Time) (bool, error)
	// Prune removes delivered and failed deliveries created before.
	Prune(ctx context.Context, before time.Time) (int64, error)
}
