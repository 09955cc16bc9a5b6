package web_test

import (
	"net/url"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestBidiIsolation posts a thread whose title holds a right-to-left
// override, by a member whose pseudonym is written right to left, and
// visits every page that shows either: each time the name or the title
// appears as text it is isolated, by <bdi> or by the isolate characters
// (U+2068 ... U+2069) where markup cannot go, so it cannot reorder the
// words after it. Form fields (a value attribute) are their own
// paragraph and need none.
func TestBidiIsolation(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		const name, title = "عمر", "Holiday \u202eplans"
		author := newPoster(t, a, db, name, "member")
		other := newPoster(t, a, db, "birch", "member")
		admin := newPoster(t, a, db, "heron", "admin")
		tid := author.startThread("grief", title, "Opening words about the holiday.")
		reply, _ := other.reply(tid, 0, "Replying about the holiday.")
		_, _ = author.reply(tid, reply, "Thank you.")
		wantStatus(t, other.c.PostForm("/p/"+idStr(reply-1)+"/report", url.Values{"reason": {"spam"}}), 303)
		wantStatus(t, admin.c.PostForm("/t/"+idStr(tid)+"/pin", url.Values{"reason": {"helpful"}}), 303)
		wantStatus(t, other.c.PostForm("/u/"+url.PathEscape(name)+"/block", url.Values{"next": {"/settings/blocks"}}), 303)

		pages := []struct {
			who  *poster
			path string
			want []string
		}{
			{other, "/g/grief", []string{title, name}},
			{other, "/t/" + idStr(tid), []string{title, name}},
			{other, "/t/" + idStr(tid) + "/reply?parent=" + idStr(reply-1), []string{title, name}},
			{other, "/p/" + idStr(reply-1) + "/report", []string{title, name}},
			{other, "/search?q=holiday", []string{title, name}},
			{admin, "/u/" + url.PathEscape(name), []string{title, name}},
			{other, "/settings/blocks", []string{name}},
			{author, "/notifications", []string{title}},
			{author, "/", []string{name}},
			{admin, "/mod", []string{title, name}},
			{admin, "/mod/posts/" + idStr(reply-1), []string{title, name}},
			{admin, "/admin/people?q=" + url.QueryEscape(name), []string{name}},
		}
		for _, p := range pages {
			r := p.who.c.Get(p.path)
			wantStatus(t, r, 200)
			for _, w := range p.want {
				if !strings.Contains(r.Body, w) {
					t.Errorf("%s: %q not on the page", p.path, w)
				}
				for _, at := range unisolatedAt(r.Body, w) {
					t.Errorf("%s: %q shown without isolation: …%s…", p.path, w, at)
				}
			}
		}
		// The notification names who replied, isolated too.
		pageHas(t, author.c.Get("/notifications").Body, "\u2068birch\u2069 replied to your post in “\u2068"+title+"\u2069”")
	})
}

// unisolatedAt returns the surroundings of each place s appears in body
// neither right after <bdi> or U+2068 nor inside an attribute value.
func unisolatedAt(body, s string) []string {
	var bad []string
	for i := 0; ; {
		j := strings.Index(body[i:], s)
		if j < 0 {
			return bad
		}
		at := i + j
		before := body[max(0, at-16):at]
		isolated := strings.HasSuffix(before, "<bdi>") || strings.HasSuffix(before, "\u2068")
		inAttr := strings.LastIndexByte(body[:at], '"') > strings.LastIndexByte(body[:at], '>') &&
			strings.LastIndexByte(body[:at], '<') > strings.LastIndexByte(body[:at], '>')
		if !isolated && !inAttr {
			bad = append(bad, body[max(0, at-40):min(len(body), at+len(s)+20)])
		}
		i = at + len(s)
	}
}
