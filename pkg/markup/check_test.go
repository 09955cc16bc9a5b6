package markup

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// testRenderer is shared by the tests, as the application shares one.
var testRenderer = New()

// allowedAttrs is the whole policy restated independently of policy.go:
// element -> attributes it may carry. Anything else in rendered output is a
// failure, whether or not it is known to be dangerous.
var allowedAttrs = map[string]map[string]bool{
	"p": {}, "br": {}, "hr": {},
	"strong": {}, "em": {}, "del": {}, "code": {}, "pre": {}, "blockquote": {},
	"ul": {}, "ol": {"start": true}, "li": {},
	"h3": {}, "h4": {}, "h5": {}, "h6": {},
	"table": {}, "thead": {}, "tbody": {}, "tr": {},
	"th": {"align": true}, "td": {"align": true},
	"a": {"href": true, "rel": true},
}

// forbidden are elements named in the threat model; they are also outside
// allowedAttrs, but naming them gives clearer failure messages.
var forbidden = map[string]bool{
	"script": true, "style": true, "iframe": true, "object": true, "embed": true,
	"img": true, "form": true, "input": true, "svg": true, "math": true,
	"base": true, "meta": true, "link": true, "frame": true, "frameset": true,
	"textarea": true, "button": true, "video": true, "audio": true, "source": true,
}

// unsafeHTML parses out as a browser would and returns a description of the
// first thing in it that Hearth's policy does not allow, or "" if none.
func unsafeHTML(out string) string {
	body := &html.Node{Type: html.ElementNode, DataAtom: atom.Body, Data: "body"}
	nodes, err := html.ParseFragment(strings.NewReader(out), body)
	if err != nil {
		return "unparseable: " + err.Error()
	}
	for _, n := range nodes {
		if problem := unsafeNode(n); problem != "" {
			return problem
		}
	}
	return ""
}

func unsafeNode(n *html.Node) string {
	if n.Type == html.ElementNode {
		if n.Namespace != "" {
			return fmt.Sprintf("foreign element <%s:%s>", n.Namespace, n.Data)
		}
		if forbidden[n.Data] {
			return fmt.Sprintf("forbidden element <%s>", n.Data)
		}
		attrs, ok := allowedAttrs[n.Data]
		if !ok {
			return fmt.Sprintf("element <%s> not in the policy", n.Data)
		}
		if n.Data == "a" && (attr(n, "href") == "" || attr(n, "rel") == "") {
			return fmt.Sprintf("link without href or rel: %v", n.Attr)
		}
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			switch {
			case strings.HasPrefix(key, "on"):
				return fmt.Sprintf("event handler %s=%q on <%s>", a.Key, a.Val, n.Data)
			case key == "style" || key == "id" || key == "class":
				return fmt.Sprintf("attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
			case a.Namespace != "" || !attrs[key]:
				return fmt.Sprintf("attribute %s=%q not allowed on <%s>", a.Key, a.Val, n.Data)
			case key == "href" && !safeHref(a.Val):
				return fmt.Sprintf("href %q", a.Val)
			case key == "rel" && a.Val != "nofollow ugc noopener":
				return fmt.Sprintf("rel %q", a.Val)
			case key == "align" && a.Val != "left" && a.Val != "center" && a.Val != "right":
				return fmt.Sprintf("align %q", a.Val)
			case key == "start" && strings.Trim(a.Val, "0123456789") != "":
				return fmt.Sprintf("start %q", a.Val)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if problem := unsafeNode(c); problem != "" {
			return problem
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// safeHref checks a parsed href the way a browser would see it: the value has
// already had entities decoded by the HTML parser.
func safeHref(v string) bool {
	u, err := url.Parse(v)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "http", "https", "mailto":
		return true
	}
	return false
}

// assertSafe fails t if out breaks the policy or changes when sanitised again.
func assertSafe(t testing.TB, src, out string) {
	t.Helper()
	if problem := unsafeHTML(out); problem != "" {
		t.Fatalf("Render(%q) produced %s:\n%s", src, problem, out)
	}
	if again := testRenderer.Sanitize(out); again != out {
		t.Fatalf("Render(%q) is not a fixed point of the policy:\nfirst:  %q\nsecond: %q", src, out, again)
	}
}
