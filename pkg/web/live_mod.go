package web

import (
	"context"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/events"
)

// LiveQueue is the "queue" event of the moderator queue's stream: the
// queue changed in a group the reader moderates. Waiting and Badge are the
// staff bar's count of wellbeing concerns and its words ("" for none);
// Text, when items arrived (rather than were handled), is what the page
// announces. The page fetches the queue itself to show the items.
type LiveQueue struct {
	Arrived bool   `json:"arrived"`
	Waiting int    `json:"waiting"`
	Badge   string `json:"badge"`
	Text    string `json:"text,omitempty"`
}

// modEvents is the moderator queue's live stream (GET /mod/events), for
// staff only. It hears what enters the queue, and moderators' changes to
// posts, in the groups the reader moderates, and sends the queue's new
// state after each burst.
func (s *Server) modEvents(c echo.Context) error {
	a := actor(c)
	keep := func(e events.Event) bool {
		return (e.Kind.Queue() || e.Kind == events.Changed) && auth.CanModerate(a, e.GroupID)
	}
	return s.liveStream(c, keep, func(ctx context.Context, evs []events.Event) (string, any, bool, error) {
		if len(evs) == 0 {
			return "", nil, false, nil // the page was made a moment ago
		}
		n, err := s.deps.Moderation.WaitingConcerns(ctx, a)
		if err != nil {
			return "", nil, false, err
		}
		q := LiveQueue{Waiting: n}
		if n > 0 {
			q.Badge = s.tr(c, "%d wellbeing concerns waiting", n)
		}
		for _, e := range evs {
			q.Arrived = q.Arrived || e.Kind.Queue()
		}
		if q.Arrived {
			q.Text = s.tr(c, "New items arrived in the queue.")
		}
		return "queue", q, false, nil
	})
}
