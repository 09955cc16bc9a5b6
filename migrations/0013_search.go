package migrations

import (
	"context"
	"database/sql"
)

// Full-text search over visible posts and thread titles. The index is kept
// by triggers, so every write path (posting, editing, deleting, and every
// moderator action that changes a status, body or title) updates it in its
// own transaction without having to remember to: a post is in the index
// exactly while its status is 'visible', and an opening post's entry carries
// its thread's title while the thread is visible. Redacting a post or thread
// therefore removes its text from the index at once.
//
// SQLite uses an FTS5 table whose rowid is the post id (Porter stemming over
// Unicode words); PostgreSQL a tsvector table with a GIN index ('english'
// configuration, titles weighted above bodies).
var step0013Search = Step{Version: 13, Name: "full-text search", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	if d == Postgres {
		return execAll(ctx, tx, d, searchPostgres...)
	}
	return execAll(ctx, tx, d, searchSQLite...)
}}

var searchSQLite = []string{
	`CREATE VIRTUAL TABLE post_search USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2')`,
	`INSERT INTO post_search (rowid, title, body)
		SELECT p.id, CASE WHEN p.parent_id IS NULL AND t.status = 'visible' THEN t.title ELSE '' END, p.body_md
		FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.status = 'visible'`,
	`CREATE TRIGGER posts_search_insert AFTER INSERT ON posts WHEN NEW.status = 'visible' BEGIN
		INSERT INTO post_search (rowid, title, body) VALUES (NEW.id,
			CASE WHEN NEW.parent_id IS NULL THEN COALESCE((SELECT title FROM threads WHERE id = NEW.thread_id AND status = 'visible'), '') ELSE '' END,
			NEW.body_md);
	END`,
	`CREATE TRIGGER posts_search_update AFTER UPDATE OF body_md, status, parent_id ON posts BEGIN
		DELETE FROM post_search WHERE rowid = OLD.id;
		INSERT INTO post_search (rowid, title, body) SELECT NEW.id,
			CASE WHEN NEW.parent_id IS NULL THEN COALESCE((SELECT title FROM threads WHERE id = NEW.thread_id AND status = 'visible'), '') ELSE '' END,
			NEW.body_md
		WHERE NEW.status = 'visible';
	END`,
	`CREATE TRIGGER posts_search_delete AFTER DELETE ON posts BEGIN
		DELETE FROM post_search WHERE rowid = OLD.id;
	END`,
	`CREATE TRIGGER threads_search_update AFTER UPDATE OF title, status ON threads BEGIN
		DELETE FROM post_search WHERE rowid IN (SELECT id FROM posts WHERE thread_id = NEW.id AND parent_id IS NULL);
		INSERT INTO post_search (rowid, title, body)
			SELECT p.id, CASE WHEN NEW.status = 'visible' THEN NEW.title ELSE '' END, p.body_md
			FROM posts p WHERE p.thread_id = NEW.id AND p.parent_id IS NULL AND p.status = 'visible';
	END`,
}

var searchPostgres = []string{
	`CREATE TABLE post_search (
		post_id BIGINT PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
		document TSVECTOR NOT NULL
	)`,
	`CREATE INDEX post_search_document ON post_search USING GIN (document)`,
	`CREATE FUNCTION hearth_search_document(title TEXT, body TEXT) RETURNS TSVECTOR
		LANGUAGE sql IMMUTABLE AS $$
		SELECT setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A') ||
		       setweight(to_tsvector('english'::regconfig, COALESCE(body, '')), 'B')
	$$`,
	`INSERT INTO post_search (post_id, document)
		SELECT p.id, hearth_search_document(CASE WHEN p.parent_id IS NULL AND t.status = 'visible' THEN t.title END, p.body_md)
		FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.status = 'visible'`,
	`CREATE FUNCTION hearth_posts_search() RETURNS TRIGGER LANGUAGE plpgsql AS $$
	BEGIN
		DELETE FROM post_search WHERE post_id = NEW.id;
		IF NEW.status = 'visible' THEN
			INSERT INTO post_search (post_id, document) VALUES (NEW.id, hearth_search_document(
				CASE WHEN NEW.parent_id IS NULL THEN (SELECT title FROM threads WHERE id = NEW.thread_id AND status = 'visible') END,
				NEW.body_md));
		END IF;
		RETURN NULL;
	END $$`,
	`CREATE TRIGGER posts_search AFTER INSERT OR UPDATE OF body_md, status, parent_id ON posts
		FOR EACH ROW EXECUTE FUNCTION hearth_posts_search()`,
	`CREATE FUNCTION hearth_threads_search() RETURNS TRIGGER LANGUAGE plpgsql AS $$
	BEGIN
		DELETE FROM post_search WHERE post_id IN (SELECT id FROM posts WHERE thread_id = NEW.id AND parent_id IS NULL);
		INSERT INTO post_search (post_id, document)
			SELECT p.id, hearth_search_document(CASE WHEN NEW.status = 'visible' THEN NEW.title END, p.body_md)
			FROM posts p WHERE p.thread_id = NEW.id AND p.parent_id IS NULL AND p.status = 'visible';
		RETURN NULL;
	END $$`,
	`CREATE TRIGGER threads_search AFTER UPDATE OF title, status ON threads
		FOR EACH ROW EXECUTE FUNCTION hearth_threads_search()`,
}
