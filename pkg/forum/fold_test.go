package forum_test

import (
	"strings"
	"testing"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// levelScreener reads the level a test wants from the words.
func levelScreener(text string) forum.Screening {
	switch {
	case strings.Contains(text, "SELF-HARM"):
		return forum.Screening{Score: 0.9, Crisis: true, Level: forum.LevelCrisis, Topic: forum.TopicSelfHarm}
	case strings.Contains(text, "CRISIS"):
		return forum.Screening{Score: 0.95, Crisis: true, Level: forum.LevelCrisis, Topic: forum.TopicSuicide}
	case strings.Contains(text, "CONCERN"):
		return forum.Screening{Score: 0.5, Level: forum.LevelConcern, Topic: forum.TopicSuicide}
	case strings.Contains(text, "FOREIGN"):
		return forum.Screening{NotScreened: forum.NotScreenedLanguage}
	}
	return forum.Screening{}
}

// TestScreeningIsStoredOnCreateAndEdit: each post keeps its level, topic
// and not-screened reason as of its last write, on both databases; a
// crisis-level write folds the post, and an edit never unfolds it.
func TestScreeningIsStoredOnCreateAndEdit(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		p := newPosting(t, db)
		p.svc = forum.NewService(store.NewForum(db), forum.WithScreener(levelScreener))
		stored := func(id int64, level forum.Level, topic forum.Topic, notScreened string, folded bool) forum.Post {
			t.Helper()
			var got forum.Post
			if err := db.R.Take(&got, id).Error; err != nil {
				t.Fatal(err)
			}
			if got.CrisisLevel != level || got.CrisisTopic != topic || got.NotScreened != notScreened || got.CrisisFolded != folded {
				t.Errorf("post %d: level %d topic %q not screened %q folded %v; want %d %q %q %v",
					id, got.CrisisLevel, got.CrisisTopic, got.NotScreened, got.CrisisFolded, level, topic, notScreened, folded)
			}
			return got
		}
		g := forumtest.Group(t, db, "grief")
		th, err := p.svc.StartThread(p.ctx, g, p.member, forum.Draft{Title: "Tonight", Body: "SELF-HARM words"}, "")
		if err != nil {
			t.Fatal(err)
		}
		opening := stored(th.Post.ID, forum.LevelCrisis, forum.TopicSelfHarm, "", true)
		written := map[string]forum.Posted{}
		for _, body := range []string{"A CONCERN", "Words FOREIGN", "Calm words"} {
			res, err := p.svc.Reply(p.ctx, th.Post.ThreadID, p.other, 0, forum.Draft{Body: body}, "")
			if err != nil {
				t.Fatal(err)
			}
			written[body] = res
		}
		concern := stored(written["A CONCERN"].Post.ID, forum.LevelConcern, forum.TopicSuicide, "", false)
		stored(written["Words FOREIGN"].Post.ID, forum.LevelNone, forum.TopicNone, forum.NotScreenedLanguage, false)
		stored(written["Calm words"].Post.ID, forum.LevelNone, forum.TopicNone, "", false)

		// An edit into crisis words folds a post; an edit out of them
		// keeps the fold until a moderator has looked.
		row := forum.PostRow{Post: concern}
		if _, err := p.svc.Edit(p.ctx, row, p.other, concern.Version, forum.Draft{Body: "Now CRISIS"}); err != nil {
			t.Fatal(err)
		}
		stored(concern.ID, forum.LevelCrisis, forum.TopicSuicide, "", true)
		row = forum.PostRow{Post: opening}
		if _, err := p.svc.Edit(p.ctx, row, p.member, opening.Version, forum.Draft{Title: "Tonight", Body: "Better now"}); err != nil {
			t.Fatal(err)
		}
		stored(opening.ID, forum.LevelNone, forum.TopicNone, "", true)
	})
}

// TestFoldedFor: a folded post is folded for every reader but its author
// and its group's moderators, and for visitors (reader 0) always.
func TestFoldedFor(t *testing.T) {
	author := int64(7)
	p := forum.Post{AuthorID: &author, CrisisFolded: true}
	for _, c := range []struct {
		reader    int64
		moderator bool
		want      bool
	}{{0, false, true}, {8, false, true}, {7, false, false}, {8, true, false}, {0, true, false}} {
		if got := p.FoldedFor(c.reader, c.moderator); got != c.want {
			t.Errorf("reader %d moderator %v: folded %v", c.reader, c.moderator, got)
		}
	}
	if (forum.Post{AuthorID: &author}).FoldedFor(8, false) {
		t.Error("a post that is not folded is folded")
	}
	if anon := (forum.Post{CrisisFolded: true}); !anon.FoldedFor(7, false) {
		t.Error("a former member's folded post is open")
	}
	if forum.FoldTopic("") != forum.TopicSuicide || forum.TopicSelfHarm.Name() != "Self-harm" || forum.Topic("").Name() != "Suicide" {
		t.Error("fold topics")
	}
}
