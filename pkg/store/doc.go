// Package store implements the Store interfaces of hearth/pkg/forum,
// hearth/pkg/auth and hearth/pkg/moderation with GORM on SQLite (the
// embedded default) and PostgreSQL.
//
// It may import gorm, its drivers, hearth/migrations and the packages whose
// interfaces it implements. Only cmd, hearth/pkg/app and tests import it.
// Queries never concatenate user input into SQL; Order, Select, Group and
// Joins take constant strings only.
package store
