package templates

import "embed"

// FS holds every template file.
//
//go:embed layouts partials pages
var FS embed.FS
