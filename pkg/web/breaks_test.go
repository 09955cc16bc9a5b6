package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// exactUTC is how pages print a break's end.
func exactUTC(t time.Time) string { return t.UTC().Format("2 January 2006 at 15:04 UTC") }

func latestBreak(t *testing.T, db *store.DB, userID int64) forum.Break {
	t.Helper()
	var b forum.Break
	if err := db.R.Where("user_id = ?", userID).Order("id DESC").Take(&b).Error; err != nil {
		t.Fatalf("no break stored: %v", err)
	}
	return b
}

func TestWholeSiteBreakAndCoolingOff(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		now := time.Now().UTC().Truncate(time.Second)
		a.Breaks.SetClock(func() time.Time { return now })
		uid := forumtest.InsertUser(t, db, "fern", "member")
		c := forumtest.NewClient(t, a.Web.Handler())
		forumtest.LoginAs(t, a, c, uid)

		r := c.Get("/settings/breaks")
		pageHas(t, r.Body, "<h1>Take a break</h1>", `<legend>What would you like a break from?</legend>`,
			`<label for="break-days">For how long</label>`, `<option value="30">1 month (30 days)</option>`, `<option value="7" selected>1 week</option>`)

		r = c.PostForm("/settings/breaks", url.Values{"scope": {"site"}, "days": {"7"}})
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/settings/breaks" {
			t.Fatalf("start: %d %q", r.StatusCode, r.Header.Get("Location"))
		}
		b := latestBreak(t, db, uid)
		if b.Scope != forum.BreakSite || !b.EndsAt.Equal(now.Add(7*24*time.Hour)) {
			t.Fatalf("stored break %+v", b)
		}
		until := exactUTC(b.EndsAt)

		checkSiteBreakPages(t, c, until)

		// Asking to end it early moves the end to a day from now; the break
		// is still on until then.
		end := "/settings/breaks/" + strconv.FormatInt(b.ID, 10) + "/end"
		r = c.PostForm(end, nil)
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("request end: %d", r.StatusCode)
		}
		b = latestBreak(t, db, uid)
		if !b.EndsAt.Equal(now.Add(forum.CoolingOff)) || b.EndRequestedAt == nil {
			t.Fatalf("after asking to end: %+v", b)
		}
		if r := c.Get("/"); r.StatusCode != http.StatusForbidden || !strings.Contains(r.Body, exactUTC(now.Add(forum.CoolingOff))) {
			t.Fatalf("break lifted at once: %d", r.StatusCode)
		}
		// Asking again does not push the end further away or nearer.
		c.PostForm(end, nil)
		if b2 := latestBreak(t, db, uid); !b2.EndsAt.Equal(b.EndsAt) {
			t.Fatalf("second request moved the end to %v", b2.EndsAt)
		}
		pageHas(t, c.Get("/settings/breaks").Body, "You asked to end this break early")

		// Another member cannot touch it.
		other := forumtest.NewClient(t, a.Web.Handler())
		forumtest.LoginAs(t, a, other, forumtest.InsertUser(t, db, "moss", "member"))
		if r := other.PostForm(end, nil); r.StatusCode != http.StatusNotFound {
			t.Fatalf("someone else's break: %d", r.StatusCode)
		}

		// A day later Hearth opens again.
		now = now.Add(forum.CoolingOff + time.Minute)
		if r := c.Get("/"); r.StatusCode != http.StatusOK {
			t.Fatalf("after the cooling-off day: %d", r.StatusCode)
		}

		// Signing out stays possible during a break.
		if err := db.W.Exec("UPDATE breaks SET ends_at = ? WHERE id = ?", now.Add(48*time.Hour), b.ID).Error; err != nil {
			t.Fatal(err)
		}
		if r := c.Get("/"); r.StatusCode != http.StatusForbidden {
			t.Fatalf("break not back on: %d", r.StatusCode)
		}
		if r := c.PostForm("/logout", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("logout during a break: %d", r.StatusCode)
		}
		if r := c.Get("/"); r.StatusCode != http.StatusOK || strings.Contains(r.Body, "taking a break") {
			t.Fatalf("after signing out: %d", r.StatusCode)
		}
	})
}

// checkSiteBreakPages: during a whole-site break every page but help, the
// break settings and signing out shows the gentle break page, saying until
// when.
func checkSiteBreakPages(t *testing.T, c *forumtest.Client, until string) {
	t.Helper()
	for _, p := range []string{"/", "/g/grief", "/settings/blocks", "/no/such/page"} {
		r := c.Get(p)
		if r.StatusCode != http.StatusForbidden {
			t.Fatalf("%s during a site break: %d", p, r.StatusCode)
		}
		pageHas(t, r.Body, "You&#39;re taking a break from Hearth until", until, `href="/crisis"`, `href="/settings/breaks"`, "Quick exit")
		if n := strings.Count(r.Body, "<h1"); n != 1 {
			t.Errorf("%s: %d h1", p, n)
		}
	}
	if r := c.PostForm("/u/someone/block", nil); r.StatusCode != http.StatusForbidden {
		t.Fatalf("POST during a site break: %d", r.StatusCode)
	}
	if r := c.Get("/crisis"); r.StatusCode != http.StatusOK {
		t.Fatalf("/crisis during a break: %d", r.StatusCode)
	}
	r := c.Get("/settings/breaks")
	if r.StatusCode != http.StatusOK {
		t.Fatalf("/settings/breaks during a break: %d", r.StatusCode)
	}
	pageHas(t, r.Body, "You&#39;re taking a break from Hearth until", until, "Ask to end this break early")
}

func TestBreakFormValidation(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		uid := forumtest.InsertUser(t, db, "sorrel", "member")
		c := forumtest.NewClient(t, a.Web.Handler())
		forumtest.LoginAs(t, a, c, uid)
		for name, form := range map[string]url.Values{
			"no length":       {"scope": {"posting"}, "days": {""}},
			"too short":       {"scope": {"posting"}, "days": {"0"}},
			"too long":        {"scope": {"site"}, "days": {"31"}},
			"unknown scope":   {"scope": {"forever"}, "days": {"3"}},
			"no group":        {"scope": {"group"}, "days": {"3"}},
			"unknown group":   {"scope": {"group"}, "group": {"nope"}, "days": {"3"}},
			"unknown tag":     {"scope": {"tag"}, "tag": {"kittens"}, "days": {"3"}},
			"tag not chosen":  {"scope": {"tag"}, "days": {"3"}},
			"garbage length":  {"scope": {"posting"}, "days": {"1e9"}},
			"negative length": {"scope": {"posting"}, "days": {"-2"}},
		} {
			r := c.PostForm("/settings/breaks", form)
			if r.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("%s: status %d", name, r.StatusCode)
				continue
			}
			pageHas(t, r.Body, "Please check the form", `class="field-error"`)
		}
		var n int64
		db.R.Table("breaks").Count(&n)
		if n != 0 {
			t.Fatalf("%d breaks stored from invalid forms", n)
		}
		// A one-day break cannot be shortened: it already ends within the
		// cooling-off day.
		if r := c.PostForm("/settings/breaks", url.Values{"scope": {"posting"}, "days": {"1"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("one-day break: %d", r.StatusCode)
		}
		r := c.Get("/settings/breaks")
		pageHas(t, r.Body, "You&#39;re taking a break from posting until")
		if strings.Contains(r.Body, "Ask to end this break early") {
			t.Error("a break ending within a day offers to end early")
		}
	})
}

func TestGroupAndTagBreaks(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		uid := forumtest.InsertUser(t, db, "yarrow", "member")
		author := forumtest.InsertUser(t, db, "teasel", "member")
		now := time.Now()
		forumtest.InsertThread(t, db, "anxiety", author, "Breathing exercises that help", nil, now.Add(-time.Hour))
		forumtest.InsertThread(t, db, "anxiety", author, "A hard night", []string{"self-harm"}, now)
		c := forumtest.NewClient(t, a.Web.Handler())
		forumtest.LoginAs(t, a, c, uid)

		for _, f := range []url.Values{
			{"scope": {"group"}, "group": {"grief"}, "days": {"14"}},
			{"scope": {"tag"}, "tag": {"self-harm"}, "days": {"30"}},
		} {
			if r := c.PostForm("/settings/breaks", f); r.StatusCode != http.StatusSeeOther {
				t.Fatalf("start %v: %d", f, r.StatusCode)
			}
		}
		r := c.Get("/g/grief")
		if r.StatusCode != http.StatusForbidden {
			t.Fatalf("group on break: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "You&#39;re taking a break from Grief &amp; Loss until")

		r = c.Get("/g/anxiety")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("other group: %d", r.StatusCode)
		}
		if !strings.Contains(r.Body, "Breathing exercises that help") || strings.Contains(r.Body, "A hard night") {
			t.Fatal("a tag break must leave out threads with that tag, and only those")
		}
		pageHas(t, c.Get("/settings/breaks").Body, "You&#39;re taking a break from the Grief &amp; Loss group until", "You&#39;re taking a break from posts tagged Self-harm until")

		// Other members are unaffected.
		other := forumtest.NewClient(t, a.Web.Handler())
		if r := other.Get("/g/anxiety"); !strings.Contains(r.Body, "A hard night") {
			t.Fatal("a break hid content from someone else")
		}
		if r := other.Get("/g/grief"); r.StatusCode != http.StatusOK {
			t.Fatalf("visitor on grief: %d", r.StatusCode)
		}
	})
}

func TestPostingBreakStopsWritingNotReading(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		rowan := newPoster(t, a, db, "rowan", "member")
		other := newPoster(t, a, db, "holly", "member")
		th := other.startThread("grief", "Anniversaries", "It's a year today.")
		own := rowan.startThread("grief", "My first post", "Hello, everyone.")

		if r := rowan.c.PostForm("/settings/breaks", url.Values{"scope": {"posting"}, "days": {"3"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("start break: %d", r.StatusCode)
		}
		b := latestBreak(t, db, rowan.id)
		until := exactUTC(b.EndsAt)

		// Reading works; the reply form gives way to a gentle note.
		r := rowan.c.Get("/t/" + strconv.FormatInt(th, 10))
		if r.StatusCode != http.StatusOK {
			t.Fatalf("reading during a posting break: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "You&#39;re taking a break from posting until "+until)
		pageLacks(t, r.Body, `action="/t/`+strconv.FormatInt(th, 10)+`/replies"`)

		for _, try := range []struct {
			path string
			form url.Values
		}{
			{"/g/grief/threads", url.Values{"title": {"New thread"}, "body": {"Words"}, "idem": {freshIdem()}}},
			{"/t/" + strconv.FormatInt(th, 10) + "/replies", url.Values{"body": {"Words"}, "idem": {freshIdem()}}},
			{"/p/" + strconv.FormatInt(firstPostOf(t, db, own), 10) + "/edit", url.Values{"body": {"Edited words"}, "title": {"My first post"}, "version": {"1"}}},
		} {
			r := rowan.c.PostForm(try.path, try.form)
			if r.StatusCode != http.StatusForbidden {
				t.Fatalf("POST %s during a posting break: %d", try.path, r.StatusCode)
			}
			pageHas(t, r.Body, "You&#39;re taking a break from posting until "+until)
		}
		if r := rowan.c.Get("/g/grief/new"); r.StatusCode != http.StatusForbidden {
			t.Fatalf("composer during a posting break: %d", r.StatusCode)
		}
		if n := countRows(t, db, "posts", "author_id = ?", rowan.id); n != 1 {
			t.Fatalf("rowan has %d posts", n)
		}
		var body string
		db.R.Raw("SELECT body_md FROM posts WHERE id = ?", firstPostOf(t, db, own)).Scan(&body)
		if body != "Hello, everyone." {
			t.Fatalf("edited during a break: %q", body)
		}
		// Someone else is not affected.
		other.reply(th, 0, "Thinking of you.")
	})
}

func TestGroupAndTagBreaksOnThreads(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		me := newPoster(t, a, db, "linnea", "member")
		other := newPoster(t, a, db, "aspen", "member")
		griefThread := other.startThread("grief", "Missing my dad", "Some days are heavier.")
		tagged := other.startThread("anxiety", "A bad night", "Details of a hard night.", "self-harm")
		plain := other.startThread("anxiety", "Grounding", "Five things you can see.")
		taggedReply, _ := other.reply(plain, 0, "Something hard happened.", "self-harm")

		for _, f := range []url.Values{
			{"scope": {"group"}, "group": {"grief"}, "days": {"2"}},
			{"scope": {"tag"}, "tag": {"self-harm"}, "days": {"2"}},
		} {
			if r := me.c.PostForm("/settings/breaks", f); r.StatusCode != http.StatusSeeOther {
				t.Fatalf("start break: %d", r.StatusCode)
			}
		}
		r := me.c.Get("/t/" + strconv.FormatInt(griefThread, 10))
		if r.StatusCode != http.StatusForbidden {
			t.Fatalf("thread in a group on break: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "taking a break from Grief &amp; Loss until")
		r = me.c.Get("/t/" + strconv.FormatInt(tagged, 10))
		if r.StatusCode != http.StatusForbidden {
			t.Fatalf("thread with a tag on break: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "taking a break from posts tagged Self-harm until")
		r = me.c.Get("/g/grief/new")
		if r.StatusCode != http.StatusForbidden {
			t.Fatalf("composer in a group on break: %d", r.StatusCode)
		}
		// In an untagged thread, a post with the tag is folded away.
		r = me.c.Get("/t/" + strconv.FormatInt(plain, 10))
		if r.StatusCode != http.StatusOK {
			t.Fatalf("plain thread: %d", r.StatusCode)
		}
		i := strings.Index(r.Body, `id="p-`+strconv.FormatInt(taggedReply, 10)+`"`)
		if i < 0 || !strings.Contains(r.Body[i:], `<details class="tw tw-hidden"><summary>A post tagged Self-harm`) {
			t.Fatal("a post with the tag on break is not folded away")
		}
		// Posting elsewhere still works.
		me.reply(plain, 0, "Thank you, this helps.")
	})
}
