package moderation

import (
	"context"
	"time"
)

// CarePrefs are a moderator's own care settings.
type CarePrefs struct {
	UserID int64 `gorm:"column:user_id;primaryKey"`
	// DailyLimit is the soft limit of hard items (crisis, wellbeing,
	// trigger-warned) the moderator wants to open in a day; nil for none.
	DailyLimit *int `gorm:"column:daily_limit"`
	// UnfoldWarned shows trigger-warned posts unfolded in the queue; by
	// default they stay folded until the moderator opens the item.
	UnfoldWarned bool      `gorm:"column:unfold_warned"`
	UpdatedAt    time.Time `gorm:"column:updated_at"`
}

// TableName is the table CarePrefs is stored in.
func (CarePrefs) TableName() string { return "moderator_prefs" }

// Exposure records that a moderator opened a queue item on a day, and
// what kind of hard item it was.
type Exposure struct {
	UserID int64 `gorm:"column:user_id;primaryKey"`
	ItemID int64 `gorm:"column:item_id;primaryKey"`
	// Day is the day in the moderation hours' time zone, YYYY-MM-DD.
	Day       string    `gorm:"column:day;primaryKey"`
	Crisis    bool      `gorm:"column:crisis"`
	Wellbeing bool      `gorm:"column:wellbeing"`
	Warned    bool      `gorm:"column:warned"`
	OpenedAt  time.Time `gorm:"column:opened_at"`
}

// TableName is the table Exposure is stored in.
func (Exposure) TableName() string { return "moderator_exposures" }

// Hard reports whether the item was one the daily limit counts.
func (e Exposure) Hard() bool { return e.Crisis || e.Wellbeing || e.Warned }

// Claim says a moderator is looking at an open queue item.
type Claim struct {
	ItemID    int64     `gorm:"column:item_id;primaryKey"`
	UserID    int64     `gorm:"column:user_id"`
	ClaimedAt time.Time `gorm:"column:claimed_at"`
}

// TableName is the table Claim is stored in.
func (Claim) TableName() string { return "queue_claims" }

// ClaimRow is a claim with its holder's pseudonym and the item's post.
type ClaimRow struct {
	Claim
	HolderName  string `gorm:"column:holder_name;->"`
	PostID      int64  `gorm:"column:post_id;->"`
	GroupID     int64  `gorm:"column:group_id;->"`
	ThreadTitle string `gorm:"column:thread_title;->"`
}

// HandoverNote is what a moderator who stepped away left for the next one.
type HandoverNote struct {
	ID       int64  `gorm:"column:id;primaryKey"`
	AuthorID int64  `gorm:"column:author_id"`
	Body     string `gorm:"column:body"`
	// Released is how many items the author handed back to the queue.
	Released int `gorm:"column:released"`
	// SiteWide and GroupIDs are the author's scope when they wrote it;
	// GroupIDs is wrapped in commas, ",3,7,".
	SiteWide  bool      `gorm:"column:site_wide"`
	GroupIDs  string    `gorm:"column:group_ids"`
	CreatedAt time.Time `gorm:"column:created_at"`
}

// TableName is the table HandoverNote is stored in.
func (HandoverNote) TableName() string { return "handover_notes" }

// HandoverDismissal records that a moderator dismissed a hand-over note.
type HandoverDismissal struct {
	NoteID    int64     `gorm:"column:note_id;primaryKey"`
	UserID    int64     `gorm:"column:user_id;primaryKey"`
	CreatedAt time.Time `gorm:"column:created_at"`
}

// TableName is the table HandoverDismissal is stored in.
func (HandoverDismissal) TableName() string { return "handover_dismissals" }

// HandoverRow is a hand-over note with its author's pseudonym.
type HandoverRow struct {
	HandoverNote
	AuthorName string `gorm:"column:author_name;->"`
}

// LookedAfterStore is what looking after moderators reads and writes
// outside a transaction; Store embeds it.
type LookedAfterStore interface {
	// CarePrefs returns a moderator's care settings; the defaults when they
	// saved none.
	CarePrefs(ctx context.Context, userID int64) (CarePrefs, error)
	// SaveCarePrefs writes a moderator's care settings.
	SaveCarePrefs(ctx context.Context, p *CarePrefs) error
	// RecordExposure stores e; nothing when the moderator already opened
	// the item that day.
	RecordExposure(ctx context.Context, e *Exposure) error
	// Exposures lists what userID opened since since.
	Exposures(ctx context.Context, userID int64, since time.Time) ([]Exposure, error)
	// Claims lists the claims on open items among itemIDs.
	Claims(ctx context.Context, itemIDs []int64) ([]ClaimRow, error)
	// ClaimsBy lists the open items userID holds, oldest claim first.
	ClaimsBy(ctx context.Context, userID int64) ([]ClaimRow, error)
	// Handovers lists the hand-over notes written since since by someone
	// other than userID and not dismissed by userID, newest first.
	Handovers(ctx context.Context, userID int64, since time.Time) ([]HandoverRow, error)
	// DismissHandover records that userID dismissed a note; false when
	// there is no such note.
	DismissHandover(ctx context.Context, noteID, userID int64, at time.Time) (bool, error)
}

// LookedAfterTx is what claims and stepping away change inside a
// transaction; Tx embeds it.
type LookedAfterTx interface {
	// ClaimFor makes userID the holder of an open item, unless someone
	// else holds it since staleBefore or later; it returns the holder
	// after the attempt.
	ClaimFor(itemID, userID int64, at, staleBefore time.Time) (ClaimRow, error)
	// Release ends userID's claim on an item; false when they held none.
	Release(itemID, userID int64) (bool, error)
	// ReleaseAll ends every claim of userID and says how many there were.
	ReleaseAll(userID int64) (int, error)
	// AddHandover stores a hand-over note.
	AddHandover(n *HandoverNote) error
}
