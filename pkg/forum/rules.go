package forum

import (
	"errors"
	"fmt"
)

// The posting rules decide whether a member may start a thread, reply or
// edit a post, whether a moderator may move a thread, and whether a new post
// waits for a moderator. Decide is their one home: handlers ask it whether
// to offer a composer and what to say instead, the services ask it again
// inside the write's transaction on the facts read there, and moderation
// asks it before moving a thread. Nothing here reads or writes: the caller
// brings the facts.

// Act is what the rules are asked about.
type Act int

// The acts the posting rules decide.
const (
	// ActStart is starting a thread in a group.
	ActStart Act = iota + 1
	// ActReply is replying in a thread.
	ActReply
	// ActEdit is the author editing their post.
	ActEdit
	// ActMove is a moderator moving a thread to another group.
	ActMove
)

// Facts are what the posting rules look at.
type Facts struct {
	Act    Act
	Writer Writer
	// Group is the group written in; for ActMove, the group the thread
	// moves to. For ActEdit it needs Archived, and RequireTag when the
	// post is its thread's opening post.
	Group Group
	// Thread is the thread replied in, edited in or moved (its GroupID is
	// where it is now); zero for ActStart.
	Thread Thread
	// ParentID is the post a reply names, 0 when it answers the thread.
	ParentID int64
	// Parent is the post a reply answers as read (the opening post when
	// ParentID is 0), nil when it does not exist or was not looked for: a
	// reply form under the whole thread names no post.
	Parent *Post
	// Post is the post being edited.
	Post Post
	// Drafted is true when a draft is being posted, false when the rules
	// only decide whether to offer a composer. Tags are the draft's valid
	// trigger-warning tags.
	Drafted bool
	Tags    Tags
	// Anonymous is set when the draft asks to be posted as "Anonymous
	// member".
	Anonymous bool
	// Blocked is set when the member a reply answers (Parent's author, or
	// the thread's when the reply names no post) has blocked the writer.
	Blocked bool
	// Prior is how many of the writer's posts in Group are visible, for
	// groups that hold a member's first posts: read only when NeedsPrior.
	Prior int
	// OffHoursHold is how many of a member's first posts in a group wait
	// for a moderator because none is around now (see OffHours); 0 when
	// someone is.
	OffHoursHold int
}

// Decision is the rules' answer.
type Decision struct {
	// Refusal says why the act may not go ahead; nil when it may.
	Refusal *Refusal
	// Status is what a new post (and a new thread) becomes: StatusHeld
	// when pre-moderation holds it for a moderator, else StatusVisible.
	// Empty when refused, and for edits and moves, which keep the status.
	Status string
}

// Allowed reports whether the act may go ahead.
func (d Decision) Allowed() bool { return d.Refusal == nil }

// Err is the decision as an error: nil when allowed, else the refusal's
// FormError.
func (d Decision) Err() error {
	if d.Refusal == nil {
		return nil
	}
	return d.Refusal.FormError()
}

// Decide applies the posting rules to f.
func Decide(f Facts) Decision {
	var r *Refusal
	switch f.Act {
	case ActStart:
		r = decideStart(f)
	case ActReply:
		r = decideReply(f)
	case ActEdit:
		r = decideEdit(f)
	case ActMove:
		r = decideMove(f)
	default:
		panic(fmt.Sprintf("forum: no posting rules for act %d", f.Act))
	}
	if r != nil {
		return Decision{Refusal: r}
	}
	if f.Act == ActStart || f.Act == ActReply {
		return Decision{Status: newStatus(f)}
	}
	return Decision{}
}

// NeedsPrior reports whether Decide needs f.Prior: a member (not a
// moderator) writing in a group that holds each member's first posts.
func NeedsPrior(f Facts) bool {
	return (f.Act == ActStart || f.Act == ActReply) && !f.Writer.Moderator &&
		(f.Group.Premod == PremodNew && f.Group.PremodFirstN > 0 || f.OffHoursHold > 0)
}

// Editable reports whether a post with status still takes edits from its
// author (and deletion): removed, redacted and deleted posts do not.
func Editable(status string) bool {
	return status == StatusVisible || status == StatusHeld
}

func decideStart(f Facts) *Refusal {
	switch {
	case f.Group.Archived:
		return refuse(f, RuleArchived)
	case f.Drafted && f.Group.RequireTag && f.Tags.Empty():
		return refuse(f, RuleTagRequired)
	case f.Drafted && f.Anonymous && !f.Group.AllowAnonymous:
		return refuse(f, RuleNoAnonymous)
	}
	return nil
}

func decideReply(f Facts) *Refusal {
	switch {
	case !threadOpenTo(f.Thread, f.Writer):
		return refuse(f, RuleGone)
	case !parentOK(f):
		return refuse(f, RuleParent)
	case f.Group.Archived:
		return refuse(f, RuleArchived)
	case f.Thread.Locked && !f.Writer.Moderator:
		return refuse(f, RuleLocked)
	case f.Drafted && f.Anonymous && !f.Group.AllowAnonymous:
		return refuse(f, RuleNoAnonymous)
	case f.Drafted && f.Blocked && !f.Writer.Staff:
		return refuse(f, RuleBlocked)
	}
	return nil
}

// decideEdit lets an author edit their post while it, its thread and its
// group still take changes. Moderators may edit their own posts in an
// archived group or a locked thread, as they may reply in a locked one.
// The opening post carries the thread's trigger warnings, so a group's
// required warning holds on its edits too.
func decideEdit(f Facts) *Refusal {
	switch {
	case f.Post.AuthorID == nil || *f.Post.AuthorID != f.Writer.ID:
		return refuse(f, RuleNotAuthor)
	case !Editable(f.Post.Status):
		return refuse(f, RuleClosed)
	case f.Group.Archived && !f.Writer.Moderator:
		return refuse(f, RuleArchived)
	case f.Thread.Locked && !f.Writer.Moderator:
		return refuse(f, RuleLocked)
	case f.Drafted && f.Group.RequireTag && f.Post.ParentID == nil && f.Tags.Empty():
		return refuse(f, RuleTagRequired)
	}
	return nil
}

func decideMove(f Facts) *Refusal {
	switch {
	case f.Group.ID == f.Thread.GroupID:
		return refuse(f, RuleSameGroup)
	case f.Group.Archived:
		return refuse(f, RuleArchived)
	}
	return nil
}

// threadOpenTo reports whether w may write in thread t at all: a held
// thread is there only for its author and moderators, a removed or deleted
// one only for moderators.
func threadOpenTo(t Thread, w Writer) bool {
	switch t.Status {
	case StatusVisible, StatusRedacted:
		return true
	case StatusHeld:
		return w.Moderator || writes(w, t.AuthorID)
	}
	return w.Moderator
}

// parentOK reports whether the post a reply answers may be answered: it
// exists, is in the thread, and is not waiting for a moderator (unless the
// writer wrote it or moderates the group).
func parentOK(f Facts) bool {
	p := f.Parent
	if p == nil {
		return f.ParentID == 0 && !f.Drafted
	}
	if p.ThreadID != f.Thread.ID {
		return false
	}
	return p.Status != StatusHeld || f.Writer.Moderator || writes(f.Writer, p.AuthorID)
}

// newStatus is pre-moderation: every post in a PremodAll group, and a
// member's first PremodFirstN posts in a PremodNew group (counting posts
// moderators let through), wait for a moderator; so do a member's first
// OffHoursHold posts in any group while no moderator is around.
// Moderators' posts never wait.
func newStatus(f Facts) string {
	if f.Writer.Moderator {
		return StatusVisible
	}
	if f.OffHoursHold > 0 && f.Prior < f.OffHoursHold {
		return StatusHeld
	}
	switch f.Group.Premod {
	case PremodAll:
		return StatusHeld
	case PremodNew:
		if f.Prior < f.Group.PremodFirstN {
			return StatusHeld
		}
	}
	return StatusVisible
}

func writes(w Writer, authorID *int64) bool {
	return w.ID != 0 && authorID != nil && *authorID == w.ID
}

// Rule names the posting rule behind a refusal.
type Rule int

// The posting rules.
const (
	// RuleGone: the thread is not there for the writer (removed, or held
	// for someone else's review).
	RuleGone Rule = iota + 1
	// RuleArchived: the group is archived and takes no new posts or
	// threads.
	RuleArchived
	// RuleLocked: moderators locked the thread; they may still write in it.
	RuleLocked
	// RuleParent: the post a reply answers is missing, in another thread,
	// or waiting for a moderator.
	RuleParent
	// RuleTagRequired: the group asks for a trigger-warning tag on every
	// thread.
	RuleTagRequired
	// RuleNotAuthor: only a post's author edits it.
	RuleNotAuthor
	// RuleClosed: the post was removed, redacted or deleted.
	RuleClosed
	// RuleSameGroup: the thread is already in the group it would move to.
	RuleSameGroup
	// RuleNoAnonymous: the group does not take anonymous posts.
	RuleNoAnonymous
	// RuleBlocked: the member a reply answers has blocked the writer.
	// Staff are never refused: moderators must be able to reach a member.
	RuleBlocked
)

// Refusal is a posting rule saying no. Message is the sentence the member
// sees; errors.Is matches it against ErrNotFound, ErrLocked or ErrForbidden
// for callers that only need the kind.
type Refusal struct {
	Rule Rule
	Act  Act
	// reason is the moderator's lock reason; group the name of the group a
	// thread would move to.
	reason, group string
}

func refuse(f Facts, rule Rule) *Refusal {
	return &Refusal{Rule: rule, Act: f.Act, reason: f.Thread.LockReason, group: f.Group.Name}
}

// Error is the refusal with its sentence, for logs.
func (r *Refusal) Error() string { return "posting refused: " + r.Message() }

// Unwrap is the sentinel error of the refusal's kind; nil for refusals
// that belong to a form field (see Decision.Err).
func (r *Refusal) Unwrap() error {
	switch r.Rule {
	case RuleGone:
		return ErrNotFound
	case RuleArchived, RuleLocked:
		return ErrLocked
	case RuleNotAuthor, RuleClosed, RuleBlocked:
		return ErrForbidden
	}
	return nil
}

// Field is the form field the refusal belongs to, "" when it is about the
// whole form.
func (r *Refusal) Field() string {
	switch r.Rule {
	case RuleParent:
		return "parent_id"
	case RuleTagRequired:
		return "trigger_warnings"
	case RuleSameGroup:
		return "group"
	case RuleNoAnonymous:
		return "anonymous"
	case RuleArchived:
		if r.Act == ActMove {
			return "group"
		}
	}
	return ""
}

// Message is the sentence shown for the refusal: each exists here only.
func (r *Refusal) Message() string {
	switch r.Rule {
	case RuleGone:
		return "This thread or group is no longer available."
	case RuleArchived:
		switch r.Act {
		case ActMove:
			return fmt.Sprintf("The group %s is archived and takes no new threads.", r.group)
		case ActEdit:
			return "This group is archived. You can read it, but its posts can't be edited any more; you can still delete yours."
		}
		return "This group is archived. You can read it, but it no longer takes new posts."
	case RuleLocked:
		return lockNotice(r.reason, r.Act == ActEdit)
	case RuleParent:
		return "The post you are replying to isn't part of this thread. Your reply has not been posted; your text is still here."
	case RuleTagRequired:
		return "This group asks for at least one trigger-warning tag on every thread. Please choose the one that fits best."
	case RuleNotAuthor:
		return "Only its author can edit this post."
	case RuleClosed:
		return "This post can no longer be edited: it was removed, redacted or deleted after you started."
	case RuleSameGroup:
		return fmt.Sprintf("The thread is already in %s.", r.group)
	case RuleNoAnonymous:
		return "This group doesn't take anonymous posts, so this can only be posted under your pseudonym. Untick “Post as Anonymous member” to post it that way."
	case RuleBlocked:
		return ReplyRefused
	}
	return "This can't be posted here."
}

// LockNotice is the banner of a locked thread, with the moderators'
// reason, or "" when t is not locked.
func LockNotice(t Thread) string {
	if !t.Locked {
		return ""
	}
	return lockNotice(t.LockReason, false)
}

// lockNotice says a thread is locked, with the moderators' reason if they
// gave one; edit adds what locking means for editing. Each variant is one
// whole sentence, so it translates whole.
func lockNotice(reason string, edit bool) string {
	switch {
	case reason == "" && edit:
		return "Moderators have locked this thread, so it no longer takes replies. Posts in it can't be edited, but you can still delete yours."
	case reason == "":
		return "Moderators have locked this thread, so it no longer takes replies."
	case edit:
		return fmt.Sprintf("Moderators have locked this thread, so it no longer takes replies. Posts in it can't be edited, but you can still delete yours. Reason: %s", reason)
	}
	return fmt.Sprintf("Moderators have locked this thread, so it no longer takes replies. Reason: %s", reason)
}

// FormError is the refusal as a form shows it: a *ValidationError when it
// belongs to one field (so it sits next to it with the other messages),
// else the refusal itself.
func (r *Refusal) FormError() error {
	if f := r.Field(); f != "" {
		v := &ValidationError{}
		v.Add(f, r.Message())
		return v
	}
	return r
}

// AsRefusal unwraps a *Refusal from err.
func AsRefusal(err error) (*Refusal, bool) {
	var r *Refusal
	ok := errors.As(err, &r)
	return r, ok
}

// Facts returns what the thread head tells the posting rules about act by
// w in h: the thread and its group's archived flag (a head does not carry
// pre-moderation, which only a write needs).
func (h ThreadHead) Facts(act Act, w Writer) Facts {
	return Facts{Act: act, Writer: w, Thread: h.Thread,
		Group: Group{ID: h.GroupID, Slug: h.GroupSlug, Name: h.GroupName, Archived: h.GroupArchived,
			AllowAnonymous: h.GroupAllowAnonymous}}
}
