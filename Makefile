# Hearth. `make` lists the targets.
SHELL := /bin/bash
GO ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
# gosec v2.30.0 cannot be built here: its dependency github.com/pb33f/go-yaml
# v0.1.1 is no longer served by the Go module proxy. v2.27.1 is the newest that builds.
GOSEC := github.com/securego/gosec/v2/cmd/gosec@v2.27.1
GOVULNCHECK := golang.org/x/vuln/cmd/govulncheck@latest
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test?sslmode=disable
# A count (Nx) rather than a duration: when a duration runs out while a worker is
# busy, go test can report "context deadline exceeded" with no failing input.
FUZZTIME ?= 20000x

.DEFAULT_GOAL := help
.PHONY: help run build test test-pg lint vuln bench bench-go fuzz e2e clean

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# exec: hearth itself is make's child, so Ctrl-C ends it and make quietly
# (hearth exits 0 after a clean shutdown; `go run` would exit 1).
run: build ## start Hearth on the embedded SQLite at http://127.0.0.1:8080 (HEARTH_STAFF_TOTP=optional for local use)
	HEARTH_STAFF_TOTP=$${HEARTH_STAFF_TOTP:-optional} exec bin/hearth serve

build: ## build bin/hearth (static, CGO_ENABLED=0)
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o bin/hearth ./cmd/hearth

# One line when the browser journeys or their accessibility checks will be
# skipped: go test prints a skip's message only with -v, so a plain
# `make test` would otherwise say nothing. The lookups are the ones e2e makes
# (e2e/browser_test.go, e2e/axe_test.go); with HEARTH_E2E_REQUIRED=1 the
# journeys fail instead, so there is nothing to say.
define e2e-note
@if [ "$$HEARTH_E2E_REQUIRED" != 1 ]; then \
  if ! { if [ -n "$$HEARTH_CHROMIUM" ]; then [ -e "$$HEARTH_CHROMIUM" ]; else command -v chromium || command -v chromium-browser || command -v google-chrome; fi; } >/dev/null 2>&1; then \
    echo "e2e: chromium not found; the browser journeys and accessibility checks are skipped (install Debian's chromium, then run make e2e)"; \
  elif [ ! -f "$${HEARTH_AXE_JS:-node_modules/axe-core/axe.min.js}" ]; then \
    echo "e2e: axe-core not found; the accessibility checks are skipped (make e2e installs it)"; \
  fi; \
fi
endef

test: ## run every test (SQLite; also PostgreSQL when HEARTH_TEST_DATABASE_URL is set)
	$(e2e-note)
	$(GO) test -count=1 -timeout 30m ./...

test-pg: ## run every test on SQLite and on the local PostgreSQL ($(PG_TEST_URL))
	$(e2e-note)
	HEARTH_TEST_DATABASE_URL=$${HEARTH_TEST_DATABASE_URL:-$(PG_TEST_URL)} $(GO) test -count=1 -timeout 30m ./...

lint: ## go vet, gofmt check, staticcheck, gosec
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) run $(STATICCHECK) ./...
	$(GO) run $(GOSEC) -quiet ./...

vuln: ## govulncheck (needs access to the Go vulnerability database; not run in CI)
	$(GO) run $(GOVULNCHECK) ./...

bench: ## load benchmarks with wrk on the bench data set (SQLite; PostgreSQL with HEARTH_DATABASE_URL; flags in BENCH_FLAGS; see docs/performance.md)
	$(GO) run ./bench $(BENCH_FLAGS)

bench-go: ## Go benchmarks of the hot paths (pages, Markdown, crisis scoring) with -benchmem
	$(GO) test -run '^$$' -bench . -benchmem ./pkg/...

fuzz: ## run every Go fuzz target (func Fuzz... in *_test.go) for FUZZTIME each (default 20000x executions)
	@set -e; for f in $$(grep -rl --include='*_test.go' '^func Fuzz' pkg cmd e2e 2>/dev/null | sort); do \
	  for fn in $$(grep -o '^func Fuzz[A-Za-z0-9_]*' $$f | cut -d' ' -f2); do \
	    echo "== fuzz ./$$(dirname $$f) $$fn for $(FUZZTIME)"; \
	    $(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) ./$$(dirname $$f); \
	  done; \
	done

e2e: ## browser journeys in headless Chromium with axe-core (needs Debian's chromium; installs axe-core with npm)
	@if [ ! -f node_modules/axe-core/axe.min.js ]; then npm install --no-save --prefix . axe-core@4; fi
	HEARTH_E2E_REQUIRED=1 $(GO) test -count=1 -timeout 30m -v ./e2e/

clean: ## remove build output and the local database
	rm -rf bin data
