package forumtest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"hearth/migrations"
	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/store"
)

// InsertUser adds a member directly (password hash unusable) and returns its
// id. Its key is auth.PseudonymKey(name), as for a real signup. Tests that
// log in use SignUp or the accounts service instead.
func InsertUser(t testing.TB, db *store.DB, name, role string) int64 {
	t.Helper()
	now := time.Now().UTC()
	var id int64
	err := db.W.Raw(`INSERT INTO users (username, username_key, password_hash, role, created_at, updated_at)
		VALUES (?, ?, '!', ?, ?, ?) RETURNING id`, name, auth.PseudonymKey(name), role, now, now).Scan(&id).Error
	if err != nil {
		t.Fatalf("insert user %s: %v", name, err)
	}
	return id
}

// Group returns the group with slug.
func Group(t testing.TB, db *store.DB, slug string) forum.Group {
	t.Helper()
	g, err := store.NewForum(db).GroupBySlug(context.Background(), slug)
	if err != nil {
		t.Fatalf("group %s: %v", slug, err)
	}
	return g
}

// InsertThread adds a thread with an opening post straight into the database
// at time at, bypassing the services (for list and pagination tests).
func InsertThread(t testing.TB, db *store.DB, groupSlug string, authorID int64, title string, tags []string, at time.Time) forum.Thread {
	t.Helper()
	g := Group(t, db, groupSlug)
	at = at.UTC().Truncate(time.Microsecond)
	th := forum.Thread{GroupID: g.ID, AuthorID: &authorID, Title: title, Tags: forum.MakeTags(tags), Status: forum.StatusVisible,
		LastAuthorID: &authorID, LastPostAt: at, CreatedAt: at, UpdatedAt: at}
	if err := db.W.Create(&th).Error; err != nil {
		t.Fatalf("insert thread: %v", err)
	}
	p := forum.Post{ThreadID: th.ID, GroupID: g.ID, AuthorID: &authorID, BodyMD: "Opening post of " + title,
		BodyHTML: "<p>Opening post of " + title + "</p>", Tags: th.Tags, Status: forum.StatusVisible, Version: 1, CreatedAt: at, UpdatedAt: at}
	if err := db.W.Create(&p).Error; err != nil {
		t.Fatalf("insert post: %v", err)
	}
	key := fmt.Sprintf("%010d", p.ID)
	if err := db.W.Model(&p).Update("sort_key", key).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.W.Model(&th).Updates(map[string]any{"first_post_id": p.ID, "last_post_id": p.ID}).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.W.Exec("UPDATE groups SET thread_count = thread_count + 1, post_count = post_count + 1, last_activity_at = ? WHERE id = ?", at, g.ID).Error; err != nil {
		t.Fatal(err)
	}
	return th
}

// InsertPost adds a visible reply with body to th straight into the
// database at time at, bypassing the services, and returns its id.
func InsertPost(t testing.TB, db *store.DB, th forum.Thread, authorID int64, body string, at time.Time) int64 {
	t.Helper()
	var id int64
	if err := db.W.Raw(`INSERT INTO posts (thread_id, group_id, author_id, body_md, body_html, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, 'visible', ?, ?) RETURNING id`, th.ID, th.GroupID, authorID, body, "<p>"+body+"</p>", at, at).Scan(&id).Error; err != nil {
		t.Fatalf("insert post: %v", err)
	}
	return id
}

// RefuseUserDelete makes every deletion of a users row fail, as the last
// statement of an account deletion failing would, and returns a function
// that allows them again.
func RefuseUserDelete(t testing.TB, db *store.DB) (allow func()) {
	t.Helper()
	refuse := []string{`CREATE TRIGGER refuse_user_delete BEFORE DELETE ON users BEGIN SELECT RAISE(ABORT, 'refused by test'); END`}
	undo := []string{`DROP TRIGGER refuse_user_delete`}
	if db.Dialect == migrations.Postgres {
		refuse = []string{
			`CREATE FUNCTION refuse_user_delete() RETURNS TRIGGER LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$`,
			`CREATE TRIGGER refuse_user_delete BEFORE DELETE ON users FOR EACH ROW EXECUTE FUNCTION refuse_user_delete()`,
		}
		undo = []string{`DROP TRIGGER refuse_user_delete ON users`, `DROP FUNCTION refuse_user_delete()`}
	}
	run := func(stmts []string) {
		t.Helper()
		for _, q := range stmts {
			if err := db.W.Exec(q).Error; err != nil {
				t.Fatal(err)
			}
		}
	}
	run(refuse)
	return func() { t.Helper(); run(undo) }
}
