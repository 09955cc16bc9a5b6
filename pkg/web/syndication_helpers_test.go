package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// syndWorld is a forum holding every kind of post a visitor must not read,
// for the feed and API tests: each one's words are a marker that must never
// appear in a feed or an API answer.
type syndWorld struct {
	*modWorld
	// In w.thread (grief): a visible reply, a warned reply (self-harm) and
	// replies that were removed, redacted, deleted, hidden by members'
	// reports and held for pre-moderation.
	visible, warned, removed, redacted, deleted, reported, held int64
	// Threads: one warned (suicide), one redacted, one held for
	// pre-moderation (anxiety), one in a group since archived (ptsd).
	warnedThread, redactedThread, heldThread, archivedThread int64
}

// Markers of what a visitor may read, and of what they must never read.
const (
	markVisible       = "VISIBLE-REPLY about the garden"
	markWarned        = "WARNED-REPLY-WORDS"
	markWarnedThread  = "WARNED-THREAD-WORDS"
	markRedactReason  = "Shares personal information"
	markArchivedTitle = "ARCHIVED-GROUP-TITLE"
)

// neverShown are the words no visitor may read anywhere.
var neverShown = []string{
	"REMOVED-REPLY-WORDS", "REDACTED-ORIGINAL-WORDS", "DELETED-REPLY-WORDS", "REPORTED-REPLY-WORDS",
	"HELD-REPLY-WORDS", "HELD-THREAD-TITLE", "HELD-THREAD-WORDS", "REDACTED-THREAD-TITLE", "REDACTED-THREAD-WORDS",
	// Moderators, reporters and the author of nothing but held posts are
	// never named.
	"Sparrow", "Finch", "Osprey", "Heron", "Rowan", "Hazel", "Aspen",
}

func newSyndWorld(t *testing.T, db *store.DB) *syndWorld {
	t.Helper()
	w := &syndWorld{modWorld: newModWorld(t, db)}
	author, other := w.as(w.author), w.as(w.members[0])
	mod := w.as(w.griefMod)
	th := w.thread.ID
	w.visible = w.replyAs(author, th, markVisible)
	w.warned = w.replyAs(author, th, markWarned, "self-harm")
	w.removed = w.replyAs(other, th, "REMOVED-REPLY-WORDS")
	modExpect(t, mod.PostForm(modPath("/p/%d/remove", w.removed), modForm("reason", "Spam or advertising")), http.StatusSeeOther, "")
	w.redacted = w.replyAs(other, th, "REDACTED-ORIGINAL-WORDS")
	modExpect(t, mod.PostForm(modPath("/p/%d/redact", w.redacted), modForm("reason", markRedactReason)), http.StatusSeeOther, "")
	w.deleted = w.replyAs(author, th, "DELETED-REPLY-WORDS")
	modExpect(t, author.PostForm(modPath("/p/%d/delete", w.deleted), modForm()), http.StatusSeeOther, "")
	w.reported = w.replyAs(author, th, "REPORTED-REPLY-WORDS")
	for _, m := range w.members[2:5] {
		modExpect(t, w.as(m).PostForm(modPath("/p/%d/report", w.reported), modForm("reason", "spam")), http.StatusSeeOther, "")
	}
	if got := w.post(w.reported).Status; got != "held" {
		t.Fatalf("a post reported by three members is %s, not hidden", got)
	}

	w.warnedThread = w.threadAs(other, "grief", "A heavy night", markWarnedThread, "suicide")
	w.redactedThread = w.threadAs(w.as(w.members[1]), "grief", "REDACTED-THREAD-TITLE", "REDACTED-THREAD-WORDS")
	modExpect(t, mod.PostForm(modPath("/t/%d/redact", w.redactedThread), modForm("reason", "other", "reason_detail", "identifies a third party")), http.StatusSeeOther, "")
	w.archivedThread = w.threadAs(author, "ptsd", markArchivedTitle, "Words in a group that was archived")
	admin := w.as(w.admin)
	modExpect(t, admin.PostForm("/admin/groups/ptsd/archive", modForm()), http.StatusSeeOther, "")

	// Pre-moderation last, as it holds every later post in the group.
	modExpect(t, admin.PostForm("/admin/groups/anxiety", modForm("name", "Anxiety", "premod", "all")), http.StatusSeeOther, "")
	w.heldThread = w.threadAs(w.as(w.members[4]), "anxiety", "HELD-THREAD-TITLE", "HELD-THREAD-WORDS")
	modExpect(t, admin.PostForm("/admin/groups/grief", modForm("name", "Grief & Loss", "premod", "all")), http.StatusSeeOther, "")
	w.held = w.replyAs(w.as(w.members[4]), th, "HELD-REPLY-WORDS")
	for _, id := range []int64{w.held, firstPostOf(t, db, w.heldThread)} {
		if got := w.post(id).Status; got != "held" {
			t.Fatalf("post %d under pre-moderation is %s", id, got)
		}
	}
	return w
}

// replyAs posts a reply to the opening post of thread as c's member.
func (w *syndWorld) replyAs(c *forumtest.Client, thread int64, body string, tags ...string) int64 {
	w.t.Helper()
	r := c.PostForm(modPath("/t/%d/replies", thread), url.Values{"body": {body}, "trigger_warnings": tags, "idem": {freshIdem()}})
	if r.StatusCode != http.StatusSeeOther {
		w.t.Fatalf("reply: %d\n%s", r.StatusCode, r.Body)
	}
	loc := r.Header.Get("Location")
	if id, err := strconv.ParseInt(loc[len(noFragment(loc))+len("#p-"):], 10, 64); err == nil {
		return id
	}
	// A held reply's redirect has no fragment: find it by its words.
	var id int64
	if err := w.db.R.Raw("SELECT id FROM posts WHERE body_md = ?", body).Scan(&id).Error; err != nil || id == 0 {
		w.t.Fatalf("reply %q not found: %v", body, err)
	}
	return id
}

// threadAs starts a thread as c's member and returns its id.
func (w *syndWorld) threadAs(c *forumtest.Client, slug, title, body string, tags ...string) int64 {
	w.t.Helper()
	r := c.PostForm("/g/"+slug+"/threads", url.Values{"title": {title}, "body": {body}, "trigger_warnings": tags, "idem": {freshIdem()}})
	if r.StatusCode != http.StatusSeeOther {
		w.t.Fatalf("start thread: %d\n%s", r.StatusCode, r.Body)
	}
	return idIn(w.t, r.Header.Get("Location"), `^/t/(\d+)`)
}

// visitorGet fetches path as a visitor with no cookies.
func (w *syndWorld) visitorGet(path string, header ...string) *forumtest.Response {
	w.t.Helper()
	c := forumtest.NewClient(w.t, w.app.Web.Handler())
	for i := 0; i+1 < len(header); i += 2 {
		c.Header.Set(header[i], header[i+1])
	}
	return c.Get(path)
}

// neverLeaks fails when body holds words no visitor may read.
func neverLeaks(t *testing.T, what, body string, also ...string) {
	t.Helper()
	for _, bad := range append(append([]string{}, neverShown...), also...) {
		if strings.Contains(body, bad) {
			t.Errorf("%s shows %q", what, bad)
		}
	}
}
