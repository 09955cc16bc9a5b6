package web

import "time"

// The read API's responses (docs/api.md, docs/openapi.yaml). Every field is
// always present; a field that may have no value is a pointer, sent as
// null, and a list is never null.

// APIGroupList answers GET /api/v1/groups.
type APIGroupList struct {
	Groups []APIGroup `json:"groups"`
}

// APIGroup is a group.
type APIGroup struct {
	Slug           string     `json:"slug"`
	Name           string     `json:"name"`
	Description    string     `json:"description"`
	Archived       bool       `json:"archived"`
	ThreadCount    int        `json:"thread_count"`
	PostCount      int        `json:"post_count"`
	LastActivityAt *time.Time `json:"last_activity_at"`
	URL            string     `json:"url"`
	FeedURL        string     `json:"feed_url"`
	ThreadsURL     string     `json:"threads_url"`
}

// APIThreadList answers GET /api/v1/groups/{slug}/threads: a page of the
// group's threads, pinned first, then by latest activity.
type APIThreadList struct {
	Group   APIGroup    `json:"group"`
	Threads []APIThread `json:"threads"`
	// Next is the cursor of the following page, null on the last.
	Next *string `json:"next"`
}

// APIThreadPage answers GET /api/v1/threads/{id}: the thread and a page of
// its posts in conversation order.
type APIThreadPage struct {
	Thread APIThread `json:"thread"`
	Posts  []APIPost `json:"posts"`
	// Next is the cursor of the following page, null on the last.
	Next *string `json:"next"`
}

// APIGroupRef names a thread's group.
type APIGroupRef struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

// APIThread is a thread. Status is "visible" or "redacted" (its title is
// then the redaction notice).
type APIThread struct {
	ID              int64       `json:"id"`
	Title           string      `json:"title"`
	Status          string      `json:"status"`
	Group           APIGroupRef `json:"group"`
	Author          APIAuthor   `json:"author"`
	TriggerWarnings []APITag    `json:"trigger_warnings"`
	Pinned          bool        `json:"pinned"`
	Locked          bool        `json:"locked"`
	ReplyCount      int         `json:"reply_count"`
	CreatedAt       time.Time   `json:"created_at"`
	LastPostAt      time.Time   `json:"last_post_at"`
	URL             string      `json:"url"`
	APIURL          string      `json:"api_url"`
	FeedURL         string      `json:"feed_url"`
}

// APIPost is a post as a visitor's thread page shows it. Status is
// "visible", "redacted", "removed" or "deleted": only a visible post has
// its words and trigger warnings; the others have a placeholder instead.
// A visible post in words of crisis that no moderator has read yet is
// Folded: it has its warnings (with the automatic "suicide" or
// "self-harm") and a placeholder, not its words.
type APIPost struct {
	ID              int64      `json:"id"`
	ParentID        *int64     `json:"parent_id"`
	Depth           int        `json:"depth"`
	Status          string     `json:"status"`
	Author          APIAuthor  `json:"author"`
	CreatedAt       time.Time  `json:"created_at"`
	EditedAt        *time.Time `json:"edited_at"`
	TriggerWarnings []APITag   `json:"trigger_warnings"`
	BodyHTML        *string    `json:"body_html"`
	BodyMarkdown    *string    `json:"body_markdown"`
	Placeholder     *string    `json:"placeholder"`
	Folded          bool       `json:"folded"`
	URL             string     `json:"url"`
}

// APIAuthor is who wrote a thread or post. URL is their public profile,
// null for a former member.
type APIAuthor struct {
	Name string  `json:"name"`
	URL  *string `json:"url"`
	// Anonymous is true when Name is "Anonymous member" standing in for
	// the hidden author of an anonymous post (URL is then null).
	Anonymous bool `json:"anonymous"`
}

// APITag is a trigger-warning tag.
type APITag struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

// APIError is every error the API returns.
type APIError struct {
	Error APIErrorBody `json:"error"`
}

// APIErrorBody says what went wrong: Code is stable, for programs;
// Message is for people.
type APIErrorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}
