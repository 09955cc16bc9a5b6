package migrations_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hearth/migrations"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// eachEmptyDB runs fn on an empty, unmigrated SQLite database and, when
// HEARTH_TEST_DATABASE_URL is set, on an empty PostgreSQL schema.
func eachEmptyDB(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	eachEmptyDSN(t, func(t *testing.T, dsn string) { fn(t, openEmpty(t, dsn)) })
}

// eachEmptyDSN is eachEmptyDB for tests that open the database themselves.
func eachEmptyDSN(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		fn(t, "sqlite:"+filepath.Join(t.TempDir(), "hearth.db"))
	})
	if forumtest.PostgresURL() == "" && !forumtest.Required() {
		return
	}
	t.Run("postgres", func(t *testing.T) {
		fn(t, forumtest.PostgresSchemaURL(t))
	})
}

func openEmpty(t *testing.T, dsn string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), dsn, store.Options{MaxConns: 2})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// withSteps replaces the schema for one test. Tests in this package do not
// run in parallel, so no other test sees the replacement.
func withSteps(t *testing.T, steps ...migrations.Step) {
	t.Helper()
	saved := migrations.Steps
	migrations.Steps = steps
	t.Cleanup(func() { migrations.Steps = saved })
}

// runUpTo applies the shipped steps numbered below version and returns a
// function that applies the rest.
func runUpTo(t *testing.T, db *store.DB, version int) (rest func()) {
	t.Helper()
	ctx := context.Background()
	all := migrations.Steps
	var before []migrations.Step
	for _, s := range all {
		if s.Version < version {
			before = append(before, s)
		}
	}
	withSteps(t, before...)
	if _, err := migrations.Run(ctx, db.SQL(), db.Dialect); err != nil {
		t.Fatalf("steps before %d: %v", version, err)
	}
	return func() {
		t.Helper()
		migrations.Steps = all
		if n, err := migrations.Run(ctx, db.SQL(), db.Dialect); err != nil || n != len(all)-len(before) {
			t.Fatalf("steps from %d: applied %d, err %v", version, n, err)
		}
	}
}

func step(version int, name string, stmts ...string) migrations.Step {
	return migrations.Step{Version: version, Name: name, Up: func(ctx context.Context, tx *sql.Tx, d migrations.Dialect) error {
		for _, s := range stmts {
			if _, err := tx.ExecContext(ctx, d.SQL(s)); err != nil {
				return err
			}
		}
		return nil
	}}
}

func tableExists(t *testing.T, db *store.DB, name string) bool {
	t.Helper()
	return db.W.Migrator().HasTable(name)
}

// TestFailedStepLeavesNothingBehind checks that each step runs in its own
// transaction: a step that fails halfway leaves neither its tables, nor its
// rows, nor a version behind, the steps before it stay applied, and a fixed
// step then applies on the next run.
func TestFailedStepLeavesNothingBehind(t *testing.T) {
	eachEmptyDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		good := step(1, "probe a", `CREATE TABLE probe_a (id {{BIGINT}} NOT NULL)`)
		withSteps(t, good, step(2, "probe b, broken",
			`CREATE TABLE probe_b (id {{BIGINT}} NOT NULL)`,
			`INSERT INTO probe_a (id) VALUES (1)`,
			`INSERT INTO no_such_table (id) VALUES (1)`,
		))
		n, err := migrations.Run(ctx, db.SQL(), db.Dialect)
		if err == nil || n != 1 || !strings.Contains(err.Error(), "migration 2 (probe b, broken)") {
			t.Fatalf("broken step: applied %d, err %v", n, err)
		}
		if cur, err := migrations.Current(ctx, db.SQL(), db.Dialect); err != nil || cur != 1 {
			t.Fatalf("version after the failure: %d, %v", cur, err)
		}
		if tableExists(t, db, "probe_b") {
			t.Fatal("the failed step's table survived")
		}
		var rows int64
		if err := db.W.Table("probe_a").Count(&rows).Error; err != nil || rows != 0 {
			t.Fatalf("the failed step's row survived: %d, %v", rows, err)
		}
		if err := migrations.Check(ctx, db.SQL(), db.Dialect); !errors.Is(err, migrations.ErrPending) {
			t.Fatalf("check after the failure: %v", err)
		}

		withSteps(t, good, step(2, "probe b", `CREATE TABLE probe_b (id {{BIGINT}} NOT NULL)`))
		if n, err := migrations.Run(ctx, db.SQL(), db.Dialect); err != nil || n != 1 {
			t.Fatalf("fixed step: applied %d, err %v", n, err)
		}
		if !tableExists(t, db, "probe_b") {
			t.Fatal("the fixed step did not run")
		}
		if err := migrations.Check(ctx, db.SQL(), db.Dialect); err != nil {
			t.Fatalf("check after the fix: %v", err)
		}
	})
}

// TestStepsOutOfOrderRefused checks that a list that repeats or reorders a
// version is refused before anything runs.
func TestStepsOutOfOrderRefused(t *testing.T) {
	eachEmptyDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		for name, steps := range map[string][]migrations.Step{
			"reordered": {step(1, "probe a", `CREATE TABLE probe_a (id {{BIGINT}})`), step(3, "probe c", `CREATE TABLE probe_c (id {{BIGINT}})`), step(2, "probe b", `CREATE TABLE probe_b (id {{BIGINT}})`)},
			"repeated":  {step(1, "probe a", `CREATE TABLE probe_a (id {{BIGINT}})`), step(1, "probe b", `CREATE TABLE probe_b (id {{BIGINT}})`)},
		} {
			withSteps(t, steps...)
			n, err := migrations.Run(ctx, db.SQL(), db.Dialect)
			if err == nil || n != 0 || !strings.Contains(err.Error(), "out of order") {
				t.Fatalf("%s list: applied %d, err %v", name, n, err)
			}
			if tableExists(t, db, "probe_a") {
				t.Fatalf("a step ran from a %s list", name)
			}
		}
	})
}

// TestReservedNumbersLandLate checks that versions may skip numbers
// reserved for work not landed yet, and that a step landing later under a
// lower number than one applied still runs, once; a database holding a
// step the code does not know is refused as too new.
func TestReservedNumbersLandLate(t *testing.T) {
	eachEmptyDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := step(1, "probe a", `CREATE TABLE probe_a (id {{BIGINT}})`)
		c := step(3, "probe c", `CREATE TABLE probe_c (id {{BIGINT}})`)
		withSteps(t, a, c)
		if n, err := migrations.Run(ctx, db.SQL(), db.Dialect); err != nil || n != 2 {
			t.Fatalf("gap in the list: applied %d, err %v", n, err)
		}
		if err := migrations.Check(ctx, db.SQL(), db.Dialect); err != nil || migrations.Latest() != 3 {
			t.Fatalf("check with a gap: %v, latest %d", err, migrations.Latest())
		}
		withSteps(t, a, step(2, "probe b", `CREATE TABLE probe_b (id {{BIGINT}})`), c)
		if err := migrations.Check(ctx, db.SQL(), db.Dialect); !errors.Is(err, migrations.ErrPending) {
			t.Fatalf("check with a late step: %v", err)
		}
		if n, err := migrations.Run(ctx, db.SQL(), db.Dialect); err != nil || n != 1 || !tableExists(t, db, "probe_b") {
			t.Fatalf("late step: applied %d, err %v", n, err)
		}
		if n, err := migrations.Run(ctx, db.SQL(), db.Dialect); err != nil || n != 0 {
			t.Fatalf("second run: applied %d, err %v", n, err)
		}
		withSteps(t, a, c)
		if err := migrations.Check(ctx, db.SQL(), db.Dialect); !errors.Is(err, migrations.ErrSchemaTooNew) {
			t.Fatalf("check on a database holding an unknown step: %v", err)
		}
		if n, err := migrations.Run(ctx, db.SQL(), db.Dialect); !errors.Is(err, migrations.ErrSchemaTooNew) || n != 0 {
			t.Fatalf("run on a database holding an unknown step: applied %d, err %v", n, err)
		}
	})
}

// TestRealChainOnEmptyDatabase runs the shipped steps on an empty database:
// every step applies once, in order, and a second run applies none.
func TestRealChainOnEmptyDatabase(t *testing.T) {
	eachEmptyDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if err := migrations.Check(ctx, db.SQL(), db.Dialect); !errors.Is(err, migrations.ErrPending) {
			t.Fatalf("empty database: %v", err)
		}
		if n, err := migrations.Run(ctx, db.SQL(), db.Dialect); err != nil || n != len(migrations.Steps) {
			t.Fatalf("first run: applied %d of %d, err %v", n, len(migrations.Steps), err)
		}
		var versions []int
		if err := db.R.Raw("SELECT version FROM schema_migrations ORDER BY version").Scan(&versions).Error; err != nil {
			t.Fatal(err)
		}
		if len(versions) != len(migrations.Steps) {
			t.Fatalf("%d versions recorded, want %d", len(versions), len(migrations.Steps))
		}
		for i, v := range versions {
			if v != migrations.Steps[i].Version {
				t.Fatalf("schema_migrations holds %v", versions)
			}
		}
		for _, table := range []string{"users", "groups", "threads", "posts"} {
			if !tableExists(t, db, table) {
				t.Errorf("table %s missing", table)
			}
		}
		if n, err := migrations.Run(ctx, db.SQL(), db.Dialect); err != nil || n != 0 {
			t.Fatalf("second run: applied %d, err %v", n, err)
		}
	})
}

// TestConcurrentRunsOnOneDatabase starts several migrators at once on one
// fresh database, as `hearth serve` and `hearth create-admin` started
// together on a new SQLite file would: all succeed and every step applies
// exactly once.
func TestConcurrentRunsOnOneDatabase(t *testing.T) {
	eachEmptyDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		const runners = 4
		dbs := make([]*store.DB, runners)
		for i := range dbs {
			dbs[i] = openEmpty(t, dsn)
		}
		type result struct {
			n   int
			err error
		}
		results := make(chan result, runners)
		start := make(chan struct{})
		for _, db := range dbs {
			go func() {
				<-start
				n, err := migrations.Run(ctx, db.SQL(), db.Dialect)
				results <- result{n, err}
			}()
		}
		close(start)
		total := 0
		for range runners {
			r := <-results
			if r.err != nil {
				t.Errorf("concurrent run: %v", r.err)
			}
			total += r.n
		}
		if total != len(migrations.Steps) {
			t.Fatalf("%d steps applied in all, want %d", total, len(migrations.Steps))
		}
		if err := migrations.Check(ctx, dbs[0].SQL(), dbs[0].Dialect); err != nil {
			t.Fatal(err)
		}
	})
}

// TestSearchIndexMergesEightSegments: migration 42 sets the SQLite search
// index's automerge to eight; PostgreSQL has no such setting.
func TestSearchIndexMergesEightSegments(t *testing.T) {
	eachEmptyDB(t, func(t *testing.T, db *store.DB) {
		if _, err := migrations.Run(context.Background(), db.SQL(), db.Dialect); err != nil {
			t.Fatal(err)
		}
		if db.Dialect != migrations.SQLite {
			return
		}
		var v int
		if err := db.SQL().QueryRow("SELECT v FROM post_search_config WHERE k = 'automerge'").Scan(&v); err != nil || v != 8 {
			t.Fatalf("automerge %d (%v), want 8", v, err)
		}
	})
}

// TestStepsRunPastTheStatementTimeout: on PostgreSQL a step may take longer
// than the connection's statement timeout, which bounds requests, not the
// rewriting of a table that grows with the forum, and another instance
// waits for it to finish rather than failing; the connections keep their
// timeout afterwards.
func TestStepsRunPastTheStatementTimeout(t *testing.T) {
	eachEmptyDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		var dbs [2]*store.DB
		for i := range dbs {
			db, err := store.Open(ctx, dsn, store.Options{MaxConns: 2, StatementTimeout: 100 * time.Millisecond})
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			t.Cleanup(func() { _ = db.Close() })
			dbs[i] = db
		}
		slow := "SELECT 1"
		if dbs[0].Dialect == migrations.Postgres {
			slow = "SELECT pg_sleep(0.3)"
		}
		withSteps(t, step(1, "slow", slow))
		errs := make(chan error, len(dbs))
		for _, db := range dbs {
			go func() {
				_, err := migrations.Run(ctx, db.SQL(), db.Dialect)
				errs <- err
			}()
		}
		for range dbs {
			if err := <-errs; err != nil {
				t.Fatalf("a step past the statement timeout, run by two instances: %v", err)
			}
		}
		if dbs[0].Dialect != migrations.Postgres {
			return
		}
		// Both connections of each pool at once, so the one that held
		// the lock is among them.
		for _, db := range dbs {
			for range 2 {
				go func() {
					_, err := db.SQL().ExecContext(ctx, slow)
					errs <- err
				}()
			}
			for range 2 {
				if err := <-errs; err == nil {
					t.Fatal("after the migration a statement ran past the timeout")
				}
			}
		}
	})
}
