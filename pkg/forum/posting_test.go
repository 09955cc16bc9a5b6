package forum_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"hearth/pkg/forum"
	"hearth/pkg/markup"
)

func TestCleanText(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                     "plain",
		"nul\x00byte":               "nul\ufffdbyte", // marked: CheckEncoding refuses it
		"bad \xff utf8":             "bad \ufffd utf8",
		"crlf\r\nline\rend":         "crlf\nline\nend",
		"bell\a and esc\x1b":        "bell and esc",
		"tab\tkept\nnewline kept":   "tab\tkept\nnewline kept",
		"שלום \u200f rtl mark":      "שלום \u200f rtl mark",
		"zero\u200bwidth\u200djoin": "zero\u200bwidth\u200djoin",
		"c1 \u0085 control":         "c1  control",
	} {
		if got := forum.CleanText(in); got != want {
			t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSortKeyAndDepth(t *testing.T) {
	op := forum.SortKey("", 7)
	if op != "0000000007" || forum.DepthOf(op) != 0 {
		t.Fatalf("opening key %q", op)
	}
	r := forum.SortKey(op, 12)
	rr := forum.SortKey(r, 9)
	if rr != "0000000007/0000000012/0000000009" || forum.DepthOf(rr) != 2 {
		t.Fatalf("reply key %q", rr)
	}
	// Conversation order: a reply's subtree comes right after it, before
	// the next sibling, even when the subtree's posts are newer.
	child := forum.SortKey(r, 14)
	sibling := forum.SortKey(op, 13)
	keys := []string{sibling, child, r, op}
	slices.Sort(keys)
	if !slices.Equal(keys, []string{op, r, child, sibling}) {
		t.Fatalf("order %v", keys)
	}
}

func TestChildKeyBoundsDepth(t *testing.T) {
	key := forum.SortKey("", 1)
	for id := int64(2); id < 200; id++ {
		next := forum.ChildKey(key, id)
		if next <= key {
			t.Fatalf("reply %d sorts before its parent: %q <= %q", id, next, key)
		}
		key = next
	}
	if d := forum.DepthOf(key); d != forum.MaxTreeDepth {
		t.Fatalf("depth %d", d)
	}
	if len(key) > 11*(forum.MaxTreeDepth+1) {
		t.Fatalf("key of %d bytes", len(key))
	}
}

func TestMentions(t *testing.T) {
	got := forum.Mentions("Thanks @ben_k and @DEE. Email me@example.org, @ben_k again, @ab too short, (@Zoë-M)!", 10)
	want := []string{"ben_k", "DEE", "Zoë-M"}
	if !slices.Equal(got, want) {
		t.Fatalf("mentions %q, want %q", got, want)
	}
	if n := len(forum.Mentions(strings.Repeat("@someone ", 1)+"@a1b @c2d @e3f", 2)); n != 2 {
		t.Fatalf("limit: %d", n)
	}
}

func TestQuoteRendersAsAQuote(t *testing.T) {
	q := forum.Quote("lou_ember*", "First line\n\n> nested\nlast")
	html, err := markup.New().Render(q + "My answer.")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<blockquote>", "<strong>lou_ember*</strong> wrote:", "First line", "nested", "<p>My answer.</p>"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("quote lacks %q:\n%s", want, html)
		}
	}
}

func TestSearchTermsAndSnippet(t *testing.T) {
	if got := forum.SearchTerms(`"Panic" AND (breathing) OR NEAR(x y)* panic -2020`); !slices.Equal(got, []string{"panic", "and", "breathing", "or", "near", "x", "y", "2020"}) {
		t.Fatalf("terms %q", got)
	}
	if got := forum.SearchTerms("  \x00 ... "); got != nil {
		t.Fatalf("blank terms %q", got)
	}
	md := strings.Repeat("Filler words before. ", 30) + "Here **breathing** exercises [helped](https://x.example) me. " + strings.Repeat("After words. ", 30)
	s := forum.Snippet(md, []string{"breathing"})
	if !strings.Contains(s, "Here breathing exercises helped me.") || !strings.HasPrefix(s, "…") || len([]rune(s)) > 250 {
		t.Fatalf("snippet %q", s)
	}
	// Letters of more than one byte before and after, and the word in
	// capitals: the cut falls between words and the text stays whole.
	md = strings.Repeat("Café naïve wörds. ", 20) + "Here Breathing helps. " + strings.Repeat("Ünïcödé after. ", 20)
	s = forum.Snippet(md, []string{"breathing"})
	if !strings.Contains(s, "Here Breathing helps.") || !strings.HasPrefix(s, "…") || !utf8.ValidString(s) || len([]rune(s)) > 250 ||
		strings.Contains(s, "…é") || !strings.HasSuffix(s, "…") {
		t.Fatalf("snippet %q", s)
	}
	if got := forum.PlainExcerpt("# Title\n> quoted *em* `code`\n- item\n\n---\n1. first"); got != "Title quoted em code item first" {
		t.Fatalf("excerpt %q", got)
	}
}

func TestPrefsMode(t *testing.T) {
	p := forum.Prefs{"suicide": forum.ModeHide, "violence": forum.ModeShow}
	for tags, want := range map[forum.Tags]string{
		"":                   forum.ModeShow,
		",violence,":         forum.ModeShow,
		",abuse,":            forum.ModeWarn,
		",abuse,violence,":   forum.ModeWarn,
		",suicide,violence,": forum.ModeHide,
		",abuse,suicide,":    forum.ModeHide,
	} {
		if got := p.Mode(tags); got != want {
			t.Errorf("Mode(%q) = %s, want %s", tags, got, want)
		}
	}
	if !slices.Equal(p.Hidden(), []string{"suicide"}) {
		t.Fatalf("hidden %v", p.Hidden())
	}
}
