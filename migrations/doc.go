// Package migrations holds Hearth's schema as an explicit, ordered list of
// forward-only steps written in plain SQL, and the runner that applies them.
//
// Each step runs in its own transaction and is recorded in schema_migrations.
// SQL differs between SQLite and PostgreSQL only through the few type words
// that Dialect.SQL substitutes (identity columns, timestamps, booleans); where
// a whole statement differs a step switches on the dialect.
//
// It imports only the standard library and hearth/pkg/markup (to render the
// seeded group guidelines). hearth/pkg/store runs it (Migrate, CheckSchema);
// besides the store, only hearth/pkg/app, commands and tests import it.
package migrations
