package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// Markers the screener of these tests reads in a post, standing for what
// the crisis detector will say of real words.
const (
	markCrisis   = "MARK-CRISIS"
	markSelfHarm = "MARK-SELF-HARM"
	markConcern  = "MARK-CONCERN"
	markForeign  = "MARK-FOREIGN"
	// foldedWords and selfHarmWords are the words of crisis-level posts:
	// no reader but their author and moderators may see them while the
	// posts are folded. "zephyrine" is there to be searched for.
	foldedWords   = "FOLDED-METHOD-WORDS zephyrine"
	selfHarmWords = "SELF-HARM-METHOD-WORDS"
	suicideFold   = "Warning: Suicide."
	selfHarmFold  = "Warning: Self-harm."
)

// markScreener screens as the detector will once it reads levels and
// topics: a crisis about suicide (with immediate danger), a crisis about
// self-harm, a concern, and words in a language it does not read.
func markScreener(text string) forum.Screening {
	switch {
	case strings.Contains(text, markSelfHarm):
		return forum.Screening{Score: 0.9, Crisis: true, Level: forum.LevelCrisis, Topic: forum.TopicSelfHarm, Matches: []string{"self-harm marker"}}
	case strings.Contains(text, markCrisis):
		return forum.Screening{Score: 0.95, Crisis: true, Level: forum.LevelCrisis, Topic: forum.TopicSuicide, Immediate: true, Matches: []string{"crisis marker"}}
	case strings.Contains(text, markConcern):
		return forum.Screening{Score: 0.5, Level: forum.LevelConcern, Topic: forum.TopicSuicide, Matches: []string{"concern marker"}}
	case strings.Contains(text, markForeign):
		return forum.Screening{NotScreened: forum.NotScreenedLanguage}
	}
	return forum.Screening{}
}

// foldWorld is modWorld with the marker screener and two crisis-level
// posts by Maple: a reply to Wren's opening post that mentions Cedar, and a
// thread of its own about self-harm. A visitor and Hazel read the thread
// before the reply was posted, so the visitor page cache and the thread
// cache hold the page without it.
type foldWorld struct {
	*modWorld
	crisisReply, selfHarmThread int64
	visitor, hazel              *forumtest.Client
}

func newFoldWorld(t *testing.T, db *store.DB) *foldWorld {
	t.Helper()
	w := &foldWorld{modWorld: newModWorld(t, db)}
	forum.WithScreener(markScreener)(w.app.Forum)
	w.visitor, w.hazel = w.as(0), w.as(w.members[3])
	for _, c := range []*forumtest.Client{w.visitor, w.hazel} {
		wantStatus(t, c.Get(w.threadPath()), http.StatusOK)
	}
	maple := w.as(w.members[0])
	w.crisisReply, _ = replyTo(t, maple, w.thread.ID, 0, "@Cedar "+foldedWords+" "+markCrisis)
	w.selfHarmThread = startThread(t, maple, "grief", "Tonight feels different", selfHarmWords+" "+markSelfHarm)
	return w
}

func (w *foldWorld) threadPath() string { return "/t/" + idStr(w.thread.ID) }

// folded fails unless body shows the fold with warning and none of the
// words of a folded post.
func folded(t *testing.T, what, body, warning string) {
	t.Helper()
	if !strings.Contains(body, warning) {
		t.Errorf("%s: no %q fold\n%s", what, warning, snippet(body))
	}
	for _, words := range []string{"FOLDED-METHOD-WORDS", selfHarmWords} {
		if strings.Contains(body, words) {
			t.Errorf("%s shows the words of a folded post (%q)", what, words)
		}
	}
}

// TestFoldedPostHidesItsWordsFromOtherReaders checks every view that shows
// a post's words to someone other than its author and moderators: the
// thread page (a visitor's from the page cache, a member's from the thread
// cache), the reply page and its quote, search, the profile, notifications'
// excerpts, the three feeds and the API. Each shows the automatic warning,
// by topic, and never the words.
func TestFoldedPostHidesItsWordsFromOtherReaders(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newFoldWorld(t, db)
		for name, c := range map[string]*forumtest.Client{"visitor": w.visitor, "member": w.hazel} {
			r := c.Get(w.threadPath())
			wantStatus(t, r, http.StatusOK)
			folded(t, name+"'s thread page", r.Body, suicideFold)
			pageHas(t, r.Body, fmt.Sprintf(`id="p-%d"`, w.crisisReply), "The lighthouse keeper hummed quietly", `href="/crisis"`)
			folded(t, name+"'s other thread", c.Get("/t/"+idStr(w.selfHarmThread)).Body, selfHarmFold)
			folded(t, name+"'s search", c.Get("/search?q=zephyrine").Body, suicideFold)
			folded(t, name+"'s view of the profile", c.Get("/u/Maple").Body, suicideFold)
		}
		// A member may still reply to a folded post, but not quote it.
		r := w.hazel.Get(fmt.Sprintf("/t/%d/reply?parent=%d&quote=1", w.thread.ID, w.crisisReply))
		wantStatus(t, r, http.StatusOK)
		folded(t, "the reply page", r.Body, suicideFold)
		pageLacks(t, w.hazel.Get(w.threadPath()).Body, fmt.Sprintf("reply?parent=%d&amp;quote=1", w.crisisReply))
		// Notifications: Wren's of a reply, Cedar's of a mention.
		folded(t, "the notification of a reply", w.as(w.author).Get("/notifications").Body, suicideFold)
		folded(t, "the notification of a mention", w.as(w.members[1]).Get("/notifications").Body, suicideFold)
		for _, feed := range []string{"/feed.atom", "/g/grief/feed.atom", "/t/" + idStr(w.selfHarmThread) + "/feed.atom"} {
			folded(t, feed, w.visitor.Get(feed).Body, "[Warning: Self-harm]")
		}
		folded(t, "the thread's feed", w.visitor.Get(w.threadPath()+"/feed.atom").Body, "[Warning: Suicide]")
		checkFoldedAPI(t, w.visitor, w.thread.ID, w.crisisReply, "suicide")
		checkFoldedAPI(t, w.visitor, w.selfHarmThread, firstPostOf(t, db, w.selfHarmThread), "self-harm")
		// A moderator of another group is another reader here.
		folded(t, "another group's moderator", w.as(w.anxietyMod).Get(w.threadPath()).Body, suicideFold)
	})
}

// checkFoldedAPI checks that the API's post is folded, with its warning
// and the placeholder instead of its words.
func checkFoldedAPI(t *testing.T, c *forumtest.Client, thread, post int64, warning string) {
	t.Helper()
	r := c.Get("/api/v1/threads/" + idStr(thread))
	wantStatus(t, r, http.StatusOK)
	folded(t, "the API", r.Body, "folded behind an automatic warning")
	var page struct {
		Posts []struct {
			ID              int64
			Folded          bool
			BodyHTML        *string                 `json:"body_html"`
			TriggerWarnings []struct{ Slug string } `json:"trigger_warnings"`
		}
	}
	if err := json.Unmarshal([]byte(r.Body), &page); err != nil {
		t.Fatal(err)
	}
	for _, p := range page.Posts {
		if p.ID != post {
			continue
		}
		if !p.Folded || p.BodyHTML != nil || len(p.TriggerWarnings) == 0 || p.TriggerWarnings[0].Slug != warning {
			t.Errorf("API post %d: %+v", post, p)
		}
		return
	}
	t.Errorf("API: post %d missing", post)
}

// TestFoldedPostIsOpenToItsAuthorAndModerators: the author sees the post as
// written, with a note that others see it folded; the group's moderators
// and site-wide moderators see it open with the control that unfolds it.
func TestFoldedPostIsOpenToItsAuthorAndModerators(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newFoldWorld(t, db)
		maple := w.as(w.members[0])
		r := maple.Get(w.threadPath())
		pageHas(t, r.Body, "FOLDED-METHOD-WORDS", "Other members see it folded behind a “Suicide” warning")
		pageLacks(t, r.Body, suicideFold, "Mark as looked at")
		pageHas(t, maple.Get("/t/"+idStr(w.selfHarmThread)).Body, selfHarmWords, "behind a “Self-harm” warning")
		pageHas(t, maple.Get("/u/Maple").Body, "FOLDED-METHOD-WORDS", selfHarmWords)
		pageHas(t, maple.Get("/search?q=zephyrine").Body, "FOLDED-METHOD-WORDS")
		for _, mod := range []int64{w.griefMod, w.siteMod} {
			r := w.as(mod).Get(w.threadPath())
			pageHas(t, r.Body, "FOLDED-METHOD-WORDS", "Folded for others", fmt.Sprintf(`action="/p/%d/looked"`, w.crisisReply))
			pageLacks(t, r.Body, suicideFold)
			pageHas(t, w.as(mod).Get("/mod/posts/"+idStr(w.crisisReply)).Body, "FOLDED-METHOD-WORDS", "Mark as looked at")
		}
	})
}

// TestModeratorLookUnfoldsThePost: marking a post looked at unfolds it for
// every reader at once (the visitor page cache and the thread cache serve
// no folded copy after it, nor an unfolded one before), is audited, leaves
// its wellbeing concern open and is done once; handling a post's wellbeing
// concern unfolds it too; an edit back into crisis words folds it again.
func TestModeratorLookUnfoldsThePost(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newFoldWorld(t, db)
		looked := fmt.Sprintf("/p/%d/looked", w.crisisReply)
		wantStatus(t, w.as(w.anxietyMod).PostForm(looked, formValues()), http.StatusForbidden)
		folded(t, "after another group's moderator tried", w.visitor.Get(w.threadPath()).Body, suicideFold)
		mod := w.as(w.griefMod)
		r := mod.PostForm(looked, formValues("next", w.threadPath()))
		wantRedirect(t, r, w.threadPath())
		for name, c := range map[string]*forumtest.Client{"visitor": w.visitor, "member": w.hazel} {
			r := c.Get(w.threadPath())
			pageHas(t, r.Body, "FOLDED-METHOD-WORDS")
			pageLacks(t, r.Body, suicideFold)
			if !strings.Contains(c.Get("/api/v1/threads/"+idStr(w.thread.ID)).Body, "FOLDED-METHOD-WORDS") {
				t.Errorf("%s: the API still folds a post a moderator looked at", name)
			}
		}
		if n := len(w.audits(moderation.ActionLooked)); n != 1 {
			t.Fatalf("%d audit rows of a look", n)
		}
		if n := countRows(t, db, "queue_items", "post_id = ? AND kind = ? AND status = ?", w.crisisReply, moderation.KindWellbeing, "open"); n != 1 {
			t.Fatalf("the look closed the wellbeing concern: %d open", n)
		}
		wantStatus(t, mod.PostForm(looked, formValues()), http.StatusConflict)

		// Handling the other post's concern unfolds it.
		opening := firstPostOf(t, db, w.selfHarmThread)
		var item int64
		if err := db.R.Raw("SELECT id FROM queue_items WHERE post_id = ? AND kind = ?", opening, moderation.KindWellbeing).Scan(&item).Error; err != nil || item == 0 {
			t.Fatalf("no wellbeing item for the crisis thread: %v", err)
		}
		wantStatus(t, mod.PostForm(fmt.Sprintf("/mod/items/%d/dismiss", item), formValues()), http.StatusSeeOther)
		pageHas(t, w.visitor.Get("/t/"+idStr(w.selfHarmThread)).Body, selfHarmWords)

		// Crisis words written again after the look fold the post again.
		edit := w.as(w.members[0]).PostForm(fmt.Sprintf("/p/%d/edit", w.crisisReply),
			url.Values{"body": {"Worse now. " + foldedWords + " " + markCrisis}, "version": {"1"}})
		wantStatus(t, edit, http.StatusSeeOther)
		folded(t, "after an edit back into crisis words", w.hazel.Get(w.threadPath()).Body, suicideFold)
		folded(t, "a visitor after the edit", w.visitor.Get(w.threadPath()).Body, suicideFold)
	})
}

// TestRealDetectorFoldsCrisisWords posts words the crisis detector reads as
// a crisis today, through the app's own screener: other readers see the
// post folded behind the Suicide warning.
func TestRealDetectorFoldsCrisisWords(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		id, _ := replyTo(t, w.as(w.members[0]), w.thread.ID, 0, crisisWords)
		for name, c := range map[string]*forumtest.Client{"visitor": w.as(0), "member": w.as(w.members[1])} {
			r := c.Get("/t/" + idStr(w.thread.ID))
			pageHas(t, r.Body, suicideFold, fmt.Sprintf(`id="p-%d"`, id))
			if strings.Contains(r.Body, "I have the pills saved up") {
				t.Errorf("%s reads crisis words a moderator has not looked at", name)
			}
		}
		pageHas(t, w.as(w.members[0]).Get("/t/"+idStr(w.thread.ID)).Body, "I have the pills saved up")
		if p := w.post(id); p.CrisisLevel != forum.LevelCrisis || !p.CrisisFolded {
			t.Fatalf("stored: level %d, folded %v", p.CrisisLevel, p.CrisisFolded)
		}
	})
}
