package web_test

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// atomDoc is what the tests read back from a feed, with encoding/xml, in
// the Atom namespace: a feed that parses into it names its elements right.
type atomDoc struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"http://www.w3.org/2005/Atom id"`
	Title   string      `xml:"http://www.w3.org/2005/Atom title"`
	Updated string      `xml:"http://www.w3.org/2005/Atom updated"`
	Links   []atomLinkT `xml:"http://www.w3.org/2005/Atom link"`
	Entries []struct {
		ID        string      `xml:"http://www.w3.org/2005/Atom id"`
		Title     string      `xml:"http://www.w3.org/2005/Atom title"`
		Updated   string      `xml:"http://www.w3.org/2005/Atom updated"`
		Published string      `xml:"http://www.w3.org/2005/Atom published"`
		Author    []string    `xml:"http://www.w3.org/2005/Atom author>name"`
		Links     []atomLinkT `xml:"http://www.w3.org/2005/Atom link"`
		Category  []struct {
			Term string `xml:"term,attr"`
		} `xml:"http://www.w3.org/2005/Atom category"`
		Summary *string `xml:"http://www.w3.org/2005/Atom summary"`
		Content *struct {
			Type string `xml:"type,attr"`
			Body string `xml:",chardata"`
		} `xml:"http://www.w3.org/2005/Atom content"`
	} `xml:"http://www.w3.org/2005/Atom entry"`
}

type atomLinkT struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

// parseFeed checks r is a valid Atom 1.0 feed with every element RFC 4287
// requires of a feed and its entries, absolute URLs on base, and returns it.
func parseFeed(t *testing.T, r *forumtest.Response, base string) atomDoc {
	t.Helper()
	if r.StatusCode != http.StatusOK {
		t.Fatalf("feed: %d\n%s", r.StatusCode, r.Body)
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/atom+xml") {
		t.Fatalf("feed Content-Type %q", ct)
	}
	var d atomDoc
	if err := xml.Unmarshal([]byte(r.Body), &d); err != nil {
		t.Fatalf("feed does not parse as Atom: %v\n%s", err, r.Body)
	}
	mustTime := func(what, s string) {
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			t.Errorf("%s %q is not an RFC 3339 date: %v", what, s, err)
		}
	}
	if d.Title == "" || !strings.HasPrefix(d.ID, base) {
		t.Errorf("feed title %q, id %q (want an absolute URL on %s)", d.Title, d.ID, base)
	}
	mustTime("feed updated", d.Updated)
	if self := linkOf(d.Links, "self"); self != d.ID {
		t.Errorf("feed's self link %q, id %q", self, d.ID)
	}
	if !strings.HasPrefix(linkOf(d.Links, "alternate"), base) {
		t.Errorf("feed's alternate link %q", linkOf(d.Links, "alternate"))
	}
	ids := map[string]bool{}
	for _, e := range d.Entries {
		if e.ID == "" || e.Title == "" || len(e.Author) != 1 || e.Author[0] == "" {
			t.Errorf("entry lacks an id, title or author: %+v", e)
		}
		if ids[e.ID] {
			t.Errorf("entry id %s twice", e.ID)
		}
		ids[e.ID] = true
		mustTime("entry updated", e.Updated)
		mustTime("entry published", e.Published)
		if alt := linkOf(e.Links, "alternate"); !strings.HasPrefix(alt, base) || !strings.HasPrefix(e.ID, base) {
			t.Errorf("entry %s: alternate link %q is not absolute on %s", e.ID, alt, base)
		}
	}
	return d
}

func linkOf(ls []atomLinkT, rel string) string {
	for _, l := range ls {
		if l.Rel == rel {
			return l.Href
		}
	}
	return ""
}

// TestFeedsShowWhatVisitorsSee reads the site's, a group's and two
// threads' feeds over a forum holding every kind of post a visitor must not
// read, and checks that none of it is there and that warned entries carry
// their warning and no words.
func TestFeedsShowWhatVisitorsSee(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newSyndWorld(t, db)
		const base = "http://example.com/"
		site := parseFeed(t, w.visitorGet("/feed.atom"), base)
		group := parseFeed(t, w.visitorGet("/g/grief/feed.atom"), base)
		thread := parseFeed(t, w.visitorGet(fmt.Sprintf("/t/%d/feed.atom", w.thread.ID)), base)
		warnedThread := parseFeed(t, w.visitorGet(fmt.Sprintf("/t/%d/feed.atom", w.warnedThread)), base)
		for name, body := range map[string]string{
			"site feed":          w.visitorGet("/feed.atom").Body,
			"group feed":         w.visitorGet("/g/grief/feed.atom").Body,
			"thread feed":        w.visitorGet(fmt.Sprintf("/t/%d/feed.atom", w.thread.ID)).Body,
			"warned thread feed": w.visitorGet(fmt.Sprintf("/t/%d/feed.atom", w.warnedThread)).Body,
		} {
			neverLeaks(t, name, body, markWarned, markWarnedThread)
		}
		if e := entryTitled(t, site, "[Warning: Suicide] A heavy night"); e < 0 {
			t.Error("the site feed has no warned entry for the warned thread")
		} else if site.Entries[e].Content != nil || site.Entries[e].Summary == nil || site.Entries[e].Category[0].Term != "suicide" {
			t.Errorf("warned thread entry has content %+v, summary %v, categories %+v", site.Entries[e].Content, site.Entries[e].Summary, site.Entries[e].Category)
		}
		if e := entryTitled(t, group, "Redacted by moderators"); e < 0 || group.Entries[e].Content == nil ||
			group.Entries[e].Content.Body != "Redacted by moderators: identifies a third party" {
			t.Errorf("redacted thread's entry in the group feed: %d %+v", e, group)
		}
		if entryTitled(t, site, markArchivedTitle) >= 0 {
			t.Error("the site feed lists a thread of an archived group")
		}
		if entryTitled(t, group, "Missing my dad tonight") < 0 {
			t.Error("the group feed lacks its visible thread")
		}

		checkThreadFeed(t, w, thread, base)

		// In a warned thread every entry is warned: a feed reader shows a
		// reply without the thread around it.
		for _, e := range warnedThread.Entries {
			if !strings.HasPrefix(e.Title, "[Warning: Suicide] ") || e.Content != nil {
				t.Errorf("entry of a warned thread: %+v", e)
			}
		}
		if !strings.HasPrefix(warnedThread.Title, "[Warning: Suicide] ") {
			t.Errorf("warned thread's feed is titled %q", warnedThread.Title)
		}

		// Threads a visitor cannot open have no feed; unknown ones neither.
		for _, path := range []string{fmt.Sprintf("/t/%d/feed.atom", w.heldThread), fmt.Sprintf("/t/%d/feed.atom", w.heldThread+1000), "/g/nowhere/feed.atom", "/t/x/feed.atom"} {
			if r := w.visitorGet(path); r.StatusCode != http.StatusNotFound {
				t.Errorf("%s: %d", path, r.StatusCode)
			}
		}
		// The author of the held posts and a moderator of the group see
		// the visitor's feed all the same.
		for _, id := range []int64{w.members[4], w.griefMod} {
			if r := w.as(id).Get(fmt.Sprintf("/t/%d/feed.atom", w.thread.ID)); r.StatusCode != http.StatusOK {
				t.Errorf("member %d's feed: %d", id, r.StatusCode)
			} else {
				neverLeaks(t, "a signed-in member's feed", r.Body, markWarned)
			}
		}
	})
}

// checkThreadFeed: a thread's feed has its visible and redacted posts only,
// newest first, the warned one summarised behind its warning.
func checkThreadFeed(t *testing.T, w *syndWorld, thread atomDoc, base string) {
	t.Helper()
	wantIDs := []int64{w.redacted, w.warned, w.visible, w.reply, w.opening}
	if len(thread.Entries) != len(wantIDs) {
		t.Fatalf("thread feed has %d entries, want %d:\n%+v", len(thread.Entries), len(wantIDs), thread.Entries)
	}
	for i, id := range wantIDs {
		if want := base + fmt.Sprintf("p/%d", id); thread.Entries[i].ID != want {
			t.Errorf("entry %d is %s, want %s", i, thread.Entries[i].ID, want)
		}
	}
	byID := func(id int64) int { return entryWithID(thread, base+fmt.Sprintf("p/%d", id)) }
	if e := thread.Entries[byID(w.visible)]; e.Content == nil || e.Content.Type != "html" || strings.TrimSpace(e.Content.Body) != "<p>"+markVisible+"</p>" ||
		e.Title != "Reply from Wren in Missing my dad tonight" || e.Author[0] != "Wren" {
		t.Errorf("visible reply's entry: %+v", e)
	}
	if e := thread.Entries[byID(w.warned)]; e.Content != nil || e.Summary == nil || !strings.HasPrefix(e.Title, "[Warning: Self-harm] ") {
		t.Errorf("warned reply's entry: %+v", e)
	}
	if e := thread.Entries[byID(w.redacted)]; e.Content == nil || e.Content.Body != "Redacted by moderators: "+markRedactReason {
		t.Errorf("redacted reply's entry: %+v", e)
	}
}

func entryTitled(t *testing.T, d atomDoc, title string) int {
	t.Helper()
	for i, e := range d.Entries {
		if e.Title == title {
			return i
		}
	}
	return -1
}

func entryWithID(d atomDoc, id string) int {
	for i, e := range d.Entries {
		if e.ID == id {
			return i
		}
	}
	return -1
}

// TestFeedURLsAndCaching: the base URL setting makes every URL absolute on
// it; ETag and If-None-Match give 304 until something changes; the pages
// link their feeds in their heads.
func TestFeedURLsAndCaching(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		cfg := forumtest.Config(t)
		cfg.BaseURL, _ = url.Parse("https://hearth.example.org")
		a, _ := forumtest.NewApp(t, db, cfg)
		m := newPoster(t, a, db, "willow", "member")
		tid := m.startThread("grief", "Missing my mum", "It has been a year.")
		visitor := forumtest.NewClient(t, a.Web.Handler())
		path := fmt.Sprintf("/t/%d/feed.atom", tid)
		r := visitor.Get(path)
		d := parseFeed(t, r, "https://hearth.example.org/")
		if d.ID != "https://hearth.example.org"+path || len(d.Entries) != 1 {
			t.Fatalf("feed id %s with %d entries", d.ID, len(d.Entries))
		}
		if cc := r.Header.Get("Cache-Control"); !strings.Contains(cc, "public") || !strings.Contains(cc, "max-age=") {
			t.Errorf("Cache-Control %q", cc)
		}
		tag := r.Header.Get("ETag")
		if tag == "" {
			t.Fatal("no ETag")
		}
		visitor.Header.Set("If-None-Match", tag)
		if r := visitor.Get(path); r.StatusCode != http.StatusNotModified || r.Body != "" || r.Header.Get("ETag") != tag {
			t.Fatalf("If-None-Match: %d %q %q", r.StatusCode, r.Header.Get("ETag"), r.Body)
		}
		visitor.Header.Set("If-None-Match", `"something-else", W/`+tag)
		if r := visitor.Get(path); r.StatusCode != http.StatusNotModified {
			t.Fatalf("weak If-None-Match in a list: %d", r.StatusCode)
		}
		m.reply(tid, 0, "Thinking of you today.")
		r = visitor.Get(path)
		if r.StatusCode != http.StatusOK || r.Header.Get("ETag") == tag || len(parseFeed(t, r, "https://hearth.example.org/").Entries) != 2 {
			t.Fatalf("after a reply: %d, ETag %q (was %q)", r.StatusCode, r.Header.Get("ETag"), tag)
		}

		for page, feed := range map[string]string{"/": "/feed.atom", "/g/grief": "/g/grief/feed.atom", fmt.Sprintf("/t/%d", tid): path} {
			for _, c := range []*forumtest.Client{forumtest.NewClient(t, a.Web.Handler()), m.c} {
				head, _, _ := strings.Cut(c.Get(page).Body, "</head>")
				if !strings.Contains(head, `<link rel="alternate" type="application/atom+xml"`) || !strings.Contains(head, `href="`+feed+`"`) {
					t.Errorf("%s does not link %s in its head:\n%s", page, feed, head)
				}
			}
		}
	})
}
