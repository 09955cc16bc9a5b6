package auth

import (
	"context"
	"fmt"
	"time"

	"hearth/pkg/forum"
)

// ProfilePostLimit is how many recent posts a profile shows.
const ProfilePostLimit = 20

// ProfilePost is one of a member's recent posts on their public profile.
type ProfilePost struct {
	ID          int64      `gorm:"column:id"`
	ThreadID    int64      `gorm:"column:thread_id"`
	ThreadTitle string     `gorm:"column:thread_title"`
	GroupSlug   string     `gorm:"column:group_slug"`
	GroupName   string     `gorm:"column:group_name"`
	BodyHTML    string     `gorm:"column:body_html"`
	Tags        forum.Tags `gorm:"column:tags"`
	ThreadTags  forum.Tags `gorm:"column:thread_tags"`
	CreatedAt   time.Time  `gorm:"column:created_at"`
	GroupID     int64      `gorm:"column:group_id"`
	// CrisisFolded and CrisisTopic: the post is folded for other readers
	// until a moderator has looked (forum.Post.FoldedFor).
	CrisisFolded bool        `gorm:"column:crisis_folded"`
	CrisisTopic  forum.Topic `gorm:"column:crisis_topic"`
}

// Profile is what anyone may see of a member.
type Profile struct {
	ID     int64
	Name   string
	Joined time.Time
	Posts  []ProfilePost
}

// Profile returns the public profile of the member called name (compared
// like pseudonyms: case and look-alikes do not matter), or
// forum.ErrNotFound. Only visible posts in visible threads are listed.
func (s *Service) Profile(ctx context.Context, name string) (Profile, error) {
	key := PseudonymKey(name)
	if key == "" {
		return Profile{}, fmt.Errorf("profile: %w", forum.ErrNotFound)
	}
	u, err := s.store.UserByKey(ctx, key)
	if err != nil {
		return Profile{}, fmt.Errorf("profile: %w", err)
	}
	posts, err := s.store.RecentPosts(ctx, u.ID, ProfilePostLimit)
	if err != nil {
		return Profile{}, fmt.Errorf("profile posts: %w", err)
	}
	return Profile{ID: u.ID, Name: u.Username, Joined: u.CreatedAt, Posts: posts}, nil
}
