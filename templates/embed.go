// Package templates embeds Hearth's HTML templates: layouts/, partials/ and
// pages/<area>/<page>.html. Only cmd and tests import it.
package templates

import "embed"

// FS holds every template file.
//
//go:embed layouts partials pages
var FS embed.FS
