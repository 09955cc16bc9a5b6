package moderation

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// SupportRole is how a reader comes to a support request's page.
type SupportRole string

// Readers of a support request: its member, the peer supporter who
// accepted it, a peer supporter or moderator of its group while it waits,
// and a moderator of its group once a message was reported or read as a
// crisis.
const (
	RoleRequester SupportRole = "requester"
	RoleSupporter SupportRole = "supporter"
	RoleWaiting   SupportRole = "waiting"
	RoleModerator SupportRole = "moderator"
)

// SupportView is what a reader may see of a request.
type SupportView struct {
	Row  SupportRow
	Role SupportRole
	// Messages are the conversation's, for its two members and, after a
	// report, the group's moderators; empty otherwise.
	Messages []MessageRow
	// OpenReports is true while a report or crisis waits for a moderator.
	OpenReports bool
}

// Participant reports whether the reader is one of the two talking.
func (v SupportView) Participant() bool { return v.Role == RoleRequester || v.Role == RoleSupporter }

// View returns request id as a may see it, or forum.ErrNotFound for anyone
// who may not know it exists. A moderator reading a reported conversation
// is audited, each time.
func (p *Peer) View(ctx context.Context, a *auth.Actor, id int64) (SupportView, error) {
	r, err := p.store.Request(ctx, id)
	if err != nil {
		return SupportView{}, fmt.Errorf("support request: %w", err)
	}
	if err := p.closeIfIdle(ctx, &r); err != nil {
		return SupportView{}, err
	}
	v := SupportView{Row: r}
	if v.Role, err = p.role(ctx, a, r); err != nil {
		return SupportView{}, err
	}
	if r.ConversationID == nil || v.Role == RoleWaiting {
		return v, nil
	}
	if v.Role == RoleModerator {
		e := supportAudit(a.ID, ActionSupportRead, r, p.now())
		if err := p.store.SupportAudit(ctx, e); err != nil {
			return SupportView{}, fmt.Errorf("audit support read: %w", err)
		}
		v.OpenReports = true
	}
	if v.Messages, err = p.store.Messages(ctx, *r.ConversationID); err != nil {
		return SupportView{}, fmt.Errorf("support messages: %w", err)
	}
	return v, nil
}

// role decides who a is to r; forum.ErrNotFound when nobody.
func (p *Peer) role(ctx context.Context, a *auth.Actor, r SupportRow) (SupportRole, error) {
	if a == nil {
		return "", forum.ErrNotFound
	}
	switch {
	case a.ID == r.RequesterID:
		return RoleRequester, nil
	case r.SupporterID != nil && a.ID == *r.SupporterID:
		return RoleSupporter, nil
	}
	if r.Status == SupportOpen {
		sup, err := p.IsSupporter(ctx, a.ID, r.GroupID)
		if err != nil {
			return "", err
		}
		if sup || auth.CanModerate(a, r.GroupID) {
			return RoleWaiting, nil
		}
	}
	if r.ReportedAt != nil && auth.CanModerate(a, r.GroupID) {
		return RoleModerator, nil
	}
	return "", forum.ErrNotFound
}

// participant returns r and the other member's id when a is one of the
// two in its conversation, forum.ErrNotFound otherwise.
func (p *Peer) participant(ctx context.Context, a *auth.Actor, id int64) (SupportRow, int64, error) {
	r, err := p.store.Request(ctx, id)
	if err != nil {
		return SupportRow{}, 0, fmt.Errorf("support request: %w", err)
	}
	if a == nil || r.ConversationID == nil || r.SupporterID == nil {
		return SupportRow{}, 0, forum.ErrNotFound
	}
	switch a.ID {
	case r.RequesterID:
		return r, *r.SupporterID, nil
	case *r.SupporterID:
		return r, r.RequesterID, nil
	}
	return SupportRow{}, 0, forum.ErrNotFound
}

// closeIfIdle ends r's conversation when nothing was written for Idle.
func (p *Peer) closeIfIdle(ctx context.Context, r *SupportRow) error {
	if r.Status != SupportAccepted || p.Idle <= 0 || r.LastMessageAt == nil || p.now().Sub(*r.LastMessageAt) < p.Idle {
		return nil
	}
	now := p.now()
	if _, err := p.store.SetRequestStatus(ctx, r.ID, []string{SupportAccepted}, SupportEnded, nil, EndedIdle, now); err != nil {
		return fmt.Errorf("close idle support conversation: %w", err)
	}
	r.Status, r.EndedReason, r.EndedAt, r.EndedBy = SupportEnded, EndedIdle, &now, nil
	return nil
}

// MaxSupportMessage bounds one message.
const MaxSupportMessage = 5000

// SupportWrite says what writing a message did.
type SupportWrite struct {
	// Screening is the crisis-language assessment of the words.
	Screening forum.Screening
}

// Write adds a's message to the conversation of request id. Contact
// details and images are refused with a kind explanation (the text comes
// back to the writer); every message is screened, and a crisis-level one
// raises the conversation to the group's moderators.
func (p *Peer) Write(ctx context.Context, a *auth.Actor, id int64, body string) (SupportWrite, error) {
	r, _, err := p.participant(ctx, a, id)
	if err != nil {
		return SupportWrite{}, err
	}
	if err := p.closeIfIdle(ctx, &r); err != nil {
		return SupportWrite{}, err
	}
	if r.Status != SupportAccepted {
		return SupportWrite{}, refusal("body", "This conversation has ended, so nothing more can be written in it.")
	}
	if err := auth.CanPost(a, p.now()); err != nil {
		return SupportWrite{}, err
	}
	body = strings.TrimSpace(body)
	switch {
	case body == "" || !utf8.ValidString(body):
		return SupportWrite{}, refusal("body", "Please write a message.")
	case utf8.RuneCountInString(body) > MaxSupportMessage:
		return SupportWrite{}, refusal("body", "Please keep the message under 5,000 characters.")
	}
	if msg := ContactRefusal(body); msg != "" {
		return SupportWrite{}, refusal("body", msg)
	}
	if HasImage(body) {
		return SupportWrite{}, refusal("body", msgNoImages)
	}
	html, err := p.md.Render(body)
	if err != nil {
		return SupportWrite{}, refusal("body", "This message can't be displayed: please simplify deeply nested lists or quotes.")
	}
	var out SupportWrite
	if p.screen != nil {
		out.Screening = p.screen(body)
	}
	now := p.now()
	m := &forum.ConversationMessage{ConversationID: *r.ConversationID, AuthorID: &a.ID, BodyMD: body, BodyHTML: string(html),
		CrisisLevel: int(out.Screening.Level), CreatedAt: now}
	var crisis *AuditEntry
	if out.Screening.AtLevel() >= forum.LevelCrisis {
		e := supportAudit(a.ID, ActionSupportCrisis, r, now)
		crisis = &e
	}
	if err := p.store.AddSupportMessage(ctx, r, m, crisis); err != nil {
		return SupportWrite{}, fmt.Errorf("support message: %w", err)
	}
	return out, nil
}

// End ends the conversation (or takes back the open request) for either of
// its two members; with block, a blocks the other member too, which the
// caller records through the block service.
func (p *Peer) End(ctx context.Context, a *auth.Actor, id int64, blocked bool) (other int64, err error) {
	r, other, err := p.participant(ctx, a, id)
	if err != nil {
		return 0, err
	}
	reason := EndedByMember
	if blocked {
		reason = EndedBlocked
	}
	ok, err := p.store.SetRequestStatus(ctx, r.ID, []string{SupportAccepted}, SupportEnded, &a.ID, reason, p.now())
	if err != nil {
		return 0, fmt.Errorf("end support conversation: %w", err)
	}
	if !ok && !blocked {
		return 0, refusal("confirm", "This conversation has already ended.")
	}
	return other, nil
}

// Report records a's report of a message in the conversation: from now on
// the group's moderators may read it (each look audited), and it waits in
// their queue until one has looked.
func (p *Peer) Report(ctx context.Context, a *auth.Actor, id, messageID int64, note string) error {
	r, _, err := p.participant(ctx, a, id)
	if err != nil {
		return err
	}
	ms, err := p.store.Messages(ctx, *r.ConversationID)
	if err != nil {
		return fmt.Errorf("support messages: %w", err)
	}
	found := false
	for _, m := range ms {
		found = found || m.ID == messageID
	}
	if !found {
		return forum.ErrNotFound
	}
	note = strings.TrimSpace(note)
	if utf8.RuneCountInString(note) > 500 || !utf8.ValidString(note) {
		return refusal("note", "Please keep the note to 500 characters or fewer.")
	}
	now := p.now()
	rep := &SupportReport{RequestID: r.ID, MessageID: &messageID, ReporterID: &a.ID, Note: note, CreatedAt: now}
	if err := p.store.AddSupportReport(ctx, rep, supportAudit(a.ID, ActionSupportReport, r, now)); err != nil {
		return fmt.Errorf("report support message: %w", err)
	}
	return nil
}

// Looked marks a reported conversation's reports looked at, for a
// moderator of its group (audited). Their access stays: the
// conversation was reported.
func (p *Peer) Looked(ctx context.Context, a *auth.Actor, id int64) error {
	r, err := p.store.Request(ctx, id)
	if err != nil {
		return fmt.Errorf("support request: %w", err)
	}
	if a == nil || r.ReportedAt == nil || !auth.CanModerate(a, r.GroupID) {
		return forum.ErrNotFound
	}
	now := p.now()
	ok, err := p.store.HandleSupportReports(ctx, r.ID, a.ID, supportAudit(a.ID, ActionSupportLooked, r, now), now)
	if err != nil {
		return fmt.Errorf("support looked: %w", err)
	}
	if !ok {
		return refusal("looked", "Another moderator has already looked at this conversation.")
	}
	return nil
}

// Attention lists the support conversations waiting for a's look.
func (p *Peer) Attention(ctx context.Context, a *auth.Actor, limit int) ([]SupportAttention, error) {
	if !auth.IsStaff(a) {
		return nil, nil
	}
	all, groups := auth.ModerationScope(a)
	if !all && len(groups) == 0 {
		return nil, nil
	}
	rows, err := p.store.SupportAttention(ctx, all, groups, limit)
	if err != nil {
		return nil, fmt.Errorf("support attention: %w", err)
	}
	return rows, nil
}

// supportAudit is an audit row about request r: who and when, never words.
func supportAudit(actorID int64, action string, r SupportRow, at time.Time) AuditEntry {
	id := r.ID
	group := r.GroupID
	subject := r.RequesterID
	return AuditEntry{ActorID: &actorID, Action: action, TargetType: "support", TargetID: &id, GroupID: &group, SubjectID: &subject, CreatedAt: at}
}
