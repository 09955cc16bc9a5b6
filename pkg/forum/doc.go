// Package forum is Hearth's domain: groups, threads, posts, trigger-warning
// tags, reactions and notifications, the services that change them, the
// errors they return and the Store interfaces they need.
//
// It may import only the standard library, hearth/pkg/markup and
// hearth/pkg/vcache (an in-memory cache with no imports of its own). It never
// imports echo or gorm: struct tags name columns, and hearth/pkg/store
// implements the interfaces declared here.
package forum
