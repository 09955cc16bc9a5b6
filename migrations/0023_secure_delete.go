package migrations

import (
	"context"
	"database/sql"
)

// step0023SecureDelete makes deleted words leave the SQLite search index's
// pages too: FTS5's secure-delete option removes a row's terms from the
// index instead of leaving them to a later merge. (secure_delete for the
// tables themselves is a connection setting, pkg/store/db.go.) PostgreSQL
// rewrites its index entries with the row in the same transaction and
// needs nothing here.
var step0023SecureDelete = Step{Version: 23, Name: "search index secure delete", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	if d != SQLite {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO post_search(post_search, rank) VALUES('secure-delete', 1)`)
	return err
}}
