// Package e2e holds Hearth's browser journeys: tests that build the real
// hearth binary, start it on a free loopback port with a fresh database and
// drive Debian's headless Chromium through the pages a member uses, with and
// without JavaScript, checking every visited page with axe-core.
//
// What a journey needs from its machine, Chromium and axe-core, may be
// missing on a developer's machine: then the journeys skip (and the
// accessibility checks, without axe-core), and `make test` says so in one
// line, since go test shows a skip's message only with -v. CI installs both
// and sets HEARTH_E2E_REQUIRED=1, which turns those skips into failures, as
// does CI itself being set (forumtest.Required); so do the journeys that need
// PostgreSQL (two instances, a cut connection) without HEARTH_TEST_DATABASE_URL.
// What a journey needs from Hearth itself, a route or a command, is never a
// reason to skip: a missing one fails the journey (NeedRoute, NeedCommand).
//
// Settings (environment):
//
//	HEARTH_CHROMIUM          path of the browser (default: chromium on PATH, /usr/bin/chromium)
//	HEARTH_AXE_JS            path of axe.min.js (default: node_modules/axe-core/axe.min.js at the repository root)
//	HEARTH_E2E_SCREENSHOTS=1 write phone and desktop screenshots of every page opened to e2e-screenshots/
//	                         (or the test flag: go test ./e2e/ -run TestJourneyBrowse -screenshots);
//	                         a failing test, and a page axe finds fault with, always get theirs
//	HEARTH_E2E_REQUIRED=1    fail instead of skipping when Chromium, axe-core or PostgreSQL is missing (also when CI is set)
//	HEARTH_E2E_BIN           use this hearth binary instead of building one
//	HEARTH_AXE_ALL=1         also log axe's moderate and minor findings (they never fail a test)
//
// The package has no non-test code besides this file. Its tests reach
// Hearth only through the built binary and HTTP, as a member's browser does;
// the one Hearth package they import is hearth/pkg/forumtest, for a fresh
// PostgreSQL schema when HEARTH_TEST_DATABASE_URL is set.
package e2e
