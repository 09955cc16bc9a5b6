// Package store implements the Store interfaces of hearth/pkg/forum,
// hearth/pkg/auth, hearth/pkg/moderation and hearth/pkg/safety with GORM on
// SQLite (the embedded default) and PostgreSQL, and runs hearth/migrations.
//
// It may import gorm, its drivers, hearth/migrations and the packages whose
// interfaces it implements. Only hearth/pkg/app, commands (cmd/hearth, and
// bench for a scratch PostgreSQL schema) and tests import it.
// Queries never concatenate user input into SQL; Order, Select, Group and
// Joins take constant strings only.
package store
