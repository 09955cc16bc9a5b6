package forum

import (
	"slices"
	"testing"
)

// TestConversationLeavesSharedRowsAlone: paging back reverses the rows the
// query returned newest first, and those rows may be a RowCache's entry
// that every reader of the page shares, so the page must be a copy and the
// entry keep its order for the next reader.
func TestConversationLeavesSharedRowsAlone(t *testing.T) {
	shared := []PostRow{{Post: Post{ID: 3, SortKey: "c"}}, {Post: Post{ID: 2, SortKey: "b"}}, {Post: Post{ID: 1, SortKey: "a"}}}
	for range 2 {
		c := conversation(shared, "", "d")
		var got []int64
		for _, p := range c.Posts {
			got = append(got, p.ID)
		}
		if !slices.Equal(got, []int64{1, 2, 3}) {
			t.Fatalf("page back gave posts %v, want 1, 2, 3", got)
		}
		if shared[0].ID != 3 || shared[2].ID != 1 {
			t.Fatalf("paging back reordered the shared rows: %d, %d, %d", shared[0].ID, shared[1].ID, shared[2].ID)
		}
	}
}
