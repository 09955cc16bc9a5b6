package markup

import (
	"strings"
	"testing"
)

// xssCases are Markdown sources that try to get script, styling, remote
// resources or dangerous links into a page. They double as fuzz seeds.
var xssCases = []string{
	// Script and event handlers as raw HTML.
	`<script>alert(1)</script>`,
	`<SCRIPT SRC=//evil.example/x.js></SCRIPT>`,
	"<script>\nalert(1)\n</script>",
	`<img src=x onerror=alert(1)>`,
	`<a href="#" onclick="alert(1)">x</a>`,
	`<div onmouseover="alert(1)">hover</div>`,
	`<p/onclick=alert(1)>x</p>`,
	`<body onload=alert(1)>`,
	`<details open ontoggle=alert(1)>`,
	`<a href="javascript:alert(1)">x</a>`,
	`<a href="&#x6A;avascript:alert(1)">x</a>`,
	`<!--><script>alert(1)</script>-->`,
	`<![CDATA[<script>alert(1)</script>]]>`,
	`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
	`<textarea><script>alert(1)</script></textarea>`,
	`<title><script>alert(1)</script></title>`,

	// javascript:, data: and vbscript: links in every spelling.
	`[x](javascript:alert(1))`,
	`[x](JaVaScRiPt:alert(1))`,
	`[x](&#106;avascript:alert(1))`,
	`[x](&#x6A;avascript:alert(1))`,
	`[x](&#0000106;avascript:alert(1))`,
	`[x](&#X6a;&#X61;vascript:alert(1))`,
	`[x](javas&#99;ript:alert(1))`,
	`[x](javascript&colon;alert(1))`,
	`[x](javascript&#58;alert(1))`,
	`[x](java&#09;script:alert(1))`,
	`[x](java&#10;script:alert(1))`,
	"[x](<java\tscript:alert(1)>)",
	"[x](<java\nscript:alert(1)>)",
	`[x](java%0ascript:alert(1))`,
	`[x](%6Aavascript:alert(1))`,
	`[x](javascript%3Aalert(1))`,
	`[x](   javascript:alert(1))`,
	"[x](\njavascript:alert(1))",
	`[x](javascript\:alert(1))`,
	"[x](java\x00script:alert(1))",
	"[x](\x01javascript:alert(1))",
	`[x](ｊavascript:alert(1))`,
	`[x](javascript://example.org/%0aalert(1))`,
	`[x](https:javascript:alert(1))`,
	`[x](//evil.example/x)`,
	`<javascript:alert(1)>`,
	`<JAVASCRIPT:alert(1)>`,
	`<javascript:alert(document.cookie)>`,
	"[x][ref]\n\n[ref]: javascript:alert(1)",
	"[ref]\n\n[ref]: <javascript:alert(1)> \"t\"",
	`[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
	`<data:text/html,<script>alert(1)</script>>`,
	`[x](DATA:text/html,<script>alert(1)</script>)`,
	`[x](vbscript:msgbox(1))`,
	`[x](VBScript:msgbox(1))`,
	`<vbscript:msgbox(1)>`,
	`[x](file:///etc/passwd)`,

	// Images, alt text and titles.
	`![x](javascript:alert(1))`,
	`![x](data:image/svg+xml,<svg onload=alert(1)>)`,
	`![x" onerror="alert(1)](https://example.org/a.png)`,
	`![<img src=x onerror=alert(1)>](https://example.org/a.png)`,
	`![x](https://example.org/a.png" onerror="alert(1))`,
	`![x](https://example.org/a.png "t\" onerror=\"alert(1)")`,
	`[![x](javascript:alert(1))](https://example.org)`,
	`[x](https://example.org "title\" onclick=\"alert(1)")`,
	`[x](https://example.org 'a" onmouseover="alert(1)')`,
	`[x](https://example.org (a" onfocus="alert(1)))`,
	`[x](https://example.org/"onmouseover="alert(1))`,
	`[<script>alert(1)</script>](https://example.org)`,
	`<http://example.org/" onclick="alert(1)>`,
	`www.example.com/"onclick=alert(1)`,
	`https://example.org/<script>alert(1)</script>`,
	`<a"onmouseover=alert(1)@example.org>`,

	// Foreign content, styles and page-altering elements.
	`<svg onload=alert(1)>`,
	`<svg><script>alert(1)</script></svg>`,
	`<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
	`<math href="javascript:alert(1)">x</math>`,
	`<svg><p><style><img src=x onerror=alert(1)>`,
	`<style>body{display:none}</style>`,
	`<p style="background:url(javascript:alert(1))">x</p>`,
	`<span style="position:fixed;top:0">x</span>`,
	`<link rel=stylesheet href=https://evil.example/x.css>`,
	`<base href="https://evil.example/">`,
	`<form action="https://evil.example"><input name=x><button>go</button></form>`,
	`<iframe src="https://evil.example"></iframe>`,
	`<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
	`<object data="x.swf"></object>`,
	`<embed src="x.swf">`,
	`<meta http-equiv="refresh" content="0;url=https://evil.example">`,
	`<video><source onerror=alert(1)></video>`,
	`<p id="p-1" class="admin">spoofed anchor</p>`,

	// Markup inside code must stay text.
	"`<script>alert(1)</script>`",
	"```\n<script>alert(1)</script>\n```",
	"```\"><script>alert(1)</script>\ncode\n```",
	"    <iframe src=x></iframe>",
	// Escaped markup stays escaped.
	`&lt;script&gt;alert(1)&lt;/script&gt;`,
	`\<script>alert(1)\</script>`,
	// Table cells cannot smuggle attributes.
	"| a | b |\n|:-:|--:|\n| <td style=x> | <th onclick=x> |",
	"- <li onclick=alert(1)>x\n- [ ] <input type=checkbox>",
}

// TestXSS renders every case and checks the parsed result against the
// policy, element by element and attribute by attribute.
func TestXSS(t *testing.T) {
	for _, src := range xssCases {
		out, err := testRenderer.Render(src)
		if err != nil {
			t.Errorf("Render(%q): %v", src, err)
			continue
		}
		assertSafe(t, src, string(out))
	}
}

// TestDangerousLinksBecomeText pins the product decision behind the XSS
// guarantee: a refused link keeps its words, it just stops being a link.
func TestDangerousLinksBecomeText(t *testing.T) {
	for _, src := range []string{
		`[call me](javascript:alert(1))`,
		`[call me](&#x6A;avascript:alert(1))`,
		`[call me](vbscript:msgbox(1))`,
		`[call me](/relative/path)`,
		"[call me][r]\n\n[r]: data:text/html,x",
	} {
		out := mustRender(t, src)
		if strings.Contains(out, "<a") || !strings.Contains(out, "call me") {
			t.Errorf("Render(%q) = %q, want the words without a link", src, out)
		}
	}
	if out := mustRender(t, `<javascript:alert(1)>`); out != "<p>javascript:alert(1)</p>\n" {
		t.Errorf("autolink with a forbidden scheme = %q", out)
	}
}

// TestCheckerCatches proves the XSS assertions can fail: each input breaks
// the policy and unsafeHTML must say so.
func TestCheckerCatches(t *testing.T) {
	for _, bad := range []string{
		`<script>alert(1)</script>`,
		`<p onclick="alert(1)">x</p>`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href="&#106;avascript:alert(1)">x</a>`,
		`<a href="data:text/html,x">x</a>`,
		`<a href="/relative">x</a>`,
		`<a href="https://x" rel="opener">x</a>`,
		`<a href="https://x">x</a>`,
		`<a rel="nofollow ugc noopener">x</a>`,
		`<svg></svg>`,
		`<math></math>`,
		`<p style="color:red">x</p>`,
		`<p id="x">x</p>`,
		`<code class="language-go">x</code>`,
		`<img src="https://x/a.png">`,
		`<h1>x</h1>`,
		`<iframe></iframe>`,
		`<table><tr><td align="justify">x</td></tr></table>`,
		`<ol start="1;x"><li>x</li></ol>`,
	} {
		if unsafeHTML(bad) == "" {
			t.Errorf("unsafeHTML(%q) found nothing", bad)
		}
	}
	if problem := unsafeHTML(`<p><a href="https://example.org/" rel="nofollow ugc noopener">x</a></p>`); problem != "" {
		t.Errorf("a safe link was reported: %s", problem)
	}
}

// TestPolicy feeds HTML straight to Sanitize, bypassing the Markdown layer,
// to check the policy on its own.
func TestPolicy(t *testing.T) {
	cases := []struct{ in, want string }{
		{`<a href="javascript:alert(1)">x</a>`, `x`},
		{`<a href="/relative">x</a>`, `x`},
		{`<a href="https://example.org/" rel="opener" target="_blank" title="t">x</a>`, `<a href="https://example.org/" rel="nofollow">x</a>`},
		{`<a href="https://example.org/" rel="nofollow ugc noopener">x</a>`, `<a href="https://example.org/" rel="nofollow ugc noopener">x</a>`},
		{`<a href="mailto:a@example.org">x</a>`, `<a href="mailto:a@example.org" rel="nofollow">x</a>`},
		{`<ol start="3">`, `<ol start="3">`},
		{`<ol start="3 onclick=x">`, `<ol>`},
		{`<ol start="-1">`, `<ol>`},
		{`<td align="center">`, `<td align="center">`},
		{`<td align="center;x">`, `<td>`},
		{`<th align="left" style="color:red" id="a" class="b">`, `<th align="left">`},
		{`<code class="language-go">x</code>`, `<code>x</code>`},
		{`<h1>a</h1><h2>b</h2><h3>c</h3>`, `ab<h3>c</h3>`},
		{`<img src="https://example.org/a.png" alt="cat">`, ``},
		{`<p>ok <mark>no</mark></p>`, `<p>ok no</p>`},
		{`<script>alert(1)</script>after`, `after`},
		{`<style>p{}</style>after`, `after`},
	}
	for _, tc := range cases {
		got := testRenderer.Sanitize(tc.in)
		if got != tc.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
