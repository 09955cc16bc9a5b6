package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// Tx runs fn in one write transaction: committed when fn returns nil, rolled
// back otherwise (also on panic). Errors come back translated.
func (db *DB) Tx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	before := db.changes.snapshot()
	err := db.W.WithContext(ctx).Transaction(fn)
	db.changes.settle(before)
	if err != nil {
		return fmt.Errorf("transaction: %w", translate(err))
	}
	return nil
}

// read returns the reader handle bound to ctx.
func (db *DB) read(ctx context.Context) *gorm.DB { return db.R.WithContext(ctx) }

// write returns the writer handle bound to ctx.
func (db *DB) write(ctx context.Context) *gorm.DB { return db.W.WithContext(ctx) }
