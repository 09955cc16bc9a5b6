// Package templates embeds Hearth's HTML templates: layouts/, partials/ and
// pages/<area>/<page>.html. hearth/pkg/web parses them once at start from
// the fs.FS it is given; they never query the database or decide
// permissions.
//
// It imports only embed. Only hearth/pkg/app (which hands FS to the web
// layer, or the directory on disk with -dev) and tests import it.
package templates
