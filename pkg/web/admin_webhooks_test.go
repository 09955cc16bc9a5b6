package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
	"hearth/pkg/webhook"
)

// receiver is a real HTTP server standing in for a chat tool's incoming
// webhook: it checks each delivery's signature against the secret it was
// given and keeps what it received. fail makes it answer 500 to the next
// that many deliveries.
type receiver struct {
	t      *testing.T
	srv    *httptest.Server
	mu     sync.Mutex
	secret string
	fail   int
	got    []received
	tries  int
}

// received is one delivery as the receiver saw it.
type received struct {
	Body          string
	Payload       webhook.Payload
	Event, ID     string
	SignatureGood bool
}

func newReceiver(t *testing.T) *receiver {
	r := &receiver{t: t}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		defer r.mu.Unlock()
		r.tries++
		if r.fail > 0 {
			r.fail--
			http.Error(w, "not now", http.StatusInternalServerError)
			return
		}
		rec := received{Body: string(body), Event: req.Header.Get(webhook.HeaderEvent), ID: req.Header.Get(webhook.HeaderDelivery),
			SignatureGood: webhook.Verify(r.secret, body, req.Header.Get(webhook.HeaderSignature))}
		if err := json.Unmarshal(body, &rec.Payload); err != nil {
			r.t.Errorf("delivery is not JSON: %v\n%s", err, body)
		}
		r.got = append(r.got, rec)
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) received() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.got...)
}

var secretOnPage = regexp.MustCompile(`id="secret" value="([0-9a-f]{64})"`)

// addWebhook adds an endpoint through the admin page and returns its id
// and the secret the page showed.
func addWebhook(t *testing.T, admin *forumtest.Client, name, url string, events ...string) (int64, string) {
	t.Helper()
	f := formValues("name", name, "url", url)
	f["events"] = events
	r := admin.PostForm("/admin/webhooks", f)
	wantStatus(t, r, http.StatusOK)
	m := secretOnPage.FindStringSubmatch(r.Body)
	if m == nil {
		t.Fatalf("the secret is not shown after adding a webhook:\n%s", snippet(r.Body))
	}
	return idIn(t, r.Body, `href="/admin/webhooks/(\d+)"`), m[1]
}

var allHookEvents = []string{"crisis_post", "wellbeing_concern", "report_threshold", "post_held"}

// TestAdminManagesWebhooks: only admins reach the pages; a refused form
// comes back with what was typed and a clear message; the secret is shown
// once; an endpoint is shown by its host only, changed, turned off and on,
// and deleted after a confirmation, each change audited.
func TestAdminManagesWebhooks(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		admin := w.as(w.admin)
		r := admin.Get("/admin/webhooks")
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "<h1>Webhooks</h1>", "No webhooks yet", `name="url"`, `value="crisis_post"`, "HEARTH_BASE_URL is not set")
		pageHas(t, admin.Get("/admin").Body, `href="/admin/webhooks"`)
		wantStatus(t, w.as(w.siteMod).Get("/admin/webhooks"), http.StatusForbidden)
		wantStatus(t, w.as(w.siteMod).PostForm("/admin/webhooks", formValues("name", "x", "url", "https://chat.example.org/h", "events", "crisis_post")), http.StatusForbidden)
		wantRedirect(t, w.as(0).Get("/admin/webhooks"), "/login?next=%2Fadmin%2Fwebhooks")

		refusedWebhookForms(t, db, admin)

		id, secret := addWebhook(t, admin, "On-call chat", "https://chat.example.org/hooks/T0/B0/TOKEN123", "crisis_post", "wellbeing_concern")
		r = admin.Get("/admin/webhooks")
		pageHas(t, r.Body, "On-call chat", "https://chat.example.org/…", "Nothing sent yet", "A post that suggests its author is in crisis")
		pageLacks(t, r.Body, "TOKEN123", secret)
		r = admin.Get(fmt.Sprintf("/admin/webhooks/%d", id))
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "Nothing has been sent yet", `value="https://chat.example.org/hooks/T0/B0/TOKEN123"`, `value="crisis_post" checked`, `value="post_held">`)
		pageLacks(t, r.Body, secret)

		r = admin.PostForm(fmt.Sprintf("/admin/webhooks/%d", id), formValues("name", "Night shift", "url", "gopher://x", "events", "post_held"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Only http:// and https://", `value="Night shift"`)
		wantRedirect(t, admin.PostForm(fmt.Sprintf("/admin/webhooks/%d", id), formValues("name", "Night shift", "url", "https://chat.example.org/other", "events", "post_held")), fmt.Sprintf("/admin/webhooks/%d", id))
		e := webhookRow(t, db, id)
		if e.Name != "Night shift" || e.Events != ",post_held," || e.Secret != secret {
			t.Fatalf("after the edit: %+v", e)
		}

		wantRedirect(t, admin.PostForm(fmt.Sprintf("/admin/webhooks/%d/disable", id), formValues()), fmt.Sprintf("/admin/webhooks/%d", id))
		pageHas(t, admin.Get(fmt.Sprintf("/admin/webhooks/%d", id)).Body, "This webhook is off", "Turn on")
		if webhookRow(t, db, id).Enabled {
			t.Fatal("still on after Turn off")
		}
		wantRedirect(t, admin.PostForm(fmt.Sprintf("/admin/webhooks/%d/enable", id), formValues()), fmt.Sprintf("/admin/webhooks/%d", id))

		r = admin.Get(fmt.Sprintf("/admin/webhooks/%d/secret", id))
		pageHas(t, r.Body, "Replace the secret of Night shift?", "cannot be undone", "Cancel, keep it as it is")
		if webhookRow(t, db, id).Secret != secret {
			t.Fatal("asking to replace the secret replaced it")
		}
		r = admin.PostForm(fmt.Sprintf("/admin/webhooks/%d/secret", id), formValues())
		wantStatus(t, r, http.StatusOK)
		if m := secretOnPage.FindStringSubmatch(r.Body); m == nil || m[1] == secret || m[1] != webhookRow(t, db, id).Secret {
			t.Fatalf("the new secret is not the one shown:\n%s", snippet(r.Body))
		}

		r = admin.Get(fmt.Sprintf("/admin/webhooks/%d/delete", id))
		pageHas(t, r.Body, "Delete the webhook Night shift?", "cannot be undone", fmt.Sprintf(`action="/admin/webhooks/%d/delete"`, id))
		if countRows(t, db, "webhook_endpoints", "1 = 1") != 1 {
			t.Fatal("the confirmation page deleted the webhook")
		}
		wantRedirect(t, admin.PostForm(fmt.Sprintf("/admin/webhooks/%d/delete", id), formValues()), "/admin/webhooks")
		pageHas(t, admin.Get("/admin/webhooks").Body, "Deleted the webhook", "No webhooks yet")
		wantStatus(t, admin.Get(fmt.Sprintf("/admin/webhooks/%d", id)), http.StatusNotFound)
		wantRedirect(t, admin.PostForm(fmt.Sprintf("/admin/webhooks/%d/delete", id), formValues()), "/admin/webhooks")

		for _, a := range []string{moderation.ActionHookAdd, moderation.ActionHookEdit, moderation.ActionHookOff, moderation.ActionHookOn, moderation.ActionHookSecret, moderation.ActionHookDelete} {
			if es := w.audits(a); len(es) != 1 || *es[0].ActorID != w.admin || strings.Contains(es[0].Detail, "chat.example.org") {
				t.Errorf("audit of %s: %+v", a, es)
			}
		}
	})
}

// refusedWebhookForms posts forms the admin page must refuse: each comes
// back (422) with its message and what was typed, and adds nothing.
func refusedWebhookForms(t *testing.T, db *store.DB, admin *forumtest.Client) {
	t.Helper()
	for _, c := range []struct{ url, msg string }{
		{"ftp://chat.example.org/hook", "Only http:// and https:// addresses"},
		{"javascript:alert(1)", "not a complete web address"},
		{"chat.example.org/hook", "not a complete web address"},
		{"https://user:pw@chat.example.org/hook", "leave the user name and password out"},
		{"", "Please enter the address"},
	} {
		r := admin.PostForm("/admin/webhooks", formValues("name", "Kept name", "url", c.url, "events", "post_held"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, c.msg, `value="Kept name"`, `class="error-summary"`, `value="post_held" checked`)
	}
	r := admin.PostForm("/admin/webhooks", formValues("name", "", "url", "https://chat.example.org/hooks/T0/B0/TOKEN123"))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	pageHas(t, r.Body, "Please give the endpoint a name", "Please choose at least one event", "https://chat.example.org/hooks/T0/B0/TOKEN123")
	if n := countRows(t, db, "webhook_endpoints", "1 = 1"); n != 0 {
		t.Fatalf("refused forms added %d endpoints", n)
	}
}

func webhookRow(t *testing.T, db *store.DB, id int64) webhook.Endpoint {
	t.Helper()
	var e webhook.Endpoint
	if err := db.R.Where("id = ?", id).Take(&e).Error; err != nil {
		t.Fatal(err)
	}
	return e
}

// deliver runs one round of the app's webhook sender.
func deliver(t *testing.T, w *modWorld) int {
	t.Helper()
	n, err := w.app.Sender.RunOnce(context.Background())
	if err != nil {
		t.Fatalf("delivery round: %v", err)
	}
	return n
}

// clockAt is a clock tests move by hand.
type clockAt struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clockAt) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clockAt) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}
