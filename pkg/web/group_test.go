package web_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestGroupListPinnedActivityRepliesLastPoster(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "dove", "member")
		o := newPoster(t, a, db, "elm", "member")
		old := forumtest.InsertThread(t, db, "grief", m.id, "Oldest thread", nil, time.Now().Add(-3*time.Hour))
		forumtest.InsertThread(t, db, "grief", m.id, "Middle thread", nil, time.Now().Add(-2*time.Hour))
		pinned := forumtest.InsertThread(t, db, "grief", m.id, "Pinned thread", nil, time.Now().Add(-4*time.Hour))
		db.W.Exec("UPDATE threads SET pinned = ? WHERE id = ?", true, pinned.ID)
		// A reply moves the oldest thread up: lists follow last activity.
		o.reply(old.ID, 0, "Still here with you.")
		r := m.c.Get("/g/grief")
		order := []string{"Pinned thread", "Oldest thread", "Middle thread"}
		last := -1
		for _, title := range order {
			i := strings.Index(r.Body, title)
			if i < last {
				t.Fatalf("%q out of order (want pinned first, then by last activity)", title)
			}
			last = i
		}
		row := regexp.MustCompile(`(?s)<li class="thread-row">\s*<h3><a href="/t/` + idStr(old.ID) + `"><bdi>.*?</li>`).FindString(r.Body)
		if !strings.Contains(row, "1 reply") || !strings.Contains(row, "last post by <bdi>elm</bdi>") || !strings.Contains(row, "Started by <bdi>dove</bdi>") {
			t.Fatalf("thread row: %s", row)
		}
		pinnedRow := regexp.MustCompile(`(?s)<li class="thread-row pinned">.*?</li>`).FindString(r.Body)
		if !strings.Contains(pinnedRow, "Pinned thread") || !strings.Contains(pinnedRow, `<span class="badge">Pinned</span>`) {
			t.Fatalf("pinned row: %s", pinnedRow)
		}
		// Paging by cursor crosses from pinned to unpinned threads without
		// losing or repeating one.
		start := time.Now().Add(-100 * time.Hour)
		for i := range 33 {
			th := forumtest.InsertThread(t, db, "grief", m.id, fmt.Sprintf("Listed thread %02d", i), nil, start.Add(time.Duration(i)*time.Minute))
			if i%11 == 0 {
				db.W.Exec("UPDATE threads SET pinned = ? WHERE id = ?", true, th.ID)
			}
		}
		seen := map[string]int{}
		title := regexp.MustCompile(`(?:Listed thread \d\d|Oldest thread|Middle thread|Pinned thread)`)
		next := regexp.MustCompile(`<a rel="next" href="([^"]+)"`)
		path, pages := "/g/grief", 0
		for ; path != ""; pages++ {
			if pages > 3 {
				t.Fatal("pagination does not end")
			}
			r := m.c.Get(path)
			if pages == 0 {
				// All four pinned threads lead the first page.
				rows := regexp.MustCompile(`<li class="thread-row( pinned)?">`).FindAllStringSubmatch(r.Body, 5)
				for i, row := range rows {
					if (i < 4) != (row[1] != "") {
						t.Fatalf("row %d pinned=%v", i, row[1] != "")
					}
				}
			}
			for _, s := range title.FindAllString(beforeWaiting(r.Body), -1) {
				seen[s]++
			}
			path = ""
			if mm := next.FindStringSubmatch(r.Body); mm != nil {
				path = strings.ReplaceAll(mm[1], "&amp;", "&")
			}
		}
		if len(seen) != 36 || pages != 2 {
			t.Fatalf("%d threads over %d pages", len(seen), pages)
		}
		for s, n := range seen {
			if n != 1 {
				t.Fatalf("%s listed %d times", s, n)
			}
		}
	})
}

func TestGroupPageEmptyStateAndThreads(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		c := forumtest.NewClient(t, a.Web.Handler())
		r := c.Get("/g/anxiety")
		if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "No one has started a thread here yet") || !strings.Contains(r.Body, "Group guidelines") {
			t.Fatalf("empty group page: %d\n%s", r.StatusCode, r.Body)
		}
		uid := forumtest.InsertUser(t, db, "willow", "member")
		now := time.Now()
		forumtest.InsertThread(t, db, "anxiety", uid, "Older thread", nil, now.Add(-2*time.Hour))
		forumtest.InsertThread(t, db, "anxiety", uid, "Newer thread", []string{"self-harm"}, now.Add(-time.Hour))
		r = c.Get("/g/anxiety")
		older, newer := strings.Index(r.Body, "Older thread"), strings.Index(r.Body, "Newer thread")
		if older < 0 || newer < 0 || newer > older {
			t.Fatalf("threads not listed newest first:\n%s", r.Body)
		}
		if !strings.Contains(r.Body, "Self-harm") || strings.Contains(r.Body, "Opening post of") {
			t.Fatalf("tagged thread must show its tag and no excerpt")
		}
	})
}

func TestGroupPagination(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		c := forumtest.NewClient(t, a.Web.Handler())
		uid := forumtest.InsertUser(t, db, "rowan", "member")
		start := time.Now().Add(-100 * time.Hour)
		for i := range 35 {
			forumtest.InsertThread(t, db, "grief", uid, fmt.Sprintf("Thread number %02d", i), nil, start.Add(time.Duration(i)*time.Minute))
		}
		seen := map[string]bool{}
		next := regexp.MustCompile(`<a rel="next" href="([^"]+)"`)
		title := regexp.MustCompile(`Thread number \d\d`)
		path := "/g/grief"
		for pages := 0; path != ""; pages++ {
			if pages > 3 {
				t.Fatal("pagination does not end")
			}
			r := c.Get(path)
			for _, m := range title.FindAllString(beforeWaiting(r.Body), -1) {
				if seen[m] {
					t.Fatalf("%s shown twice", m)
				}
				seen[m] = true
			}
			path = ""
			if m := next.FindStringSubmatch(r.Body); m != nil {
				path = strings.ReplaceAll(m[1], "&amp;", "&")
			}
		}
		if len(seen) != 35 {
			t.Fatalf("saw %d of 35 threads", len(seen))
		}
		if r := c.Get("/g/grief?after=garbage"); r.StatusCode != http.StatusNotFound {
			t.Fatalf("bad cursor gave %d", r.StatusCode)
		}
	})
}

func TestUnknownGroupIsStyled404(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		r := forumtest.NewClient(t, a.Web.Handler()).Get("/g/no-such-group")
		if r.StatusCode != http.StatusNotFound || !strings.Contains(r.Body, "We couldn&#39;t find that page") || !strings.Contains(r.Body, "Get help now") {
			t.Fatalf("404 page: %d\n%s", r.StatusCode, r.Body)
		}
	})
}

// beforeWaiting is a visitor's group page up to its "Waiting for a first
// reply" section, which lists some of the same threads again.
func beforeWaiting(body string) string {
	if i := strings.Index(body, `<section class="card waiting"`); i >= 0 {
		return body[:i]
	}
	return body
}
