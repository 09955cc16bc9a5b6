package web

// ModControls is what a post's moderation partial needs. The thread page
// sets it on each post only when the viewer may moderate the group (the
// permission is decided in the handler, never in the template); nil hides
// the controls. The partials "post-mod-actions" and "thread-mod-actions"
// (templates/partials/mod-actions.html) render it.
type ModControls struct {
	PostID   int64
	ThreadID int64
	GroupID  int64
	// Status is the post's status (visible, held, removed, redacted).
	Status string
	// Locked and Pinned describe the thread, for the thread-level controls.
	Locked, Pinned bool
	// IsOpening is true for the thread's first post.
	IsOpening bool
	// Folded is true while other readers see the post folded until a
	// moderator has looked: the controls offer to mark it looked at.
	Folded bool
	// Anonymous is true for a post written as "Anonymous member": the
	// controls offer to reveal its author, which is audited.
	Anonymous bool
}
