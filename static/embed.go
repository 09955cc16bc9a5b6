package static

import "embed"

// FS holds every static file.
//
//go:embed css js img
var FS embed.FS
