package store_test

import (
	"context"
	"strings"
	"testing"

	"hearth/pkg/events"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestRelayCarriesEventsBetweenInstances: on SQLite there is no relay (one
// process owns the file); on PostgreSQL two handles on one schema, standing
// for two instances, each hear every event either publishes, once, in
// batches too large for one NOTIFY; an instance on another schema hears
// none of them.
func TestRelayCarriesEventsBetweenInstances(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if r, err := forumtest.NewSQLite(t).Relay(ctx); r != nil || err != nil {
		t.Fatalf("SQLite relay: %v, %v", r, err)
	}
	if forumtest.PostgresURL() == "" && !forumtest.Required() {
		return
	}
	dsn := forumtest.PostgresSchemaURL(t)
	bus := func(db *store.DB) (*events.Bus, *events.Sub) {
		r, err := db.Relay(ctx)
		if err != nil || r == nil {
			t.Fatalf("PostgreSQL relay: %v, %v", r, err)
		}
		b := events.NewBus(r, nil)
		s := b.Subscribe(512, nil)
		go b.Run(ctx)
		<-b.Ready()
		return b, s
	}
	one, s1 := bus(forumtest.Open(t, dsn))
	two, s2 := bus(forumtest.Open(t, dsn))
	other, elsewhere := bus(forumtest.NewPostgres(t))

	const n = 200 // more than fit in one NOTIFY
	tags := strings.Repeat("self-harm,", 20)
	for i := range n {
		b := one
		if i%2 == 1 {
			b = two
		}
		b.Publish(events.Event{Kind: events.Report, ThreadID: 9, PostID: int64(i + 1), Tags: tags})
	}
	for name, s := range map[string]*events.Sub{"first": s1, "second": s2} {
		seen := map[int64]bool{}
		for len(seen) < n {
			e := <-s.Events()
			if seen[e.PostID] || e.Kind != events.Report || e.ThreadID != 9 || e.Tags != tags {
				t.Fatalf("the %s instance got %+v (seen before: %v)", name, e, seen[e.PostID])
			}
			seen[e.PostID] = true
		}
	}
	if one.Dropped()+two.Dropped() != 0 {
		t.Fatalf("dropped %d and %d", one.Dropped(), two.Dropped())
	}
	// Every event above has been committed and heard; PostgreSQL hands a
	// listener its notifications in commit order, so the other schema's
	// first event is its own marker only if it heard none of them.
	other.Publish(events.Event{Kind: events.Held, PostID: -1})
	if e := <-elsewhere.Events(); e.PostID != -1 {
		t.Fatalf("another schema heard %+v", e)
	}
}
