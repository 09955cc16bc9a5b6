package i18n

import (
	"regexp"
	"strconv"
	"strings"
)

// A domain package writes its sentences in English, some with values
// formatted in ("Please keep the page under 5000 characters (it has
// 6120)."). The web layer translates them at the edge; a pattern turns
// such a sentence back into its catalogue key and arguments, so the
// translation can format the same values the language's way.

// pattern is one catalogue key with %s or %d verbs, as a regular
// expression over the English sentences it formats.
type pattern struct {
	re    *regexp.Regexp
	key   string
	verbs []byte
}

// verbs matches the verbs a pattern understands: %s and %d, in order.
var verbs = regexp.MustCompile(`%[sd]`)

// newPattern returns the pattern of key, or false when key has no verbs
// or verbs a pattern cannot read back (%[1]s, %v, widths).
func newPattern(key string) (pattern, bool) {
	if !strings.Contains(key, "%") {
		return pattern{}, false
	}
	parts := verbs.Split(key, -1)
	found := verbs.FindAllString(key, -1)
	var b strings.Builder
	b.WriteString("^")
	p := pattern{key: key}
	for i, part := range parts {
		if strings.Contains(part, "%") {
			return pattern{}, false
		}
		b.WriteString(regexp.QuoteMeta(part))
		if i < len(found) {
			if found[i] == "%d" {
				b.WriteString(`(-?\d[\d,]*)`)
			} else {
				b.WriteString(`(.+?)`)
			}
			p.verbs = append(p.verbs, found[i][1])
		}
	}
	b.WriteString("$")
	p.re = regexp.MustCompile(b.String())
	return p, true
}

// match returns the key and arguments of s, a sentence formatted from one
// of the patterns, or false.
func match(ps []pattern, s string) (string, []any, bool) {
	for _, p := range ps {
		m := p.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		args := make([]any, len(p.verbs))
		ok := true
		for i, v := range p.verbs {
			args[i] = m[i+1]
			if v == 'd' {
				n, err := strconv.Atoi(strings.ReplaceAll(m[i+1], ",", ""))
				ok = ok && err == nil
				args[i] = n
			}
		}
		if ok {
			return p.key, args, true
		}
	}
	return "", nil, false
}
