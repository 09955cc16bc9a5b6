// Package static embeds Hearth's stylesheets, scripts and images: css/,
// js/ (small, hand-written, optional) and img/. hearth/pkg/web serves them
// under content-hashed URLs from the fs.FS it is given.
//
// It imports only embed. Only hearth/pkg/app (which hands FS to the web
// layer, or the directory on disk with -dev) and tests import it.
package static
