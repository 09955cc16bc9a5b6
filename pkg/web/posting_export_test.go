package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestExportIncludesReactionsPreferencesAndSubscriptions(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "exporter", "member")
		o := newPoster(t, a, db, "someone", "member")
		tid := o.startThread("grief", "Hello", "Words.")
		op := firstPostOf(t, db, tid)
		m.c.PostForm("/p/"+idStr(op)+"/react", url.Values{"kind": {"hear"}})
		m.c.PostForm("/settings/warnings", url.Values{"mode-self-harm": {"hide"}, "mode-violence": {"show"}})
		m.c.PostForm("/t/"+idStr(tid)+"/mute", url.Values{})
		r := m.c.Get("/settings/export")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("export: %d", r.StatusCode)
		}
		var e struct {
			Reactions []struct {
				PostID int64  `json:"post_id"`
				Kind   string `json:"kind"`
			} `json:"reactions"`
			Prefs map[string]string `json:"trigger_warning_preferences"`
			Subs  []struct {
				ThreadID int64  `json:"thread_id"`
				State    string `json:"state"`
			} `json:"thread_subscriptions"`
		}
		if err := json.Unmarshal([]byte(r.Body), &e); err != nil {
			t.Fatal(err)
		}
		if len(e.Reactions) != 1 || e.Reactions[0].PostID != op || e.Reactions[0].Kind != "hear" {
			t.Errorf("reactions %+v", e.Reactions)
		}
		if len(e.Prefs) != 2 || e.Prefs["self-harm"] != "hide" || e.Prefs["violence"] != "show" {
			t.Errorf("preferences %+v", e.Prefs)
		}
		if len(e.Subs) != 1 || e.Subs[0].ThreadID != tid || e.Subs[0].State != "mute" {
			t.Errorf("subscriptions %+v", e.Subs)
		}
		// Someone else's export holds none of it.
		var other struct {
			Reactions []any `json:"reactions"`
		}
		json.Unmarshal([]byte(o.c.Get("/settings/export").Body), &other)
		if len(other.Reactions) != 0 {
			t.Errorf("other member's export has %d reactions", len(other.Reactions))
		}
	})
}
