package web_test

import (
	"fmt"
	"net/http"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestNoActionWithoutItsAuditRow: when the audit row cannot be written,
// the action it records does not happen either. The audit table is renamed
// away, so every insert into it fails inside the action's transaction.
func TestNoActionWithoutItsAuditRow(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		item := w.item(moderation.KindReport, w.reply, 30, "")
		mod, admin := w.as(w.griefMod), w.as(w.admin)
		w.as(w.author) // a session a suspension would end
		before := w.snapshot()
		w.exec("ALTER TABLE audit_log RENAME TO audit_log_away")
		for _, rt := range []struct {
			c    *forumtest.Client
			path string
			form []string
		}{
			{mod, fmt.Sprintf("/p/%d/remove", w.reply), []string{"item", idStr(item), "reason", "Spam or advertising"}},
			{mod, fmt.Sprintf("/p/%d/redact", w.reply), []string{"confirm", "yes", "reason", "Shares personal information"}},
			{mod, fmt.Sprintf("/mod/items/%d/dismiss", item), nil},
			{mod, fmt.Sprintf("/t/%d/lock", w.thread.ID), []string{"reason", "Resting"}},
			{mod, fmt.Sprintf("/t/%d/pin", w.thread.ID), nil},
			{mod, fmt.Sprintf("/t/%d/redact", w.thread.ID), []string{"confirm", "yes", "reason", "Shares personal information"}},
			{mod, fmt.Sprintf("/p/%d/tags", w.reply), []string{"trigger_warnings", "suicide"}},
			{mod, fmt.Sprintf("/mod/users/%d/warn", w.author), []string{"post", idStr(w.reply), "reason", "Harassment or bullying"}},
			{mod, fmt.Sprintf("/mod/users/%d/suspend", w.author), []string{"post", idStr(w.reply), "days", "3", "reason", "Harassment or bullying"}},
			{admin, "/admin/groups", []string{"slug", "chronic-pain", "name", "Chronic pain"}},
			{admin, "/admin/groups/grief/archive", []string{"confirm", "yes"}},
			{admin, "/admin/settings", []string{"report_threshold", "9"}},
			{admin, "/admin/tags", []string{"slug", "body-image", "name", "Body image"}},
		} {
			r := rt.c.PostForm(rt.path, formValues(rt.form...))
			if r.StatusCode != http.StatusInternalServerError {
				t.Errorf("%s without an audit table: %d, want 500\n%s", rt.path, r.StatusCode, snippet(r.Body))
			}
		}
		w.exec("ALTER TABLE audit_log_away RENAME TO audit_log")
		if after := w.snapshot(); after != before {
			t.Fatalf("an action happened without its audit row:\n%s\n%s", before, after)
		}
		if n := countRows(w.t, w.db, "sessions", "user_id = ?", w.author); n == 0 {
			t.Fatal("a suspension without its audit row ended the member's sessions")
		}
	})
}
