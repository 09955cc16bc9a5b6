package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestSessionReadsThreadAhead: with a thread named for reading ahead, the
// session's one statement also reads the thread's head, every column as
// ThreadHead reads it (an author or none); the request's next ThreadHead of
// that thread takes it without a query, once; a thread that does not exist
// keeps nothing and is still not found; the session is the same either way.
func TestSessionReadsThreadAhead(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Second)
		author := forumtest.InsertUser(t, db, "rowan", "member")
		th := forumtest.InsertThread(t, db, "grief", author, "A thread", []string{"abuse"}, now.Add(-time.Hour))
		a, f := store.NewAuth(db), store.NewForum(db)
		sess := auth.Session{TokenHash: "aheadhash", UserID: author, Device: "Firefox on Linux",
			CreatedAt: now.Add(-time.Minute), LastSeenAt: now.Add(-time.Minute), ExpiresAt: now.Add(time.Hour)}
		if err := a.CreateSession(ctx, &sess); err != nil {
			t.Fatal(err)
		}
		plainSess, plainUser, err := a.SessionUser(ctx, sess.TokenHash, now, now.Add(-10*time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		counter := forumtest.CountQueries(db)
		for _, anonymousAuthor := range []bool{false, true} {
			if anonymousAuthor {
				if err := db.W.Exec("UPDATE threads SET author_id = NULL WHERE id = ?", th.ID).Error; err != nil {
					t.Fatal(err)
				}
			}
			want, err := f.ThreadHead(ctx, th.ID)
			if err != nil {
				t.Fatal(err)
			}
			actx := forum.WithReadAhead(ctx, th.ID)
			gotSess, gotUser, err := a.SessionUser(actx, sess.TokenHash, now, now.Add(-10*time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(gotSess, plainSess) || !reflect.DeepEqual(gotUser, plainUser) {
				t.Errorf("the session read with a thread differs:\n got %+v %+v\nwant %+v %+v", gotSess, gotUser, plainSess, plainUser)
			}
			counter.Reset()
			got, err := f.ThreadHead(actx, th.ID)
			if err != nil {
				t.Fatal(err)
			}
			if n := counter.Count(); n != 0 || !reflect.DeepEqual(got, want) {
				t.Errorf("head read ahead (%d queries):\n got %+v\nwant %+v", n, got, want)
			}
			if _, err := f.ThreadHead(actx, th.ID); err != nil || counter.Count() != 1 {
				t.Errorf("a second read of the head: %v, %d queries in all, want 1", err, counter.Count())
			}
		}
		missing := forum.WithReadAhead(ctx, th.ID+1000)
		if _, _, err := a.SessionUser(missing, sess.TokenHash, now, now.Add(-10*time.Minute)); err != nil {
			t.Fatalf("session with a missing thread read ahead: %v", err)
		}
		if _, err := f.ThreadHead(missing, th.ID+1000); !errors.Is(err, forum.ErrNotFound) {
			t.Errorf("missing thread read ahead: %v", err)
		}
		if _, _, err := a.SessionUser(forum.WithReadAhead(ctx, th.ID), "unknown", now, now.Add(-10*time.Minute)); !errors.Is(err, forum.ErrNotFound) {
			t.Errorf("unknown token with a thread read ahead: %v", err)
		}
	})
}

// TestSessionReadsCoverVersion: the session's statement on a thread's
// routes also reads the moderation cover's version, the one Cover reads
// with the settings; a change to a setting or to time on duty moves it,
// and a read that changes nothing does not.
func TestSessionReadsCoverVersion(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Second)
		member := forumtest.InsertUser(t, db, "rowan", "member")
		mod := forumtest.InsertUser(t, db, "warden", "moderator")
		th := forumtest.InsertThread(t, db, "grief", member, "A thread", nil, now.Add(-time.Hour))
		a, m := store.NewAuth(db), store.NewModeration(db)
		sess := auth.Session{TokenHash: "coverhash", UserID: member, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}
		if err := a.CreateSession(ctx, &sess); err != nil {
			t.Fatal(err)
		}
		versions := func() (uint64, uint64, int) {
			t.Helper()
			actx := forum.WithReadAhead(ctx, th.ID)
			if _, _, err := a.SessionUser(actx, sess.TokenHash, now, now.Add(-10*time.Minute)); err != nil {
				t.Fatal(err)
			}
			read, ok := forum.ReadAheadOf(actx).CoverVersion()
			if !ok {
				t.Fatal("the session's statement kept no cover version")
			}
			_, n, v, err := m.Cover(ctx, now)
			if err != nil {
				t.Fatal(err)
			}
			return read, v, n
		}
		if _, ok := forum.ReadAheadOf(ctx).CoverVersion(); ok {
			t.Fatal("a context without a read-ahead has a cover version")
		}
		before, fromCover, n := versions()
		if before != fromCover || n != 0 {
			t.Fatalf("session read version %d, Cover %d (%d on duty)", before, fromCover, n)
		}
		if again, _, _ := versions(); again != before {
			t.Fatalf("reading moved the version: %d -> %d", before, again)
		}
		changes := []struct {
			name string
			sql  string
			args []any
		}{
			{"a setting saved", "INSERT INTO site_settings (name, value, updated_at) VALUES (?, ?, ?)", []any{"out_of_hours_hold_first_posts", "2", now}},
			{"a setting changed", "UPDATE site_settings SET value = ? WHERE name = ?", []any{"0", "out_of_hours_hold_first_posts"}},
			{"a moderator on duty", "INSERT INTO moderator_duty (user_id, started_at, ends_at) VALUES (?, ?, ?)", []any{mod, now, now.Add(time.Hour)}},
			{"time on duty ended", "DELETE FROM moderator_duty WHERE user_id = ?", []any{mod}},
			{"a setting removed", "DELETE FROM site_settings WHERE name = ?", []any{"out_of_hours_hold_first_posts"}},
		}
		for _, c := range changes {
			if err := db.W.Exec(c.sql, c.args...).Error; err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			after, fromCover, n := versions()
			if after == before || after != fromCover {
				t.Errorf("%s: version %d -> %d (Cover reads %d)", c.name, before, after, fromCover)
			}
			if want := map[bool]int{true: 1, false: 0}[c.name == "a moderator on duty"]; n != want {
				t.Errorf("%s: %d on duty, want %d", c.name, n, want)
			}
			before = after
		}
	})
}
