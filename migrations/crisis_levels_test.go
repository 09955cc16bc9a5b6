package migrations_test

import (
	"testing"
	"time"

	"hearth/pkg/store"
)

// TestCrisisLevelsFoldWaitingCrisisPosts: migration 26 gives posts a crisis
// level and fold on both dialects. A post waiting in the queue as crisis
// language is folded at once, so an upgrade never shows it unfolded; one a
// moderator already handled keeps its level, unfolded; members' concerns
// and posts never queued stay at none.
func TestCrisisLevelsFoldWaitingCrisisPosts(t *testing.T) {
	eachEmptyDB(t, func(t *testing.T, db *store.DB) {
		rest := runUpTo(t, db, 26)
		now := time.Now().UTC().Truncate(time.Second)
		author := insertMember(t, db, "ann")
		thread, waiting := threadAtStep16(t, db, author, "Waiting", now)
		_, handled := threadAtStep16(t, db, author, "Handled", now)
		_, worried := threadAtStep16(t, db, author, "Worried", now)
		_, calm := threadAtStep16(t, db, author, "Calm", now)
		for _, it := range []struct {
			post           int64
			detail, status string
		}{{waiting, "pills saved up; tonight", "open"}, {handled, "end it all", "handled"}, {worried, "A member is worried about this person.", "open"}} {
			if err := db.W.Exec(`INSERT INTO queue_items (kind, post_id, thread_id, group_id, priority, detail, status, created_at, updated_at)
				VALUES ('wellbeing', ?, ?, 1, 100, ?, ?, ?, ?)`, it.post, thread, it.detail, it.status, now, now).Error; err != nil {
				t.Fatal(err)
			}
		}
		rest()
		for _, want := range []struct {
			post   int64
			level  int
			folded bool
		}{{waiting, 2, true}, {handled, 2, false}, {worried, 0, false}, {calm, 0, false}} {
			var got struct {
				Level  int  `gorm:"column:crisis_level"`
				Folded bool `gorm:"column:crisis_folded"`
			}
			if err := db.R.Raw("SELECT crisis_level, crisis_folded FROM posts WHERE id = ?", want.post).Scan(&got).Error; err != nil {
				t.Fatal(err)
			}
			if got.Level != want.level || got.Folded != want.folded {
				t.Errorf("post %d: level %d folded %v, want %d %v", want.post, got.Level, got.Folded, want.level, want.folded)
			}
		}
	})
}

// insertMember adds a member with the columns every schema has.
func insertMember(t *testing.T, db *store.DB, name string) int64 {
	t.Helper()
	var id int64
	now := time.Now().UTC()
	if err := db.W.Raw(`INSERT INTO users (username, username_key, password_hash, role, status, created_at, updated_at)
		VALUES (?, ?, 'x', 'member', 'active', ?, ?) RETURNING id`, name, name, now, now).Scan(&id).Error; err != nil {
		t.Fatal(err)
	}
	return id
}
