package forum_test

import (
	"regexp"
	"strings"
	"testing"

	"hearth/pkg/demo"
	"hearth/pkg/forum"
)

// TestPlainExcerpt: Markdown's marks leave and its words stay, in order.
func TestPlainExcerpt(t *testing.T) {
	for _, c := range []struct{ md, want string }{
		{"# Title\n> quoted *em* `code`\n- item\n\n---\n1. first", "Title quoted em code item first"},
		{"> - nested **bold** item\n>> deeper", "nested bold item deeper"},
		{"see [the guide](https://example.org/x) and ![a cat](cat.png)", "see the guide and a cat"},
		{"[not a link] (gap) and [unclosed](", "[not a link] (gap) and [unclosed]("},
		{"####### seven hashes\n#hashtag\n2024 was long\n12) twelve\n3.five", "####### seven hashes #hashtag 2024 was long twelve 3.five"},
		{"Title\n=====\nwell-being --- fine\n* * *\nend", "Title well-being --- fine end"},
		{"a \\*literal\\* star | table | row\r\n-\r\n", "a literal star table row"},
		{"", ""},
	} {
		if got := forum.PlainExcerpt(c.md); got != c.want {
			t.Errorf("PlainExcerpt(%q) = %q, want %q", c.md, got, c.want)
		}
	}
}

// TestPlainExcerptReadsPostsAsBefore: on the demo's generated bodies
// (headings, quotes, lists, code, links and emphasis in the members'
// style) the excerpt is word for word what the regular expressions it
// replaced gave.
func TestPlainExcerptReadsPostsAsBefore(t *testing.T) {
	bodies, err := demo.SampleBodies(150)
	if err != nil {
		t.Fatal(err)
	}
	for _, md := range bodies {
		if got, want := forum.PlainExcerpt(md), regexExcerpt(md); got != want {
			t.Fatalf("PlainExcerpt(%q)\n = %q\nwant %q", md, got, want)
		}
	}
}

// regexExcerpt is the excerpt as four regular expressions over the whole
// text read it: the reference for TestPlainExcerptReadsPostsAsBefore.
func regexExcerpt(md string) string {
	s := regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`).ReplaceAllString(md, "$1")
	s = regexp.MustCompile(`(?m)^\s*(?:[-*_=]\s*){3,}$`).ReplaceAllString(s, " ")
	s = regexp.MustCompile(`(?m)^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,9}[.)]\s+)+`).ReplaceAllString(s, "")
	s = regexp.MustCompile("[*_~`|]+").ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, `\`, "")
	return strings.Join(strings.Fields(s), " ")
}
