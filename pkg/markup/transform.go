package markup

import (
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// rel is set on every link Render emits: members' links are not endorsed
// (nofollow), are user content (ugc) and get no handle on the forum's window
// (noopener).
var rel = []byte("nofollow ugc noopener")

// safeTransformer rewrites the parsed document so that what reaches the HTML
// renderer is already inside the policy: the policy then only has to confirm
// it, and the output reads the same before and after sanitising.
type safeTransformer struct{ headings outline }

// Transform implements parser.ASTTransformer.
func (t safeTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	// Collect first, rewrite afterwards: replacing nodes while ast.Walk is
	// visiting them would skip or revisit siblings.
	var nodes []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindHeading, ast.KindImage, ast.KindLink, ast.KindAutoLink, ast.KindRawHTML, ast.KindHTMLBlock:
			nodes = append(nodes, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range nodes {
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = min(max(n.Level+t.headings.shift, t.headings.top), 6)
		case *ast.Image:
			rewriteImage(n)
		case *ast.Link:
			rewriteLink(n)
		case *ast.AutoLink:
			rewriteAutoLink(n, source)
		case *ast.RawHTML:
			rawHTMLToText(n)
		case *ast.HTMLBlock:
			htmlBlockToText(n, source)
		}
	}
}

// rewriteImage turns an image into a link to it, so that no post ever makes
// a reader's browser fetch a remote resource (which would tell a third party
// their address and that they read the thread). The alt text, or the URL when
// there is none, becomes the link text.
func rewriteImage(img *ast.Image) {
	var label []ast.Node
	for c := img.FirstChild(); c != nil; c = c.NextSibling() {
		label = append(label, c)
	}
	if len(label) == 0 {
		url := ast.NewString(img.Destination)
		url.SetRaw(true)
		label = append(label, url)
	}
	parent := img.Parent()
	if insideLink(img) || !allowedURL(string(util.URLEscape(img.Destination, true))) {
		// A link inside a link is invalid HTML, and a forbidden URL must
		// not become a link at all: keep just the words.
		for _, c := range label {
			parent.InsertBefore(parent, img, c)
		}
		parent.RemoveChild(parent, img)
		return
	}
	link := ast.NewLink()
	link.Destination = img.Destination
	link.SetAttributeString("rel", rel)
	for _, c := range label {
		link.AppendChild(link, c)
	}
	parent.ReplaceChild(parent, img, link)
}

// rewriteLink keeps http, https and mailto links and turns any other link
// into its text. Titles are dropped because the policy drops them.
func rewriteLink(link *ast.Link) {
	if !allowedURL(string(util.URLEscape(link.Destination, true))) {
		unwrap(link)
		return
	}
	link.Title = nil
	link.SetAttributeString("rel", rel)
}

// rewriteAutoLink does for <scheme:...> autolinks and linkified text what
// rewriteLink does for inline links.
func rewriteAutoLink(link *ast.AutoLink, source []byte) {
	dest := string(util.URLEscape(link.URL(source), false))
	if link.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
		dest = "mailto:" + dest
	}
	if !allowedURL(dest) {
		label := ast.NewString(link.Label(source))
		// Raw: an autolink's text is shown exactly as typed, without
		// resolving entities or backslash escapes.
		label.SetRaw(true)
		link.Parent().ReplaceChild(link.Parent(), link, label)
		return
	}
	link.SetAttributeString("rel", rel)
}

// rawHTMLToText shows inline HTML as the text the member typed. goldmark
// would drop it silently, and "<hugs>" is something members write.
func rawHTMLToText(raw *ast.RawHTML) {
	parent := raw.Parent()
	for i := 0; i < raw.Segments.Len(); i++ {
		parent.InsertBefore(parent, raw, ast.NewRawTextSegment(raw.Segments.At(i)))
	}
	parent.RemoveChild(parent, raw)
}

// htmlBlockToText shows an HTML block as a paragraph of the text the member
// typed, for the same reason as rawHTMLToText: a line such as "<hugs>" on
// its own starts an HTML block, and it would vanish together with the lines
// after it. Each line keeps its line break, as in any other paragraph.
func htmlBlockToText(block *ast.HTMLBlock, source []byte) {
	lines := block.Lines()
	segs := make([]text.Segment, 0, lines.Len()+1)
	for i := 0; i < lines.Len(); i++ {
		segs = append(segs, lines.At(i))
	}
	if block.HasClosure() {
		segs = append(segs, block.ClosureLine)
	}
	// In a tight list the other items' text is not wrapped in <p>; match them.
	var para ast.Node = ast.NewParagraph()
	if item, ok := block.Parent().(*ast.ListItem); ok {
		if list, ok := item.Parent().(*ast.List); ok && list.IsTight {
			para = ast.NewTextBlock()
		}
	}
	for i, seg := range segs {
		para.AppendChild(para, ast.NewRawTextSegment(seg.TrimRightSpace(source)))
		if i < len(segs)-1 {
			// goldmark renders no line break after raw text, so an empty
			// ordinary text node carries it.
			br := ast.NewTextSegment(text.NewSegment(seg.Stop, seg.Stop))
			br.SetSoftLineBreak(true)
			para.AppendChild(para, br)
		}
	}
	block.Parent().ReplaceChild(block.Parent(), block, para)
}

// allowedURL reports whether raw is an absolute http or https URL with a host,
// or a mailto URL with an address. It is at least as strict as the policy, so
// a link that survives here also survives sanitising.
func allowedURL(raw string) bool {
	if raw == "" || strings.ContainsAny(raw, " \t\r\n") {
		return false
	}
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "http", "https":
		return u.Host != ""
	case "mailto":
		return u.Opaque != ""
	}
	return false
}

// insideLink reports whether n has a link among its ancestors.
func insideLink(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if k := p.Kind(); k == ast.KindLink || k == ast.KindAutoLink {
			return true
		}
	}
	return false
}

// unwrap replaces n with its children.
func unwrap(n ast.Node) {
	parent := n.Parent()
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}
