package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestSearchRanksTitlesThenTheNewest: the opening posts whose title holds
// every word lead, however old and however many newer posts match, then
// every other match, newest first: the oldest match, though it says the
// word most, is not on the first pages; in a chosen group only that
// group's posts are read, however many newer matches other groups hold.
func TestSearchRanksTitlesThenTheNewest(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		uid := forumtest.InsertUser(t, db, "searcher", "member")
		at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		titled := forumtest.InsertThread(t, db, "grief", uid, "Lantern light", nil, at)
		grief := forumtest.InsertThread(t, db, "grief", uid, "Quiet evenings", nil, at)
		anxiety := forumtest.InsertThread(t, db, "anxiety", uid, "Busy mornings", nil, at)
		kettle := forumtest.InsertThread(t, db, "grief", uid, "The kettle and me", nil, at)
		post := func(th forum.Thread, body string) {
			t.Helper()
			if err := db.W.Exec(`INSERT INTO posts (thread_id, group_id, author_id, body_md, body_html, status, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, 'visible', ?, ?)`, th.ID, th.GroupID, uid, body, "<p>"+body+"</p>", at, at).Error; err != nil {
				t.Fatal(err)
			}
		}
		// The oldest matches: the most relevant one in grief, then one in
		// anxiety; then 1,100 newer ones in grief.
		post(grief, strings.Repeat("lantern kettle ", 15))
		post(anxiety, "An old lantern in the anxiety group.")
		for i := 0; i < 1100; i++ {
			post(grief, fmt.Sprintf("Post %d mentions a lantern once among many other ordinary words about the evening walk.", i))
		}
		f := store.NewForum(db)
		hits, err := f.Search(ctx, forum.SearchQuery{Terms: []string{"lantern"}, Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 201 {
			t.Fatalf("%d hits, want a full page and one more", len(hits))
		}
		if hits[0].ThreadID != titled.ID || hits[0].Rank != 1 || hits[1].Rank != 0 || !strings.HasPrefix(hits[1].BodyMD, "Post 1099 ") {
			t.Fatalf("lantern: first hits %q (rank %v) and %q, want the titled thread's opening post, ranked 1, then the newest post", hits[0].BodyMD, hits[0].Rank, hits[1].BodyMD)
		}
		for _, h := range hits {
			if strings.HasPrefix(h.BodyMD, "lantern kettle") || h.GroupID == anxiety.GroupID {
				t.Fatalf("an old match came before 200 newer ones: %q", h.BodyMD)
			}
		}
		hits, err = f.Search(ctx, forum.SearchQuery{Terms: []string{"lantern"}, Limit: 20, Offset: 180})
		if err != nil || len(hits) != 21 || hits[0].Rank != 0 || !strings.HasPrefix(hits[0].BodyMD, "Post 920 ") {
			t.Fatalf("lantern, page 10: %v, %d hits, want 21 from Post 920 on", err, len(hits))
		}
		hits, err = f.Search(ctx, forum.SearchQuery{Terms: []string{"lantern"}, GroupID: anxiety.GroupID, Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 1 || hits[0].GroupID != anxiety.GroupID {
			t.Fatalf("in the anxiety group: %d hits %+v, want its one old post", len(hits), hits)
		}
		// The opening post titled with the word, however old, then the
		// newest first.
		post(grief, "A newer post with a kettle among other words about the evening.")
		hits, err = f.Search(ctx, forum.SearchQuery{Terms: []string{"kettle"}, Limit: 20})
		var got []string
		for _, h := range hits {
			got = append(got, h.BodyMD[:min(len(h.BodyMD), 22)])
		}
		want := []string{"Opening post of The ke", "A newer post with a ke", "lantern kettle lantern"}
		if err != nil || strings.Join(got, "|") != strings.Join(want, "|") || hits[0].Rank != 1 || hits[1].Rank != 0 {
			t.Fatalf("kettle: %v, hits %q, want %q with the title match ranked 1", err, got, want)
		}
		checkRenamedTitle(t, db, f, kettle)
		// Every word must be in the title for the title to lead: these
		// posts (in "Quiet evenings") hold "kettle" only in their body.
		hits, err = f.Search(ctx, forum.SearchQuery{Terms: []string{"kettle", "evening"}, Limit: 20})
		if err != nil || len(hits) != 2 || hits[0].Rank != 0 || hits[1].Rank != 0 || !strings.HasPrefix(hits[0].BodyMD, "A newer post") {
			t.Fatalf("kettle evening: %v, %+v, want the two posts in Quiet evenings, newest first, neither a title match", err, hits)
		}
	})
}

// TestSearchPagesPastHiddenTags: the best matches are read a few more
// than a page at a time, and posts carrying a hidden tag are left out
// without leaving a page short or repeating a hit on the next.
func TestSearchPagesPastHiddenTags(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		uid := forumtest.InsertUser(t, db, "pager", "member")
		at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		th := forumtest.InsertThread(t, db, "grief", uid, "Evenings", nil, at)
		for i := 0; i < 100; i++ {
			tags := ""
			if i%2 == 0 {
				tags = ",selfharm,"
			}
			body := fmt.Sprintf("Post %d: a lantern by the window.", i)
			if err := db.W.Exec(`INSERT INTO posts (thread_id, group_id, author_id, body_md, body_html, tags, status, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, 'visible', ?, ?)`, th.ID, th.GroupID, uid, body, "<p>"+body+"</p>", tags, at, at).Error; err != nil {
				t.Fatal(err)
			}
		}
		f := store.NewForum(db)
		seen := map[int64]bool{}
		for page, want := range []int{21, 21, 10} {
			hits, err := f.Search(ctx, forum.SearchQuery{Terms: []string{"lantern"}, HideTags: []string{"selfharm"}, Limit: 20, Offset: page * 20})
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) != want {
				t.Fatalf("page %d: %d hits, want %d", page+1, len(hits), want)
			}
			for i, h := range hits {
				if strings.Contains(string(h.PostTags), "selfharm") {
					t.Fatalf("page %d: a hidden post was found: %q", page+1, h.BodyMD)
				}
				if i < 20 && seen[h.PostID] {
					t.Fatalf("page %d repeats post %d", page+1, h.PostID)
				}
				if i < 20 {
					seen[h.PostID] = true
				}
			}
		}
		if len(seen) != 50 {
			t.Fatalf("%d posts over three pages, want the 50 untagged", len(seen))
		}
	})
}

// checkRenamedTitle: a thread's new title is found, and its old one no
// longer leads (the titles' index follows the thread's row).
func checkRenamedTitle(t *testing.T, db *store.DB, f *store.Forum, kettle forum.Thread) {
	t.Helper()
	ctx := context.Background()
	if err := db.W.Exec("UPDATE threads SET title = 'The teapot and me' WHERE id = ?", kettle.ID).Error; err != nil {
		t.Fatal(err)
	}
	hits, err := f.Search(ctx, forum.SearchQuery{Terms: []string{"teapot"}, Limit: 20})
	if err != nil || len(hits) != 1 || hits[0].Rank != 1 || hits[0].ThreadID != kettle.ID || hits[0].Title != "The teapot and me" {
		t.Fatalf("teapot: %v, %+v, want the renamed thread's opening post, ranked 1", err, hits)
	}
	hits, err = f.Search(ctx, forum.SearchQuery{Terms: []string{"kettle"}, Limit: 20})
	if err != nil || len(hits) != 3 || hits[0].Rank != 0 || hits[2].Rank != 0 || hits[2].ThreadID != kettle.ID {
		t.Fatalf("kettle after the rename: %v, %+v, want three body matches, newest first, none a title match", err, hits)
	}
}
