package forum

import "context"

// RowCache shares the rows of thread pages between the members reading
// them (hearth/pkg/cache implements it). Its entries must be checked
// against the thread's content version (ThreadHead.ContentVersion), which
// the store moves in the same transaction as every change to the thread's
// posts or their reactions, so a page is never older than the head it was
// asked for, whichever instance wrote.
type RowCache interface {
	// Posts answers q, a query of thread h's posts, calling load for rows
	// it does not hold. ok is false when it cannot answer for this reader
	// (a held post they may not see is among the shared rows); the caller
	// then runs q itself. The slice may be shared with other readers:
	// callers read it and never change it or its rows.
	Posts(ctx context.Context, h ThreadHead, q PostQuery, load func(context.Context, PostQuery) ([]PostRow, error)) (rows []PostRow, ok bool, err error)
	// Reactions answers the reactions on postIDs, posts of thread h,
	// calling load for what it does not hold. The slice may be shared, as
	// Posts's is.
	Reactions(ctx context.Context, h ThreadHead, postIDs []int64, load func(context.Context, []int64) ([]ReactionRow, error)) ([]ReactionRow, error)
}

// WithRowCache shares thread pages' rows through c (nil: every reader runs
// their own queries).
func WithRowCache(c RowCache) Option {
	return func(s *Service) { s.rows = c }
}
