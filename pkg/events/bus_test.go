package events

import (
	"context"
	"sync"
	"testing"
)

func TestBusInProcess(t *testing.T) {
	b := NewBus(nil, nil)
	<-b.Ready()
	all := b.Subscribe(4, nil)
	defer all.Close()
	replies := b.Subscribe(1, func(e Event) bool { return e.Kind == Report && e.ThreadID == 7 })
	b.Publish(Event{Kind: Report, ThreadID: 7, PostID: 1})
	b.Publish(Event{Kind: Report, ThreadID: 8, PostID: 2})
	b.Publish(Event{Kind: Held, ThreadID: 7, PostID: 3})
	for _, want := range []int64{1, 2, 3} {
		if e := <-all.Events(); e.PostID != want || e.At.IsZero() {
			t.Fatalf("got %+v, want post %d", e, want)
		}
	}
	if e := <-replies.Events(); e.PostID != 1 {
		t.Fatalf("filtered subscription got %+v", e)
	}
	select {
	case e := <-replies.Events():
		t.Fatalf("filtered subscription also got %+v", e)
	default:
	}
	// A full buffer drops, and counts, rather than wait.
	b.Publish(Event{Kind: Report, ThreadID: 7, PostID: 4})
	b.Publish(Event{Kind: Report, ThreadID: 7, PostID: 5})
	if b.Dropped() != 1 {
		t.Fatalf("dropped %d", b.Dropped())
	}
	replies.Close()
	replies.Close()
	if b.Subscribers() != 1 {
		t.Fatalf("%d subscribers after closing one", b.Subscribers())
	}
	var nilBus *Bus
	nilBus.Publish(Event{Kind: Report}) // a service without a bus publishes to nobody
}

// loopRelay stands in for PostgreSQL's LISTEN/NOTIFY between two buses.
type loopRelay struct {
	mu        sync.Mutex
	listeners []func(Event)
}

func (r *loopRelay) Send(_ context.Context, es []Event) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, l := range r.listeners {
		for _, e := range es {
			l(e)
		}
	}
	return nil
}

func (r *loopRelay) Listen(ctx context.Context, ready func(), deliver func(Event)) error {
	r.mu.Lock()
	r.listeners = append(r.listeners, deliver)
	r.mu.Unlock()
	ready()
	<-ctx.Done()
	return nil
}

func TestBusThroughRelayReachesEveryInstanceOnce(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := &loopRelay{}
	one, two := NewBus(r, nil), NewBus(r, nil)
	s1, s2 := one.Subscribe(4, nil), two.Subscribe(4, nil)
	go one.Run(ctx)
	go two.Run(ctx)
	<-one.Ready()
	<-two.Ready()
	one.Publish(Event{Kind: Report, PostID: 1})
	two.Publish(Event{Kind: Report, PostID: 2})
	for name, s := range map[string]*Sub{"first": s1, "second": s2} {
		got := map[int64]int{}
		for range 2 {
			got[(<-s.Events()).PostID]++
		}
		if got[1] != 1 || got[2] != 1 {
			t.Fatalf("the %s bus got %v", name, got)
		}
		select {
		case e := <-s.Events():
			t.Fatalf("the %s bus got %+v twice", name, e)
		default:
		}
	}
}
