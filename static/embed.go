// Package static embeds Hearth's stylesheets, scripts and images. Only cmd
// and tests import it.
package static

import "embed"

// FS holds every static file.
//
//go:embed css js img
var FS embed.FS
