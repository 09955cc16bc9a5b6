// Package forum is Hearth's domain: groups, threads, posts, trigger-warning
// tags, reactions and notifications, the services that change them, the
// errors they return and the Store interfaces they need.
//
// It may import only the standard library and hearth/pkg/markup. It never
// imports echo or gorm: struct tags name columns, and hearth/pkg/store
// implements the interfaces declared here.
package forum
