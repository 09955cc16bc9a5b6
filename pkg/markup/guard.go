package markup

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The guards below bound goldmark's work inside the parser itself rather than
// by pre-scanning the source: only the parser knows whether a '>' starts a
// quote or sits in a code block, so a pre-scan would either miss cases or
// refuse innocent code.

var (
	tooDeepKey = parser.NewContextKey()
	budgetKey  = parser.NewContextKey()
	// codeSpanKey counts code span misses in the current block.
	codeSpanKey = parser.NewContextKey()
	// urlAttemptsKey counts linkify's URL matching attempts in the document.
	urlAttemptsKey = parser.NewContextKey()
)

// blockParsers is goldmark's default set (same parsers, same priorities)
// with the two containers that can nest, quotes and lists, wrapped in a depth
// limit. List items need no guard: they only ever sit directly in a list.
func blockParsers() []util.PrioritizedValue {
	return []util.PrioritizedValue{
		util.Prioritized(parser.NewSetextHeadingParser(), 100),
		util.Prioritized(parser.NewThematicBreakParser(), 200),
		util.Prioritized(depthGuard{parser.NewListParser()}, 300),
		util.Prioritized(parser.NewListItemParser(), 400),
		util.Prioritized(parser.NewCodeBlockParser(), 500),
		util.Prioritized(parser.NewATXHeadingParser(), 600),
		util.Prioritized(parser.NewFencedCodeBlockParser(), 700),
		util.Prioritized(depthGuard{parser.NewBlockquoteParser()}, 800),
		util.Prioritized(parser.NewHTMLBlockParser(), 900),
		util.Prioritized(parser.NewParagraphParser(), 1000),
	}
}

// depthGuard refuses to open a quote or list deeper than MaxDepth and records
// the refusal so that Render can report ErrTooComplex. The refused line then
// parses as paragraph text, which keeps the remaining work linear.
type depthGuard struct {
	parser.BlockParser
}

// Open implements parser.BlockParser.
func (g depthGuard) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if depth(parent) < MaxDepth {
		return g.BlockParser.Open(parent, reader, pc)
	}
	// Ask the real parser first so that a '>' or '-' that would not have
	// opened a container anyway (inside a paragraph, say) is not an error.
	line, pos := reader.Position()
	node, _ := g.BlockParser.Open(parent, reader, pc)
	reader.SetPosition(line, pos)
	if node != nil {
		pc.Set(tooDeepKey, true)
	}
	return nil, parser.NoChildren
}

// depth counts the quotes and lists that enclose n, n included.
func depth(n ast.Node) int {
	d := 0
	for ; n != nil; n = n.Parent() {
		switch n.Kind() {
		case ast.KindBlockquote, ast.KindList:
			d++
		}
	}
	return d
}

func tooDeep(pc parser.Context) bool {
	v, _ := pc.Get(tooDeepKey).(bool)
	return v
}

// inlineParsers is goldmark's default set plus strikethrough and linkify
// (same parsers, same priorities), with every parser whose work can grow
// faster than the input behind a budget: delimiters (links, emphasis,
// strikethrough) share one per block, code spans and bare URLs have their own.
func inlineParsers() []util.PrioritizedValue {
	return []util.PrioritizedValue{
		util.Prioritized(codeSpanGuard{parser.NewCodeSpanParser()}, 100),
		util.Prioritized(budgeted{parser.NewLinkParser()}, 200),
		util.Prioritized(parser.NewAutoLinkParser(), 300),
		util.Prioritized(parser.NewRawHTMLParser(), 400),
		util.Prioritized(budgeted{parser.NewEmphasisParser()}, 500),
		util.Prioritized(budgeted{extension.NewStrikethroughParser()}, 500),
		// Priority as in extension.Linkify; only http and https are linkified
		// (plus bare email addresses, as mailto).
		util.Prioritized(linkifyGuard{extension.NewLinkifyParser(
			extension.WithLinkifyAllowedProtocols([]string{"http:", "https:"}),
		)}, 999),
	}
}

// maxURLAttempts is how many times per document the linkify parser may try
// its URL regular expressions. Each try on a long line costs tens of
// microseconds, and text like "www._www._www._" offers one try every five
// bytes: 100 KB of it took 0.8 s. A thousand bare URLs is more than any post
// has; past that, URLs stay plain text.
const maxURLAttempts = 1000

// linkifyGuard spends the document's URL budget on every trigger that would
// reach linkify's URL regular expressions and declines once it is spent.
type linkifyGuard struct {
	parser.InlineParser
}

// Parse implements parser.InlineParser.
func (g linkifyGuard) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	// linkify skips one trigger character before matching; so does this check.
	if len(line) > 0 && bytes.IndexByte([]byte(" *_~("), line[0]) >= 0 {
		line = line[1:]
	}
	if bytes.HasPrefix(line, []byte("www.")) || bytes.HasPrefix(line, []byte("http:")) || bytes.HasPrefix(line, []byte("https:")) {
		used, _ := pc.Get(urlAttemptsKey).(int)
		if used >= maxURLAttempts {
			return nil
		}
		pc.Set(urlAttemptsKey, used+1)
	}
	return g.InlineParser.Parse(parent, block, pc)
}

// maxDelimiters is the number of emphasis, strikethrough and link delimiters
// one block (paragraph, heading or table cell) may use before further ones
// are shown as literal characters. goldmark's delimiter and link matching is
// quadratic in their number: 100 KB of "*a_ " took 5.4 s and of "[a](" 5.1 s
// unbounded, and take under 60 ms with this budget.
const maxDelimiters = 256

// budget counts delimiter parses in the block currently being parsed;
// goldmark parses inlines one block at a time, so one counter per document
// suffices.
type budget struct {
	block ast.Node
	used  int
}

// budgeted hands a trigger to the wrapped parser while the block's budget
// lasts and declines it afterwards, so the character stays literal text. The
// message keeps every word; only formatting past the budget is lost.
type budgeted struct {
	parser.InlineParser
}

// Parse implements parser.InlineParser.
func (b budgeted) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	bg := blockBudget(pc, budgetKey, parent)
	if bg.used >= maxDelimiters {
		return nil
	}
	bg.used++
	return b.InlineParser.Parse(parent, block, pc)
}

// blockBudget returns the budget stored under key, reset if it was counting
// a different block.
func blockBudget(pc parser.Context, key parser.ContextKey, block ast.Node) *budget {
	bg, _ := pc.Get(key).(*budget)
	if bg == nil {
		bg = &budget{}
		pc.Set(key, bg)
	}
	if bg.block != block {
		bg.block, bg.used = block, 0
	}
	return bg
}

// maxCodeSpanMisses is how many backtick runs per block may fail to find
// their closing run before further runs are left as literal text.
const maxCodeSpanMisses = 32

// codeSpanGuard bounds goldmark's code span search. An opening run with no
// closing run of the same length scans to the end of the block, allocating a
// node per line on the way, so text like "\```\```\```" is quadratic
// (100 KB took 1.9 s). Only misses are counted: a span that closes consumes
// what it scanned, so hits stay linear. Real text rarely leaves a backtick
// run unclosed, hence the small budget.
type codeSpanGuard struct {
	parser.InlineParser
}

// Parse implements parser.InlineParser.
func (g codeSpanGuard) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	bg := blockBudget(pc, codeSpanKey, parent)
	if bg.used >= maxCodeSpanMisses {
		return nil
	}
	n := g.InlineParser.Parse(parent, block, pc)
	if n != nil && n.Kind() != ast.KindCodeSpan {
		bg.used++
	}
	return n
}

// CloseBlock forwards to the wrapped parser: the link parser must turn its
// unmatched brackets back into text when a block ends.
func (b budgeted) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	if cb, ok := b.InlineParser.(parser.CloseBlocker); ok {
		cb.CloseBlock(parent, block, pc)
	}
}

// minTableCells is the cell count any table may have regardless of its size
// in bytes, so small tables with short rows are never refused.
const minTableCells = 4096

// tableGuard leaves a paragraph as text when the table it would become claims
// far more cells than it has bytes. goldmark pads every short row to the
// header's width, so a 50 KB header over 25,000 one-character rows would
// otherwise allocate hundreds of millions of cells.
type tableGuard struct {
	parser.ParagraphTransformer
}

// Transform implements parser.ParagraphTransformer.
func (g tableGuard) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	source := reader.Source()
	cols, size := 0, 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		size += seg.Len()
		// Any line can be the delimiter row, and a row has at most one cell
		// more than it has pipes.
		cols = max(cols, bytes.Count(seg.Value(source), []byte{'|'})+1)
	}
	if cols*lines.Len() > max(minTableCells, size) {
		return
	}
	g.ParagraphTransformer.Transform(node, reader, pc)
}

// maxRefCandidates is how many lines of one paragraph may look like link
// reference definitions before the paragraph is left as text.
const maxRefCandidates = 100

// refGuard skips link reference definitions in a paragraph with more than
// maxRefCandidates lines starting with '['. goldmark removes each definition
// by shifting the rest of the paragraph's lines, which is quadratic: 20,000
// definitions in 100 KB take a quarter of a second. No real post defines a
// hundred references in one paragraph.
type refGuard struct {
	parser.ParagraphTransformer
}

// Transform implements parser.ParagraphTransformer.
func (g refGuard) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	source := reader.Source()
	candidates := 0
	for i := 0; i < lines.Len(); i++ {
		// A definition may be indented by up to three spaces.
		seg := lines.At(i)
		line := seg.Value(source)
		if trimmed := bytes.TrimLeft(line, " "); len(trimmed) > 0 && trimmed[0] == '[' && len(line)-len(trimmed) <= 3 {
			candidates++
		}
	}
	if candidates > maxRefCandidates {
		return
	}
	g.ParagraphTransformer.Transform(node, reader, pc)
}
