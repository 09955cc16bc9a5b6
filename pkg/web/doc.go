// Package web serves Hearth over HTTP with Echo: routes.go lists every route,
// each handler has its own file (a form's GET and POST share one), views*.go
// hold the typed view structs, pages.go the page names, render.go the
// template renderer and errors.go the single error handler. The Atom feeds (feed*.go) and the read API (api*.go) show what a
// signed-out visitor sees, by the rules of visitor.go.
//
// It may import echo, the Prometheus client, golang.org/x/time/rate and
// golang-lru (the feeds' and API's rate limit), the standard library and
// hearth/pkg/{config,forum,auth,moderation,safety,markup,cache,events,webhook}. It never imports
// gorm or hearth/pkg/store: the services it is given hide persistence.
// Templates never query the database or decide permissions; handlers hand them
// finished view structs.
package web
