package markup

import (
	"strings"
	"testing"
)

// TestHeadingOutline checks where Markdown headings land: inside a post
// they start at h3, below the page's h1 and the h2s around posts; on a site
// page, whose h1 is its title, "##" is an h2 and nothing becomes a second h1.
func TestHeadingOutline(t *testing.T) {
	src := "# One\n\n## Two\n\n### Three\n\n###### Six"
	cases := []struct {
		name string
		r    *Renderer
		want []string
	}{
		{"post", New(), []string{"<h3>One</h3>", "<h4>Two</h4>", "<h5>Three</h5>", "<h6>Six</h6>"}},
		{"site page", New(SitePageHeadings()), []string{"<h2>One</h2>", "<h2>Two</h2>", "<h3>Three</h3>", "<h6>Six</h6>"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.r.Render(src)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range c.want {
				if !strings.Contains(string(got), w) {
					t.Errorf("Render(%q) = %s, want it to contain %s", src, got, w)
				}
			}
			if strings.Contains(string(got), "<h1") {
				t.Errorf("Render gave an h1, which belongs to the page: %s", got)
			}
		})
	}
	// The site page policy allows h2, but still not h1; the post policy
	// allows neither, so stored HTML from one cannot smuggle the other's.
	page := New(SitePageHeadings())
	if got := page.Sanitize("<h1>a</h1><h2>b</h2>"); got != "a<h2>b</h2>" {
		t.Errorf("site page Sanitize = %q, want %q", got, "a<h2>b</h2>")
	}
	if got := New().Sanitize("<h2>b</h2>"); got != "b" {
		t.Errorf("post Sanitize = %q, want %q", got, "b")
	}
}
