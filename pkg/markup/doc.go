// Package markup turns the Markdown that members write into the sanitised
// HTML that Hearth stores and serves, and it is the only package in Hearth
// allowed to produce a template.HTML value. Everything else that needs to show
// member text either stores what this package returned or prints plain text
// and lets html/template escape it.
//
// The pipeline is goldmark (CommonMark plus GFM tables, strikethrough and
// autolinks, raw HTML off) with a few AST rewrites, followed by a bluemonday
// policy written element by element. The rewrites make the Markdown safe and
// calm before it becomes HTML (headings start at h3, images become links,
// links to anything but http, https and mailto become text); the policy is
// the backstop that holds even if a rewrite is wrong.
//
// The renderer also defends itself against pathological input: a byte limit
// (ErrTooLong), a nesting limit for quotes and lists (ErrTooComplex), a
// per-block budget for emphasis and link delimiters, and a bound on the cells
// a table may claim. Without them a post of a few kilobytes can keep a CPU busy
// for seconds or allocate gigabytes.
//
// Dependency rule: markup imports the standard library, goldmark and
// bluemonday (tests also use golang.org/x/net/html). It imports nothing from
// Hearth, so every other package may depend on it.
package markup
