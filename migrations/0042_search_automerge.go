package migrations

import (
	"context"
	"database/sql"
)

// step0042SearchAutomerge lets SQLite's search index gather eight segments
// of a size before merging them, not four. Every reply adds a small
// segment, and each merge rewrites the segments it joins; with four a
// level, a post's entry was rewritten once per level on its way up, and
// at a million posts that merging took a quarter of a reply's CPU. With
// eight the index has half as many levels, so half the rewriting, for at
// most seven segments a level for a search to read instead of three.
// PostgreSQL's GIN index keeps its own pending list and needs nothing here.
var step0042SearchAutomerge = Step{Version: 42, Name: "search index merges eight segments", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	if d != SQLite {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO post_search(post_search, rank) VALUES('automerge', 8)`)
	return err
}}
