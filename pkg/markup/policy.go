package markup

import (
	"regexp"
	"strconv"

	"github.com/microcosm-cc/bluemonday"
)

var (
	// Digits only, and no more than goldmark itself accepts in a list
	// number (nine), so the attribute can carry nothing but a number.
	olStart = regexp.MustCompile(`^[0-9]{1,9}$`)
	// Alignment is the one presentational attribute Markdown tables need.
	cellAlign = regexp.MustCompile(`^(left|center|right)$`)
	// Only the exact value Render emits, so rel cannot carry anything else.
	linkRel = regexp.MustCompile(`^nofollow ugc noopener$`)
)

// newPolicy builds Hearth's sanitising policy element by element. It allows
// exactly what the Markdown dialect produces after safeTransformer and
// nothing else: no images, no style or id or class attributes, no form or
// embedding elements, and links only to absolute http, https and mailto URLs.
// Anything outside it is removed; the text inside is kept, except inside
// elements such as script and style, whose content bluemonday drops whole.
// Headings are allowed from h(top) to h6, where the renderer puts them.
func newPolicy(top int) *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements(
		"p", "br", "hr",
		"strong", "em", "del", "code", "pre", "blockquote",
		"ul", "ol", "li",
		"table", "thead", "tbody", "tr", "th", "td",
	)
	for level := max(top, 1); level <= 6; level++ {
		p.AllowElements("h" + strconv.Itoa(level))
	}
	p.AllowAttrs("start").Matching(olStart).OnElements("ol")
	p.AllowAttrs("align").Matching(cellAlign).OnElements("th", "td")

	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("rel").Matching(linkRel).OnElements("a")
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowRelativeURLs(false)
	p.RequireParseableURLs(true)
	// For HTML that did not come from Render (Sanitize on stored or foreign
	// HTML), bluemonday can at least guarantee nofollow.
	p.RequireNoFollowOnLinks(true)
	return p
}
