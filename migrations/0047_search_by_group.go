package migrations

import (
	"context"
	"database/sql"
	"fmt"
)

// step0047SearchByGroup puts each post's group into its search document
// on PostgreSQL, as one lexeme no text can make (SearchGroupLexeme), so a
// search narrowed to a group asks the GIN index for the posts holding its
// words and the group at once. Without it the planner took a word's
// posts to be spread evenly over the groups, and a word common elsewhere
// but absent from the group was looked for by walking every document
// newest first: a second at a million posts. The triggers write the
// lexeme with the document and write it again when a post's group
// changes (a thread moved). SQLite's search reads a word's matches
// through its own index and tests each one's group, so its cost is
// bounded by the word, and it is unchanged.
var step0047SearchByGroup = Step{Version: 47, Name: "search documents carry their group", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	if d != Postgres {
		return nil
	}
	return execAll(ctx, tx, d, searchByGroupPostgres...)
}}

// SearchGroupLexeme is the lexeme of the group with the given id in
// PostgreSQL's search documents (migration 47), written in a tsquery's
// syntax. The space keeps it apart from every word: PostgreSQL's text
// parser never makes a lexeme with a space in it, so no post's words can
// match it, and no search's words can ask for it.
func SearchGroupLexeme(groupID int64) string {
	return fmt.Sprintf("'group %d'", groupID)
}

var searchByGroupPostgres = []string{
	`CREATE FUNCTION hearth_search_document(title TEXT, body TEXT, group_id BIGINT) RETURNS TSVECTOR
		LANGUAGE sql IMMUTABLE AS $$
		SELECT hearth_search_document(title, body) || array_to_tsvector(ARRAY['group ' || group_id::text])
	$$`,
	// Rewriting every document is far quicker without the index, which is
	// built again once.
	`DROP INDEX post_search_document`,
	`UPDATE post_search ps SET document = ps.document || array_to_tsvector(ARRAY['group ' || p.group_id::text])
		FROM posts p WHERE p.id = ps.post_id`,
	`CREATE INDEX post_search_document ON post_search USING GIN (document)`,
	`CREATE OR REPLACE FUNCTION hearth_posts_search_insert() RETURNS TRIGGER LANGUAGE plpgsql AS $$
	DECLARE
		thread_title TEXT;
		doc TSVECTOR;
	BEGIN
		IF NEW.parent_id IS NULL THEN
			SELECT t.title INTO thread_title FROM threads t WHERE t.id = NEW.thread_id AND t.status = 'visible';
		END IF;
		doc := hearth_search_document(thread_title, NEW.body_md, NEW.group_id);
		INSERT INTO post_search (post_id, document) VALUES (NEW.id, doc);
		RETURN NULL;
	END $$`,
	`CREATE OR REPLACE FUNCTION hearth_posts_search() RETURNS TRIGGER LANGUAGE plpgsql AS $$
	BEGIN
		DELETE FROM post_search WHERE post_id = NEW.id;
		IF NEW.status = 'visible' THEN
			INSERT INTO post_search (post_id, document) VALUES (NEW.id, hearth_search_document(
				CASE WHEN NEW.parent_id IS NULL THEN (SELECT title FROM threads WHERE id = NEW.thread_id AND status = 'visible') END,
				NEW.body_md, NEW.group_id));
		END IF;
		RETURN NULL;
	END $$`,
	`DROP TRIGGER posts_search ON posts`,
	`CREATE TRIGGER posts_search AFTER UPDATE OF body_md, status, parent_id, group_id ON posts
		FOR EACH ROW EXECUTE FUNCTION hearth_posts_search()`,
	`CREATE OR REPLACE FUNCTION hearth_threads_search() RETURNS TRIGGER LANGUAGE plpgsql AS $$
	BEGIN
		DELETE FROM post_search WHERE post_id IN (SELECT id FROM posts WHERE thread_id = NEW.id AND parent_id IS NULL);
		INSERT INTO post_search (post_id, document)
			SELECT p.id, hearth_search_document(CASE WHEN NEW.status = 'visible' THEN NEW.title END, p.body_md, p.group_id)
			FROM posts p WHERE p.thread_id = NEW.id AND p.parent_id IS NULL AND p.status = 'visible';
		RETURN NULL;
	END $$`,
}
