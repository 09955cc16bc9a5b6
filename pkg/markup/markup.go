package markup

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// MaxBytes is the largest Markdown source, in bytes, that Render accepts. The
// application's own limit is far lower; this one exists so that the renderer
// stays bounded even when a caller forgets to check.
const MaxBytes = 100_000

// MaxDepth is how many quotes and lists may be nested inside each other.
// Nobody needs more to be understood, and goldmark's block parser slows down
// quadratically with depth (50,000 nested quotes take seconds).
const MaxDepth = 16

// ErrTooLong is returned for sources longer than MaxBytes. Its message is
// written for members and may be shown to them as it is.
var ErrTooLong error = refusal("This message is too long to display. Please shorten it.")

// ErrTooComplex is returned for sources that nest quotes or lists deeper
// than MaxDepth. Its message is written for members and may be shown to them
// as it is.
var ErrTooComplex error = refusal("This message is nested too deeply to display. Please simplify quotes or lists.")

// refusal is an error whose message is a sentence for members rather than a
// lower-case note for logs, which is why it is not made with errors.New.
type refusal string

func (r refusal) Error() string { return string(r) }

// Renderer converts member Markdown to sanitised HTML. Build one with New
// and share it: it holds no per-call state and is safe for concurrent use.
type Renderer struct {
	md     goldmark.Markdown
	policy *bluemonday.Policy
	strict *bluemonday.Policy
}

// Option changes one thing about a Renderer New builds.
type Option func(*outline)

// outline is where Markdown headings land in the page around them: "#"
// becomes h(1+shift), and no heading is higher than top.
type outline struct{ shift, top int }

// postOutline is a post's: the page owns its single h1 and the h2s around
// a post, so "# Title" in a post becomes h3.
var postOutline = outline{shift: 2, top: 3}

// SitePageHeadings renders headings for a page of its own whose single h1 is
// its title: "##" becomes h2 under it, and "#" becomes h2 too, as the page
// has its h1 already. Posts and guidelines keep the default, where headings
// start at h3.
func SitePageHeadings() Option {
	return func(o *outline) { *o = outline{shift: 0, top: 2} }
}

// New returns a Renderer with Hearth's Markdown dialect and sanitising policy.
func New(opts ...Option) *Renderer {
	o := postOutline
	for _, opt := range opts {
		opt(&o)
	}
	return &Renderer{md: newMarkdown(o), policy: newPolicy(o.top), strict: bluemonday.StrictPolicy()}
}

func newMarkdown(o outline) goldmark.Markdown {
	p := parser.NewParser(
		parser.WithBlockParsers(blockParsers()...),
		parser.WithInlineParsers(inlineParsers()...),
		parser.WithParagraphTransformers(
			util.Prioritized(refGuard{parser.LinkReferenceParagraphTransformer}, 100),
			util.Prioritized(tableGuard{extension.NewTableParagraphTransformer()}, 200),
		),
		parser.WithASTTransformers(
			util.Prioritized(extension.NewTableASTTransformer(), 0),
			util.Prioritized(safeTransformer{o}, 100),
		),
	)
	return goldmark.New(
		goldmark.WithParser(p),
		goldmark.WithRendererOptions(
			// Members write like they talk: a newline they typed is a line break.
			html.WithHardWraps(),
			renderer.WithNodeRenderers(
				// The policy refuses style attributes, so alignment must arrive as align="...".
				util.Prioritized(extension.NewTableHTMLRenderer(
					extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute),
				), 500),
				util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
			),
		),
	)
}

// Render converts Markdown source to sanitised HTML. It returns ErrTooLong or
// ErrTooComplex for input it refuses; any other error is a bug worth logging.
func (r *Renderer) Render(src string) (template.HTML, error) {
	if len(src) > MaxBytes {
		return "", ErrTooLong
	}
	source := []byte(clean(src))
	pc := parser.NewContext()
	doc := r.md.Parser().Parse(text.NewReader(source), parser.WithContext(pc))
	if tooDeep(pc) {
		return "", ErrTooComplex
	}
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&buf, source, doc); err != nil {
		return "", fmt.Errorf("markup: render: %w", err)
	}
	// Nothing but the policy's output leaves Render marked as safe HTML.
	return template.HTML(r.policy.SanitizeBytes(buf.Bytes())), nil // #nosec G203 -- bluemonday-sanitised output; this package is the only producer of template.HTML
}

// Sanitize applies the same policy that Render applies to its output. It lets
// tests and maintenance commands check or repair stored HTML; HTML that Render
// produced comes back unchanged. On HTML from elsewhere the policy guarantees
// rel="nofollow" on links but cannot add "ugc noopener", which only Render
// emits.
func (r *Renderer) Sanitize(html string) string {
	return r.policy.Sanitize(html)
}

// clean replaces invalid UTF-8 and NUL bytes with U+FFFD, as CommonMark asks,
// so that nothing downstream sees bytes it cannot encode.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.ReplaceAll(s, "\x00", "\uFFFD")
}
