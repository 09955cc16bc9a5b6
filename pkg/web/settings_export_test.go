package web_test

import (
	"encoding/json"
	"net/url"
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

		c.PostForm("/settings/delete", url.Values{"current_password": {"a quiet walk by the river"}, "mode": {"erase"}})
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
