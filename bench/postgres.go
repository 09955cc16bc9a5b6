package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"hearth/pkg/store"
)

// pgSchema is the PostgreSQL schema a run uses: fresh and dropped
// afterwards, or, with -data, named in that directory and kept between
// runs, seeded on first use like a SQLite data directory.
type pgSchema struct {
	db     *store.DB
	name   string
	url    string
	reused bool
	keep   bool
}

// schemaFile names, inside a -data directory, the schema seeded there.
const schemaFile = "bench-schema"

// openSchema makes (or, with dataDir holding a schema's name, reuses) a
// schema in the PostgreSQL database at base.
func openSchema(ctx context.Context, base, dataDir string, keep bool) (*pgSchema, error) {
	db, err := store.Open(ctx, base, store.Options{MaxConns: 1})
	if err != nil {
		return nil, fmt.Errorf("connect to HEARTH_DATABASE_URL: %w", err)
	}
	s := &pgSchema{db: db, keep: keep || dataDir != ""}
	if dataDir != "" {
		if b, err := os.ReadFile(filepath.Join(dataDir, schemaFile)); err == nil { // #nosec G304 -- the data directory the user passed with -data
			s.name = strings.TrimSpace(string(b))
			var n int
			err := db.SQL().QueryRowContext(ctx, "SELECT COUNT(*) FROM pg_namespace WHERE nspname = $1", s.name).Scan(&n)
			if err != nil || n == 0 || !strings.HasPrefix(s.name, "hearth_bench_") {
				_ = db.Close()
				return nil, fmt.Errorf("%s names schema %q, which this database does not hold", filepath.Join(dataDir, schemaFile), s.name)
			}
			s.reused = true
		}
	}
	if s.name == "" {
		b := make([]byte, 4)
		_, _ = rand.Read(b)
		s.name = "hearth_bench_" + hex.EncodeToString(b)
		// #nosec G202 -- the name is generated hex, not input.
		if _, err := db.SQL().ExecContext(ctx, "CREATE SCHEMA "+s.name); err != nil {
			_ = db.Close()
			return nil, fmt.Errorf("create schema: %w", err)
		}
		if dataDir != "" {
			err := errors.Join(os.MkdirAll(dataDir, 0o700), os.WriteFile(filepath.Join(dataDir, schemaFile), []byte(s.name+"\n"), 0o600)) // #nosec G703 -- the data directory the user passed with -data
			if err != nil {
				_ = db.Close()
				return nil, err
			}
		}
	}
	u, err := url.Parse(base)
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	q := u.Query()
	q.Set("search_path", s.name)
	// The server's backends carry the schema's name, so the bench can
	// count their CPU time apart from other clients of the database.
	q.Set("application_name", s.name)
	u.RawQuery = q.Encode()
	s.url = u.String()
	if s.reused {
		fmt.Printf("bench: PostgreSQL schema %s (reused)\n", s.name)
	} else {
		fmt.Printf("bench: PostgreSQL schema %s\n", s.name)
	}
	return s, nil
}

// vacuum runs VACUUM ANALYZE on every table of the schema: a server
// without autovacuum would otherwise measure the dead rows and stale
// statistics the previous scenario left.
func (s *pgSchema) vacuum(ctx context.Context) error {
	rows, err := s.db.SQL().QueryContext(ctx, "SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename", s.name)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			_ = rows.Close()
			return err
		}
		tables = append(tables, s.name+`."`+t+`"`)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil || len(tables) == 0 {
		return err
	}
	// The server's statement timeout is for requests: a first VACUUM of
	// the million-post data set takes longer, so this connection has none.
	conn, err := s.db.SQL().Conn(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = conn.Close() }()
	if _, err := conn.ExecContext(ctx, "SET statement_timeout = 0"); err != nil {
		return err
	}
	// #nosec G202 -- names read from the catalogue of the schema this run made, quoted.
	_, err = conn.ExecContext(ctx, "VACUUM (ANALYZE) "+strings.Join(tables, ", "))
	return err
}

// backendPIDs are the process ids of the database backends the server
// under test holds (named for the schema), for their CPU time.
func (s *pgSchema) backendPIDs(ctx context.Context) []int {
	rows, err := s.db.SQL().QueryContext(ctx, "SELECT pid FROM pg_stat_activity WHERE application_name = $1", s.name)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var pids []int
	for rows.Next() {
		var pid int
		if rows.Scan(&pid) == nil {
			pids = append(pids, pid)
		}
	}
	return pids
}

// close drops the schema unless it is kept, and disconnects.
func (s *pgSchema) close() {
	defer s.db.Close()
	if s.keep {
		fmt.Printf("bench: kept schema %s\n", s.name)
		return
	}
	// #nosec G202 -- the name is generated hex, not input.
	_, _ = s.db.SQL().ExecContext(context.Background(), "DROP SCHEMA "+s.name+" CASCADE")
}
