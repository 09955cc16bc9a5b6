package markup

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// pathological returns inputs that make an unguarded goldmark spend seconds
// or gigabytes, with the outcome Render must reach for each. Sizes are the
// real ones: the point is that they stay cheap at full size.
func pathological() []struct {
	name string
	src  string
	want error
} {
	fill := func(unit string) string { return strings.Repeat(unit, MaxBytes/len(unit)) }
	indented := func(levels int) string {
		var b strings.Builder
		for i := range levels {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		return b.String()
	}
	var backtickRuns strings.Builder
	for i := 1; backtickRuns.Len() < MaxBytes-i-1; i++ {
		backtickRuns.WriteString("e" + strings.Repeat("`", i))
	}
	var refs strings.Builder
	for i := 0; refs.Len() < MaxBytes/2; i++ {
		fmt.Fprintf(&refs, "[%d]: https://example.org/%d\n", i, i)
	}
	refs.WriteString(strings.Repeat("[0] ", (MaxBytes-refs.Len())/4))

	return []struct {
		name string
		src  string
		want error
	}{
		{"50k nested quotes", strings.Repeat(">", 50_000), ErrTooComplex},
		{"nested quotes with spaces", strings.Repeat("> ", MaxBytes/2-1) + "a", ErrTooComplex},
		{"1M [", strings.Repeat("[", 1_000_000), ErrTooLong},
		{"1M *", strings.Repeat("*", 1_000_000), ErrTooLong},
		{"100k [", fill("["), nil},
		{"100k *", fill("*"), nil},
		{"100k backticks", fill("`"), nil},
		{"backtick runs of growing length", backtickRuns.String(), nil},
		{"code spans that never close", fill("\\```"), nil},
		{"code spans that never close, one per line", fill("``;+ \r\n\\`"), nil},
		{"10k nested list items on one line", strings.Repeat("- ", 10_000) + "x", ErrTooComplex},
		{"10k nested list items by indentation", indented(10_000), ErrTooLong},
		{"nested list items by indentation up to the limit", indented(300), ErrTooComplex},
		{"ordered lists on one line", fill("1. "), ErrTooComplex},
		{"quotes and lists alternating", fill("> - "), ErrTooComplex},
		{"16-level quotes on every line", fill(strings.Repeat("> ", 16) + "a\n"), nil},
		{"mismatched emphasis", fill("*a_ "), nil},
		{"emphasis closers in multiples of three", "a**b" + fill("c* ")[4:], nil},
		{"nested emphasis", strings.Repeat("*a **a ", 7000) + "b" + strings.Repeat(" a** a*", 7000), nil},
		{"nested brackets", strings.Repeat("[", MaxBytes/2-1) + "a" + strings.Repeat("]", MaxBytes/2-1), nil},
		{"unclosed link destinations", fill("[a]("), nil},
		{"unclosed empty links", fill("[]("), nil},
		{"unclosed image destinations", fill("![a]("), nil},
		{"unclosed angle destinations", fill("[a](<b"), nil},
		{"unclosed destinations with text", fill("[a](b"), nil},
		{"link openers and emphasis closers", fill("[ a_"), nil},
		{"reference definitions without destinations", fill("[a]:\n"), nil},
		{"many references", refs.String(), nil},
		{"unclosed comments", "</" + fill("<!--")[4:], nil},
		{"linkify runs", fill("(http://a.aa"), nil},
		{"linkify near-misses", fill("www._"), nil},
		{"bare email addresses", fill("a@b.c "), nil},
		{"wide table", "|" + fill("a|")[:MaxBytes/2-2] + "\n|" + fill("-|")[:MaxBytes/2-2] + "\n", nil},
		{"long table", "|a|b|\n|-|-|\n" + fill("|x|y|\n")[:MaxBytes-12], nil},
		{"table padded to its header", "|" + strings.Repeat("a|", 100) + "\n|" + strings.Repeat("-|", 100) + "\n" + strings.Repeat("a\n", 49_000), nil},
	}
}

// TestPathological checks the outcome for each hostile input and logs what it
// cost (go test -v -run TestPathological). Timings are reported, never
// asserted: a regression shows up as a test that takes seconds.
func TestPathological(t *testing.T) {
	for _, tc := range pathological() {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			out, err := testRenderer.Render(tc.src)
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			t.Logf("%-45s in=%6d B out=%7d B time=%9v alloc=%5.1f MB err=%v", tc.name,
				len(tc.src), len(out), elapsed.Round(10*time.Microsecond),
				float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), err)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if err != nil {
				if out != "" {
					t.Errorf("output %q returned with error", out)
				}
				return
			}
			// Output stays proportional to input: the unguarded padded table
			// produces 49 MB from 98 KB.
			if len(out) > 20*MaxBytes {
				t.Errorf("output is %d bytes for %d bytes of input", len(out), len(tc.src))
			}
			assertSafe(t, tc.src[:min(len(tc.src), 64)]+"...", string(out))
		})
	}
}

func TestNestingLimit(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want error
	}{
		{"quotes at the limit", strings.Repeat("> ", MaxDepth) + "deep", nil},
		{"quotes past the limit", strings.Repeat("> ", MaxDepth+1) + "deep", ErrTooComplex},
		{"lists at the limit", strings.Repeat("- ", MaxDepth) + "deep", nil},
		{"lists past the limit", strings.Repeat("- ", MaxDepth+1) + "deep", ErrTooComplex},
		{"mixed at the limit", strings.Repeat("> 1. ", MaxDepth/2) + "deep", nil},
		{"mixed past the limit", strings.Repeat("> 1. ", MaxDepth/2) + "> deep", ErrTooComplex},
		// The deep marker only counts where it would open a container.
		{"markers in a code block", "```\n" + strings.Repeat("> ", 40) + "\n```", nil},
		// "2." cannot interrupt a paragraph, so it opens nothing.
		{"marker that cannot interrupt a deep paragraph", strings.Repeat("> ", MaxDepth) + "deep\n" + strings.Repeat("> ", MaxDepth) + "2. is paragraph text", nil},
		{"thematic break made of many dashes", strings.Repeat("- ", 40), nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, err := testRenderer.Render(tc.src)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Render(%q) err = %v, want %v\n%s", tc.src, err, tc.want, out)
			}
			if err == nil {
				assertSafe(t, tc.src, string(out))
			}
		})
	}
	if got := strings.Count(string(mustRender(t, strings.Repeat("> ", MaxDepth)+"deep")), "<blockquote>"); got != MaxDepth {
		t.Errorf("%d quotes rendered as %d blockquotes", MaxDepth, got)
	}
}

func TestTooLong(t *testing.T) {
	if _, err := testRenderer.Render(strings.Repeat("a", MaxBytes)); err != nil {
		t.Errorf("Render of exactly MaxBytes: %v", err)
	}
	if _, err := testRenderer.Render(strings.Repeat("a", MaxBytes+1)); !errors.Is(err, ErrTooLong) {
		t.Errorf("Render of MaxBytes+1: err = %v, want ErrTooLong", err)
	}
}

// TestErrorMessages pins the sentences members see when a post is refused.
func TestErrorMessages(t *testing.T) {
	if got, want := ErrTooComplex.Error(), "This message is nested too deeply to display. Please simplify quotes or lists."; got != want {
		t.Errorf("ErrTooComplex = %q, want %q", got, want)
	}
	if got := ErrTooLong.Error(); !strings.HasPrefix(got, "This message is too long") {
		t.Errorf("ErrTooLong = %q", got)
	}
}

// TestDelimiterBudget checks that formatting past the budget degrades to
// literal text instead of being dropped, and that the budget is per block.
func TestDelimiterBudget(t *testing.T) {
	para := strings.Repeat("*a* ", maxDelimiters)
	out := string(mustRender(t, para))
	if got := strings.Count(out, "<em>"); got != maxDelimiters/2 {
		t.Errorf("%d emphasised words within budget rendered %d <em>", maxDelimiters/2, got)
	}
	if !strings.Contains(out, "*a* *a*") {
		t.Errorf("words past the budget are not literal text:\n%s", out[len(out)-200:])
	}
	if got := strings.Count(out, "a"); got != maxDelimiters {
		t.Errorf("%d words in, %d out", maxDelimiters, got)
	}
	two := string(mustRender(t, strings.Repeat("*a* ", maxDelimiters/2)+"\n\n"+strings.Repeat("*a* ", maxDelimiters/2)))
	if got := strings.Count(two, "<em>"); got != maxDelimiters {
		t.Errorf("two blocks within their own budgets rendered %d <em>, want %d", got, maxDelimiters)
	}
}

func TestTableCellBound(t *testing.T) {
	header := "|" + strings.Repeat("h|", 50) + "\n|" + strings.Repeat("-|", 50) + "\n"
	small := header + strings.Repeat("a\n", 20)
	if out := string(mustRender(t, small)); !strings.Contains(out, "<table>") {
		t.Errorf("a small padded table is not a table:\n%s", out)
	}
	padded := header + strings.Repeat("a\n", 2000)
	if out := string(mustRender(t, padded)); strings.Contains(out, "<table>") {
		t.Errorf("a table claiming %d cells from %d bytes was rendered as a table", 50*2002, len(padded))
	}
}

func mustRender(t *testing.T, src string) string {
	t.Helper()
	out, err := testRenderer.Render(src)
	if err != nil {
		t.Fatalf("Render(%.40q): %v", src, err)
	}
	return string(out)
}

func TestCodeSpanGuard(t *testing.T) {
	// Each "\```" is an escaped backtick and then a run of two that never
	// closes: inside a code span a backslash is literal, so the rest of the
	// block only offers runs of three. Misses within the budget stay literal,
	// as CommonMark says, and a later span in the same block still works.
	src := strings.Repeat("\\```x ", 10) + "`code`"
	if out := mustRender(t, src); !strings.Contains(out, "<code>code</code>") || strings.Count(out, "```x") != 10 {
		t.Errorf("Render(%q) = %q", src, out)
	}
	// Past the budget, backticks are literal even where a span would close.
	src = strings.Repeat("\\```x ", maxCodeSpanMisses) + "`code`"
	if out := mustRender(t, src); strings.Contains(out, "<code>") || !strings.Contains(out, "`code`") {
		t.Errorf("code span rendered after %d misses:\n%.200s", maxCodeSpanMisses, out[len(out)-200:])
	}
	// Spans that close do not spend the budget.
	src = strings.Repeat("`a` ", 2*maxCodeSpanMisses)
	if got := strings.Count(mustRender(t, src), "<code>"); got != 2*maxCodeSpanMisses {
		t.Errorf("%d closed spans rendered %d <code>", 2*maxCodeSpanMisses, got)
	}
}

func TestURLGuard(t *testing.T) {
	links := func(n int) string {
		return strings.Repeat("see https://example.org/x and ", n)
	}
	if got := strings.Count(mustRender(t, links(maxURLAttempts)), "<a "); got != maxURLAttempts {
		t.Errorf("%d bare URLs within budget rendered %d links", maxURLAttempts, got)
	}
	out := mustRender(t, links(maxURLAttempts+5))
	if got := strings.Count(out, "<a "); got != maxURLAttempts {
		t.Errorf("%d bare URLs rendered %d links, want the first %d", maxURLAttempts+5, got, maxURLAttempts)
	}
	if !strings.HasSuffix(out, "see https://example.org/x and</p>\n") {
		t.Errorf("URLs past the budget are not kept as text: %q", out[len(out)-80:])
	}
	// Explicit links do not spend the budget.
	src := links(maxURLAttempts) + "[still a link](https://example.org/y)"
	if out := mustRender(t, src); !strings.Contains(out, `<a href="https://example.org/y"`) {
		t.Errorf("explicit link after the URL budget is not a link")
	}
}
