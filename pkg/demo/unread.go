package demo

import (
	"context"
	"database/sql"
	"fmt"
)

// unreadMember makes the last (least active) member follow up to n of the
// added threads with one unread followed-thread notice in each, standing
// for the thread's last post, which someone else wrote: the backlog of a
// member back after a long break, whose unread count every page they open
// shows. Threads whose last post is theirs are passed over.
func (s *seeder) unreadMember(ctx context.Context, n int) error {
	m := s.members[len(s.members)-1]
	first, last := s.st.FirstThreadID, s.st.LastThreadID
	now := s.o.Now
	return s.w.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.w.rebind(`INSERT INTO subscriptions (user_id, thread_id, state, created_at, updated_at)
			SELECT ?, t.id, 'follow', ?, ? FROM threads t
			WHERE t.id BETWEEN ? AND ? AND t.last_author_id IS NOT NULL AND t.last_author_id <> ?
			ORDER BY t.id LIMIT ? ON CONFLICT DO NOTHING`), m.id, now, now, first, last, m.id, n); err != nil {
			return fmt.Errorf("unread member's follows: %w", err)
		}
		res, err := tx.ExecContext(ctx, s.w.rebind(`INSERT INTO notifications (user_id, kind, actor_id, post_id, thread_id, reaction, created_at)
			SELECT ?, 'thread_reply', t.last_author_id, t.last_post_id, t.id, '', ? FROM threads t
			WHERE t.id BETWEEN ? AND ? AND t.last_author_id IS NOT NULL AND t.last_author_id <> ?
			ORDER BY t.id LIMIT ? ON CONFLICT DO NOTHING`), m.id, now, first, last, m.id, n)
		if err != nil {
			return fmt.Errorf("unread member's notices: %w", err)
		}
		added, err := res.RowsAffected()
		s.st.UnreadMember, s.st.UnreadNotices = m.name, int(added)
		return err
	})
}
