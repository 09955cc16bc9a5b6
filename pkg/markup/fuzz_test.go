package markup

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRender checks the renderer's invariants on arbitrary input:
//
//	go test -fuzz=FuzzRender ./pkg/markup
//
// It never panics, refuses only with its two documented errors, and whatever
// it returns parses (as a browser would) into nothing outside the policy and
// is a fixed point of the policy.
func FuzzRender(f *testing.F) {
	for _, src := range xssCases {
		f.Add(src)
	}
	for _, src := range smallPathological {
		f.Add(src)
	}
	golden, err := filepath.Glob(filepath.Join("testdata", "golden", "*.md"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range golden {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, src string) {
		out, err := testRenderer.Render(src)
		if err != nil {
			if !errors.Is(err, ErrTooLong) && !errors.Is(err, ErrTooComplex) {
				t.Fatalf("Render(%q): unexpected error %v", src, err)
			}
			return
		}
		assertSafe(t, src, string(out))
		// PlainText shares the pipeline; it must not panic either, and it is
		// one line of text.
		if plain := testRenderer.PlainText(src); strings.ContainsAny(plain, "\n\t") {
			t.Fatalf("PlainText(%q) = %q has line breaks", src, plain)
		}
	})
}

// smallPathological are scaled-down hostile shapes for the fuzzer to mutate;
// the full-size versions are in TestPathological.
var smallPathological = []string{
	strings.Repeat(">", 40),
	strings.Repeat("> ", 20) + "a",
	strings.Repeat("- ", 20) + "a",
	strings.Repeat("1. ", 20) + "a",
	strings.Repeat("> - ", 10) + "a",
	strings.Repeat("[", 300),
	strings.Repeat("*", 300),
	strings.Repeat("`", 300),
	strings.Repeat("*a_ ", 300),
	strings.Repeat("[a](", 300),
	strings.Repeat("![[]()", 100),
	strings.Repeat("[", 100) + "a" + strings.Repeat("]", 100),
	strings.Repeat("*a **a ", 50) + "b" + strings.Repeat(" a** a*", 50),
	strings.Repeat("[a]:\n", 120),
	strings.Repeat("\\```", 60),
	strings.Repeat("www._", 60),
	strings.Repeat("a@b.c ", 30),
	"|" + strings.Repeat("a|", 60) + "\n|" + strings.Repeat("-|", 60) + "\n" + strings.Repeat("a\n", 100),
	"| a | b |\n|:-|-:|\n" + strings.Repeat("| x | y |\n", 20),
	"a\x00b\xff\xfec",
	"\xed\xa0\x80 surrogate half",
}
