package web_test

import (
	"net/http"
	"strings"
	"sync"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestActOnceUnderConcurrency has two moderators act on the same queue item
// at the same moment, many times over, with the same and with different
// actions: each time exactly one action happens, with one audit row, and the
// other moderator is told it was already handled.
func TestActOnceUnderConcurrency(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		mods := []*forumtest.Client{w.as(w.griefMod), w.as(w.siteMod)}
		type attempt struct {
			path, reason string
			noItem       bool
		}
		rounds := [][2]func(post, item int64) attempt{
			{ // the same action twice
				func(p, i int64) attempt { return attempt{modPath("/p/%d/remove", p), "Spam or advertising", false} },
				func(p, i int64) attempt { return attempt{modPath("/p/%d/remove", p), "Spam or advertising", false} },
			},
			{ // approve against remove
				func(p, i int64) attempt { return attempt{modPath("/mod/items/%d/dismiss", i), "", false} },
				func(p, i int64) attempt { return attempt{modPath("/p/%d/remove", p), "Harassment or bullying", false} },
			},
			{ // from the thread page, without the item: the post's state decides
				func(p, i int64) attempt { return attempt{modPath("/p/%d/redact", p), "Spam or advertising", true} },
				func(p, i int64) attempt {
					return attempt{modPath("/p/%d/redact", p), "Shares personal information", true}
				},
			},
			{ // redact against dismiss
				func(p, i int64) attempt {
					return attempt{modPath("/p/%d/redact", p), "Shares personal information", false}
				},
				func(p, i int64) attempt { return attempt{modPath("/mod/items/%d/dismiss", i), "", false} },
			},
		}
		for n := range 16 {
			acts := rounds[n%len(rounds)]
			post := w.insertReply(w.thread, w.members[0], "a reply to act on", nil)
			item := w.item(moderation.KindReport, post, 30, "")
			before := w.count("audit_log", "target_id = ? AND target_type = 'post'", post)
			var wg sync.WaitGroup
			start := make(chan struct{})
			results := make([]*forumtest.Response, 2)
			for k := range 2 {
				a := acts[k](post, item)
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					f := modForm("item", modItoa(item), "reason", a.reason, "next", "/mod")
					if a.noItem {
						f.Del("item")
					}
					results[k] = mods[k].PostForm(a.path, f)
				}()
			}
			close(start)
			wg.Wait()
			ok, handled := 0, 0
			for _, r := range results {
				switch {
				case r.StatusCode == http.StatusSeeOther:
					ok++
				case r.StatusCode == http.StatusConflict && strings.Contains(r.Body, "Already handled by a moderator") && strings.Contains(r.Body, "seconds ago"):
					handled++
				default:
					t.Fatalf("round %d: status %d\n%s", n, r.StatusCode, modSnippet(r.Body))
				}
			}
			if ok != 1 || handled != 1 {
				t.Fatalf("round %d: %d succeeded, %d told already handled", n, ok, handled)
			}
			if got := w.count("audit_log", "target_id = ? AND target_type = 'post'", post) - before; got != 1 {
				t.Fatalf("round %d: %d audit rows for one action", n, got)
			}
			if got := w.count("queue_items", "id = ? AND status = 'handled'", item); got != 1 {
				t.Fatalf("round %d: item not handled once", n)
			}
		}
	})
}
