package events

import (
	"context"
	"time"
)

// sendBatch bounds the events passed to the relay at once (PostgreSQL's
// NOTIFY takes under 8,000 bytes).
const sendBatch = 32

// Run moves events through the relay until ctx ends: what this instance
// publishes goes out, and what any instance sends is delivered here. A
// lost connection is logged and listened to again, waiting a little
// longer each time (up to half a minute); events sent meanwhile are lost
// to this instance, which costs its live pages an update. Without a relay
// Run returns at once.
func (b *Bus) Run(ctx context.Context) {
	if b == nil || b.relay == nil {
		return
	}
	go b.send(ctx)
	wait := time.Second
	for {
		began := false
		err := b.relay.Listen(ctx, func() {
			began = true
			b.once.Do(func() { close(b.ready) })
		}, b.deliver)
		if ctx.Err() != nil {
			return
		}
		if began {
			wait = time.Second
		}
		b.log.Warn("live events: lost the connection between instances; listening again", "err", err, "in", wait.String())
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		wait = min(wait*2, 30*time.Second)
	}
}

// send passes published events to the relay, several at a time when
// they come faster than one round trip.
func (b *Bus) send(ctx context.Context) {
	for {
		var batch []Event
		select {
		case <-ctx.Done():
			return
		case e := <-b.out:
			batch = append(batch, e)
		}
	more:
		for len(batch) < sendBatch {
			select {
			case e := <-b.out:
				batch = append(batch, e)
			default:
				break more
			}
		}
		if err := b.relay.Send(ctx, batch); err != nil && ctx.Err() == nil {
			b.dropped.Add(int64(len(batch)))
			b.log.Warn("live events: could not pass events to other instances", "err", err, "events", len(batch))
		}
	}
}
