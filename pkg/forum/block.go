package forum

import (
	"context"
	"fmt"
	"time"
)

// Block records that Blocker no longer wants to hear from Blocked: Blocker
// stops seeing Blocked's posts (a one-line notice stands in for each), and
// Blocked can neither reply to Blocker's posts nor notify Blocker with a
// mention. Blocked is never told.
type Block struct {
	BlockerID int64     `gorm:"column:blocker_id;primaryKey"`
	BlockedID int64     `gorm:"column:blocked_id;primaryKey"`
	CreatedAt time.Time `gorm:"column:created_at"`
}

// TableName is the table Block is stored in.
func (Block) TableName() string { return "blocks" }

// BlockedMember is an entry of a member's block list.
type BlockedMember struct {
	UserID    int64
	Name      string
	CreatedAt time.Time
}

// BlockStore is what the block service needs from persistence.
type BlockStore interface {
	// AddBlock is idempotent: blocking someone twice keeps one block.
	AddBlock(ctx context.Context, b Block) error
	// RemoveBlock is idempotent too.
	RemoveBlock(ctx context.Context, blockerID, blockedID int64) error
	// BlockedIDs lists the members blockerID has blocked.
	BlockedIDs(ctx context.Context, blockerID int64) ([]int64, error)
	// BlockersAmong returns which of targetIDs have blocked authorID.
	BlockersAmong(ctx context.Context, authorID int64, targetIDs []int64) ([]int64, error)
	// BlockList lists blockerID's blocks with names, newest first.
	BlockList(ctx context.Context, blockerID int64) ([]BlockedMember, error)
	// MemberByKey returns the id and pseudonym of the member whose
	// username_key is key, or ErrNotFound.
	MemberByKey(ctx context.Context, key string) (int64, string, error)
}

// Blocks is the block service. It is the one place the posting code asks
// whether a reply or a mention may reach someone.
type Blocks struct {
	store BlockStore
	now   func() time.Time
}

// NewBlocks returns the block service on s.
func NewBlocks(s BlockStore) *Blocks {
	return &Blocks{store: s, now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
}

// ErrSelfBlock means a member tried to block themself.
var ErrSelfBlock = fmt.Errorf("%w: cannot block yourself", ErrForbidden)

// Block makes blockerID stop hearing from blockedID.
func (s *Blocks) Block(ctx context.Context, blockerID, blockedID int64) error {
	if blockerID == blockedID {
		return ErrSelfBlock
	}
	if err := s.store.AddBlock(ctx, Block{BlockerID: blockerID, BlockedID: blockedID, CreatedAt: s.now()}); err != nil {
		return fmt.Errorf("block %d: %w", blockedID, err)
	}
	return nil
}

// Unblock lifts blockerID's block of blockedID.
func (s *Blocks) Unblock(ctx context.Context, blockerID, blockedID int64) error {
	if err := s.store.RemoveBlock(ctx, blockerID, blockedID); err != nil {
		return fmt.Errorf("unblock %d: %w", blockedID, err)
	}
	return nil
}

// BlockedBy returns the set of members viewerID has blocked, whose posts the
// thread page folds away for viewerID. Visitors (0) have blocked nobody.
func (s *Blocks) BlockedBy(ctx context.Context, viewerID int64) (map[int64]bool, error) {
	if viewerID == 0 {
		return map[int64]bool{}, nil
	}
	ids, err := s.store.BlockedIDs(ctx, viewerID)
	if err != nil {
		return nil, fmt.Errorf("blocks of %d: %w", viewerID, err)
	}
	m := make(map[int64]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m, nil
}

// IsBlocked reports whether targetID has blocked authorID, that is whether
// authorID's reply to targetID's post must be refused and authorID's
// mention of targetID must not notify them.
func (s *Blocks) IsBlocked(ctx context.Context, authorID, targetID int64) (bool, error) {
	if authorID == 0 || targetID == 0 || authorID == targetID {
		return false, nil
	}
	got, err := s.store.BlockersAmong(ctx, authorID, []int64{targetID})
	if err != nil {
		return false, fmt.Errorf("block check: %w", err)
	}
	return len(got) > 0, nil
}

// BlockersAmong returns which of targetIDs have blocked authorID, so that a
// post's mention and reply notifications skip them in one query.
func (s *Blocks) BlockersAmong(ctx context.Context, authorID int64, targetIDs []int64) (map[int64]bool, error) {
	m := map[int64]bool{}
	if authorID == 0 || len(targetIDs) == 0 {
		return m, nil
	}
	ids, err := s.store.BlockersAmong(ctx, authorID, targetIDs)
	if err != nil {
		return nil, fmt.Errorf("block check: %w", err)
	}
	for _, id := range ids {
		m[id] = true
	}
	return m, nil
}

// Member resolves a pseudonym key (hearth/pkg/auth's PseudonymKey of the
// name in the URL) to the member's id and pseudonym.
func (s *Blocks) Member(ctx context.Context, key string) (int64, string, error) {
	if key == "" {
		return 0, "", ErrNotFound
	}
	id, name, err := s.store.MemberByKey(ctx, key)
	if err != nil {
		return 0, "", fmt.Errorf("member %q: %w", key, err)
	}
	return id, name, nil
}

// List returns blockerID's block list for the settings page.
func (s *Blocks) List(ctx context.Context, blockerID int64) ([]BlockedMember, error) {
	l, err := s.store.BlockList(ctx, blockerID)
	if err != nil {
		return nil, fmt.Errorf("block list: %w", err)
	}
	return l, nil
}

// ErrReplyBlocked means the author of the post being answered has blocked
// the member replying. Members are shown only "You can't reply to this
// post.", which does not reveal the block.
var ErrReplyBlocked = fmt.Errorf("%w: reply not accepted", ErrForbidden)

// ReplyRefused is the message a member sees when ErrReplyBlocked stops
// their reply. It is deliberately the same whatever the reason.
const ReplyRefused = "You can't reply to this post."
