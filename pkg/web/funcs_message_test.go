package web

import (
	"html"
	"regexp"
	"strconv"
	"testing"

	"hearth/pkg/i18n"
	"hearth/pkg/markup"
)

// verbPattern finds the formatting verbs of a message key.
var verbPattern = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*\d*(\.\d+)?([a-zA-Z%])`)

// TestMessageHTMLSanitisesOnce: for every key of every catalogue, tm
// gives what sanitising the formatted sentence gives, with arguments
// holding markup, quotes and entities, and numbers; and a verb inside a
// tag, as in a link's address, is never formatted without the sanitiser.
func TestMessageHTMLSanitisesOnce(t *testing.T) {
	c, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	fast := 0
	for _, l := range c.Languages() {
		p := c.Printer(l.Code)
		tm := messageHTML(p)
		for key := range c.Messages(l.Code) {
			args := sampleArgs(key)
			if args == nil {
				continue
			}
			esc := make([]any, len(args))
			for i, a := range args {
				if s, ok := a.(string); ok {
					a = html.EscapeString(s)
				}
				esc[i] = a
			}
			want := markup.Message(p.T(key, esc...))
			for range 2 { // the first call keeps the format, the second uses it
				if got := tm(key, args...); got != want {
					t.Errorf("%s: tm(%q) = %q, want %q", l.Code, key, got, want)
				}
			}
			if f, ok := p.Format(key); ok && verbsInText(f) {
				fast++
			}
		}
	}
	t.Logf("%d messages take the sanitised format", fast)
	if fast == 0 {
		t.Fatal("no message took the sanitised format: the test compares nothing")
	}
	if verbsInText(`call <a href="%s">%s</a>`) || !verbsInText(`Reply by <bdi>%s</bdi> in %s`) {
		t.Error("verbsInText must refuse a verb inside a tag and accept verbs in text")
	}
}

// sampleArgs gives a key's verbs arguments: %d a number, every other
// verb a string with markup, quotes and an entity in it; nil for a key
// without verbs.
func sampleArgs(key string) []any {
	var args []any
	next := 0
	for _, m := range verbPattern.FindAllStringSubmatch(key, -1) {
		if m[4] == "%" {
			continue
		}
		i := next
		if m[2] != "" {
			n, _ := strconv.Atoi(m[2])
			i = n - 1
		}
		next = i + 1
		for len(args) <= i {
			args = append(args, nil)
		}
		if m[4] == "d" {
			args[i] = 1234
		} else {
			args[i] = `O'Brien <b>"x"</b> &amp; co`
		}
	}
	for i := range args {
		if args[i] == nil {
			args[i] = "x"
		}
	}
	return args
}
