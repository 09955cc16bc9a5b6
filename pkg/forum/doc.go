// Package forum is Hearth's domain: groups, threads, posts, trigger-warning
// tags, reactions and notifications, the services that change them, the
// errors they return and the Store interfaces they need. The posting
// rules (who may start a thread, reply, edit or move one, and what
// pre-moderation holds) are decided in one place, Decide in rules.go, on
// facts its callers read.
//
// It may import only the standard library, hearth/pkg/markup and
// hearth/pkg/events (to publish new replies and posts entering the queue).
// It never imports echo or gorm: struct tags name columns, and
// hearth/pkg/store implements the interfaces declared here.
package forum
