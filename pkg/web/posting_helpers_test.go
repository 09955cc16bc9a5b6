package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"hearth/pkg/app"
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
