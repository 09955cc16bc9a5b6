package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestExportIncludesReportsBlocksAndBreaks checks the sections that other
// areas' tables contribute to a member's export, and that erasing an account
// removes the words of the reports they filed.
func TestExportIncludesReportsBlocksAndBreaks(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		c := forumtest.NewClient(t, a.Web.Handler())
		forumtest.SignUp(t, c, "heron", "a quiet walk by the river")
		me := forumtest.UserID(t, db, "heron")
		other := forumtest.InsertUser(t, db, "kestrel", "member")
		th := forumtest.InsertThread(t, db, "grief", other, "Some thread", nil, time.Now())
		now := time.Now().UTC()
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(db.W.Exec(`INSERT INTO reports (post_id, thread_id, group_id, reporter_id, subject_id, reason, note, created_at)
			VALUES (?, ?, ?, ?, ?, 'other', 'my private words about this', ?)`, *th.FirstPostID, th.ID, th.GroupID, me, other, now).Error)
		must(db.W.Exec(`INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)`, me, other, now).Error)
		must(db.W.Exec(`INSERT INTO breaks (user_id, scope, group_id, tag, starts_at, ends_at, created_at) VALUES (?, 'group', ?, '', ?, ?, ?)`,
			me, th.GroupID, now, now.Add(48*time.Hour), now).Error)

		r := c.Get("/settings/export")
		var e auth.Export
		if err := json.Unmarshal([]byte(r.Body), &e); err != nil {
			t.Fatalf("export: %v", err)
		}
		if len(e.ReportsFiled) != 1 || e.ReportsFiled[0].Note != "my private words about this" || e.ReportsFiled[0].PostID != *th.FirstPostID {
			t.Fatalf("reports filed: %+v", e.ReportsFiled)
		}
		if len(e.Blocks) != 1 || e.Blocks[0].Pseudonym != "kestrel" {
			t.Fatalf("blocks: %+v", e.Blocks)
		}
		if len(e.Breaks) != 1 || e.Breaks[0].Scope != "group" || e.Breaks[0].Group != "grief" {
			t.Fatalf("breaks: %+v", e.Breaks)
		}

		// The other member's export never shows who reported them.
		c2 := forumtest.NewClient(t, a.Web.Handler())
		forumtest.LoginAs(t, a, c2, other)
		var e2 auth.Export
		if err := json.Unmarshal([]byte(c2.Get("/settings/export").Body), &e2); err != nil {
			t.Fatal(err)
		}
		if len(e2.ReportsFiled) != 0 || len(e2.Blocks) != 0 {
			t.Fatalf("another member's export leaks: %+v %+v", e2.ReportsFiled, e2.Blocks)
		}

		c.PostForm("/settings/delete", url.Values{"confirm": {"yes"}, "current_password": {"a quiet walk by the river"}, "mode": {"erase"}})
		var left int64
		must(db.R.Table("users").Where("username = ?", "heron").Count(&left).Error)
		if left != 0 {
			t.Fatal("account not deleted")
		}
		var note string
		var reporter *int64
		row := db.R.Raw("SELECT note, reporter_id FROM reports").Row()
		must(row.Scan(&note, &reporter))
		if reporter != nil || note != "" {
			t.Fatalf("after erase: reporter %v note %q", reporter, note)
		}
	})
}

func TestExportDownloadsEverythingTheMemberWroteOrSet(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		if r := c.Get("/settings/export"); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
			t.Fatalf("visitor export: %d", r.StatusCode)
		}
		forumtest.SignUp(t, c, "wren", goodPassword)
		c.PostForm("/settings/country", url.Values{"country": {"IE"}})
		th := startThread(t, c, "grief", "Missing my gran", "She taught me to **bake**.\n\nI miss her.")
		replyTo(t, c, th, 0, "Thank you all for *listening*.")
		other := forumtest.NewClient(t, a.Web.Handler())
		forumtest.SignUp(t, other, "robin", goodPassword)
		replyTo(t, other, th, 0, "Words from someone else entirely.")

		r := c.Get("/settings/export")
		wantStatus(t, r, http.StatusOK)
		if r.Header.Get("Cache-Control") != "no-store" || !strings.HasPrefix(r.Header.Get("Content-Disposition"), `attachment; filename="hearth-export-`) ||
			!strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			t.Fatalf("export headers: %v", r.Header)
		}
		var e struct {
			Format  string `json:"format"`
			Profile struct {
				Pseudonym string `json:"pseudonym"`
				Role      string `json:"role"`
			} `json:"profile"`
			Settings struct {
				Country           string `json:"country"`
				RecoveryCodesLeft int    `json:"recovery_codes_left"`
			} `json:"settings"`
			Threads []struct {
				Title string `json:"title"`
				Group string `json:"group"`
			} `json:"threads"`
			Posts []struct {
				Markdown string `json:"markdown"`
			} `json:"posts"`
			Sessions []struct {
				Device     string `json:"device"`
				ThisDevice bool   `json:"this_device"`
			} `json:"sessions"`
		}
		if err := json.Unmarshal([]byte(r.Body), &e); err != nil {
			t.Fatalf("export is not JSON: %v\n%s", err, r.Body)
		}
		if e.Format != auth.ExportFormat || e.Profile.Pseudonym != "wren" || e.Profile.Role != "member" || e.Settings.Country != "IE" || e.Settings.RecoveryCodesLeft != 10 {
			t.Fatalf("profile and settings: %+v", e)
		}
		if len(e.Threads) != 1 || e.Threads[0].Title != "Missing my gran" || e.Threads[0].Group != "grief" {
			t.Fatalf("threads: %+v", e.Threads)
		}
		if len(e.Posts) != 2 || e.Posts[0].Markdown != "She taught me to **bake**.\n\nI miss her." || e.Posts[1].Markdown != "Thank you all for *listening*." {
			t.Fatalf("posts (with Markdown source): %+v", e.Posts)
		}
		if len(e.Sessions) != 1 || !e.Sessions[0].ThisDevice || e.Sessions[0].Device == "" {
			t.Fatalf("sessions: %+v", e.Sessions)
		}
		var hash, token string
		db.R.Raw("SELECT password_hash FROM users WHERE username = ?", "wren").Row().Scan(&hash)
		db.R.Raw("SELECT token_hash FROM sessions").Row().Scan(&token)
		for _, secret := range []string{"someone else entirely", "robin", hash, token, "$argon2id", "token_hash", "password"} {
			if strings.Contains(r.Body, secret) {
				t.Errorf("export contains %q", secret)
			}
		}
	})
}

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
