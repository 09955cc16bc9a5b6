package safety

import (
	"regexp"
	"sync"
)

// lazyRegexp is a pattern's expression, compiled when a text first passes
// its prefilter. The pattern table's expressions, compiled, are about
// 9 MB of a server's 20 MB of live heap, and most of them never run: a
// pattern runs only on a sentence holding its literals, so a server that
// has screened few posts has compiled few of them. Compiling is
// deterministic, so when an expression is compiled changes no result.
// The table compiles every expression once at start all the same, so a
// mistyped one still stops the server there; that copy is then dropped.
type lazyRegexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

// compiled is the expression, compiled on first use.
func (l *lazyRegexp) compiled() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}
