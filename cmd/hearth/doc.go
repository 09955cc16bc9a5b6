// Command hearth runs the Hearth peer-support forum.
//
// Usage:
//
//	hearth [serve]            start the web server (the default)
//	hearth migrate            apply database migrations
//	hearth create-admin NAME  create or promote an administrator (password on stdin)
//	hearth crisis-eval FILE   measure the crisis-language detector on a TSV file
//	hearth seed-demo [flags]  fill the database with demo content
//	hearth rerender           re-render every post after a policy change
//	hearth healthcheck [PATH] exit 0 when the running server answers /readyz
//	hearth version            print the version
//
// Settings come from HEARTH_* environment variables; see the README.
//
// This package is wiring only: it reads the configuration, builds the app
// with hearth/pkg/app and runs one subcommand. It may import every hearth
// package; nothing imports it.
package main
