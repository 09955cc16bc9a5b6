package auth

import (
	"context"
	"time"
)

// Store is what the accounts service needs from persistence; hearth/pkg/store
// implements it. Not found is forum.ErrNotFound; a taken pseudonym key is
// forum.ErrConflict.
type Store interface {
	CreateUser(ctx context.Context, u *User) error
	UserByID(ctx context.Context, id int64) (User, error)
	UserByKey(ctx context.Context, key string) (User, error)
	// ModeratorGroups lists the groups a group-scoped moderator looks after.
	ModeratorGroups(ctx context.Context, userID int64) ([]int64, error)

	CreateSession(ctx context.Context, s *Session) error
	// SessionUser returns the live session with tokenHash and its user:
	// not expired at now and seen since idleSince.
	SessionUser(ctx context.Context, tokenHash string, now, idleSince time.Time) (Session, User, error)
	TouchSession(ctx context.Context, tokenHash string, now time.Time) error
	DeleteSession(ctx context.Context, tokenHash string) error
	// DeleteUserSessions ends every session of userID except keepHash.
	DeleteUserSessions(ctx context.Context, userID int64, keepHash string) error
}
