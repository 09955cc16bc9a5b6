package demo

import (
	"strings"
	"testing"

	"hearth/pkg/auth"
	"hearth/pkg/markup"
	"hearth/pkg/safety"
)

// TestBodiesAreNotCrises: demo posts must not flood the wellbeing queue or
// show crisis panels, so no generated body may read as crisis language.
func TestBodiesAreNotCrises(t *testing.T) {
	d := safety.NewDetector()
	c := newComposer(newGen(Defaults()), markup.New())
	for i := range topics {
		tp := &topics[i]
		for _, opening := range []bool{true, false} {
			for _, tagged := range []bool{true, false} {
				for n := 0; n < 150; n++ {
					b, err := c.body(tp, opening, tagged)
					if err != nil {
						t.Fatal(err)
					}
					if a := d.Assess(b.md); a.Crisis {
						t.Fatalf("%s body reads as crisis language (score %.2f, %v):\n%s", tp.slug, a.Score, a.Matches, b.md)
					}
				}
			}
		}
	}
	// Every block any body can hold, not only those drawn above.
	for key, pool := range c.pools {
		for _, b := range pool {
			if a := d.Assess(b.md); a.Crisis {
				t.Fatalf("a %s block reads as crisis language (score %.2f, %v):\n%s", key, a.Score, a.Matches, b.md)
			}
		}
	}
}

// TestBodiesVary: bodies differ in length and use Markdown.
func TestBodiesVary(t *testing.T) {
	c := newComposer(newGen(Defaults()), markup.New())
	short, long, lists, quotes, code := 0, 0, 0, 0, 0
	for n := 0; n < 2000; n++ {
		b, err := c.body(&topics[n%len(topics)], n%5 == 0, false)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case len(b.md) < 200:
			short++
		case len(b.md) > 1000:
			long++
		}
		if strings.Contains(b.md, "\n- ") {
			lists++
		}
		if strings.Contains(b.md, "\n> ") || strings.HasPrefix(b.md, "> ") {
			quotes++
		}
		if strings.Contains(b.md, "\n```\n") {
			code++
		}
	}
	for what, n := range map[string]int{"short": short, "long": long, "list": lists, "quote": quotes, "code": code} {
		if n < 20 {
			t.Errorf("only %d of 2000 bodies are %s", n, what)
		}
	}
}

// TestBenchBodies: the bench shape's bodies are all different, about 400
// characters on average, carry lists, quotes and code blocks, and their
// HTML, joined from blocks rendered once, is what rendering the whole body
// gives.
func TestBenchBodies(t *testing.T) {
	r := markup.New()
	c := newComposer(newGen(BenchShape()), r)
	const n = 60000
	seen := make(map[string]bool, n)
	total, lists, quotes, code := 0, 0, 0, 0
	for i := 0; i < n; i++ {
		b, err := c.body(&topics[i%5], i%50 == 0, i%5 == 0)
		if err != nil {
			t.Fatal(err)
		}
		if seen[b.md] {
			t.Fatalf("body %d repeats an earlier one:\n%s", i, b.md)
		}
		seen[b.md] = true
		total += len(b.md)
		if strings.Contains(b.md, "\n- ") {
			lists++
		}
		if strings.Contains(b.md, "\n> ") {
			quotes++
		}
		if strings.Contains(b.md, "\n```\n") {
			code++
		}
		if i%20 == 0 {
			html, err := r.Render(b.md)
			if err != nil || string(html) != b.html {
				t.Fatalf("body %d: joined blocks give\n%s\nrendering it whole gives\n%s", i, b.html, html)
			}
		}
	}
	if avg := total / n; avg < 370 || avg > 430 {
		t.Errorf("bodies average %d characters, want about 400", avg)
	}
	if c.distinct() != n {
		t.Errorf("the composer counts %d distinct bodies of %d", c.distinct(), n)
	}
	for what, k := range map[string]int{"list": lists, "quote": quotes, "code block": code} {
		if k < n/20 {
			t.Errorf("only %d of %d bodies have a %s", k, n, what)
		}
	}
}

// TestPseudonymsAreValid: every demo name passes the signup rules and is
// unique by key.
func TestPseudonymsAreValid(t *testing.T) {
	g := newGen(Defaults())
	taken := map[string]bool{}
	names := g.pseudonyms(3000, taken)
	seen := map[string]bool{}
	for _, n := range names {
		_, key, err := auth.NormalizePseudonym(n)
		if err != nil {
			t.Fatalf("%q: %v", n, err)
		}
		if seen[key] {
			t.Fatalf("%q collides with an earlier name", n)
		}
		seen[key] = true
	}
}

// TestSortKey pins the tree encoding of migration 0003.
func TestSortKey(t *testing.T) {
	root := sortKey("", 7)
	child := sortKey(root, 12)
	if root != "0000000007" || child != "0000000007/0000000012" || depthOf(root) != 0 || depthOf(child) != 1 {
		t.Fatalf("sortKey: %q %q", root, child)
	}
}
