package web

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestPageNames: every Page constant names a parsed page template and is
// rendered by some handler, every template under pages/ has a constant,
// and no handler names a page by a bare string.
func TestPageNames(t *testing.T) {
	files := packageFiles(t)
	consts := pageConsts(t, files)
	if len(consts) == 0 {
		t.Fatal("no Page constants found in pages.go")
	}
	r := templatesServer(t).render
	named := map[string]string{}
	for name, page := range consts {
		if other, ok := named[page]; ok {
			t.Errorf("%s and %s both name %q", name, other, page)
		}
		named[page] = name
		if !r.Has(page) {
			t.Errorf("%s names %q, which is not a template under pages/", name, page)
		}
	}
	for _, page := range r.Names() {
		if _, ok := named[page]; !ok {
			t.Errorf("pages/%s.html has no Page constant", page)
		}
	}
	used := map[string]bool{}
	for path, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				if filepath.Base(path) == "pages.go" {
					return false // the declarations themselves
				}
			case *ast.Ident:
				used[n.Name] = true
			case *ast.CallExpr:
				if arg := pageArg(n); arg != nil {
					if lit, ok := arg.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						t.Errorf("%s: page named by the string %s; use its Page constant", path, lit.Value)
					}
				}
			}
			return true
		})
	}
	for name := range consts {
		if !used[name] {
			t.Errorf("%s is never rendered", name)
		}
	}
}

// packageFiles parses the package's non-test Go files.
func packageFiles(t *testing.T) map[string]*ast.File {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*ast.File{}
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		out[n] = f
	}
	return out
}

// pageConsts are the Page constants declared in pages.go, name to page.
func pageConsts(t *testing.T, files map[string]*ast.File) map[string]string {
	t.Helper()
	f, ok := files["pages.go"]
	if !ok {
		t.Fatal("no pages.go")
	}
	out := map[string]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Page" {
				continue
			}
			for i, n := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok {
					t.Fatalf("%s is not a string literal", n.Name)
				}
				v, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				out[n.Name] = v
			}
		}
	}
	return out
}

// pageArg is the argument naming a page in a call that renders one:
// renderPage(c, code, page, v), r.Fragment(page, name, v), or an echo
// context's Render(code, name, v). Nil for other calls.
func pageArg(call *ast.CallExpr) ast.Expr {
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		if fn.Name == "renderPage" && len(call.Args) == 4 {
			return call.Args[2]
		}
	case *ast.SelectorExpr:
		switch {
		case fn.Sel.Name == "Fragment" && len(call.Args) == 3:
			return call.Args[0]
		case fn.Sel.Name == "Render" && len(call.Args) == 3:
			return call.Args[1]
		}
	}
	return nil
}

// TestPageArgSpotsStrings: the check above sees a page named by a string.
func TestPageArgSpotsStrings(t *testing.T) {
	for _, src := range []string{`c.Render(200, "home", v)`, `renderPage(c, 200, "home", v)`, `s.render.Fragment("thread/show", "post", f)`} {
		e, err := parser.ParseExpr(src)
		if err != nil {
			t.Fatal(err)
		}
		if lit, ok := pageArg(e.(*ast.CallExpr)).(*ast.BasicLit); !ok || lit.Value == "" {
			t.Errorf("%s: the page string is not seen", src)
		}
	}
	e, _ := parser.ParseExpr(`renderPage(c, 200, pageHome, v)`)
	if _, ok := pageArg(e.(*ast.CallExpr)).(*ast.BasicLit); ok {
		t.Error("a constant is taken for a string")
	}
}
