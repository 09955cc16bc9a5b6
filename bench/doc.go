// Command bench is `make bench`: it builds hearth, seeds a database with the
// benchmark data set (hearth seed-demo --bench-shape), starts the server on
// loopback and drives it with wrk, one bounded run per scenario, then prints
// a table and one line per scenario:
//
//	bench: scenario=NAME rps=N p50_ms=N p99_ms=N
//
// and the server's peak resident memory. SQLite in a temporary directory by
// default; PostgreSQL when HEARTH_DATABASE_URL is set (a fresh schema is
// made in that database and dropped afterwards, or with -data kept and
// reused), with VACUUM ANALYZE before each read scenario. See
// docs/performance.md.
//
// It drives the built hearth binary over HTTP and imports nothing from
// Hearth but hearth/pkg/store, to make and drop the scratch PostgreSQL
// schema.
package main
