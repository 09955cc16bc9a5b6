package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestAdminFormsRefuseUnreadableText: the admins' forms (site pages,
// settings, escalation instructions, webhooks, groups) refuse invalid
// UTF-8 and NUL characters with the same clear message as members' forms,
// and give the text back with each such character marked, nothing stored.
func TestAdminFormsRefuseUnreadableText(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := newApp(t, db)
		admin := newPoster(t, a, db, "Heron", "admin")
		refused := func(name, path string, form url.Values, want, kept string) {
			t.Helper()
			r := admin.c.PostForm(path, form)
			if r.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("%s: status %d, want 422\n%s", name, r.StatusCode, snippet(r.Body))
			}
			body := html.UnescapeString(r.Body)
			for _, w := range []string{want, kept, `class="error-summary"`} {
				if !strings.Contains(body, w) {
					t.Errorf("%s: page lacks %q", name, w)
				}
			}
			if strings.Contains(r.Body, "\x00") || !strings.Contains(r.Body, "\uFFFD") {
				t.Errorf("%s: the unreadable character is not marked", name)
			}
		}
		refused("a site page", "/admin/pages/about", url.Values{"body": {"## Who we are\n\nA caf\xe9 of friends."}},
			"couldn't be read", "A caf\uFFFD of friends.")
		refused("escalation instructions", "/admin/escalation", url.Values{"instructions": {"Call the on-call lead\x00 first."}},
			"hidden NUL character", "Call the on-call lead\uFFFD first.")
		refused("a webhook", "/admin/webhooks", url.Values{"name": {"Mod\xffroom"}, "url": {"https://chat.example.org/hook"}, "events": {"crisis_post"}},
			"couldn't be read", "Mod\uFFFDroom")
		refused("the moderation hours", "/admin/settings", hoursForm("hours_zone_label", "UK\x00 time"),
			"hidden NUL character", "UK\uFFFD time")
		refused("a group", "/admin/groups", url.Values{"slug": {"chronic-pain"}, "name": {"Chronic pain"}, "description": {"For living with pain \xfe every day."}},
			"couldn't be read", "For living with pain \uFFFD every day.")

		for table, where := range map[string]string{"site_pages": "1 = 1", "webhook_endpoints": "1 = 1", "groups": "slug = 'chronic-pain'"} {
			if n := countRows(t, db, table, where); n != 0 {
				t.Errorf("%s: %d rows stored from refused forms", table, n)
			}
		}
	})
}
