package migrations

import (
	"context"
	"database/sql"
)

// step0044TitleSearch indexes the words of visible threads' titles on
// PostgreSQL, so that a search finds the opening posts titled with its
// words through an index of titles alone, without reading every post
// that holds a word. The expression is the title's part of a post's
// search document (hearth_search_document, migration 13), and only a
// visible thread's title is in either. SQLite's titles get an index of
// their own in migration 45.
//
// It also has ANALYZE keep ten times the usual statistics of the search
// documents' words. A search reads its newest matches by walking the posts
// newest first when a word is common and through the GIN index when it is
// rare, and PostgreSQL guesses a word missing from its statistics to be
// half as common as the rarest it keeps: with the usual 486 words kept at
// a million posts that guess was 1,283 posts, so a word no post holds was
// looked for by walking all million (a second); with more kept the guess
// is about a hundred and the index is read instead.
var step0044TitleSearch = Step{Version: 44, Name: "index of thread titles for search", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	if d != Postgres {
		return nil
	}
	return execAll(ctx, tx, d,
		`CREATE INDEX threads_title_search ON threads
			USING GIN (to_tsvector('english'::regconfig, title)) WHERE status = 'visible'`,
		`ALTER TABLE post_search ALTER COLUMN document SET STATISTICS 1000`)
}}
