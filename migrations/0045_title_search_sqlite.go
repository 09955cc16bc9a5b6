package migrations

import (
	"context"
	"database/sql"
)

// step0045TitleSearchSQLite gives SQLite's search an index of visible
// threads' titles of its own, as migration 44 gave PostgreSQL's: a search
// reads the opening posts titled with its words first, and through the
// search index's title column that meant reading every post that holds a
// word, the title column being a filter on the word's whole list. Its
// rows are the opening posts' ids, kept by triggers like the search
// index's (migration 13): an opening post is in it exactly while it and
// its thread are visible, with its thread's title, so a redaction takes
// the title out in its own transaction; and like the search index it
// removes a deleted row's words from its pages (secure-delete, migration
// 23).
var step0045TitleSearchSQLite = Step{Version: 45, Name: "search index of thread titles on SQLite", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	if d != SQLite {
		return nil
	}
	return execAll(ctx, tx, d, titleSearchSQLite...)
}}

var titleSearchSQLite = []string{
	`CREATE VIRTUAL TABLE title_search USING fts5(title, tokenize = 'porter unicode61 remove_diacritics 2')`,
	`INSERT INTO title_search(title_search, rank) VALUES('secure-delete', 1)`,
	`INSERT INTO title_search (rowid, title)
		SELECT p.id, t.title FROM posts p JOIN threads t ON t.id = p.thread_id
		WHERE p.parent_id IS NULL AND p.status = 'visible' AND t.status = 'visible'`,
	`CREATE TRIGGER posts_title_search_insert AFTER INSERT ON posts WHEN NEW.parent_id IS NULL AND NEW.status = 'visible' BEGIN
		INSERT INTO title_search (rowid, title) SELECT NEW.id, title FROM threads WHERE id = NEW.thread_id AND status = 'visible';
	END`,
	`CREATE TRIGGER posts_title_search_update AFTER UPDATE OF status, parent_id ON posts
		WHEN OLD.parent_id IS NULL OR NEW.parent_id IS NULL BEGIN
		DELETE FROM title_search WHERE rowid = OLD.id;
		INSERT INTO title_search (rowid, title) SELECT NEW.id, title FROM threads
			WHERE id = NEW.thread_id AND status = 'visible' AND NEW.parent_id IS NULL AND NEW.status = 'visible';
	END`,
	`CREATE TRIGGER posts_title_search_delete AFTER DELETE ON posts WHEN OLD.parent_id IS NULL BEGIN
		DELETE FROM title_search WHERE rowid = OLD.id;
	END`,
	`CREATE TRIGGER threads_title_search_update AFTER UPDATE OF title, status ON threads BEGIN
		DELETE FROM title_search WHERE rowid IN (SELECT id FROM posts WHERE thread_id = NEW.id AND parent_id IS NULL);
		INSERT INTO title_search (rowid, title) SELECT p.id, NEW.title FROM posts p
			WHERE p.thread_id = NEW.id AND p.parent_id IS NULL AND p.status = 'visible' AND NEW.status = 'visible';
	END`,
}
