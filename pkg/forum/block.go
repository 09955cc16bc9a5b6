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

// AnonymousBlock records that Blocker blocked the author of an anonymous
// post (Post, nil once it is gone) without learning who it was: Blocker
// stops seeing Blocked's anonymous posts and hearing from them, while
// Blocked's named posts stay as they were, so nothing tells Blocker who it
// is. Blocked is never told either.
type AnonymousBlock struct {
	ID        int64     `gorm:"column:id;primaryKey"`
	BlockerID int64     `gorm:"column:blocker_id"`
	BlockedID int64     `gorm:"column:blocked_id"`
	PostID    *int64    `gorm:"column:post_id"`
	CreatedAt time.Time `gorm:"column:created_at"`
}

// TableName is the table AnonymousBlock is stored in.
func (AnonymousBlock) TableName() string { return "anonymous_blocks" }

// AnonymousBlockEntry is an anonymous block as the blocker's list shows
// it: the thread of the post it was made from, never the author.
type AnonymousBlockEntry struct {
	ID          int64
	ThreadID    int64
	ThreadTitle string
	CreatedAt   time.Time
}

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
	// BlockedIDs lists the members blockerID has blocked, and negated
	// (anonymousKey) those blocked from an anonymous post.
	BlockedIDs(ctx context.Context, blockerID int64) ([]int64, error)
	// BlockersAmong returns which of targetIDs have blocked authorID.
	BlockersAmong(ctx context.Context, authorID int64, targetIDs []int64) ([]int64, error)
	// BlockList lists blockerID's blocks with names, newest first.
	BlockList(ctx context.Context, blockerID int64) ([]BlockedMember, error)
	// AddAnonymousBlock is idempotent per blocker and author: a second
	// block of the same author keeps the first.
	AddAnonymousBlock(ctx context.Context, b AnonymousBlock) error
	// RemoveAnonymousBlock removes blockerID's anonymous block id.
	RemoveAnonymousBlock(ctx context.Context, blockerID, id int64) error
	// AnonymousBlockList lists blockerID's anonymous blocks, newest first.
	AnonymousBlockList(ctx context.Context, blockerID int64) ([]AnonymousBlockEntry, error)
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

// BlockAuthorOf makes blockerID stop seeing the anonymous posts of p's
// author and hearing from them, without telling either who the other is.
// Only an anonymous post's author can be blocked this way (others are
// blocked by name); blocking oneself is refused like any self-block.
func (s *Blocks) BlockAuthorOf(ctx context.Context, blockerID int64, p Post) error {
	if !p.Anonymous || p.AuthorID == nil {
		return fmt.Errorf("post %d has no hidden author: %w", p.ID, ErrNotFound)
	}
	if *p.AuthorID == blockerID {
		return ErrSelfBlock
	}
	b := AnonymousBlock{BlockerID: blockerID, BlockedID: *p.AuthorID, PostID: &p.ID, CreatedAt: s.now()}
	if err := s.store.AddAnonymousBlock(ctx, b); err != nil {
		return fmt.Errorf("block the author of post %d: %w", p.ID, err)
	}
	return nil
}

// UnblockAnonymous lifts blockerID's anonymous block id.
func (s *Blocks) UnblockAnonymous(ctx context.Context, blockerID, id int64) error {
	if err := s.store.RemoveAnonymousBlock(ctx, blockerID, id); err != nil {
		return fmt.Errorf("lift anonymous block %d: %w", id, err)
	}
	return nil
}

// AnonymousList returns blockerID's anonymous blocks for the settings page.
func (s *Blocks) AnonymousList(ctx context.Context, blockerID int64) ([]AnonymousBlockEntry, error) {
	l, err := s.store.AnonymousBlockList(ctx, blockerID)
	if err != nil {
		return nil, fmt.Errorf("anonymous block list: %w", err)
	}
	return l, nil
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

// HidesAuthor reports whether a post by authorID, written anonymously or
// not, is one the reader's block set (Blocks.BlockedBy) folds away: every
// post of a member they blocked by name, and the anonymous posts of an
// author they blocked from an anonymous post, whose named posts stay as
// they were so the block never tells them who it was.
func HidesAuthor(blocked map[int64]bool, authorID *int64, anonymous bool) bool {
	if authorID == nil {
		return false
	}
	return blocked[*authorID] || anonymous && blocked[anonymousKey(*authorID)]
}

// anonymousKey is how a block set holds an author blocked from an
// anonymous post: the negated id, which no member has.
func anonymousKey(id int64) int64 { return -id }
