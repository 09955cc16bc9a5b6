package web

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template/parse"
	"unicode"

	"hearth/pkg/forum"
	"hearth/pkg/i18n"
	"hearth/pkg/safety"
)

// The catalogue tests: every English sentence Hearth shows has a
// translation in every language, no translation is left over after its
// sentence is gone, and a translation says the same things (its printf
// verbs and its markup) as the English.

// domainDirs are the packages whose sentences reach members through the
// web layer, which looks them up (forum.Decide's refusals, validation
// messages, sanction notices).
var domainDirs = []string{"../forum", "../auth", "../moderation", "../safety", "../webhook", "../events"}

// untranslatedGo lists the Go files whose sentences are not yet in the
// catalogues: in pkg/web, sentences written without tr or msg; in the
// domain packages, sentences without a translation. It only shrinks.
var untranslatedGo = []string{}

// notForPeople are the web layer's files whose sentences are read by
// programs and the people who write them, in English: the metrics' help
// texts and the read API's documented errors.
var notForPeople = []string{"pkg/web/metrics.go", "pkg/web/server.go", "pkg/web/api.go"}

// sentence reports whether a string constant reads as words a person is
// shown: a capital letter first and a space.
func sentence(s string) bool {
	r := []rune(s)
	return len(r) > 0 && unicode.IsUpper(r[0]) && strings.Contains(s, " ") && strings.ContainsFunc(s, unicode.IsLower)
}

// goFiles parses the non-test Go files of dir.
func goFiles(t *testing.T, dir string) map[string]*ast.File {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*ast.File{}
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		abs, err := filepath.Abs(n)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.ToSlash(filepath.Join("pkg", filepath.Base(filepath.Dir(abs)), filepath.Base(n)))] = f
	}
	return out
}

// stringLit is the value of a string constant expression, "" when e is
// not one.
func stringLit(e ast.Expr) (string, bool) {
	bl, ok := e.(*ast.BasicLit)
	if !ok || bl.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(bl.Value)
	return s, err == nil
}

// translatedCall is the key of a call to tr(c, key, ...), msg(key) or
// Printer.T(key, ...).
func translatedCall(call *ast.CallExpr) (string, bool) {
	name := ""
	switch f := call.Fun.(type) {
	case *ast.Ident:
		name = f.Name
	case *ast.SelectorExpr:
		name = f.Sel.Name
	}
	switch {
	case name == "tr" && len(call.Args) >= 2:
		return stringLit(call.Args[1])
	case (name == "msg" || name == "T") && len(call.Args) >= 1:
		return stringLit(call.Args[0])
	}
	return "", false
}

// goKeys are the keys the Go code of the web layer and pkg/i18n looks up;
// bare are, per file, the sentences in pkg/web written without tr or msg.
func goKeys(t *testing.T) (keys map[string]bool, bare map[string][]string) {
	keys, bare = map[string]bool{}, map[string][]string{}
	for _, dir := range []string{".", "../i18n"} {
		for name, f := range goFiles(t, dir) {
			inCall := map[ast.Expr]bool{}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					if k, ok := translatedCall(n); ok {
						keys[k] = true
						for _, a := range n.Args {
							inCall[a] = true
						}
					}
				case *ast.CompositeLit:
					if dir == "../i18n" {
						for _, e := range n.Elts {
							if s, ok := stringLit(e); ok {
								keys[s] = true
							}
						}
					}
				case *ast.Field:
					return n.Tag == nil
				case *ast.BasicLit:
					if s, ok := stringLit(n); ok && dir == "." && sentence(s) && !inCall[n] {
						bare[name] = append(bare[name], s)
					}
				}
				return true
			})
		}
	}
	return keys, bare
}

// domainSentences are, per file, the sentences of the domain packages.
func domainSentences(t *testing.T) map[string][]string {
	out := map[string][]string{}
	for _, dir := range domainDirs {
		for name, f := range goFiles(t, dir) {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.Field:
					return n.Tag == nil
				case *ast.BasicLit:
					if s, ok := stringLit(n); ok && sentence(s) {
						out[name] = append(out[name], s)
					}
				}
				return true
			})
		}
	}
	return out
}

// templateKeys are the keys the translated templates look up: {{t}} and
// {{tm}}, and the labels and hints given to field.
func templateKeys(t *testing.T) map[string]bool {
	keys := map[string]bool{}
	for name, src := range templateFiles(t) {
		for _, tree := range parseTemplate(t, name, src) {
			walkPipes(tree.Root, func(cmd *parse.CommandNode) {
				id, ok := cmd.Args[0].(*parse.IdentifierNode)
				if !ok {
					return
				}
				for i, a := range cmd.Args {
					s, ok := a.(*parse.StringNode)
					if ok && ((id.Ident == "t" || id.Ident == "tm") && i == 1 || id.Ident == "field" && fieldWords(cmd, i)) {
						keys[s.Text] = true
					}
				}
			})
		}
	}
	return keys
}

// TestEverySentenceTranslated checks every language's catalogue against
// the sentences Hearth shows.
func TestEverySentenceTranslated(t *testing.T) {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	used, bare := goKeys(t)
	for k := range templateKeys(t) {
		used[k] = true
	}
	// Hearth's default trigger warnings are shown translated while an
	// admin has not changed them (shownTag).
	for _, tag := range safety.DefaultTags() {
		used[tag.Name], used[tag.Description] = true, true
	}
	// So are the groups Hearth seeds (shownGroup).
	for _, g := range forum.DefaultGroups() {
		used[g.Name], used[g.Description], used[g.Guidelines] = true, true, true
	}
	known, domain := map[string]bool{}, domainSentences(t)
	for name, ss := range domain {
		for _, s := range ss {
			known[s] = true
			if !slices.Contains(untranslatedGo, name) {
				used[s] = true
			}
		}
	}
	for name, ss := range bare {
		if !slices.Contains(untranslatedGo, name) && !slices.Contains(notForPeople, name) {
			for _, s := range ss {
				t.Errorf("%s: %q is shown untranslated: write s.tr(c, %q) where it is shown, or msg(%q) where it is kept", name, s, s, s)
			}
		}
	}
	for _, l := range cat.Languages()[1:] {
		msgs := cat.Messages(l.Code)
		for k := range used {
			if _, ok := msgs[k]; !ok && k != "" {
				t.Errorf("%s: no translation of %q (pkg/i18n/locales/%s.json)", l.Code, k, l.Code)
			}
		}
		for k, m := range msgs {
			if !used[k] && !known[k] {
				t.Errorf("%s: %q is translated but nothing shows it any more: remove it", l.Code, k)
			}
			checkTranslation(t, l.Code, k, m, cat.Messages(i18n.Source)[k])
		}
	}
	for _, name := range untranslatedGo {
		if len(bare[name]) == 0 && len(domain[name]) == 0 {
			t.Errorf("untranslatedGo names %s, which has no sentences: take it off the list", name)
		}
	}
}

var (
	verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
	tagRE  = regexp.MustCompile(`</?([a-z]+)`)
)

// found lists the matches of re in s, sorted, for comparing two texts.
func found(re *regexp.Regexp, s string) []string {
	out := re.FindAllString(s, -1)
	slices.Sort(out)
	return out
}

// checkTranslation checks that m, the translation of key into lang, has
// the key's printf verbs and markup, and that a plural in one language
// is a plural in English too.
func checkTranslation(t *testing.T, lang, key string, m, en i18n.Message) {
	t.Helper()
	if m.Plural == nil {
		if !slices.Equal(found(verbRE, m.Text), found(verbRE, key)) {
			t.Errorf("%s: %q: the translation %q has other verbs than the English", lang, key, m.Text)
		}
		if !slices.Equal(found(tagRE, m.Text), found(tagRE, key)) {
			t.Errorf("%s: %q: the translation %q has other markup than the English", lang, key, m.Text)
		}
		return
	}
	if en.Plural == nil {
		t.Errorf("%s: %q has plural forms, but English has none (pkg/i18n/locales/en.json)", lang, key)
	}
	for sel, form := range m.Plural {
		for _, v := range found(verbRE, form) {
			if !slices.Contains(found(verbRE, key), v) {
				t.Errorf("%s: %q: plural form %s %q has a verb the English lacks: %s", lang, key, sel, form, v)
			}
		}
	}
}
