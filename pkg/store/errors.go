package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"hearth/pkg/forum"
)

// translate maps driver and GORM errors onto the domain's sentinel errors,
// keeping the original in the chain for logs.
func translate(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return fmt.Errorf("%w: %w", forum.ErrNotFound, err)
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		switch pg.Code {
		case "23505": // unique_violation
			return fmt.Errorf("%w: %w", forum.ErrConflict, err)
		case "23503": // foreign_key_violation
			return fmt.Errorf("%w: %w", forum.ErrNotFound, err)
		case "40001", "40P01": // serialization failure, deadlock
			return fmt.Errorf("%w: %w", forum.ErrConflict, err)
		}
		return err
	}
	// The pure-Go SQLite driver (modernc.org/sqlite) reports constraint
	// failures as text with the extended result code.
	msg := err.Error()
	switch {
	case strings.Contains(msg, "UNIQUE constraint failed"), strings.Contains(msg, "(2067)"), strings.Contains(msg, "(1555)"):
		return fmt.Errorf("%w: %w", forum.ErrConflict, err)
	case strings.Contains(msg, "FOREIGN KEY constraint failed"), strings.Contains(msg, "(787)"):
		return fmt.Errorf("%w: %w", forum.ErrNotFound, err)
	}
	return err
}

// IsConflict reports whether err is a translated unique-key violation.
func IsConflict(err error) bool { return errors.Is(translate(err), forum.ErrConflict) }
