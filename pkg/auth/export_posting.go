package auth

import "time"

// ExportReaction is a supportive reaction the member gave.
type ExportReaction struct {
	PostID    int64     `json:"post_id"`
	Kind      string    `json:"kind"`
	CreatedAt time.Time `json:"created_at"`
}

// ExportSubscription is a thread the member follows or muted.
type ExportSubscription struct {
	ThreadID int64     `json:"thread_id"`
	State    string    `json:"state"`
	Since    time.Time `json:"since"`
}
