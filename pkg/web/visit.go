package web

import (
	"context"
	"time"

	"hearth/pkg/auth"
)

// visit records that member p is here and returns when their window of
// "new" began (forum.Activity.Visit). A member reading page after page is
// recorded once every cache.VisitRefresh, not on every page.
func (s *Server) visit(ctx context.Context, p *auth.Principal) (time.Time, error) {
	return s.members.Visit(ctx, memberKey(p), s.deps.Activity.Now(), s.deps.Activity.Visit)
}
