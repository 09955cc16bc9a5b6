// Package markup turns the Markdown that members write into the sanitised
// HTML that Hearth stores and serves, and it is the only package in Hearth
// allowed to produce a template.HTML value. Everything else that needs to show
// member text either stores what this package returned or prints plain text
// and lets html/template escape it.
//
// The pipeline is goldmark (CommonMark plus GFM tables, strikethrough and
// autolinks, hard line breaks, raw HTML off) with a few AST rewrites, followed
// by a bluemonday policy written element by element. The rewrites make the
// Markdown safe and calm before it becomes HTML: headings start at h3 (at h2
// on a site page, SitePageHeadings), images become links, links to anything
// but http, https and mailto become their text, and raw HTML is shown as the
// text the member typed. The policy is the backstop that holds even if a
// rewrite is wrong.
//
// The renderer also defends itself against pathological input, inside the
// parser rather than by pre-scanning the source: a byte limit (ErrTooLong), a
// nesting limit for quotes and lists (ErrTooComplex), per-block budgets for
// delimiters and unclosed code spans, a per-document budget for bare URLs, and
// bounds on table cells and link reference definitions. Past a budget the
// remaining characters are shown literally, so no words are lost. Without
// these a post of 100 KB can keep a CPU busy for seconds or allocate
// gigabytes; with them every input measured renders in well under a second.
//
// Dependency rule: markup imports the standard library, goldmark and
// bluemonday (its tests also use golang.org/x/net/html). It imports nothing
// from Hearth, so every other package may depend on it. Every template.HTML
// in Hearth is made here: rendered Markdown (Render), stored renderings
// (Stored), search snippets (Highlight), html/template output (Execute) and
// translated sentences with inline markup (Message).
package markup
