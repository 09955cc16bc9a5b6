// Package web serves Hearth over HTTP with Echo: routes.go lists every route,
// each resource has its own file of handlers, views.go holds the typed view
// structs, render.go the template renderer and errors.go the single error
// handler.
//
// It may import echo, the Prometheus client, the standard library and
// hearth/pkg/{config,forum,auth,moderation,safety,markup,vcache}. It never imports
// gorm or hearth/pkg/store: the services it is given hide persistence.
// Templates never query the database or decide permissions; handlers hand them
// finished view structs.
package web
