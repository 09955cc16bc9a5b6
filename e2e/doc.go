// Package e2e holds Hearth's browser journeys: tests that build the real
// hearth binary, start it on a free loopback port with a fresh database and
// drive Debian's headless Chromium through the pages a member uses, with and
// without JavaScript, checking every visited page with axe-core.
//
// The tests skip when Chromium is not installed (and the accessibility check
// skips when axe-core is not), so a plain `make test` needs nothing; go test
// shows the skip's one line only with -v, so `make test` prints it itself. CI installs both and sets HEARTH_E2E_REQUIRED=1, which turns
// those skips into failures.
//
// Settings (environment):
//
//	HEARTH_CHROMIUM          path of the browser (default: chromium on PATH, /usr/bin/chromium)
//	HEARTH_AXE_JS            path of axe.min.js (default: node_modules/axe-core/axe.min.js at the repository root)
//	HEARTH_E2E_SCREENSHOTS=1 write phone and desktop screenshots of every page opened to e2e-screenshots/
//	                         (or the test flag: go test ./e2e/ -run TestJourneyBrowse -screenshots);
//	                         a failing test, and a page axe finds fault with, always get theirs
//	HEARTH_E2E_REQUIRED=1    fail instead of skipping when Chromium or axe-core is missing
//	HEARTH_E2E_BIN           use this hearth binary instead of building one
//	HEARTH_AXE_ALL=1         also log axe's moderate and minor findings (they never fail a test)
//
// The package has no non-test code besides this file; it imports the
// application packages only to read the public contract, never to reach
// around the HTTP interface.
package e2e
