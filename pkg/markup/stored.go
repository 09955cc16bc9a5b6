package markup

import "html/template"

// Stored marks HTML that this package rendered and sanitised earlier, and
// that was kept in the database since, as safe for templates. It is the only
// way stored HTML reaches a page, so a grep for template.HTML finds every
// producer in this package.
func Stored(sanitised string) template.HTML {
	return template.HTML(sanitised) // #nosec G203 -- the input is this package's own sanitised output, read back from the database
}
