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

var unreadRe = regexp.MustCompile(`Notifications <span class="count">(\d+)<span class="visually-hidden"> unread`)

func unreadIn(body string) string {
	if m := unreadRe.FindStringSubmatch(body); m != nil {
		return m[1]
	}
	return "0"
}

func TestNotificationsForRepliesMentionsFollowsAndReactions(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		ann := newPoster(t, a, db, "Annika", "member")
		ben := newPoster(t, a, db, "ben_k", "member")
		cai := newPoster(t, a, db, "cai", "member")
		dee := newPoster(t, a, db, "dee", "member")
		tid := ann.startThread("grief", "Anniversaries", "The first one is close.")
		op := firstPostOf(t, db, tid)
		// Ben replies to Ann's opening post: Ann hears of it.
		benPost, _ := ben.reply(tid, 0, "I remember mine. It gets gentler.")
		r := ann.c.Get("/notifications")
		pageHas(t, r.Body, "ben_k replied to your post in “Anniversaries”", "I remember mine. It gets gentler.", `href="/p/`+idStr(benPost)+`"`)
		if unreadIn(r.Body) != "1" {
			t.Fatalf("unread %s", unreadIn(r.Body))
		}
		// Cai replies to Ben: Ben (parent) gets a reply notice, Ann (follower,
		// since she started the thread) a thread notice; Cai mentions Dee.
		cai.reply(tid, benPost, "Thank you @ben_k, and @DEE you might find this helpful.")
		pageHas(t, ben.c.Get("/notifications").Body, "cai replied to your post")
		pageHas(t, ann.c.Get("/notifications").Body, "cai replied in “Anniversaries”, a thread you follow")
		pageHas(t, dee.c.Get("/notifications").Body, "cai mentioned you in “Anniversaries”")
		if n := unreadIn(ben.c.Get("/").Body); n != "1" {
			t.Fatalf("ben's unread %s (a reply that mentions him notifies once)", n)
		}
		// Nobody is notified of their own words.
		if strings.Contains(cai.c.Get("/notifications").Body, "cai replied") {
			t.Fatal("self notification")
		}
		// Reactions reach the author, with the reaction named.
		dee.c.PostForm("/p/"+idStr(op)+"/react", url.Values{"kind": {"thinking"}})
		pageHas(t, ann.c.Get("/notifications").Body, "dee said “Thinking of you” to your post")
		if n := unreadIn(ann.c.Get("/").Body); n != "3" {
			t.Fatalf("ann's unread %s", n)
		}
		// Mark read.
		r = ann.c.Get("/notifications")
		upto := regexp.MustCompile(`name="upto" value="(\d+)"`).FindStringSubmatch(r.Body)
		if upto == nil {
			t.Fatal("no mark-read form")
		}
		if r := ann.c.PostForm("/notifications/read", url.Values{"upto": {upto[1]}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("mark read: %d", r.StatusCode)
		}
		if n := unreadIn(ann.c.Get("/").Body); n != "0" {
			t.Fatalf("unread after marking read: %s", n)
		}
		// Muting a thread silences it.
		if r := ann.c.PostForm("/t/"+idStr(tid)+"/mute", url.Values{"back": {"/t/" + idStr(tid)}}); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/t/"+idStr(tid) {
			t.Fatalf("mute: %d %q", r.StatusCode, r.Header.Get("Location"))
		}
		pageHas(t, ann.c.Get("/t/"+idStr(tid)).Body, `aria-pressed="true">Muted</button>`)
		ben.reply(tid, op, "Another reply to Ann's post.")
		dee.c.PostForm("/p/"+idStr(op)+"/react", url.Values{"kind": {"hear"}})
		if n := unreadIn(ann.c.Get("/").Body); n != "0" {
			t.Fatalf("muted thread notified: %s", n)
		}
		// Following a thread you never posted in.
		eve := newPoster(t, a, db, "eve", "member")
		eve.c.PostForm("/t/"+idStr(tid)+"/follow", url.Values{})
		pageHas(t, eve.c.Get("/t/"+idStr(tid)).Body, `aria-pressed="true">Following</button>`)
		cai.reply(tid, 0, "Checking in on everyone.")
		pageHas(t, eve.c.Get("/notifications").Body, "cai replied in “Anniversaries”, a thread you follow")
		eve.c.PostForm("/t/"+idStr(tid)+"/follow", url.Values{}) // unfollow
		cai.reply(tid, 0, "One more.")
		if n := unreadIn(eve.c.Get("/").Body); n != "1" {
			t.Fatalf("unfollowed thread still notifies: %s", n)
		}
	})
}

func TestNotificationsRespectTriggerWarnings(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		ann := newPoster(t, a, db, "ana", "member")
		ben := newPoster(t, a, db, "bo", "member")
		tid := ann.startThread("ptsd", "Nights", "Hard nights lately.")
		ben.reply(tid, 0, "A reply about a HARDDETAIL moment.", "self-harm")
		r := ann.c.Get("/notifications")
		// Warn (the default): the notice shows its tags and folds the excerpt.
		pageHas(t, r.Body, `<li class="tag">Self-harm</li>`, "<summary>Trigger warning: Self-harm. Open to read</summary>")
		// Hide: left out, and not counted.
		if r := ann.c.PostForm("/settings/warnings", url.Values{"mode-self-harm": {"hide"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("save prefs: %d", r.StatusCode)
		}
		r = ann.c.Get("/notifications")
		pageLacks(t, r.Body, "HARDDETAIL", "bo replied")
		if unreadIn(r.Body) != "0" {
			t.Fatalf("hidden notification counted: %s", unreadIn(r.Body))
		}
		// Show: the excerpt is open.
		ann.c.PostForm("/settings/warnings", url.Values{"mode-self-harm": {"show"}})
		r = ann.c.Get("/notifications")
		pageHas(t, r.Body, "HARDDETAIL")
		pageLacks(t, r.Body, "<summary>Trigger warning: Self-harm")
	})
}

var (
	seenRe   = regexp.MustCompile(`name="seen" value="(\d+)"`)
	uptoRe   = regexp.MustCompile(`name="upto" value="(\d+)"`)
	noticeRe = regexp.MustCompile(`<li class="notification unread">`)
)

// markPageRead posts the page's own "mark all as read" form.
func markPageRead(t *testing.T, c *forumtest.Client, page string) {
	t.Helper()
	upto, seen := uptoRe.FindStringSubmatch(page), seenRe.FindStringSubmatch(page)
	if upto == nil || seen == nil {
		t.Fatalf("no mark-read form:\n%s", page)
	}
	if r := c.PostForm("/notifications/read", url.Values{"upto": {upto[1]}, "seen": {seen[1]}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("mark read: %d", r.StatusCode)
	}
}

// TestFollowedThreadIsOneNotice: a follower has one unread notice per
// thread however many replies it gets, which leads to the first new reply
// they can see and says how many there are; what they cannot see (removed,
// blocked, hidden by a tag, their own) is not counted, muting stops the
// count, and a reply written while they read the page is still news after
// "mark all as read".
func TestFollowedThreadIsOneNotice(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		ann := newPoster(t, a, db, "Annika", "member")
		ben := newPoster(t, a, db, "ben_k", "member")
		cai := newPoster(t, a, db, "cai", "member")
		eve := newPoster(t, a, db, "eve", "member")
		tid := ann.startThread("grief", "Anniversaries", "The first one is close.")
		eve.c.PostForm("/t/"+idStr(tid)+"/follow", url.Values{})
		unreadOnPage := func(want string) string {
			t.Helper()
			return unreadNotices(t, eve.c, want)
		}

		first, _ := ben.reply(tid, 0, "First of many replies.")
		second, _ := cai.reply(tid, 0, "A second reply.")
		ben.reply(tid, second, "A third, answering cai.")
		page := unreadOnPage("1")
		pageHas(t, page, "3 new replies in “Anniversaries”, a thread you follow, the first from ben_k",
			`href="/p/`+idStr(first)+`"`, "First of many replies.")
		var count int64
		db.R.Raw("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND kind = 'thread_reply'", eve.id).Scan(&count)
		if count != 1 {
			t.Fatalf("eve has %d thread notices, want 1", count)
		}

		// A moderator removes the first reply: the notice starts at cai's.
		if err := db.W.Exec("UPDATE posts SET status = 'removed' WHERE id = ?", first).Error; err != nil {
			t.Fatal(err)
		}
		pageHas(t, unreadOnPage("1"), "2 new replies in “Anniversaries”, a thread you follow, the first from cai",
			`href="/p/`+idStr(second)+`"`)
		// Blocking ben leaves only cai's reply.
		wantStatus(t, eve.c.PostForm("/u/ben_k/block", nil), http.StatusSeeOther)
		page = unreadOnPage("1")
		pageHas(t, page, "cai replied in “Anniversaries”, a thread you follow")
		pageLacks(t, page, "A third, answering cai.", "new replies")
		// Hiding the tag on cai's next reply, and eve's own reply, add nothing.
		eve.c.PostForm("/settings/warnings", url.Values{"mode-self-harm": {"hide"}})
		cai.reply(tid, 0, "HIDDENWORDS about a hard night.", "self-harm")
		eve.reply(tid, 0, "I'm here too.")
		pageLacks(t, unreadOnPage("1"), "HIDDENWORDS", "new replies")
		// Hiding cai's only counted reply too leaves nothing to show.
		if err := db.W.Exec("UPDATE posts SET status = 'removed' WHERE id = ?", second).Error; err != nil {
			t.Fatal(err)
		}
		unreadOnPage("0")
		// ...until a reply eve can see arrives: the same notice shows it.
		fourth, _ := cai.reply(tid, 0, "Checking in on everyone.")
		pageHas(t, unreadOnPage("1"), "cai replied in “Anniversaries”", `href="/p/`+idStr(fourth)+`"`)
		if db.R.Raw("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND kind = 'thread_reply'", eve.id).Scan(&count); count != 1 {
			t.Fatalf("eve has %d thread notices, want still 1", count)
		}

		// A reply written after the page was made is still news once eve
		// marks the page read.
		page = unreadOnPage("1")
		late, _ := cai.reply(tid, 0, "A late reply.")
		markPageRead(t, eve.c, page)
		pageHas(t, unreadOnPage("1"), "cai replied in “Anniversaries”", `href="/p/`+idStr(late)+`"`)
		markPageRead(t, eve.c, unreadOnPage("1"))
		unreadOnPage("0")
		// The read notice keeps what it stood for.
		pageHas(t, eve.c.Get("/notifications").Body, "cai replied in “Anniversaries”")

		// Muting: the open notice stops counting and nothing new arrives.
		cai.reply(tid, 0, "After the read.")
		wantStatus(t, eve.c.PostForm("/t/"+idStr(tid)+"/mute", url.Values{}), http.StatusSeeOther)
		cai.reply(tid, 0, "While muted.")
		cai.reply(tid, 0, "Still muted.")
		page = unreadOnPage("1")
		pageHas(t, page, "cai replied in “Anniversaries”")
		pageLacks(t, page, "new replies")
	})
}

// unreadNotices is c's notifications page, after checking that its header
// and its list both count want unread.
func unreadNotices(t *testing.T, c *forumtest.Client, want string) string {
	t.Helper()
	r := c.Get("/notifications")
	if n := unreadIn(r.Body); n != want {
		t.Fatalf("unread count %s, want %s", n, want)
	}
	if n := len(noticeRe.FindAllString(r.Body, -1)); idStr(int64(n)) != want {
		t.Fatalf("the page lists %d unread, the header says %s", n, want)
	}
	return r.Body
}

// TestUnreadCountIsCapped: the header counts unread notifications up to
// 100 and shows "99+" beyond 99, counting only what the notifications page
// would show (visible posts, no hidden tags).
func TestUnreadCountIsCapped(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		tid, ms := longThread(t, db, 120) // 113 visible posts, 7 removed, redacted or deleted
		reader := forumtest.InsertUser(t, db, "backlog_reader", "member")
		if err := db.W.Exec("INSERT INTO notifications (user_id, kind, actor_id, post_id, thread_id, created_at) SELECT ?, 'reply', ?, id, thread_id, created_at FROM posts WHERE thread_id = ?", reader, ms[0], tid).Error; err != nil {
			t.Fatal(err)
		}
		c := forumtest.NewClient(t, a.Web.Handler())
		forumtest.LoginAs(t, a, c, reader)
		body := c.Get("/").Body
		pageHas(t, body, `Notifications <span class="count">99+<span class="visually-hidden"> unread`)
		// Leave 99 notifications of visible posts unread: the exact count shows.
		if err := db.W.Exec(`UPDATE notifications SET read_at = CURRENT_TIMESTAMP WHERE user_id = ? AND id NOT IN (
			SELECT n.id FROM notifications n JOIN posts p ON p.id = n.post_id WHERE n.user_id = ? AND p.status = 'visible' ORDER BY n.id LIMIT 99)`, reader, reader).Error; err != nil {
			t.Fatal(err)
		}
		if n := unreadIn(c.Get("/").Body); n != "99" {
			t.Fatalf("unread %s, want 99", n)
		}
		// Hiding a tag leaves its notifications out of the count, as the page does.
		db.W.Exec("INSERT INTO tag_prefs (user_id, tag_slug, mode, updated_at) VALUES (?, 'death-loss', 'hide', CURRENT_TIMESTAMP)", reader)
		var tagged int64
		db.R.Raw("SELECT count(*) FROM notifications n JOIN posts p ON p.id = n.post_id WHERE n.user_id = ? AND n.read_at IS NULL AND p.status = 'visible' AND p.tags LIKE '%,death-loss,%'", reader).Scan(&tagged)
		if tagged == 0 {
			t.Fatal("fixture: no tagged notification")
		}
		if n, want := unreadIn(c.Get("/").Body), idStr(99-tagged); n != want {
			t.Fatalf("unread with a hidden tag %s, want %s", n, want)
		}
	})
}
