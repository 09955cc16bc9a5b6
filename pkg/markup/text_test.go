package markup

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

func TestHighlight(t *testing.T) {
	cases := []struct {
		name, text string
		terms      []string
		want       string
	}{
		{"case-insensitive, original case kept", "Grief comes in waves. grief is love.", []string{"GRIEF"},
			"<mark>Grief</mark> comes in waves. <mark>grief</mark> is love."},
		{"whole words only", "sad, sadness, Sad! unsad", []string{"sad"},
			"<mark>sad</mark>, sadness, <mark>Sad</mark>! unsad"},
		{"several terms", "panic and anxiety at night", []string{"anxiety", "night"},
			"panic and <mark>anxiety</mark> at <mark>night</mark>"},
		{"longest overlapping term wins", "grief support group", []string{"grief", "grief support"},
			"<mark>grief support</mark> group"},
		{"text is escaped", `<b>"tom" & 'jerry'</b>`, []string{"tom"},
			"&lt;b&gt;&#34;<mark>tom</mark>&#34; &amp; &#39;jerry&#39;&lt;/b&gt;"},
		{"markup term matches literal text", "never <script> here", []string{"<script>"},
			"never <mark>&lt;script&gt;</mark> here"},
		{"ampersand term", "you & me", []string{"&"},
			"you <mark>&amp;</mark> me"},
		{"term cannot match inside an escape", "fish & chips", []string{"amp"},
			"fish &amp; chips"},
		{"quote term", `she said "no"`, []string{`"no"`},
			`she said <mark>&#34;no&#34;</mark>`},
		{"empty and blank terms ignored", "nothing here", []string{"", "  "},
			"nothing here"},
		{"no terms", "a < b", nil, "a &lt; b"},
		{"unicode folding", "ÉTÉ été Straße STRASSE", []string{"été", "straße"},
			"<mark>ÉTÉ</mark> <mark>été</mark> <mark>Straße</mark> STRASSE"},
		{"non-latin words", "Я чувствую тревогу. тревогу!", []string{"ТРЕВОГУ"},
			"Я чувствую <mark>тревогу</mark>. <mark>тревогу</mark>!"},
		{"invalid utf-8 replaced", "ok\xffok ok", []string{"ok"},
			"<mark>ok</mark>\uFFFD<mark>ok</mark> <mark>ok</mark>"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(Highlight(tc.text, tc.terms)); got != tc.want {
				t.Errorf("Highlight(%q, %q)\n got %q\nwant %q", tc.text, tc.terms, got, tc.want)
			}
		})
	}
}

// FuzzHighlight checks that whatever the text and term, the output contains
// no element but <mark> and reads as the original text.
func FuzzHighlight(f *testing.F) {
	f.Add("you & <me>", "&")
	f.Add("<script>alert(1)</script>", "<script>")
	f.Add("Straße", "STRASSE")
	f.Add("a\xffb", "\xff")
	f.Fuzz(func(t *testing.T, text, term string) {
		out := string(Highlight(text, []string{term}))
		var plain strings.Builder
		z := html.NewTokenizer(strings.NewReader(out))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			tok := z.Token()
			switch tt {
			case html.TextToken:
				plain.WriteString(tok.Data)
			case html.StartTagToken, html.EndTagToken:
				if tok.Data != "mark" || len(tok.Attr) != 0 {
					t.Fatalf("Highlight(%q, %q) = %q contains %s", text, term, out, tok)
				}
			default:
				t.Fatalf("Highlight(%q, %q) = %q contains token %s", text, term, out, tok)
			}
		}
		want := strings.ReplaceAll(strings.ToValidUTF8(text, "\uFFFD"), "\x00", "\uFFFD")
		// The tokenizer itself turns NUL and CR the way browsers do; compare
		// what is left.
		got := plain.String()
		if strings.ContainsAny(want, "\r\x00") || !utf8.ValidString(want) {
			return
		}
		if got != want {
			t.Fatalf("Highlight(%q, %q) reads %q, want %q", text, term, got, want)
		}
	})
}

func TestPlainText(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"formatting removed", "I felt **so** _tired_ ~~today~~ `now`.", "I felt so tired today now."},
		{"blocks separated by spaces", "# Title\n\nFirst paragraph.\nSecond line.\n\n- one\n- two\n\n> quoted", "Title First paragraph. Second line. one two quoted"},
		{"links keep their text, not their URL", "See [the guide](https://example.org/g) or https://example.org/x", "See the guide or https://example.org/x"},
		{"images keep their alt text", "![a calm lake](https://example.org/l.jpg)", "a calm lake"},
		{"entities unescaped exactly once", "Tom &amp; Jerry &lt;3 and &amp;lt;", "Tom & Jerry <3 and &lt;"},
		{"markup characters are plain text", "a < b > c & \"d\" 'e'", "a < b > c & \"d\" 'e'"},
		{"raw HTML kept as typed", "<hugs> to you", "<hugs> to you"},
		{"tables flatten", "|a|b|\n|-|-|\n|1|2|", "a b 1 2"},
		{"code blocks flatten", "```\nline one\n    line two\n```", "line one line two"},
		{"empty", "", ""},
		{"too deep falls back to the source", strings.Repeat("> ", MaxDepth+1) + "deep  thought", strings.TrimSpace(strings.Repeat("> ", MaxDepth+1)) + " deep thought"},
		{"too long is cut at MaxBytes", strings.Repeat("ab ", MaxBytes), strings.TrimSpace(strings.Repeat("ab ", MaxBytes/3)) + " a"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := testRenderer.PlainText(tc.src); got != tc.want {
				t.Errorf("PlainText(%.60q)\n got %.200q\nwant %.200q", tc.src, got, tc.want)
			}
		})
	}
}

func TestInvalidInput(t *testing.T) {
	cases := []struct{ src, want string }{
		{"a\x00b", "<p>a\uFFFDb</p>\n"},
		{"bad \xff\xfe bytes", "<p>bad \uFFFD bytes</p>\n"},
		{"cut \xe2\x82", "<p>cut \uFFFD</p>\n"},
		{"\xed\xa0\x80", "<p>\uFFFD</p>\n"},
		{"[x](https://example.org/\xff)", "<p><a href=\"https://example.org/%EF%BF%BD\" rel=\"nofollow ugc noopener\">x</a></p>\n"},
	}
	for _, tc := range cases {
		if got := mustRender(t, tc.src); got != tc.want {
			t.Errorf("Render(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}

func TestReferenceGuard(t *testing.T) {
	defs := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString("[r" + strings.Repeat("x", i%7) + "]: https://example.org/\n")
		}
		return b.String()
	}
	if out := mustRender(t, "[r]\n\n"+defs(3)); !strings.Contains(out, `<a href="https://example.org/"`) {
		t.Errorf("a paragraph of 3 definitions defines nothing:\n%s", out)
	}
	out := mustRender(t, "[r]\n\n"+defs(maxRefCandidates+1))
	if !strings.HasPrefix(out, "<p>[r]</p>\n<p>[r]: ") {
		t.Errorf("a paragraph of %d definitions was parsed for definitions, or lost:\n%.300s", maxRefCandidates+1, out)
	}
}

// TestConcurrentRender shares one Renderer between goroutines; run with -race.
func TestConcurrentRender(t *testing.T) {
	srcs := append([]string{}, xssCases[:20]...)
	srcs = append(srcs, "# Title\n\n| a | b |\n|:-|-:|\n| 1 | 2 |", "- a\n  - b\n    > c")
	want := make([]string, len(srcs))
	for i, s := range srcs {
		want[i] = mustRender(t, s)
	}
	done := make(chan error)
	for range 8 {
		go func() {
			for i, s := range srcs {
				if got, err := testRenderer.Render(s); err != nil || string(got) != want[i] {
					done <- &mismatch{s}
					return
				}
			}
			done <- nil
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

type mismatch struct{ src string }

func (m *mismatch) Error() string { return "concurrent Render differs for " + m.src }

// TestStored checks that stored output reaches templates byte for byte: the
// page must show exactly what was sanitised when the post was written.
func TestStored(t *testing.T) {
	out, err := testRenderer.Render("**kept** as <hugs> & [link](https://example.org)")
	if err != nil {
		t.Fatal(err)
	}
	if got := Stored(string(out)); got != out {
		t.Errorf("Stored(%q) = %q", out, got)
	}
}
