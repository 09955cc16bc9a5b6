// Package forumtest helps tests: a fresh, migrated database per test on
// SQLite and (when HEARTH_TEST_DATABASE_URL is set) PostgreSQL, fixture
// builders, and an HTTP client that drives the whole Echo stack with cookies.
//
// It may import anything a test needs (hearth/pkg/app, hearth/pkg/store,
// gorm); only tests import it.
package forumtest
