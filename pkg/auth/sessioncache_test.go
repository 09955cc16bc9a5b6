package auth_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"hearth/migrations"
	"hearth/pkg/auth"
	"hearth/pkg/cache"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// countingStore counts session lookups, to tell a kept session from a
// query.
type countingStore struct {
	auth.Store
	lookups int
}

func (c *countingStore) SessionUser(ctx context.Context, hash string, now, idle time.Time) (auth.Session, auth.User, error) {
	c.lookups++
	return c.Store.SessionUser(ctx, hash, now, idle)
}

// instance is one server's accounts service on a database, with the
// session cache the application wires.
func instance(t *testing.T, db *store.DB) (*auth.Service, *countingStore) {
	t.Helper()
	h, err := auth.NewHasher(auth.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}, 4)
	if err != nil {
		t.Fatal(err)
	}
	cs := &countingStore{Store: store.NewAuth(db)}
	var opt auth.Option = auth.WithSessionCache(nil)
	if _, err := db.DataVersion(context.Background()); err == nil {
		opt = auth.WithSessionCache(cache.NewSessions(db.DataVersion, 64))
	}
	return auth.NewService(cs, h, forumtest.Secret, opt), cs
}

// eachPair runs fn with two handles on one database: two instances.
func eachPair(t *testing.T, fn func(t *testing.T, one, two *store.DB)) {
	t.Run("sqlite", func(t *testing.T) {
		dsn := "sqlite:" + filepath.Join(t.TempDir(), "hearth.db")
		fn(t, forumtest.Open(t, dsn), forumtest.Open(t, dsn))
	})
	if forumtest.PostgresURL() != "" || forumtest.Required() {
		t.Run("postgres", func(t *testing.T) {
			dsn := forumtest.PostgresSchemaURL(t)
			fn(t, forumtest.Open(t, dsn), forumtest.Open(t, dsn))
		})
	}
}

// TestKeptSessionEndsOnEveryInstance: a session one instance keeps between
// requests ends there on the next request after another instance logs it
// out, suspends its member or changes their role, as a session read on
// every request would.
func TestKeptSessionEndsOnEveryInstance(t *testing.T) {
	eachPair(t, func(t *testing.T, dbOne, dbTwo *store.DB) {
		ctx := context.Background()
		one, counted := instance(t, dbOne)
		two, _ := instance(t, dbTwo)
		res, err := one.SignUp(ctx, auth.SignUpInput{Username: "kept_session", Password: "kettle orbit lantern"})
		if err != nil {
			t.Fatal(err)
		}
		resolve := func(want auth.Role, wantStatus auth.Status) {
			t.Helper()
			p, err := one.Resolve(ctx, res.Token)
			if err != nil {
				t.Fatalf("resolve: %v", err)
			}
			if p.User.Role != want || p.User.Status != wantStatus || p.Actor.Role != want {
				t.Fatalf("resolved %s %s, want %s %s", p.User.Role, p.User.Status, want, wantStatus)
			}
		}
		resolve(auth.RoleMember, auth.StatusActive)
		before := counted.lookups
		resolve(auth.RoleMember, auth.StatusActive)
		if dbOne.Dialect == migrations.SQLite && counted.lookups != before {
			t.Errorf("SQLite: a second request with nothing written looked its session up again")
		}
		if err := dbTwo.W.Exec("UPDATE users SET role = ? WHERE id = ?", auth.RoleModerator, res.User.ID).Error; err != nil {
			t.Fatal(err)
		}
		resolve(auth.RoleModerator, auth.StatusActive)
		if err := dbTwo.W.Exec("UPDATE users SET status = ? WHERE id = ?", auth.StatusSuspended, res.User.ID).Error; err != nil {
			t.Fatal(err)
		}
		resolve(auth.RoleModerator, auth.StatusSuspended)
		if err := two.EndSession(ctx, res.Token); err != nil {
			t.Fatal(err)
		}
		if _, err := one.Resolve(ctx, res.Token); !errors.Is(err, auth.ErrNoSession) {
			t.Fatalf("after logging out on the other instance: %v, want no session", err)
		}
	})
}

// TestKeptSessionEndsWithItsOwnWrites: the instance that keeps a session
// sees its own logout at once too.
func TestKeptSessionEndsWithItsOwnWrites(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, _ := instance(t, db)
		res, err := s.SignUp(ctx, auth.SignUpInput{Username: "own_logout", Password: "kettle orbit lantern"})
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if _, err := s.Resolve(ctx, res.Token); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.EndSession(ctx, res.Token); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Resolve(ctx, res.Token); !errors.Is(err, auth.ErrNoSession) {
			t.Fatalf("after logging out: %v, want no session", err)
		}
	})
}
