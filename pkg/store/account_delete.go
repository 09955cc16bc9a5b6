package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"gorm.io/gorm"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// deleteSteps run inside the account-deletion transaction, before the
// user row is deleted. Rows that reference users with ON DELETE CASCADE or
// SET NULL need no step; add one (in your own file, appended here) for
// anything that must change beyond that, such as text the member wrote
// that is stored outside posts. Each step sees the mode the member chose.
var deleteSteps = []func(tx *gorm.DB, userID int64, mode auth.DeleteMode, now time.Time) error{
	erasePosts,
	anonymiseContent,
	deleteCredentials,
	// Steps of other areas go below this line.
	eraseReportNotes,
}

// DeleteAccount implements auth.AccountStore: every step and the removal
// of the user row happen in one transaction, after detachPosts has done
// the bulk of the posts' part in transactions of its own.
func (s *Auth) DeleteAccount(ctx context.Context, userID int64, mode auth.DeleteMode, now time.Time) error {
	done, err := s.detachPosts(ctx, userID, mode, now)
	if err == nil {
		err = s.db.Tx(ctx, func(tx *gorm.DB) error {
			for _, step := range deleteSteps {
				if err := step(tx, userID, mode, now); err != nil {
					return err
				}
			}
			res := tx.Where("id = ?", userID).Delete(&auth.User{})
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 0 {
				return forum.ErrNotFound
			}
			return nil
		})
	}
	if err != nil {
		// Not found: the account went meanwhile (a second request, or
		// another instance finishing it), which is not unfinished.
		if done > 0 && !errors.Is(err, forum.ErrNotFound) {
			return &auth.UnfinishedDeletionError{Posts: done, Err: err}
		}
		return err
	}
	// Erased words leave the write-ahead log too (secure_delete has
	// already zeroed them in the database file). The account is gone
	// whatever happens here, so the member is never told otherwise: the
	// checkpoint runs even when they have closed the page, and a failure
	// is logged (SQLite's own checkpoints still overwrite the log later).
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), checkpointTimeout)
	defer cancel()
	if err := s.db.checkpoint(cctx); err != nil {
		slog.Warn("checkpoint after an account deletion", "err", err)
	}
	return nil
}

// checkpointTimeout bounds the checkpoint after an account deletion, which
// waits for readers (the busy timeout) before it can empty the log.
const checkpointTimeout = 30 * time.Second

// detachBatch is how many of a member's posts one of detachPosts'
// transactions rewrites.
var detachBatch = 200

// detachPosts does to the member's posts what erasePosts and
// anonymiseContent do, detachBatch posts a transaction, until at most
// detachBatch are left for DeleteAccount's transaction: deleting an
// account with no more posts than that stays all or nothing. Rewriting a
// post moves its search entry, its thread's flags and its notices, so at
// a million posts one transaction took 13 s on PostgreSQL for a member
// with 9,000 posts, holding their threads' rows, and ran past the
// statement timeout for one with 22,000, whose account could then never
// be deleted; SQLite held its write lock 21 s for 9,000, failing every
// other member's write meanwhile. A batch is short, and posts written
// after the last batch are done by DeleteAccount's transaction. If a
// larger deletion stops halfway, the posts done stay done, which is what
// the member asked for, and the account stays until they try again; done
// says how many posts were done.
func (s *Auth) detachPosts(ctx context.Context, userID int64, mode auth.DeleteMode, now time.Time) (done int, err error) {
	for {
		var ids []int64
		err := s.db.Tx(ctx, func(tx *gorm.DB) error {
			if err := tx.Model(&forum.Post{}).Where("author_id = ?", userID).Order("created_at").Limit(detachBatch+1).Pluck("id", &ids).Error; err != nil {
				return err
			}
			if len(ids) <= detachBatch {
				ids = nil
				return nil
			}
			ids = ids[:detachBatch]
			set := map[string]any{"author_id": nil, "idem_key": nil}
			if mode == auth.DeleteErase {
				if err := tx.Table("post_revisions").Where("post_id IN ?", ids).Delete(nil).Error; err != nil {
					return err
				}
				set = map[string]any{"body_md": auth.ErasedPostMarkdown, "body_html": auth.ErasedPostHTML, "status": forum.StatusDeleted,
					"status_reason": "", "tags": "", "idem_key": nil, "author_id": nil, "updated_at": now}
			}
			return tx.Model(&forum.Post{}).Where("id IN ? AND author_id = ?", ids, userID).Updates(set).Error
		})
		if err != nil {
			return done, fmt.Errorf("detach the member's posts: %w", err)
		}
		if len(ids) == 0 {
			return done, nil
		}
		done += len(ids)
	}
}

// erasePosts replaces the words of every post and thread title the member
// wrote with placeholders, and drops earlier versions of those posts, when
// the member chose to erase. Threads keep their status and replies, so
// other people's words stay where they were.
func erasePosts(tx *gorm.DB, userID int64, mode auth.DeleteMode, now time.Time) error {
	if mode != auth.DeleteErase {
		return nil
	}
	mine := tx.Model(&forum.Post{}).Select("id").Where("author_id = ?", userID)
	if err := tx.Table("post_revisions").Where("post_id IN (?)", mine).Delete(nil).Error; err != nil {
		return err
	}
	if err := tx.Model(&forum.Post{}).Where("author_id = ?", userID).Updates(map[string]any{
		"body_md": auth.ErasedPostMarkdown, "body_html": auth.ErasedPostHTML, "status": forum.StatusDeleted,
		"status_reason": "", "tags": "", "idem_key": nil, "updated_at": now,
	}).Error; err != nil {
		return err
	}
	return tx.Model(&forum.Thread{}).Where("author_id = ?", userID).
		Updates(map[string]any{"title": auth.ErasedThreadTitle, "updated_at": now}).Error
}

// anonymiseContent detaches the member's name from everything they wrote
// (both modes): such content shows as by "former member". The foreign keys
// would null these columns anyway; doing it here keeps the rule visible.
func anonymiseContent(tx *gorm.DB, userID int64, _ auth.DeleteMode, _ time.Time) error {
	if err := tx.Model(&forum.Post{}).Where("author_id = ?", userID).Updates(map[string]any{"author_id": nil, "idem_key": nil}).Error; err != nil {
		return err
	}
	if err := tx.Model(&forum.Thread{}).Where("author_id = ?", userID).Update("author_id", nil).Error; err != nil {
		return err
	}
	return tx.Model(&forum.Thread{}).Where("last_author_id = ?", userID).Update("last_author_id", nil).Error
}

// deleteCredentials removes sessions, recovery codes and moderator
// assignments explicitly, rather than trusting every dialect's cascade.
func deleteCredentials(tx *gorm.DB, userID int64, _ auth.DeleteMode, _ time.Time) error {
	if err := tx.Where("user_id = ?", userID).Delete(&auth.Session{}).Error; err != nil {
		return err
	}
	if err := tx.Where("user_id = ?", userID).Delete(&auth.RecoveryCode{}).Error; err != nil {
		return err
	}
	return tx.Table("moderator_groups").Where("user_id = ?", userID).Delete(nil).Error
}
