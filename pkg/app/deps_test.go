package app_test

import (
	"bufio"
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The dependency rule of docs/design.md, section 1, checked on the import
// declarations of every package in the module (test files aside). A rule
// that breaks names the chain of imports that breaks it.

// module reads the module's root directory and path.
func module(t *testing.T) (root, path string) {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if p, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module "); ok {
			return root, strings.Trim(strings.TrimSpace(p), `"`)
		}
	}
	t.Fatal("go.mod names no module")
	return "", ""
}

// pkgInfo is one package of the module: its name and what its non-test
// files import.
type pkgInfo struct {
	name    string
	imports []string
}

// packages lists every package of the module by import path, relative to
// the module ("pkg/forum", "cmd/hearth"; the module's own imports are
// rewritten the same way).
func packages(t *testing.T) map[string]pkgInfo {
	t.Helper()
	root, mod := module(t)
	out := map[string]pkgInfo{}
	err := filepath.WalkDir(root, func(dir string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if n := d.Name(); dir != root && (strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_") || n == "testdata" || n == "node_modules") {
			return filepath.SkipDir
		}
		p, err := build.ImportDir(dir, 0)
		if err != nil {
			// A directory without Go files, or with test files only.
			return nil
		}
		rel, err := filepath.Rel(root, dir)
		if err != nil {
			return err
		}
		info := pkgInfo{name: p.Name}
		for _, imp := range p.Imports {
			if rest, ok := strings.CutPrefix(imp, mod+"/"); ok {
				imp = rest
			}
			info.imports = append(info.imports, imp)
		}
		out[filepath.ToSlash(rel)] = info
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// chain returns the imports leading from pkg to a package that bad
// accepts, following the module's own packages, or nil when there is none.
func chain(pkgs map[string]pkgInfo, pkg string, bad func(string) bool) []string {
	seen := map[string]bool{}
	var walk func(p string) []string
	walk = func(p string) []string {
		if seen[p] {
			return nil
		}
		seen[p] = true
		for _, imp := range pkgs[p].imports {
			if bad(imp) {
				return []string{p, imp}
			}
			if _, ours := pkgs[imp]; ours {
				if c := walk(imp); c != nil {
					return append([]string{p}, c...)
				}
			}
		}
		return nil
	}
	return walk(pkg)
}

// prefixes accepts import paths equal to, or under, one of ps.
func prefixes(ps ...string) func(string) bool {
	return func(imp string) bool {
		for _, p := range ps {
			if imp == p || strings.HasPrefix(imp, p+"/") {
				return true
			}
		}
		return false
	}
}

const (
	echo = "github.com/labstack/echo"
	gorm = "gorm.io"
)

// TestDependencyRule checks that imports point one way: cmd -> app -> web
// -> {webhook, moderation, auth, safety} -> forum -> markup, with webhook
// using moderation and moderation asking auth for permissions, and events
// importing nothing of Hearth; that the domain packages never import Echo
// or GORM; and that the web layer never imports GORM.
func TestDependencyRule(t *testing.T) {
	pkgs := packages(t)
	rules := []struct {
		pkg     string
		refuse  func(string) bool
		because string
	}{
		{"pkg/markup", func(imp string) bool { _, ours := pkgs[imp]; return ours }, "markup imports nothing from Hearth, so every package may use it"},
		{"pkg/events", func(imp string) bool { _, ours := pkgs[imp]; return ours }, "events imports nothing from Hearth, so every package may publish"},
		{"pkg/i18n", func(imp string) bool { _, ours := pkgs[imp]; return ours }, "i18n imports nothing from Hearth"},
		{"pkg/forum", prefixes("pkg/i18n"), "domain packages stay language-free: the web layer translates their sentences"},
		{"pkg/moderation", prefixes("pkg/i18n"), "domain packages stay language-free: the web layer translates their sentences"},
		{"pkg/auth", prefixes("pkg/i18n"), "domain packages stay language-free: the web layer translates their sentences"},
		{"pkg/safety", prefixes("pkg/i18n"), "domain packages stay language-free: the web layer translates their sentences"},
		{"pkg/webhook", prefixes("pkg/i18n"), "domain packages stay language-free: the web layer translates their sentences"},
		{"pkg/forum", prefixes(echo, gorm), "forum never imports Echo or GORM"},
		{"pkg/moderation", prefixes(echo, gorm), "moderation never imports Echo or GORM"},
		{"pkg/auth", prefixes(echo, gorm), "auth never imports Echo or GORM"},
		{"pkg/safety", prefixes(echo, gorm), "safety never imports Echo or GORM"},
		{"pkg/web", prefixes(gorm), "web never imports GORM: the services it is given hide persistence"},
		{"pkg/forum", prefixes("pkg/auth", "pkg/safety", "pkg/moderation", "pkg/webhook", "pkg/web", "pkg/app", "pkg/config"), "forum is the domain the others build on; it imports none of them"},
		{"pkg/webhook", prefixes(echo, gorm), "webhook never imports Echo or GORM"},
		{"pkg/webhook", prefixes("pkg/web", "pkg/app", "pkg/safety", "pkg/cache"), "webhook is below web, beside moderation"},
		{"pkg/auth", prefixes("pkg/moderation", "pkg/web", "pkg/app"), "auth is below moderation and web"},
		{"pkg/safety", prefixes("pkg/moderation", "pkg/web", "pkg/app"), "safety is below moderation and web"},
		{"pkg/moderation", prefixes("pkg/web", "pkg/app"), "moderation is below web"},
		{"pkg/web", prefixes("pkg/app"), "web is below app, the composition root"},
		{"pkg/cache", prefixes(echo, gorm, "pkg/store", "pkg/web", "pkg/app"), "cache keeps domain values; it never imports Echo, GORM, the store or the web layer"},
	}
	// optional names packages whose rules apply where they are present.
	optional := map[string]bool{"pkg/cache": true}
	for _, r := range rules {
		if _, ok := pkgs[r.pkg]; !ok && optional[r.pkg] {
			continue
		} else if !ok {
			t.Errorf("%s is missing: move its rule with it (docs/design.md, section 1, and this test)", r.pkg)
			continue
		}
		if c := chain(pkgs, r.pkg, r.refuse); c != nil {
			t.Errorf("%s imports %s (%s): %s (docs/design.md, section 1)", r.pkg, c[len(c)-1], strings.Join(c, " -> "), r.because)
		}
	}
}

// TestWiringPackagesImportedByWiringOnly checks that only the composition
// root (pkg/app), commands (package main) and test helpers import the
// store, the migrations, the templates and the static files; the store
// itself runs the migrations.
func TestWiringPackagesImportedByWiringOnly(t *testing.T) {
	pkgs := packages(t)
	wiring := []string{"pkg/store", "migrations", "templates", "static"}
	for _, w := range wiring {
		if _, ok := pkgs[w]; !ok {
			t.Errorf("%s is missing: move its rule with it (docs/design.md, section 1, and this test)", w)
		}
	}
	var paths []string
	for p := range pkgs {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		info := pkgs[p]
		if p == "pkg/app" || info.name == "main" || p == "pkg/forumtest" {
			continue
		}
		for _, imp := range info.imports {
			if !slices.Contains(wiring, imp) || (p == "pkg/store" && imp == "migrations") {
				continue
			}
			t.Errorf("%s imports %s: only pkg/app, commands and tests may (docs/design.md, section 1); take what you need from a service or an interface instead", p, imp)
		}
	}
}

// TestTestHelpersImportedByTestsOnly checks that no package's own code
// imports pkg/forumtest, which builds databases and apps for tests.
func TestTestHelpersImportedByTestsOnly(t *testing.T) {
	for p, info := range packages(t) {
		if slices.Contains(info.imports, "pkg/forumtest") {
			t.Errorf("%s imports pkg/forumtest outside its tests; only tests may", p)
		}
	}
}
