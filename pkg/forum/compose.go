package forum

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of what members write.
const (
	TitleMin = 3
	TitleMax = 150
	BodyMax  = 20_000
	// IdemKeyMax bounds the idempotency key a form carries.
	IdemKeyMax = 64
)

// Draft is what a member typed into a composer.
type Draft struct {
	Title string
	Body  string
	Tags  []string
	// Anonymous asks to post as "Anonymous member", where the group
	// allows it (RuleNoAnonymous). Edits keep what the post was written as.
	Anonymous bool
}

// CleanText makes member input storable on both databases: invalid UTF-8
// and NUL become U+FFFD (which marks where they were when a refused form
// shows the text again: see CheckEncoding, which refuses both), other
// control characters (except tab and newline) are dropped, and line
// endings become "\n". Right-to-left marks, zero-width joiners and every
// printable character are kept.
func CleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if !strings.ContainsFunc(s, isDropped) && !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == 0:
			return utf8.RuneError
		case isDropped(r):
			return -1
		}
		return r
	}, s)
}

func isDropped(r rune) bool {
	return r != '\n' && r != '\t' && r != '\r' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0))
}

// CheckEncoding adds a message for field when s, as it was sent, is not
// valid UTF-8 or holds a NUL character: text Hearth cannot store as it
// was written. Nothing is replaced or dropped silently; the member is
// asked to look, and the form shows the text again (CleanText) with each
// such character marked �. The message sits next to the field, so it
// need not name it: one sentence for every field translates whole.
func CheckEncoding(v *ValidationError, field, s string) {
	switch {
	case !utf8.ValidString(s):
		v.Add(field, "Some characters in this text couldn't be read (this can happen with text pasted from another program). They're marked with � below: please retype or delete them, then send it again.")
	case strings.IndexByte(s, 0) >= 0:
		v.Add(field, "This text contains a hidden NUL character (this can happen with text pasted from another program). It's marked with � below: please delete it, then send it again.")
	}
}

// blank reports whether s has nothing a reader could see: only white space
// and invisible format characters such as zero-width spaces.
func blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// CleanDraft returns d with its text cleaned and the title trimmed.
func CleanDraft(d Draft) Draft {
	d.Title = strings.TrimSpace(strings.Join(strings.Fields(CleanText(d.Title)), " "))
	d.Body = CleanText(d.Body)
	return d
}

// validateTitle adds a message for a title that is missing, short or long.
func validateTitle(v *ValidationError, title string) {
	n := utf8.RuneCountInString(title)
	switch {
	case blank(title):
		v.Add("title", "Please give your thread a title.")
	case n < TitleMin:
		v.Add("title", fmt.Sprintf("The title needs at least %d characters.", TitleMin))
	case n > TitleMax:
		v.Add("title", fmt.Sprintf("The title can be at most %d characters; this one has %d.", TitleMax, n))
	}
}

// validateBody adds a message for a message that is empty or too long.
func validateBody(v *ValidationError, body string) {
	n := utf8.RuneCountInString(body)
	switch {
	case blank(body):
		v.Add("body", "Please write a message.")
	case n > BodyMax:
		v.Add("body", fmt.Sprintf("Your message has %d characters and the limit is %d. Please shorten it; your text is still here.", grouped(n), grouped(BodyMax)))
	}
}

// validateTags checks slugs against the vocabulary and returns the set.
func validateTags(v *ValidationError, slugs []string, vocab []Tag) Tags {
	known := make(map[string]bool, len(vocab))
	for _, t := range vocab {
		known[t.Slug] = true
	}
	var ok []string
	for _, s := range slugs {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !known[s] {
			v.Add("trigger_warnings", fmt.Sprintf("%q isn't one of Hearth's trigger-warning tags. Please choose from the list.", truncateRunes(CleanText(s), 40)))
			continue
		}
		ok = append(ok, s)
	}
	return MakeTags(ok)
}

var idemRe = regexp.MustCompile(`^[A-Za-z0-9_-]{8,64}$`)

// CleanIdemKey returns the idempotency key a form sent, or "" when it is
// missing or malformed (the post is then simply not protected against a
// second submission).
func CleanIdemKey(k string) string {
	if idemRe.MatchString(k) {
		return k
	}
	return ""
}

// grouped is a count written in English with its digits grouped
// ("20,000") by %d. The sentence keeps %d, so the web layer reads the
// count back as a number and writes it the reader's language's way
// ("20.000").
type grouped int

// Format writes n with a comma between groups of three digits.
func (n grouped) Format(f fmt.State, _ rune) {
	s := strconv.Itoa(int(n))
	var b strings.Builder
	for i, r := range s {
		if i > 0 && r != '-' && s[i-1] != '-' && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	_, _ = io.WriteString(f, b.String())
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// mentionRe finds @pseudonym mentions: an @ not preceded by a word
// character (so e-mail addresses do not count).
var mentionRe = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_@])@([\p{L}\p{N}\p{Mn}\p{Mc}_.-]{3,32})`)

// Mentions lists the distinct pseudonyms mentioned in body, at most max.
func Mentions(body string, max int) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range mentionRe.FindAllStringSubmatch(body, -1) {
		name := strings.TrimRight(m[1], "._-")
		if utf8.RuneCountInString(name) < 3 || seen[strings.ToLower(name)] {
			continue
		}
		seen[strings.ToLower(name)] = true
		out = append(out, name)
		if len(out) == max {
			break
		}
	}
	return out
}

// Quote turns a post's Markdown into a quotation for a reply.
func Quote(name, md string) string {
	var b strings.Builder
	if name != "" {
		b.WriteString("> **" + escapeMarkdown(name) + "** wrote:\n>\n")
	}
	for _, line := range strings.Split(strings.TrimSpace(md), "\n") {
		b.WriteString("> " + line + "\n")
	}
	b.WriteString("\n")
	return b.String()
}

func escapeMarkdown(s string) string {
	// Underscores inside a word never start emphasis, and pseudonyms may
	// not begin or end with one, so they stay as typed.
	return strings.NewReplacer(`\`, `\\`, `*`, `\*`, "`", "\\`", `[`, `\[`, `]`, `\]`, `<`, `\<`).Replace(s)
}

func utf8Len(s string) int { return utf8.RuneCountInString(s) }
