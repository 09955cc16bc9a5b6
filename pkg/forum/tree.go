package forum

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// PostsPerPage is the size of a page of a thread.
const PostsPerPage = 50

// MaxIndent is how many levels of replies are indented on screen; deeper
// replies are shown at this level and say whom they answer.
const MaxIndent = 5

// SortKey is the materialised path of a post in its thread's reply tree: the
// parent's key, "/", and the post's id zero-padded to ten digits; an opening
// post's key is its id alone. Ordering by it lists the conversation
// depth-first, each reply after its parent and earlier siblings' replies.
func SortKey(parentKey string, id int64) string {
	k := fmt.Sprintf("%010d", id)
	if parentKey == "" {
		return k
	}
	return parentKey + "/" + k
}

// MaxTreeDepth bounds how deep sort keys grow. A reply to a post at this
// depth is stored as the newest child of that post's ancestor one level up,
// which is exactly where depth-first order would show it anyway; it still
// names its real parent (parent_id), so the page says whom it answers. The
// bound keeps keys short enough for every index (PostgreSQL refuses b-tree
// entries over about 2.7 kB) whatever a chain of replies does.
const MaxTreeDepth = 50

// ChildKey is the sort key of a new post id replying to the post with
// parentKey, keeping the depth at most MaxTreeDepth.
func ChildKey(parentKey string, id int64) string {
	if DepthOf(parentKey) >= MaxTreeDepth {
		parts := strings.Split(parentKey, "/")
		parentKey = strings.Join(parts[:MaxTreeDepth], "/")
	}
	return SortKey(parentKey, id)
}

// DepthOf is the depth of a sort key: 0 for an opening post.
func DepthOf(key string) int { return strings.Count(key, "/") }

var keyRe = regexp.MustCompile(`^[0-9]{10}(?:/[0-9]{10})*$`)

// validKey reports whether s is shaped like a sort key (cursors come from URLs).
func validKey(s string) bool { return len(s) <= 11*(MaxTreeDepth+1) && keyRe.MatchString(s) }

// PostQuery selects a page of a thread in conversation order.
type PostQuery struct {
	ThreadID int64
	// After continues after this sort key; Before pages backwards from it.
	// Both empty start at the opening post.
	After, Before string
	// Limit is the page size; the store returns up to Limit+1 rows.
	Limit int
	// ViewerID sees their own held posts; IncludeHeld (moderators) sees all.
	ViewerID    int64
	IncludeHeld bool
}

// Viewer is who reads a page, as the web layer decided through
// hearth/pkg/auth.
type Viewer struct {
	ID        int64
	Moderator bool
}

// Conversation is one page of a thread.
type Conversation struct {
	Posts []PostRow
	// Next and Prev are the cursors of the following and preceding pages
	// ("" when there is none). First is true on the page that starts with
	// the opening post.
	Next, Prev string
	First      bool
}

// Thread returns a thread with its group's and author's names.
func (s *Service) Thread(ctx context.Context, id int64) (ThreadHead, error) {
	h, err := s.store.ThreadHead(ctx, id)
	if err != nil {
		return ThreadHead{}, fmt.Errorf("thread %d: %w", id, err)
	}
	return h, nil
}

// Conversation returns the page of thread h after (or before) a cursor, in
// conversation order. h is the head just read with Thread: its content
// version may let readers share the page's rows. Cursors that are not
// sort keys are ErrNotFound.
func (s *Service) Conversation(ctx context.Context, h ThreadHead, v Viewer, after, before string) (Conversation, error) {
	threadID := h.ID
	if (after != "" && !validKey(after)) || (before != "" && !validKey(before)) {
		return Conversation{}, fmt.Errorf("thread cursor: %w", ErrNotFound)
	}
	if after != "" && before != "" {
		before = ""
	}
	q := PostQuery{ThreadID: threadID, After: after, Before: before, Limit: PostsPerPage, ViewerID: v.ID, IncludeHeld: v.Moderator}
	if s.rows != nil {
		if rows, ok, err := s.rows.Posts(ctx, h, q, s.store.Posts); err != nil {
			return Conversation{}, fmt.Errorf("posts of thread %d: %w", threadID, err)
		} else if ok {
			return conversation(rows, after, before), nil
		}
	}
	rows, err := s.store.Posts(ctx, q)
	if err != nil {
		return Conversation{}, fmt.Errorf("posts of thread %d: %w", threadID, err)
	}
	return conversation(rows, after, before), nil
}

// conversation makes a page of the rows a PostQuery returned: up to one
// more than a page, newest first when paging back (before is set). rows may
// be a RowCache's shared slice, so it is never changed: paging back makes
// a reversed copy.
func conversation(rows []PostRow, after, before string) Conversation {
	var c Conversation
	more := len(rows) > PostsPerPage
	if before != "" {
		// Rows come newest first when paging back; the extra row is the
		// oldest, beyond this page.
		if more {
			rows = rows[:PostsPerPage]
		}
		rows = slices.Clone(rows)
		slices.Reverse(rows)
		if len(rows) > 0 {
			c.Next = rows[len(rows)-1].SortKey
			if more {
				c.Prev = rows[0].SortKey
			}
		}
		c.First = !more
	} else {
		if more {
			rows = rows[:PostsPerPage]
			c.Next = rows[len(rows)-1].SortKey
		}
		if after != "" && len(rows) > 0 {
			c.Prev = rows[0].SortKey
		}
		c.First = after == ""
	}
	c.Posts = rows
	return c
}

// PageOf returns the cursor of a thread page that shows the post with key:
// "" when it is among the first page's posts, otherwise a cursor whose page
// starts with the post just before it, for context.
func (s *Service) PageOf(ctx context.Context, threadID int64, key string) (string, error) {
	keys, err := s.store.PageKeys(ctx, threadID, key)
	if err != nil {
		return "", fmt.Errorf("page keys in thread %d: %w", threadID, err)
	}
	return keys.page(key), nil
}

// PageKeys are the two sort keys that decide which page shows a post: two
// probes of the thread's key index, each a step or two from an end, so
// their cost does not grow with the thread. "" stands for none.
type PageKeys struct {
	// FirstPageLast is the key of the thread's PostsPerPage-th post in
	// key order, the last the first page shows.
	FirstPageLast string
	// SecondBefore is the second key below the post's.
	SecondBefore string
}

// page is PageOf's cursor for the post with key: the first page ("") when
// fewer than a page of posts come before it, that is when the first
// page's last post is not before it (it may be the post itself, or the
// post may not be counted yet); otherwise the second key before it.
func (k PageKeys) page(key string) string {
	if k.FirstPageLast == "" || k.FirstPageLast >= key {
		return ""
	}
	return k.SecondBefore
}
