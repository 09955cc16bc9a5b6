package web

// Bidirectional isolation. A name or title a member chose may be written
// right to left, or hold a right-to-left override, which without
// isolation reorders the text around it ("replied in “<RLO>title”, a thread
// you follow" shown backwards after the title). In templates each such
// value sits in a <bdi> element; text composed here, and text that cannot
// hold markup (a page's <title>, a flash), isolates it with isolate.

// isolate wraps s in FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE,
// the plain-text form of <bdi>: s takes its direction from its own first
// strong letter, cannot change the direction of the text around it, and
// any embedding or override it opens ends at its end.
func isolate(s string) string {
	if s == "" {
		return ""
	}
	return "\u2068" + s + "\u2069"
}
