package forum

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzComposerForm decodes a raw composer form body the way the web layer
// does (URL-encoded fields title, body and repeated trigger_warnings), then
// cleans and validates it. Invariants: never panics; cleaned text is valid
// UTF-8 with no NUL or control characters other than tab and newline;
// cleaning is idempotent; accepted tags are only vocabulary slugs; a draft
// without validation errors respects every length limit.
func FuzzComposerForm(f *testing.F) {
	for _, seed := range []string{
		"title=Hello+there&body=Some+words&trigger_warnings=suicide",
		"title=%00%00%00&body=%ff%fe%fd&trigger_warnings=self-harm&trigger_warnings=nope",
		"title=a&title=second&body=",
		"title=+++%E2%80%8B%E2%80%8B+++&body=%E2%80%8F%D7%A9%D7%9C%D7%95%D7%9D",
		"body=" + strings.Repeat("x", 20_001),
		"title=ok+title&body=line%0D%0Aline%0Dline&trigger_warnings=death-loss%2Cabuse",
		"%zz=%zz&title=%",
		"trigger_warnings=&trigger_warnings=+&trigger_warnings=sexual-violence",
	} {
		f.Add(seed)
	}
	vocab := []Tag{{Slug: "suicide"}, {Slug: "self-harm"}, {Slug: "death-loss"}, {Slug: "sexual-violence"}}
	known := map[string]bool{}
	for _, t := range vocab {
		known[t.Slug] = true
	}
	f.Fuzz(func(t *testing.T, raw string) {
		form, _ := url.ParseQuery(raw) // malformed pairs are dropped, as net/http does
		d := CleanDraft(Draft{Title: form.Get("title"), Body: form.Get("body"), Tags: form["trigger_warnings"]})
		for _, s := range []string{d.Title, d.Body} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 survived cleaning: %q", s)
			}
			if strings.ContainsFunc(s, isDropped) || strings.Contains(s, "\r") {
				t.Fatalf("control character survived cleaning: %q", s)
			}
		}
		if again := CleanDraft(d); again.Title != d.Title || again.Body != d.Body {
			t.Fatalf("cleaning is not idempotent: %q -> %q", d.Title, again.Title)
		}
		var v ValidationError
		validateTitle(&v, d.Title)
		validateBody(&v, d.Body)
		tags := validateTags(&v, d.Tags, vocab)
		for _, s := range tags.Slugs() {
			if !known[s] {
				t.Fatalf("tag %q outside the vocabulary accepted", s)
			}
		}
		if v.OrNil() == nil {
			if n := utf8.RuneCountInString(d.Title); n < TitleMin || n > TitleMax {
				t.Fatalf("title of %d characters accepted", n)
			}
			if n := utf8.RuneCountInString(d.Body); n == 0 || n > BodyMax {
				t.Fatalf("body of %d characters accepted", n)
			}
		}
		for _, msg := range v.Fields {
			if !utf8.ValidString(msg) {
				t.Fatalf("message is not valid UTF-8: %q", msg)
			}
		}
	})
}

// FuzzThreadCursor checks that any "after" parameter either decodes into a
// cursor that encodes back to itself or is refused as not found; it never
// panics.
func FuzzThreadCursor(f *testing.F) {
	f.Add("")
	f.Add("garbage")
	f.Add(ThreadCursor{Pinned: true, ID: 42}.Encode())
	f.Add("MS4xNzAwMDAwMDAwMDAwMDAwLjU")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := DecodeThreadCursor(s)
		if err != nil || c == nil {
			return
		}
		again, err := DecodeThreadCursor(c.Encode())
		if err != nil || *again != *c {
			t.Fatalf("cursor %q does not round-trip: %+v vs %+v (%v)", s, c, again, err)
		}
	})
}
