package moderation

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/markup"
)

// Audit actions of peer support: appointments by admins, reports of a
// support conversation's message (and crisis language in one), and each
// look moderators take at a support conversation.
const (
	ActionPeerGrant     = "peer_grant"
	ActionPeerRevoke    = "peer_revoke"
	ActionSupportReport = "support_report"
	ActionSupportCrisis = "support_crisis"
	ActionSupportRead   = "support_read"
	ActionSupportLooked = "support_looked"
)

// PeerStore is what peer support needs from persistence.
type PeerStore interface {
	// SupporterGroups lists the groups userID is a peer supporter in.
	SupporterGroups(ctx context.Context, userID int64) ([]int64, error)
	// SupporterIDs lists the peer supporters of groupID.
	SupporterIDs(ctx context.Context, groupID int64) ([]int64, error)
	// SetSupporterGroups makes targetID a peer supporter in exactly
	// groups, writing one audit row per group added or removed, in one
	// transaction.
	SetSupporterGroups(ctx context.Context, ch SupporterChange, audits []AuditEntry) error
	// FollowedGroups lists the groups userID follows.
	FollowedGroups(ctx context.Context, userID int64) ([]GroupFollow, error)
	// SetFollow starts (from the newest thread, seenThreadID) or ends
	// userID's following of groupID.
	SetFollow(ctx context.Context, userID, groupID int64, on bool, seenThreadID int64, at time.Time) error
	// NewThreads lists threads started in groupID after thread id after,
	// newest first, at most limit.
	NewThreads(ctx context.Context, groupID, after int64, limit int) ([]NewThread, error)
	// MarkSeen moves userID's seen thread in groupID to threadID.
	MarkSeen(ctx context.Context, userID, groupID, threadID int64) error
	// LatestThreadID is the newest thread id of groupID (0 for none).
	LatestThreadID(ctx context.Context, groupID int64) (int64, error)
	// UserCreatedAt is when userID's account was made.
	UserCreatedAt(ctx context.Context, userID int64) (time.Time, error)

	SupportStore
}

// SupporterChange makes TargetID a peer supporter in exactly Groups.
type SupporterChange struct {
	ActorID  int64
	TargetID int64
	Groups   []int64
	Reason   string
	At       time.Time
}

// GroupFollow is a group a peer supporter follows.
type GroupFollow struct {
	UserID       int64     `gorm:"column:user_id;primaryKey"`
	GroupID      int64     `gorm:"column:group_id;primaryKey"`
	SeenThreadID int64     `gorm:"column:seen_thread_id"`
	CreatedAt    time.Time `gorm:"column:created_at"`
}

// TableName is the table GroupFollow is stored in.
func (GroupFollow) TableName() string { return "group_follows" }

// NewThread is a thread started in a followed group.
type NewThread struct {
	ID        int64      `gorm:"column:id"`
	GroupID   int64      `gorm:"column:group_id"`
	Title     string     `gorm:"column:title"`
	Tags      forum.Tags `gorm:"column:tags"`
	CreatedAt time.Time  `gorm:"column:created_at"`
}

// Peer runs peer support: peer supporters, the groups they follow, and
// one-to-one support requests and their conversations.
type Peer struct {
	store  PeerStore
	md     *markup.Renderer
	now    func() time.Time
	screen func(string) forum.Screening
	// MinAge is how old an account must be to ask or to accept; Idle
	// closes a conversation after this long without a message.
	MinAge, Idle time.Duration
}

// NewPeer returns the peer-support service on s.
func NewPeer(s PeerStore, md *markup.Renderer, minAge, idle time.Duration) *Peer {
	return &Peer{store: s, md: md, MinAge: minAge, Idle: idle,
		now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
}

// SetClock replaces the clock (tests of account age and idle closing).
func (p *Peer) SetClock(now func() time.Time) { p.now = now }

// SetScreener sets the crisis-language screening run on every message.
func (p *Peer) SetScreener(f func(string) forum.Screening) { p.screen = f }

// Now is the service's time.
func (p *Peer) Now() time.Time { return p.now() }

// SupporterGroups lists the groups userID supports (none for visitors).
func (p *Peer) SupporterGroups(ctx context.Context, userID int64) ([]int64, error) {
	if userID == 0 {
		return nil, nil
	}
	gs, err := p.store.SupporterGroups(ctx, userID)
	if err != nil {
		return nil, fmt.Errorf("supporter groups: %w", err)
	}
	return gs, nil
}

// IsSupporter reports whether userID is a peer supporter in groupID.
func (p *Peer) IsSupporter(ctx context.Context, userID, groupID int64) (bool, error) {
	gs, err := p.SupporterGroups(ctx, userID)
	return slices.Contains(gs, groupID), err
}

// Supporters is the set of groupID's peer supporters, for their badge.
func (p *Peer) Supporters(ctx context.Context, groupID int64) (map[int64]bool, error) {
	ids, err := p.store.SupporterIDs(ctx, groupID)
	if err != nil {
		return nil, fmt.Errorf("supporters: %w", err)
	}
	set := make(map[int64]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return set, nil
}

const (
	msgPeerReason = "Please give a short reason; it goes into the audit log."
	msgPeerLong   = "Please keep the reason to 500 characters or fewer."
	msgPeerSame   = "Those are already the groups they support."
)

// SetSupporterGroups makes a member a peer supporter in exactly groups
// (none to stop), for an admin, each group added or removed audited with
// the reason. Form problems are a *forum.ValidationError.
func (p *Peer) SetSupporterGroups(ctx context.Context, a *auth.Actor, targetID int64, groups []int64, reason string) error {
	if !auth.CanAdmin(a) {
		return forum.ErrForbidden
	}
	old, err := p.SupporterGroups(ctx, targetID)
	if err != nil {
		return err
	}
	slices.Sort(groups)
	groups = slices.Compact(groups)
	v := &forum.ValidationError{}
	reason = strings.TrimSpace(reason)
	switch {
	case reason == "" || !utf8.ValidString(reason):
		v.Add("peer_reason", msgPeerReason)
	case utf8.RuneCountInString(reason) > 500:
		v.Add("peer_reason", msgPeerLong)
	}
	if slices.Equal(old, groups) {
		v.Add("peer_groups", msgPeerSame)
	}
	if err := v.OrNil(); err != nil {
		return err
	}
	now := p.now()
	var audits []AuditEntry
	for _, g := range groups {
		if !slices.Contains(old, g) {
			audits = append(audits, peerAudit(a.ID, ActionPeerGrant, targetID, g, reason, now))
		}
	}
	for _, g := range old {
		if !slices.Contains(groups, g) {
			audits = append(audits, peerAudit(a.ID, ActionPeerRevoke, targetID, g, reason, now))
		}
	}
	ch := SupporterChange{ActorID: a.ID, TargetID: targetID, Groups: groups, Reason: reason, At: now}
	if err := p.store.SetSupporterGroups(ctx, ch, audits); err != nil {
		return fmt.Errorf("set peer supporter: %w", err)
	}
	return nil
}

func peerAudit(actorID int64, action string, targetID, groupID int64, reason string, at time.Time) AuditEntry {
	return AuditEntry{ActorID: &actorID, Action: action, TargetType: "user", TargetID: &targetID, GroupID: &groupID,
		SubjectID: &targetID, Reason: reason, CreatedAt: at}
}

// CanFollow reports whether a may follow groupID: its peer supporters and
// moderators may.
func (p *Peer) CanFollow(ctx context.Context, a *auth.Actor, groupID int64) (bool, error) {
	if a == nil {
		return false, nil
	}
	if auth.CanModerate(a, groupID) {
		return true, nil
	}
	return p.IsSupporter(ctx, a.ID, groupID)
}

// Follow starts or ends a's following of groupID: while on, threads
// started there show on their peer support page until they have seen
// them.
func (p *Peer) Follow(ctx context.Context, a *auth.Actor, groupID int64, on bool) error {
	ok, err := p.CanFollow(ctx, a, groupID)
	if err != nil {
		return err
	}
	if !ok {
		return forum.ErrForbidden
	}
	latest, err := p.store.LatestThreadID(ctx, groupID)
	if err != nil {
		return fmt.Errorf("latest thread: %w", err)
	}
	if err := p.store.SetFollow(ctx, a.ID, groupID, on, latest, p.now()); err != nil {
		return fmt.Errorf("follow group: %w", err)
	}
	return nil
}

// Follows lists the groups userID follows.
func (p *Peer) Follows(ctx context.Context, userID int64) ([]GroupFollow, error) {
	fs, err := p.store.FollowedGroups(ctx, userID)
	if err != nil {
		return nil, fmt.Errorf("followed groups: %w", err)
	}
	return fs, nil
}

// NewThreadsPerGroup bounds the new threads listed for each followed group.
const NewThreadsPerGroup = 20

// NewThreads lists the threads started in f's group since its member last
// looked, newest first, and marks them seen when markSeen.
func (p *Peer) NewThreads(ctx context.Context, f GroupFollow, markSeen bool) ([]NewThread, error) {
	ts, err := p.store.NewThreads(ctx, f.GroupID, f.SeenThreadID, NewThreadsPerGroup)
	if err != nil {
		return nil, fmt.Errorf("new threads: %w", err)
	}
	if markSeen && len(ts) > 0 {
		if err := p.store.MarkSeen(ctx, f.UserID, f.GroupID, ts[0].ID); err != nil {
			return nil, fmt.Errorf("mark seen: %w", err)
		}
	}
	return ts, nil
}
