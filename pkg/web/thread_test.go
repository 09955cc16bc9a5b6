package web_test

import (
	"net/http"
	"strconv"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestStartThreadReplyAndRead(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "willow", "member")
		r := m.c.Get("/g/grief/new")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("new thread form: %d\n%s", r.StatusCode, r.Body)
		}
		pageHas(t, r.Body, `<label for="title">Title</label>`, `<label for="body">Message</label>`, "<legend>Trigger warnings</legend>", `name="idem"`, `name="preview"`)
		tid := m.startThread("grief", "Missing my mum", "It has been a year and **some days** are still hard.")
		r = m.c.Get("/t/" + strconv.FormatInt(tid, 10))
		if r.StatusCode != http.StatusOK {
			t.Fatalf("thread: %d\n%s", r.StatusCode, r.Body)
		}
		op := firstPostOf(t, db, tid)
		pageHas(t, r.Body, "Missing my mum", "<strong>some days</strong>", `id="p-`+strconv.FormatInt(op, 10)+`"`, "willow", "Your thread is posted.")
		other := newPoster(t, a, db, "rowan", "member")
		pid, loc := other.reply(tid, 0, "Sending you strength.")
		if loc != "/t/"+strconv.FormatInt(tid, 10)+"#p-"+strconv.FormatInt(pid, 10) {
			t.Fatalf("reply redirect %q", loc)
		}
		r = other.c.Get(noFragment(loc))
		pageHas(t, r.Body, "Sending you strength.", `id="p-`+strconv.FormatInt(pid, 10)+`"`, "indent-1")
	})
}
