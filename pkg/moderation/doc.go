// Package moderation keeps a peer-support community safe and accountable:
// members' reports, the one moderator queue, the actions moderators take on
// posts and threads (remove, restore, redact, lock, pin, move, trigger-warning
// tags), sanctions on members (private warnings, suspensions, bans), the
// notices that tell a member what happened and why, the audit log and the
// public moderation log, and the administration of groups, the report
// threshold and the trigger-warning vocabulary.
//
// Every change is one transaction that also writes its audit row; an item
// is acted on once (the second moderator gets an *AlreadyHandledError).
// Permission questions go to hearth/pkg/auth only.
//
// Dependency rule: moderation may import the standard library,
// hearth/pkg/forum, hearth/pkg/auth, hearth/pkg/markup and
// hearth/pkg/events. It never imports echo or gorm: hearth/pkg/store
// implements the Store interface declared here.
package moderation
