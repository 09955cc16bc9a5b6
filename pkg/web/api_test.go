package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
	"hearth/pkg/web"
)

func decodeAPI[T any](t *testing.T, r *forumtest.Response) T {
	t.Helper()
	var v T
	if r.StatusCode != http.StatusOK {
		t.Fatalf("API: %d\n%s", r.StatusCode, r.Body)
	}
	if err := json.Unmarshal([]byte(r.Body), &v); err != nil {
		t.Fatalf("API answer: %v\n%s", err, r.Body)
	}
	return v
}

// TestAPIShowsWhatVisitorsSee reads every API path over a forum holding
// every kind of post a visitor must not read, checking each answer against
// docs/openapi.yaml and against what a visitor's pages show.
func TestAPIShowsWhatVisitorsSee(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newSyndWorld(t, db)
		spec := newAPISpec(t)
		visitor := w.as(0)
		checkAPIGroups(t, spec, visitor)
		checkAPIThreadLists(t, spec, visitor)
		checkAPIThreadPages(t, w, spec, visitor)
		checkAPIRefusals(t, w, spec, visitor)
		spec.allChecked()
	})
}

// checkAPIGroups: the group list has the open groups, not the archived one.
func checkAPIGroups(t *testing.T, spec *apiSpec, visitor *forumtest.Client) {
	t.Helper()
	r := spec.get(visitor, "/api/v1/groups")
	neverLeaks(t, "groups", r.Body)
	groups := decodeAPI[web.APIGroupList](t, r)
	var slugs []string
	for _, g := range groups.Groups {
		slugs = append(slugs, g.Slug)
	}
	if !slices.Contains(slugs, "grief") || !slices.Contains(slugs, "anxiety") || slices.Contains(slugs, "ptsd") {
		t.Errorf("groups %v: want grief and anxiety, not the archived ptsd", slugs)
	}
}

// checkAPIThreadLists: a group's threads, warned and redacted ones as a
// visitor sees them, none held, an archived group still readable.
func checkAPIThreadLists(t *testing.T, spec *apiSpec, visitor *forumtest.Client) {
	t.Helper()
	r := spec.get(visitor, "/api/v1/groups/grief/threads")
	neverLeaks(t, "grief's threads", r.Body)
	list := decodeAPI[web.APIThreadList](t, r)
	titles := map[string]web.APIThread{}
	for _, th := range list.Threads {
		titles[th.Title] = th
	}
	if th, ok := titles["A heavy night"]; !ok || len(th.TriggerWarnings) != 1 || th.TriggerWarnings[0].Slug != "suicide" {
		t.Errorf("warned thread in the list: %+v", th)
	}
	if th, ok := titles["Redacted by moderators"]; !ok || th.Status != "redacted" {
		t.Errorf("redacted thread in the list: %+v", th)
	}
	if list.Next != nil || list.Group.Slug != "grief" {
		t.Errorf("list of a short group: next %v, group %+v", list.Next, list.Group)
	}
	anxiety := decodeAPI[web.APIThreadList](t, spec.get(visitor, "/api/v1/groups/anxiety/threads"))
	if len(anxiety.Threads) != 0 {
		t.Errorf("anxiety lists %+v; its only thread is held", anxiety.Threads)
	}
	// An archived group is still readable, as its page is.
	if r := spec.get(visitor, "/api/v1/groups/ptsd/threads"); !strings.Contains(r.Body, markArchivedTitle) || !strings.Contains(r.Body, `"archived":true`) {
		t.Errorf("archived group's threads: %d %s", r.StatusCode, r.Body)
	}
}

// checkAPIThreadPages: a thread's posts as a visitor sees them, placeholders
// for what moderators or authors took away, nothing held or hidden.
func checkAPIThreadPages(t *testing.T, w *syndWorld, spec *apiSpec, visitor *forumtest.Client) {
	t.Helper()
	r := spec.get(visitor, fmt.Sprintf("/api/v1/threads/%d", w.thread.ID))
	neverLeaks(t, "thread", r.Body)
	page := decodeAPI[web.APIThreadPage](t, r)
	posts := map[int64]web.APIPost{}
	for _, p := range page.Posts {
		posts[p.ID] = p
	}
	for _, id := range []int64{w.reported, w.held} {
		if _, ok := posts[id]; ok {
			t.Errorf("post %d (held or hidden by reports) is listed", id)
		}
	}
	if p := posts[w.visible]; p.Status != "visible" || p.BodyMarkdown == nil || *p.BodyMarkdown != markVisible ||
		p.BodyHTML == nil || !strings.Contains(*p.BodyHTML, "<p>"+markVisible+"</p>") || p.Placeholder != nil || p.Author.Name != "Wren" {
		t.Errorf("visible post: %+v", p)
	}
	// A warned post keeps its words: the tags are data, and the
	// client folds the post as Hearth's pages do.
	if p := posts[w.warned]; p.BodyMarkdown == nil || *p.BodyMarkdown != markWarned || len(p.TriggerWarnings) != 1 ||
		p.TriggerWarnings[0] != (web.APITag{Slug: "self-harm", Name: "Self-harm"}) {
		t.Errorf("warned post: %+v", p)
	}
	for id, want := range map[int64]string{
		w.removed:  "This post was removed by moderators.",
		w.redacted: "Redacted by moderators: " + markRedactReason,
		w.deleted:  "This post was deleted by its author.",
	} {
		p, ok := posts[id]
		if !ok || p.BodyHTML != nil || p.BodyMarkdown != nil || p.Placeholder == nil || *p.Placeholder != want || len(p.TriggerWarnings) != 0 {
			t.Errorf("post %d: %+v, want only the placeholder %q", id, p, want)
		}
	}
	if page.Posts[0].ID != w.opening || page.Posts[0].ParentID != nil || page.Posts[0].Depth != 0 {
		t.Errorf("first post %+v is not the opening post %d", page.Posts[0], w.opening)
	}

	warned := decodeAPI[web.APIThreadPage](t, spec.get(visitor, fmt.Sprintf("/api/v1/threads/%d", w.warnedThread)))
	if op := warned.Posts[0]; op.BodyMarkdown == nil || *op.BodyMarkdown != markWarnedThread || len(op.TriggerWarnings) != 1 || op.TriggerWarnings[0].Slug != "suicide" {
		t.Errorf("warned thread's opening post: %+v", op)
	}
	redacted := spec.get(visitor, fmt.Sprintf("/api/v1/threads/%d", w.redactedThread))
	neverLeaks(t, "redacted thread", redacted.Body)
	if rp := decodeAPI[web.APIThreadPage](t, redacted); rp.Thread.Title != "Redacted by moderators" || rp.Posts[0].Status != "redacted" {
		t.Errorf("redacted thread: %+v", rp)
	}
}

// checkAPIRefusals: not found and wrong methods answer in JSON, and a
// signed-in member gets exactly the visitor's answer.
func checkAPIRefusals(t *testing.T, w *syndWorld, spec *apiSpec, visitor *forumtest.Client) {
	t.Helper()
	// Not found, in JSON: a held thread, unknown ones, bad ids.
	for _, path := range []string{fmt.Sprintf("/api/v1/threads/%d", w.heldThread), "/api/v1/threads/999999", "/api/v1/groups/nowhere/threads"} {
		if r := spec.get(visitor, path); r.StatusCode != http.StatusNotFound || apiErrorCode(t, r) != "not_found" {
			t.Errorf("%s: %d %s", path, r.StatusCode, r.Body)
		}
	}
	for _, path := range []string{"/api/v1/threads/abc", "/api/v1/nothing", "/api/v2/groups"} {
		r := visitor.Get(path)
		if r.StatusCode != http.StatusNotFound || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			t.Errorf("%s: %d %s", path, r.StatusCode, r.Header.Get("Content-Type"))
		}
		spec.errorShape(r, "not_found")
	}
	r := visitor.PostForm("/api/v1/groups", nil)
	if r.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", r.StatusCode)
	}
	spec.errorShape(r, "method_not_allowed")

	// The author of the held posts and a moderator of the group get
	// the visitor's answer: the API never looks at who asks.
	want := spec.get(visitor, fmt.Sprintf("/api/v1/threads/%d", w.thread.ID)).Body
	for _, id := range []int64{w.members[4], w.griefMod} {
		got := spec.get(w.as(id), fmt.Sprintf("/api/v1/threads/%d", w.thread.ID)).Body
		if got != want {
			t.Errorf("member %d's answer differs from a visitor's", id)
		}
		neverLeaks(t, "a signed-in member's answer", got)
	}
}

// TestAPICursorsAndCaching walks a thread of several pages and a group of
// several pages by their cursors, refuses cursors it did not hand out, and
// answers If-None-Match with 304.
func TestAPICursorsAndCaching(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		spec := newAPISpec(t)
		visitor := forumtest.NewClient(t, a.Web.Handler())
		author := forumtest.InsertUser(t, db, "Wren", "member")
		th := forumtest.InsertThread(t, db, "grief", author, "A long conversation", nil, time.Now().Add(-time.Hour))
		fastReplies(t, db, th.ID, 119)

		var seen []int64
		var pages int
		cursor := ""
		for {
			path := fmt.Sprintf("/api/v1/threads/%d", th.ID)
			if cursor != "" {
				path += "?cursor=" + url.QueryEscape(cursor)
			}
			p := decodeAPI[web.APIThreadPage](t, spec.get(visitor, path))
			pages++
			for _, post := range p.Posts {
				seen = append(seen, post.ID)
			}
			if p.Next == nil {
				break
			}
			if strings.Contains(*p.Next, "/") || strings.Contains(*p.Next, "0000") {
				t.Errorf("cursor %q is not opaque", *p.Next)
			}
			cursor = *p.Next
			if pages > 5 {
				t.Fatal("the cursors never end")
			}
		}
		if pages != 3 || len(seen) != 120 || seen[0] != *th.FirstPostID || !slices.IsSorted(seen) || len(slices.Compact(slices.Clone(seen))) != 120 {
			t.Fatalf("walked %d pages, %d posts (want 3 pages of 120 posts in order, each once)", pages, len(seen))
		}

		start := time.Now().Add(-48 * time.Hour)
		for i := range 34 {
			forumtest.InsertThread(t, db, "anxiety", author, "Thread "+string(rune('A'+i)), nil, start.Add(time.Duration(i)*time.Minute))
		}
		first := decodeAPI[web.APIThreadList](t, spec.get(visitor, "/api/v1/groups/anxiety/threads"))
		if len(first.Threads) != 30 || first.Next == nil {
			t.Fatalf("first page of 34 threads: %d, next %v", len(first.Threads), first.Next)
		}
		second := decodeAPI[web.APIThreadList](t, spec.get(visitor, "/api/v1/groups/anxiety/threads?cursor="+url.QueryEscape(*first.Next)))
		if len(second.Threads) != 4 || second.Next != nil || second.Threads[3].Title != "Thread A" {
			t.Fatalf("second page: %d threads, next %v", len(second.Threads), second.Next)
		}

		for _, path := range []string{
			fmt.Sprintf("/api/v1/threads/%d?cursor=not-a-cursor", th.ID),
			fmt.Sprintf("/api/v1/threads/%d?cursor=%s", th.ID, url.QueryEscape(*first.Next)),
			"/api/v1/groups/anxiety/threads?cursor=%25%25",
			"/api/v1/groups/anxiety/threads?cursor=" + url.QueryEscape(cursor),
		} {
			r := spec.get(visitor, path)
			if r.StatusCode != http.StatusBadRequest || apiErrorCode(t, r) != "bad_cursor" {
				t.Errorf("%s: %d %s", path, r.StatusCode, r.Body)
			}
		}

		path := fmt.Sprintf("/api/v1/threads/%d", th.ID)
		r := spec.get(visitor, path)
		tag := r.Header.Get("ETag")
		if tag == "" || !strings.Contains(r.Header.Get("Cache-Control"), "public") {
			t.Fatalf("ETag %q, Cache-Control %q", tag, r.Header.Get("Cache-Control"))
		}
		if r := spec.get(visitor, path, "If-None-Match", tag); r.StatusCode != http.StatusNotModified || r.Body != "" {
			t.Fatalf("If-None-Match: %d %q", r.StatusCode, r.Body)
		}
		db.W.Exec("UPDATE posts SET body_html = ?, updated_at = ? WHERE id = ?", "<p>Changed</p>", time.Now().UTC(), *th.FirstPostID)
		if r := spec.get(visitor, path, "If-None-Match", tag); r.StatusCode != http.StatusOK || r.Header.Get("ETag") == tag {
			t.Fatalf("after a change: %d, ETag %q", r.StatusCode, r.Header.Get("ETag"))
		}
	})
}
