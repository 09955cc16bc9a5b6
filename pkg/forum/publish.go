package forum

import (
	"time"

	"hearth/pkg/events"
)

// WithBus makes the service publish, once each write has committed, every
// new post (for live thread pages) and a post entering the moderator
// queue. The webhook deliveries of the queue's events are written by the
// store inside the write itself; the bus wakes their senders.
func WithBus(b *events.Bus) Option { return func(s *Service) { s.bus = b } }

// publishPost publishes a committed post, and what it brought to the
// queue: a post held for review, one whose words suggest a crisis. The
// event of a new post goes out whatever its status: each live page decides
// what its reader may see.
func (s *Service) publishPost(p Post, sc Screening, edit bool) {
	if s.bus == nil {
		return
	}
	if !edit {
		s.bus.Publish(postEvent(events.Posted, p, p.CreatedAt))
	}
	if !edit && p.Status == StatusHeld {
		s.bus.Publish(postEvent(events.Held, p, p.CreatedAt))
	}
	if sc.Crisis {
		s.bus.Publish(postEvent(events.CrisisPost, p, p.UpdatedAt))
	}
}

// postEvent is the event of kind k about p at t.
func postEvent(k events.Kind, p Post, t time.Time) events.Event {
	e := events.Event{Kind: k, GroupID: p.GroupID, ThreadID: p.ThreadID, PostID: p.ID, Tags: string(p.Tags), At: t}
	if p.AuthorID != nil {
		e.AuthorID = *p.AuthorID
	}
	return e
}
