package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestSearchInAGroupFindsOlderMatches: a search narrowed to a group finds
// the same posts, in the same order, as the whole forum's search with
// every other group's posts left out, whether the newest documents hold
// a page of its matches or none, whether its word is common in other
// groups or in none, and for stop words alone; a moved thread's posts
// are found in their new group and no longer in the old one, and a
// renamed thread's opening post in its group.
func TestSearchInAGroupFindsOlderMatches(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		defer store.SetSearchWindow(10)()
		uid := forumtest.InsertUser(t, db, "narrower", "member")
		at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		grief := forumtest.InsertThread(t, db, "grief", uid, "Garden notes", nil, at)
		anxiety := forumtest.InsertThread(t, db, "anxiety", uid, "Morning notes", nil, at)
		moved := forumtest.InsertThread(t, db, "grief", uid, "Moving on", nil, at)
		post := func(th forum.Thread, body string) { forumtest.InsertPost(t, db, th, uid, body, at) }
		// Oldest first: three tulips in anxiety, thirty in grief, a few
		// in the thread that moves, then twenty newer anxiety posts
		// without them, so the newest ten documents hold no tulips.
		for i := range 3 {
			post(anxiety, fmt.Sprintf("Anxiety tulip %d, planted in the rain.", i))
		}
		for i := range 30 {
			post(grief, fmt.Sprintf("Grief tulip %d for the one I miss.", i))
		}
		for i := range 4 {
			post(moved, fmt.Sprintf("Moving tulip %d with a lantern.", i))
		}
		for i := range 20 {
			post(anxiety, fmt.Sprintf("Ordinary morning %d: the kettle and the bus.", i))
		}
		f := store.NewForum(db)
		for _, terms := range [][]string{{"tulip"}, {"tulip", "miss"}, {"morning"}, {"lantern"}, {"the"}, {"and", "the"}, {"nowhere"}} {
			for _, g := range []forum.Thread{grief, anxiety} {
				for _, page := range []struct{ limit, offset int }{{2, 0}, {20, 0}, {5, 10}} {
					checkNarrowed(t, f, forum.SearchQuery{Terms: terms, GroupID: g.GroupID, Limit: page.limit, Offset: page.offset})
				}
			}
		}
		hits := narrowed(t, f, forum.SearchQuery{Terms: []string{"tulip"}, GroupID: anxiety.GroupID, Limit: 20})
		if len(hits) != 3 || hits[0].BodyMD != "Anxiety tulip 2, planted in the rain." {
			t.Fatalf("tulip in anxiety: %d hits, want its three, newest first: %+v", len(hits), hits)
		}
		for _, stmt := range []string{"UPDATE threads SET group_id = ? WHERE id = ?", "UPDATE posts SET group_id = ? WHERE thread_id = ?"} {
			if err := db.W.Exec(stmt, anxiety.GroupID, moved.ID).Error; err != nil {
				t.Fatal(err)
			}
		}
		if hits := narrowed(t, f, forum.SearchQuery{Terms: []string{"lantern"}, GroupID: anxiety.GroupID, Limit: 20}); len(hits) != 4 {
			t.Fatalf("lantern in anxiety after the move: %d hits, want the moved thread's four", len(hits))
		}
		if hits := narrowed(t, f, forum.SearchQuery{Terms: []string{"lantern"}, GroupID: grief.GroupID, Limit: 20}); len(hits) != 0 {
			t.Fatalf("lantern in grief after the move: %d hits, want none", len(hits))
		}
		checkNarrowed(t, f, forum.SearchQuery{Terms: []string{"tulip"}, GroupID: anxiety.GroupID, Limit: 20})
		// A renamed thread's opening post keeps its group.
		if err := db.W.Exec("UPDATE threads SET title = 'Lilac mornings' WHERE id = ?", anxiety.ID).Error; err != nil {
			t.Fatal(err)
		}
		// Its body is found (the document written again with the title),
		// as is the moved thread's.
		if hits := narrowed(t, f, forum.SearchQuery{Terms: []string{"opening"}, GroupID: anxiety.GroupID, Limit: 20}); len(hits) != 2 {
			t.Fatalf("opening in anxiety after the rename: %+v, want the two opening posts", hits)
		}
		checkNarrowed(t, f, forum.SearchQuery{Terms: []string{"lilac"}, GroupID: anxiety.GroupID, Limit: 20})
	})
}

// narrowed runs q.
func narrowed(t *testing.T, f *store.Forum, q forum.SearchQuery) []forum.SearchHit {
	t.Helper()
	hits, err := f.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("search %v in group %d: %v", q.Terms, q.GroupID, err)
	}
	return hits
}

// checkNarrowed holds q, a search narrowed to a group, to the whole
// forum's search for its words with the other groups' posts left out.
func checkNarrowed(t *testing.T, f *store.Forum, q forum.SearchQuery) {
	t.Helper()
	var got, want []int64
	for _, h := range narrowed(t, f, q) {
		if h.GroupID != q.GroupID {
			t.Fatalf("search %v in group %d found post %d of group %d", q.Terms, q.GroupID, h.PostID, h.GroupID)
		}
		got = append(got, h.PostID)
	}
	for _, h := range narrowed(t, f, forum.SearchQuery{Terms: q.Terms, Limit: 1000}) {
		if h.GroupID == q.GroupID {
			want = append(want, h.PostID)
		}
	}
	want = want[min(q.Offset, len(want)):min(q.Offset+q.Limit+1, len(want))]
	if !slices.Equal(got, want) {
		t.Fatalf("search %v in group %d, %d from %d: posts %v, want %v", q.Terms, q.GroupID, q.Limit, q.Offset, got, want)
	}
}
