package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// TestJourneyReportAndModerate: a member reports a hurtful reply; a
// moderator finds it in the queue, looks at it in its thread, then locks
// the thread and redacts the reply from the queue item; the thread keeps its shape, the words are gone, replies
// are refused, and the public log shows the reason without names.
func TestJourneyReportAndModerate(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/mod")
	NeedCommand(t, "create-admin")
	modes(t, func(t *testing.T, noJS bool) {
		author, _ := Member(t, srv, "linden", noJS)
		title := "Nightmares again " + newName("x")
		path := author.StartThread("ptsd", title, "Three nights in a row now. Grounding helps a bit once I'm awake.")

		troll, trollName := Member(t, srv, "thorn", noJS)
		troll.Go(path)
		troll.SetValue("#body", "Honestly you are pathetic and nobody here cares.")
		troll.Submit(`form.composer button.primary`, 200)
		reply := troll.postIDs()[1]

		// The author reports the reply.
		author.Go(path)
		author.do("open the post's actions", chromedpClick(`#p-`+reply+` details.more-actions > summary`))
		author.Click(`#p-` + reply + ` a[href="/p/` + reply + `/report"]`)
		author.do("choose a reason", chromedpClick(`input[name="reason"][value="harassment"]`))
		author.Submit(`form[action="/p/`+reply+`/report"] button[type="submit"]`, 200)
		if !strings.Contains(author.Body(), "moderator") {
			t.Errorf("the report was not acknowledged:\n%s", tail(author.Body(), 10))
		}

		// A moderator finds it in the queue and opens the thread from there.
		mod, _ := Admin(t, srv, noJS)
		mod.Go("/mod")
		item := eval[string](mod, `(li => li ? li.id : "")([...document.querySelectorAll("ol.queue > li.queue-item")].find(li => li.textContent.includes(`+jsString(title)+`)))`)
		if item == "" {
			t.Fatalf("the reported reply is not in the moderator queue:\n%s", tail(mod.Body(), 30))
		}
		if h := mod.Text("#" + item + " h2"); !strings.Contains(h, "Reported post") {
			t.Errorf("queue item kind: %q", h)
		}
		mod.Click(`#` + item + ` a[href="` + path + `#p-` + reply + `"]`)
		if !mod.Has("#p-" + reply) {
			t.Fatalf("the queue's link did not lead to the reply in its thread: %s", mod.Location())
		}
		// The thread page's own moderation controls pass the accessibility check too.
		mod.do("open thread moderation", chromedpClick(`details.mod-actions:has(form[action="`+path+`/lock"]) > summary`))
		mod.AuditNow("thread-mod-actions")

		// Back in the queue: lock the thread from the item. The item stays,
		// since the report is about the reply.
		mod.Go("/mod")
		mod.do("open the item's actions", chromedpClick(`#`+item+` details.mod-actions > summary`))
		mod.AuditNow("queue-actions")
		lock := `#` + item + ` form[action="` + path + `/lock"]`
		mod.SetValue(lock+` select[name="reason"]`, "Against the group guidelines")
		mod.Submit(lock+` button[type="submit"]`, 200)
		if mod.Path() != "/mod" || !mod.Has("#"+item) || mod.Has(lock) {
			t.Fatalf("after locking from the queue the moderator is at %s; item still there %v, lock form still there %v",
				mod.Path(), mod.Has("#"+item), mod.Has(lock))
		}

		// Then redact the reply from the same item.
		mod.do("open the item's actions", chromedpClick(`#`+item+` details.mod-actions > summary`))
		redact := `#` + item + ` form[action="/p/` + reply + `/redact"]`
		mod.SetValue(redact+` select[name="reason"]`, "Harassment or bullying")
		mod.Submit(redact+` button[type="submit"]`, 200)
		mod.Submit(`form[action="/p/`+reply+`/redact"] button[type="submit"]`, 200)
		mod.Go("/mod")
		if mod.Has("#" + item) {
			t.Errorf("the item is still waiting in the queue after the reply was redacted from it")
		}

		checkModeratedThread(t, author, path, reply, trollName)
	})
}

// checkModeratedThread: everyone now sees the redaction, the lock and no
// composer, and the public log gives the reason without names or words.
func checkModeratedThread(t *testing.T, author *Browser, path, reply, trollName string) {
	t.Helper()
	author.Go(path)
	text := author.Text("#p-" + reply)
	if !strings.Contains(text, "Redacted by moderators") || strings.Contains(text, "pathetic") {
		t.Fatalf("the reply is not redacted for readers: %q", text)
	}
	if ids := author.postIDs(); len(ids) != 2 {
		t.Errorf("the thread lost its shape: posts %v", ids)
	}
	if !author.Has(".lock-banner") || author.Has("form.composer") {
		t.Errorf("a member can still reply to the locked thread")
	}
	author.Shot("moderated-thread")

	author.Go("/mod/log")
	log := author.Body()
	if !strings.Contains(log, "Harassment or bullying") || strings.Contains(log, trollName) || strings.Contains(log, "pathetic") {
		t.Errorf("the public moderation log should give the reason and never the member's name or the removed words:\n%s", tail(log, 20))
	}
}

// TestJourneyAdminCreatesGroup: an administrator creates a group, which
// then appears on the home page with its own page.
func TestJourneyAdminCreatesGroup(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/admin/groups")
	NeedCommand(t, "create-admin")
	modes(t, func(t *testing.T, noJS bool) {
		admin, _ := Admin(t, srv, noJS)
		slug := fmt.Sprintf("chronic-pain-%d", nameSeq.Add(1))
		admin.Go("/admin")
		admin.Click(`main a[href="/admin/groups"]`)
		admin.Type("#slug", slug)
		admin.Type("#name", "Chronic Pain")
		admin.Type("#description", "Living with pain that doesn't go away, and what it does to mood and sleep.")
		admin.SetValue("#guidelines", "Share what helps you. Don't give medication advice.")
		admin.Submit(`form[action="/admin/groups"] button[type="submit"]`, 200)
		if p := admin.Path(); p != "/admin/groups/"+slug {
			t.Fatalf("creating a group led to %s:\n%s", p, tail(admin.Body(), 20))
		}
		admin.Go("/")
		admin.Click(`a[href="/g/` + slug + `"]`)
		if h := admin.H1(); h != "Chronic Pain" {
			t.Fatalf("new group's page h1 = %q", h)
		}
	})
}
