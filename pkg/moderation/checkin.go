package moderation

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// A check-in is a private conversation between a member and the staff of
// one group, opened by a moderator from a wellbeing concern, a post or the
// member's page. Only the member and that group's staff (its moderators,
// admins and safeguarding leads) may read it; to anyone else it does not
// exist. Every message writes an audit row (who and when, never the
// words). The member is told gently, never as a sanction, and may close
// it: no other check-in reaches them for CheckInQuiet afterwards unless
// they reopen it.

// CheckInQuiet is how long after a member closes a check-in no other may
// be sent to them.
const CheckInQuiet = 24 * time.Hour

// MaxMessageLen bounds a check-in message, in characters.
const MaxMessageLen = 5000

// CheckInNotice is what the member is told when a check-in arrives.
const CheckInNotice = "A moderator wanted to check in with you."

// checkInReplyNotice is what the member is told when staff write again.
const checkInReplyNotice = "A moderator replied in your check-in."

// CheckInFrom names where a moderator opens a check-in from: a queue item,
// a post, or a member's page (with the group chosen, once they choose).
type CheckInFrom struct {
	ItemID   int64
	PostID   int64
	MemberID int64
	GroupID  int64
}

// CheckInDraft is what the form to open a check-in needs.
type CheckInDraft struct {
	From    CheckInFrom
	Subject Subject
	// Group is the group whose staff open the check-in; zero until the
	// moderator chooses one (from a member's page).
	Group forum.Group
	// Groups are the groups the moderator may open a check-in from.
	Groups []forum.Group
	// OpenID is an open check-in with the member in Group, if any.
	OpenID int64
	// QuietUntil is set while the member's closing of a check-in keeps
	// others away.
	QuietUntil *time.Time
}

// CheckInInput is a moderator's first message.
type CheckInInput struct {
	From CheckInFrom
	Body string
}

// OpenCheckInError says the member already has an open check-in with this
// group's staff: write there instead of opening another.
type OpenCheckInError struct{ ID int64 }

func (e *OpenCheckInError) Error() string {
	return fmt.Sprintf("moderation: check-in %d is already open", e.ID)
}

// DraftCheckIn prepares the form to open a check-in, checking that a may.
func (s *Service) DraftCheckIn(ctx context.Context, a *auth.Actor, from CheckInFrom) (CheckInDraft, error) {
	if !auth.IsStaff(a) {
		return CheckInDraft{}, forbidden("not staff")
	}
	d := CheckInDraft{From: from}
	memberID, groupID, err := s.checkInSource(ctx, &d.From)
	if err != nil {
		return d, err
	}
	if d.Subject, err = s.store.Subject(ctx, memberID); err != nil {
		return d, fmt.Errorf("member %d: %w", memberID, err)
	}
	if d.Subject.ID == a.ID {
		return d, fmt.Errorf("check-in with oneself: %w", forum.ErrNotFound)
	}
	gs, err := s.store.Groups(ctx)
	if err != nil {
		return d, fmt.Errorf("groups: %w", err)
	}
	for _, g := range gs {
		if auth.CanCheckIn(a, g.ID) {
			d.Groups = append(d.Groups, g)
		}
		if g.ID == groupID {
			d.Group = g
		}
	}
	if groupID != 0 && !auth.CanCheckIn(a, groupID) {
		return d, forbidden("check-in outside the moderator's groups")
	}
	if groupID != 0 && d.Group.ID == 0 {
		return d, fmt.Errorf("group %d: %w", groupID, forum.ErrNotFound)
	}
	if len(d.Groups) == 0 {
		return d, forbidden("no group to check in from")
	}
	return d, s.checkInState(ctx, &d)
}

// checkInSource finds the member and group a check-in is about from where
// it is opened, filling in the post of an item.
func (s *Service) checkInSource(ctx context.Context, from *CheckInFrom) (memberID, groupID int64, err error) {
	if from.ItemID != 0 {
		it, err := s.store.Item(ctx, from.ItemID)
		if err != nil {
			return 0, 0, fmt.Errorf("queue item %d: %w", from.ItemID, err)
		}
		from.PostID = it.PostID
	}
	if from.PostID != 0 {
		p, err := s.store.PostRef(ctx, from.PostID)
		if err != nil {
			return 0, 0, fmt.Errorf("post %d: %w", from.PostID, err)
		}
		if p.AuthorID == nil {
			return 0, 0, fmt.Errorf("post %d has no author: %w", p.ID, forum.ErrNotFound)
		}
		if p.Anonymous {
			// Who wrote it is learnt only through RevealAuthor, which is
			// audited; the revealed page then offers a check-in with the
			// member.
			return 0, 0, fmt.Errorf("post %d is anonymous: %w", p.ID, forum.ErrNotFound)
		}
		from.MemberID, from.GroupID = *p.AuthorID, p.GroupID
	}
	if from.MemberID == 0 {
		return 0, 0, fmt.Errorf("check-in with nobody: %w", forum.ErrNotFound)
	}
	return from.MemberID, from.GroupID, nil
}

// checkInState finds an open check-in with the member in the draft's group
// and whether the member's closing of one keeps others away.
func (s *Service) checkInState(ctx context.Context, d *CheckInDraft) error {
	rows, err := s.store.CheckIns(ctx, CheckInQuery{SubjectID: d.Subject.ID, Limit: 100})
	if err != nil {
		return fmt.Errorf("check-ins of %d: %w", d.Subject.ID, err)
	}
	since := s.now().Add(-CheckInQuiet)
	for _, r := range rows {
		switch {
		case r.IsOpen() && d.Group.ID != 0 && r.GroupID != nil && *r.GroupID == d.Group.ID:
			d.OpenID = r.ID
		case !r.IsOpen() && r.ClosedByMember && r.ClosedAt != nil && r.ClosedAt.After(since):
			if until := r.ClosedAt.Add(CheckInQuiet); d.QuietUntil == nil || until.After(*d.QuietUntil) {
				d.QuietUntil = &until
			}
		}
	}
	return nil
}

// quietMessage explains the 24-hour rule to the moderator.
func quietMessage(name string, until time.Time) string {
	return name + " closed a check-in less than a day ago. No other check-in can be sent to them until " +
		until.UTC().Format("2 January 2006 at 15:04 UTC") + ", unless they reopen it."
}

// checkMessage validates a message's words.
func checkMessage(body string) (string, error) {
	body = strings.TrimSpace(body)
	v := &forum.ValidationError{}
	switch {
	case body == "" || !utf8.ValidString(body):
		v.Add("body", "Please write a message.")
	case utf8.RuneCountInString(body) > MaxMessageLen:
		v.Add("body", "Please keep the message under 5,000 characters.")
	}
	return body, v.OrNil()
}

// render turns a message's Markdown into stored HTML.
func (s *Service) render(body string) (string, error) {
	h, err := s.md.Render(body)
	if err != nil {
		v := &forum.ValidationError{}
		v.Add("body", "This message can't be displayed: please simplify deeply nested lists or quotes.")
		return "", v
	}
	return string(h), nil
}

// SendCheckIn opens a check-in with its first message, tells the member
// gently, and records it, in one transaction. It returns the check-in's
// id. A member who closed a check-in within CheckInQuiet, or an open
// check-in with the same group's staff (*OpenCheckInError), refuses it.
func (s *Service) SendCheckIn(ctx context.Context, a *auth.Actor, in CheckInInput) (int64, error) {
	d, err := s.DraftCheckIn(ctx, a, in.From)
	if err != nil {
		return 0, err
	}
	v := &forum.ValidationError{}
	if d.Group.ID == 0 {
		v.Add("group", "Please choose which group's moderators are checking in.")
	}
	body, err := checkMessage(in.Body)
	if err != nil {
		return 0, err
	}
	if err := v.OrNil(); err != nil {
		return 0, err
	}
	html, err := s.render(body)
	if err != nil {
		return 0, err
	}
	now := s.now()
	c := &forum.PrivateConversation{Kind: forum.ConversationCheckIn, GroupID: &d.Group.ID, SubjectID: d.Subject.ID,
		Status: forum.ConversationOpen, CreatedBy: &a.ID, LastMessageAt: now, CreatedAt: now, UpdatedAt: now}
	if d.From.ItemID != 0 {
		c.ItemID = &d.From.ItemID
	}
	if d.From.PostID != 0 {
		c.PostID = &d.From.PostID
	}
	err = s.store.Atomic(ctx, func(tx Tx) error {
		if id, err := tx.OpenConversationWith(c.Kind, c.SubjectID, d.Group.ID); err != nil || id != 0 {
			if err == nil {
				err = &OpenCheckInError{ID: id}
			}
			return err
		}
		closed, err := tx.MemberClosedSince(c.Kind, c.SubjectID, now.Add(-CheckInQuiet))
		if err != nil {
			return err
		}
		if closed != nil {
			v.Add("body", quietMessage(d.Subject.Username, closed.Add(CheckInQuiet)))
			return v
		}
		return s.openCheckIn(tx, a, c, body, html, d)
	})
	return c.ID, err
}

// openCheckIn writes a new check-in's rows inside tx.
func (s *Service) openCheckIn(tx Tx, a *auth.Actor, c *forum.PrivateConversation, body, html string, d CheckInDraft) error {
	if err := tx.AddConversation(c); err != nil {
		return err
	}
	for _, p := range []forum.ConversationParticipant{
		{ConversationID: c.ID, UserID: c.SubjectID, Role: forum.ParticipantMember, CreatedAt: c.CreatedAt},
		{ConversationID: c.ID, UserID: a.ID, Role: forum.ParticipantStaff, CreatedAt: c.CreatedAt},
	} {
		if err := tx.AddParticipant(&p); err != nil {
			return err
		}
	}
	m := &forum.ConversationMessage{ConversationID: c.ID, AuthorID: &a.ID, FromStaff: true, BodyMD: body, BodyHTML: html, CreatedAt: c.CreatedAt}
	if err := tx.AddMessage(m); err != nil {
		return err
	}
	e := checkInAudit(a.ID, ActionCheckInOpen, *c, c.CreatedAt)
	switch {
	case d.From.ItemID != 0:
		e.Detail = "from queue item " + strconv.FormatInt(d.From.ItemID, 10)
	case d.From.PostID != 0:
		e.Detail = "from post " + strconv.FormatInt(d.From.PostID, 10)
	default:
		e.Detail = "from the member's page"
	}
	if err := tx.Audit(e); err != nil {
		return err
	}
	return tx.Notify(checkInNotice(*c, CheckInNotice, c.CreatedAt))
}

// checkInAudit is the audit row of something done in a check-in: who,
// when, which check-in, its group and member; never the words.
func checkInAudit(actorID int64, action string, c forum.PrivateConversation, at time.Time) *AuditEntry {
	target, subject := c.ID, c.SubjectID
	return &AuditEntry{ActorID: &actorID, Action: action, TargetType: "checkin", TargetID: &target, GroupID: c.GroupID,
		SubjectID: &subject, CreatedAt: at}
}

// checkInNotice is the gentle notice a member gets about a check-in.
func checkInNotice(c forum.PrivateConversation, message string, at time.Time) *Notice {
	id := c.ID
	return &Notice{UserID: c.SubjectID, Kind: NoticeAction, Message: message, Link: CheckInPath(c.ID), ConversationID: &id, CreatedAt: at}
}

// CheckInPath is where a check-in is read.
func CheckInPath(id int64) string { return "/checkins/" + strconv.FormatInt(id, 10) }

// CheckInDetail is one check-in as its reader sees it.
type CheckInDetail struct {
	CheckIn CheckInRow
	// Messages are a page of the conversation, oldest first: the newest
	// MessagesPerPage, or those before a message. Earlier is true when
	// older messages come before them.
	Messages []MessageRow
	Earlier  bool
	// IsMember is true for the member the check-in is with; staff of the
	// group see it otherwise.
	IsMember bool
	// Escalation is the check-in's open escalation, for staff.
	Escalation *Escalation
}

// errNoCheckIn hides a check-in from whoever may not read it: it does not
// exist for them.
func errNoCheckIn(id int64) error {
	return fmt.Errorf("check-in %d: %w", id, forum.ErrNotFound)
}

// readCheckIn returns a check-in that a may read, and whether a is its
// member. Anyone else is told there is no such check-in.
func (s *Service) readCheckIn(ctx context.Context, a *auth.Actor, id int64) (CheckInRow, bool, error) {
	if a == nil {
		return CheckInRow{}, false, errNoCheckIn(id)
	}
	r, err := s.store.CheckIn(ctx, id)
	if errors.Is(err, forum.ErrNotFound) || (err == nil && r.Kind != forum.ConversationCheckIn) {
		return CheckInRow{}, false, errNoCheckIn(id)
	}
	if err != nil {
		return CheckInRow{}, false, fmt.Errorf("check-in %d: %w", id, err)
	}
	if r.SubjectID == a.ID {
		return r, true, nil
	}
	if r.GroupID == nil || !auth.CanCheckIn(a, *r.GroupID) {
		return CheckInRow{}, false, errNoCheckIn(id)
	}
	return r, false, nil
}

// MessagesPerPage is how many messages of a check-in a page shows.
const MessagesPerPage = 30

// CheckIn returns a check-in for its member or the staff of its group,
// with its newest messages, or those before the message before (0 for the
// newest).
func (s *Service) CheckIn(ctx context.Context, a *auth.Actor, id, before int64) (CheckInDetail, error) {
	r, member, err := s.readCheckIn(ctx, a, id)
	if err != nil {
		return CheckInDetail{}, err
	}
	d := CheckInDetail{CheckIn: r, IsMember: member}
	ms, err := s.store.Messages(ctx, id, before, MessagesPerPage)
	if err != nil {
		return d, fmt.Errorf("messages of check-in %d: %w", id, err)
	}
	if len(ms) > MessagesPerPage {
		ms, d.Earlier = ms[:MessagesPerPage], true
	}
	slices.Reverse(ms)
	d.Messages = ms
	if !member {
		es, err := s.store.OpenEscalations(ctx, EscalateCheckIn, []int64{id})
		if err != nil {
			return d, fmt.Errorf("escalation of check-in %d: %w", id, err)
		}
		if len(es) > 0 {
			d.Escalation = &es[0]
		}
	}
	return d, nil
}
