package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"hearth/pkg/app"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// poster is a signed-in member with a client, for posting tests.
type poster struct {
	t  *testing.T
	a  *app.App
	db *store.DB
	c  *forumtest.Client
	id int64
}

func newPoster(t *testing.T, a *app.App, db *store.DB, name, role string) *poster {
	t.Helper()
	id := forumtest.InsertUser(t, db, name, role)
	c := forumtest.NewClient(t, a.Web.Handler())
	forumtest.LoginAs(t, a, c, id)
	return &poster{t: t, a: a, db: db, c: c, id: id}
}

var freshIdemSeq int

func freshIdem() string {
	freshIdemSeq++
	return "test-idem-" + strconv.Itoa(freshIdemSeq) + "-abcdef"
}

// startThread posts a thread and returns its id.
func (p *poster) startThread(slug, title, body string, tags ...string) int64 {
	p.t.Helper()
	r := p.c.PostForm("/g/"+slug+"/threads", url.Values{"title": {title}, "body": {body}, "trigger_warnings": tags, "idem": {freshIdem()}})
	if r.StatusCode != http.StatusSeeOther {
		p.t.Fatalf("start thread: %d\n%s", r.StatusCode, r.Body)
	}
	return idIn(p.t, r.Header.Get("Location"), `^/t/(\d+)$`)
}

// reply posts a reply and returns the new post's id and the redirect.
func (p *poster) reply(thread int64, parent int64, body string, tags ...string) (int64, string) {
	p.t.Helper()
	f := url.Values{"body": {body}, "trigger_warnings": tags, "idem": {freshIdem()}}
	if parent > 0 {
		f.Set("parent_id", strconv.FormatInt(parent, 10))
	}
	r := p.c.PostForm("/t/"+strconv.FormatInt(thread, 10)+"/replies", f)
	if r.StatusCode != http.StatusSeeOther {
		p.t.Fatalf("reply: %d\n%s", r.StatusCode, r.Body)
	}
	loc := r.Header.Get("Location")
	return idIn(p.t, loc, `#p-(\d+)$`), loc
}

func idIn(t *testing.T, s, pattern string) int64 {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("%q does not match %s", s, pattern)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

func pageHas(t *testing.T, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}

func pageLacks(t *testing.T, body string, nots ...string) {
	t.Helper()
	for _, w := range nots {
		if strings.Contains(body, w) {
			t.Errorf("page must not contain %q", w)
		}
	}
}

func firstPostOf(t *testing.T, db *store.DB, thread int64) int64 {
	t.Helper()
	var id int64
	if err := db.R.Raw("SELECT first_post_id FROM threads WHERE id = ?", thread).Scan(&id).Error; err != nil {
		t.Fatal(err)
	}
	return id
}

// noFragment drops the #fragment a browser would keep to itself.
func noFragment(u string) string {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		return u[:i]
	}
	return u
}

// fastReplies adds n replies to the opening post straight into the
// database ("Post number 001" ...), keeping the tree columns exactly as the
// posting code writes them.
func fastReplies(t testing.TB, db *store.DB, thread int64, n int) {
	t.Helper()
	var th struct {
		GroupID     int64
		AuthorID    int64
		FirstPostID int64
	}
	if err := db.R.Raw("SELECT group_id, author_id, first_post_id FROM threads WHERE id = ?", thread).Scan(&th).Error; err != nil {
		t.Fatal(err)
	}
	var parentKey string
	db.R.Raw("SELECT sort_key FROM posts WHERE id = ?", th.FirstPostID).Scan(&parentKey)
	now := time.Now().UTC()
	for i := 1; i <= n; i++ {
		body := fmt.Sprintf("Post number %03d", i)
		p := forum.Post{ThreadID: thread, GroupID: th.GroupID, AuthorID: &th.AuthorID, ParentID: &th.FirstPostID, Depth: 1,
			BodyMD: body, BodyHTML: "<p>" + body + "</p>", Status: forum.StatusVisible, Version: 1, CreatedAt: now, UpdatedAt: now}
		if err := db.W.Create(&p).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.W.Model(&p).Update("sort_key", forum.SortKey(parentKey, p.ID)).Error; err != nil {
			t.Fatal(err)
		}
	}
	db.W.Exec("UPDATE threads SET reply_count = reply_count + ? WHERE id = ?", n, thread)
}

// siteModerator makes a moderator moderate every group.
func siteModerator(t testing.TB, db *store.DB, id int64) {
	t.Helper()
	if err := db.W.Exec("UPDATE users SET moderator_site_wide = ? WHERE id = ?", true, id).Error; err != nil {
		t.Fatal(err)
	}
}

func urlQ(s string) string { return url.QueryEscape(s) }
