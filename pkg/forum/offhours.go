package forum

import "context"

// OffHours says how many of a member's first posts in a group wait for a
// moderator right now because no moderator is around (0 while someone is,
// or when the protection is off). Moderation keeps the hours and who is on
// duty; hearth/pkg/app passes its answer in with WithOffHours.
type OffHours func(ctx context.Context) int

// WithOffHours makes new posts ask off how many first posts to hold while
// no moderator is around.
func WithOffHours(f OffHours) Option { return func(s *Service) { s.offHours = f } }

// holdFirst asks the OffHours function, if any.
func (s *Service) holdFirst(ctx context.Context) int {
	if s.offHours == nil {
		return 0
	}
	return max(s.offHours(ctx), 0)
}
