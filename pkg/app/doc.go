// Package app wires Hearth together: it opens the store, applies or checks
// migrations, builds the services and hands them to the web server. It is
// the part of cmd/hearth that tests need too, and like cmd it may import
// every other package (store, migrations, templates, static included).
// Nothing but commands and tests imports it.
//
// Its deps_test.go checks the dependency rule of docs/design.md for the
// whole module.
package app
