package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// Following and muting a thread: each button switches its state and says
// what that means, a second press switches it back, the member returns to
// where they were on the thread and never anywhere else, and visitors and
// threads the member cannot see are refused.
func TestFollowAndMuteThread(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		author := newPoster(t, a, db, "linden", "member")
		reader := newPoster(t, a, db, "marram", "member")
		tid := author.startThread("grief", "Long evenings", "The evenings are the hardest.")
		thread := "/t/" + idStr(tid)
		press := func(action, back string) *forumtest.Response {
			t.Helper()
			return reader.c.PostForm(thread+"/"+action, url.Values{"back": {back}})
		}
		state := func() string {
			t.Helper()
			var s string
			db.R.Raw("SELECT state FROM subscriptions WHERE user_id = ? AND thread_id = ?", reader.id, tid).Scan(&s)
			return s
		}

		wantRedirect(t, press("follow", ""), thread)
		pageHas(t, reader.c.Get(thread).Body, "You&#39;re following this thread", `aria-pressed="true">Following</button>`)
		if got := state(); got != forum.SubFollow {
			t.Fatalf("after following, the subscription is %q", got)
		}
		wantRedirect(t, press("follow", thread+"?after=x"), thread+"?after=x")
		pageHas(t, reader.c.Get(thread).Body, "You&#39;ve stopped following this thread.", `aria-pressed="false">Follow</button>`)

		wantRedirect(t, press("mute", "https://elsewhere.example"+thread), thread)
		pageHas(t, reader.c.Get(thread).Body, "You&#39;ve muted this thread", `aria-pressed="true">Muted</button>`)
		if got := state(); got != forum.SubMute {
			t.Fatalf("after muting, the subscription is %q", got)
		}
		wantRedirect(t, press("mute", "/g/grief"), thread)
		pageHas(t, reader.c.Get(thread).Body, "This thread is no longer muted.", `aria-pressed="false">Mute</button>`)

		visitor := forumtest.NewClient(t, a.Web.Handler())
		wantStatus(t, visitor.PostForm(thread+"/follow", url.Values{}), http.StatusForbidden)
		db.W.Exec("UPDATE threads SET status = ? WHERE id = ?", forum.StatusRemoved, tid)
		wantStatus(t, press("follow", ""), http.StatusNotFound)
		wantStatus(t, reader.c.PostForm("/t/99999/mute", url.Values{}), http.StatusNotFound)
	})
}
