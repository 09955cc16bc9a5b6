# Hearth. `make` lists the targets.
SHELL := /bin/bash
GO ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOSEC := github.com/securego/gosec/v2/cmd/gosec@v2.30.0
GOVULNCHECK := golang.org/x/vuln/cmd/govulncheck@latest
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test?sslmode=disable

.DEFAULT_GOAL := help
.PHONY: help run build test test-pg lint vuln bench fuzz e2e clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

run: ## start Hearth on the embedded SQLite at http://127.0.0.1:8080 (HEARTH_STAFF_TOTP=optional for local use)
	HEARTH_STAFF_TOTP=$${HEARTH_STAFF_TOTP:-optional} $(GO) run ./cmd/hearth serve

build: ## build bin/hearth (static, CGO_ENABLED=0)
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o bin/hearth ./cmd/hearth

test: ## run every test (SQLite; also PostgreSQL when HEARTH_TEST_DATABASE_URL is set)
	$(GO) test -count=1 ./...

test-pg: ## run every test on SQLite and on the local PostgreSQL ($(PG_TEST_URL))
	HEARTH_TEST_DATABASE_URL=$${HEARTH_TEST_DATABASE_URL:-$(PG_TEST_URL)} $(GO) test -count=1 ./...

lint: ## go vet, gofmt check, staticcheck
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) run $(STATICCHECK) ./...

vuln: ## govulncheck (needs access to the Go vulnerability database; not run in CI)
	$(GO) run $(GOVULNCHECK) ./...

bench: ## load benchmarks (see docs/performance.md)
	$(GO) test -run '^$$' -bench . -benchmem ./pkg/...

clean: ## remove build output and the local database
	rm -rf bin data
