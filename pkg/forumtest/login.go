package forumtest

import (
	"context"
	"net/http"
	"testing"

	"hearth/pkg/app"
)

// LoginAs starts a session for userID through the accounts service and puts
// its cookie in c, as a successful login would.
func LoginAs(t testing.TB, a *app.App, c *Client, userID int64) {
	t.Helper()
	token, err := a.Auth.StartSession(context.Background(), userID, "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0")
	if err != nil {
		t.Fatalf("start session: %v", err)
	}
	name := "hearth_session"
	if a.Config.SecureCookies() {
		name = "__Host-hearth_session"
	}
	c.SetCookie(&http.Cookie{Name: name, Value: token, Path: "/"}) // #nosec G124 -- a test client's cookie jar, never sent to a browser
}
