package store_test

import (
	"context"
	"sort"
	"strings"
	"sync"
	"testing"

	"gorm.io/gorm/schema"

	"hearth/migrations"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestModelsMatchSchema checks that every GORM model's columns exist in the
// migrated table and every table column is mapped by the model, so a
// migration and a struct cannot drift apart silently.
func TestModelsMatchSchema(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		for _, m := range store.Models() {
			s, err := schema.Parse(m, &sync.Map{}, schema.NamingStrategy{})
			if err != nil {
				t.Fatal(err)
			}
			cols, err := db.R.Migrator().ColumnTypes(s.Table)
			if err != nil {
				t.Fatalf("%s: %v", s.Table, err)
			}
			if len(cols) == 0 {
				t.Fatalf("table %s missing", s.Table)
			}
			inTable := map[string]bool{}
			for _, c := range cols {
				inTable[c.Name()] = true
			}
			inModel := map[string]bool{}
			for _, f := range s.Fields {
				if f.DBName == "" {
					continue
				}
				if f.Readable && !f.Creatable && !f.Updatable {
					// Read-only: a join column such as author_name, or a
					// column only triggers write (threads.content_version).
					inModel[f.DBName] = inTable[f.DBName]
					continue
				}
				inModel[f.DBName] = true
				if !inTable[f.DBName] {
					t.Errorf("%s.%s: model field has no column", s.Table, f.DBName)
				}
			}
			for c := range inTable {
				if !inModel[c] {
					t.Errorf("%s.%s: column is not mapped by %T", s.Table, c, m)
				}
			}
		}
	})
}

func dumpSchema(t *testing.T, db *store.DB) string {
	t.Helper()
	tables, err := db.R.Migrator().GetTables()
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(tables)
	var b strings.Builder
	for _, tb := range tables {
		if virtualTable(t, db, tb) {
			continue // SQLite FTS5 tables; their shadow tables are listed
		}
		cols, err := db.R.Migrator().ColumnTypes(tb)
		if err != nil {
			t.Fatal(err)
		}
		// Sorted: PostgreSQL's catalogue answers a table's columns in no
		// set order, and the schema is the same whatever the order.
		lines := make([]string, 0, len(cols))
		for _, c := range cols {
			lines = append(lines, tb+"."+c.Name()+" "+c.DatabaseTypeName()+"\n")
		}
		sort.Strings(lines)
		for _, l := range lines {
			b.WriteString(l)
		}
	}
	return b.String()
}

// virtualTable reports whether tb is an SQLite virtual table (full-text
// search), whose DDL GORM's column reader cannot parse.
func virtualTable(t *testing.T, db *store.DB, tb string) bool {
	t.Helper()
	if db.Dialect != migrations.SQLite {
		return false
	}
	var ddl string
	if err := db.R.Raw("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", tb).Scan(&ddl).Error; err != nil {
		t.Fatal(err)
	}
	return strings.HasPrefix(strings.ToUpper(ddl), "CREATE VIRTUAL TABLE")
}

func TestMigrationsIdempotentAndRefuseNewer(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		before := dumpSchema(t, db)
		if !strings.Contains(before, "posts.parent_id") || !strings.Contains(before, "posts.body_html") {
			t.Fatalf("schema lacks the posting columns:\n%s", before)
		}
		n, err := db.Migrate(ctx)
		if err != nil || n != 0 {
			t.Fatalf("second run: applied %d, err %v", n, err)
		}
		if after := dumpSchema(t, db); after != before {
			t.Fatalf("second run changed the schema")
		}
		if err := db.CheckSchema(ctx); err != nil {
			t.Fatalf("current schema reported as %v", err)
		}
		var groups int64
		db.R.Table("groups").Count(&groups)
		if groups < 4 {
			t.Fatalf("seeded %d groups", groups)
		}
		// A newer Hearth migrated this database: refuse it.
		if err := db.W.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from the future', CURRENT_TIMESTAMP)", migrations.Latest()+1).Error; err != nil {
			t.Fatal(err)
		}
		if _, err := db.Migrate(ctx); err == nil || !strings.Contains(err.Error(), migrations.ErrSchemaTooNew.Error()) {
			t.Fatalf("migrate on newer schema: %v", err)
		}
		if err := db.CheckSchema(ctx); err == nil {
			t.Fatal("check on newer schema passed")
		}
	})
}

func TestPendingSchemaIsReported(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		if err := db.W.Exec("DELETE FROM schema_migrations WHERE version = ?", migrations.Latest()).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.CheckSchema(context.Background()); err == nil || !strings.Contains(err.Error(), "hearth migrate") {
			t.Fatalf("pending schema: %v", err)
		}
	})
}

func TestConflictTranslated(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		forumtest.InsertUser(t, db, "sam", "member")
		err := db.W.Exec("INSERT INTO users (username, username_key, password_hash, created_at, updated_at) VALUES ('Sam', 'sam', '!', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").Error
		if err == nil || !store.IsConflict(err) {
			t.Fatalf("duplicate key not a conflict: %v", err)
		}
	})
}
