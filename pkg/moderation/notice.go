package moderation

import (
	"context"
	"fmt"
)

// NoticesPerPage is how many of the moderators' messages a page of a
// member's history shows.
const NoticesPerPage = 20

// NoticePage is a page of the messages moderators sent a member, newest
// first, read or not.
type NoticePage struct {
	Notices []Notice
	// Next is the id to pass as before for the following page; 0 when
	// this is the last.
	Next int64
}

// NoticeHistory lists the messages the moderators sent a member (every
// outcome they were told of, with its reason), newest first, those with
// ids below before (0 for the newest), at most limit (NoticesPerPage when
// limit is 0 or larger).
func (s *Service) NoticeHistory(ctx context.Context, userID, before int64, limit int) (NoticePage, error) {
	if limit <= 0 || limit > NoticesPerPage {
		limit = NoticesPerPage
	}
	ns, err := s.store.NoticeHistory(ctx, userID, before, limit+1)
	if err != nil {
		return NoticePage{}, fmt.Errorf("notice history: %w", err)
	}
	page := NoticePage{Notices: ns}
	if len(ns) > limit {
		page.Notices = ns[:limit]
		page.Next = ns[limit-1].ID
	}
	return page, nil
}
