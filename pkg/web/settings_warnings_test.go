package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestTriggerWarningsReadersControl(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		w := newPoster(t, a, db, "writer", "member")
		reader := newPoster(t, a, db, "reader", "member")
		tagged := w.startThread("depression", "A heavy night", "TAGGEDBODY words.", "self-harm")
		plain := w.startThread("depression", "A lighter day", "PLAINBODY words.")
		replyTagged, _ := w.reply(plain, 0, "TAGGEDREPLY words.", "suicide")
		// Visitors and members start at warn: collapsed behind the tags.
		v := forumtest.NewClient(t, a.Web.Handler())
		r := v.Get("/t/" + idStr(tagged))
		pageHas(t, r.Body, `<details class="tw"><summary>Trigger warning: Self-harm. Open to read</summary><div class="prose"><p>TAGGEDBODY words.</p>`)
		r = reader.c.Get("/t/" + idStr(plain))
		pageHas(t, r.Body, "<summary>Trigger warning: Suicide. Open to read</summary>", "<p>PLAINBODY words.</p>")
		if i := strings.Index(r.Body, "PLAINBODY"); strings.Contains(r.Body[max(0, i-200):i], "<details") {
			t.Fatal("untagged post collapsed")
		}
		// Group lists show title and tags, never an excerpt.
		r = reader.c.Get("/g/depression")
		pageHas(t, r.Body, "A heavy night", `<li class="tag">Self-harm</li>`)
		pageLacks(t, r.Body, "TAGGEDBODY")
		// The settings page shows warn for every tag at first.
		r = reader.c.Get("/settings/warnings")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("settings: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "<legend>Self-harm</legend>", `name="mode-self-harm" value="warn" checked`, "<h1>Trigger warnings</h1>")
		// Show suicide, hide self-harm.
		r = reader.c.PostForm("/settings/warnings", url.Values{"mode-suicide": {"show"}, "mode-self-harm": {"hide"}})
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/settings/warnings" {
			t.Fatalf("save: %d", r.StatusCode)
		}
		r = reader.c.Get("/settings/warnings")
		pageHas(t, r.Body, `name="mode-suicide" value="show" checked`, `name="mode-self-harm" value="hide" checked`, "Your trigger-warning choices are saved.")
		r = reader.c.Get("/t/" + idStr(plain))
		pageHas(t, r.Body, "<p>TAGGEDREPLY words.</p>")
		pageLacks(t, r.Body, "<summary>Trigger warning: Suicide")
		i := strings.Index(r.Body, `id="p-`+idStr(replyTagged)+`"`)
		if i < 0 || strings.Contains(r.Body[i:i+300], "<details") {
			t.Fatal("shown tag still collapsed")
		}
		// A hidden-tag thread is left out of the list, and opened directly it
		// sits behind a one-line notice.
		r = reader.c.Get("/g/depression")
		pageLacks(t, r.Body, "A heavy night")
		pageHas(t, r.Body, "A lighter day")
		r = reader.c.Get("/t/" + idStr(tagged))
		pageHas(t, r.Body, "This thread is tagged Self-harm, which you&#39;ve chosen to hide. Open it anyway", "TAGGEDBODY")
		// Someone else keeps the default.
		pageHas(t, v.Get("/g/depression").Body, "A heavy night")
		// A hidden tag on a reply in an untagged thread folds just that post.
		other := w.startThread("depression", "Mixed", "Fine words.")
		hid, _ := w.reply(other, 0, "HIDDENREPLY words.", "self-harm")
		r = reader.c.Get("/t/" + idStr(other))
		post := regexp.MustCompile(`(?s)id="p-` + idStr(hid) + `">.*?</article>`).FindString(r.Body)
		if !strings.Contains(post, "A post tagged Self-harm is hidden by your settings. Show it") {
			t.Fatalf("hidden reply: %s", post)
		}
		// Unknown tags and modes are refused.
		if r := reader.c.PostForm("/settings/warnings", url.Values{"mode-self-harm": {"banish"}}); r.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("bad mode: %d", r.StatusCode)
		}
		if r := v.Get("/settings/warnings"); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("visitor settings: %d", r.StatusCode)
		}
		// The settings index links here.
		pageHas(t, reader.c.Get("/settings").Body, `href="/settings/warnings"`)
	})
}

// TestAuthorSeesOwnWarnedPostOpen: right after posting, the author reads
// their own warned thread and reply open with the warning above them;
// another member and a visitor still see both collapsed. An author who
// chose to hide the tag keeps their choice.
func TestAuthorSeesOwnWarnedPostOpen(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		w := newPoster(t, a, db, "writer", "member")
		reader := newPoster(t, a, db, "reader", "member")
		r := w.c.PostForm("/g/depression/threads", url.Values{"title": {"A heavy night"}, "body": {"TAGGEDBODY words."},
			"trigger_warnings": {"self-harm"}, "idem": {freshIdem()}})
		wantStatus(t, r, http.StatusSeeOther)
		page := w.c.Get(r.Header.Get("Location")).Body
		inOrder(t, page, `<p class="own-warning">Trigger warning: Self-harm.`, "Others see your post collapsed", "<p>TAGGEDBODY words.</p>")
		pageLacks(t, page, "<summary>Trigger warning: Self-harm. Open to read</summary>")
		tagged := idIn(t, r.Header.Get("Location"), `^/t/(\d+)$`)
		_, loc := w.reply(tagged, 0, "TAGGEDREPLY words.", "suicide")
		inOrder(t, w.c.Get(noFragment(loc)).Body, "Trigger warning: Suicide.", "<p>TAGGEDREPLY words.</p>")

		for who, c := range map[string]*forumtest.Client{"member": reader.c, "visitor": forumtest.NewClient(t, a.Web.Handler())} {
			page := c.Get("/t/" + idStr(tagged)).Body
			if !strings.Contains(page, `<details class="tw"><summary>Trigger warning: Self-harm. Open to read</summary><div class="prose"><p>TAGGEDBODY words.</p>`) ||
				!strings.Contains(page, `<details class="tw"><summary>Trigger warning: Suicide. Open to read</summary><div class="prose"><p>TAGGEDREPLY words.</p>`) {
				t.Errorf("the %s does not see the warned posts collapsed:\n%s", who, page)
			}
			pageLacks(t, page, "own-warning", "Others see your post collapsed")
		}

		wantStatus(t, w.c.PostForm("/settings/warnings", url.Values{"mode-suicide": {"hide"}}), http.StatusSeeOther)
		page = w.c.Get("/t/" + idStr(tagged)).Body
		pageHas(t, page, "is hidden by your settings. Show it")
	})
}
