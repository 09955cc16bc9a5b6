package web_test

import (
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestRegeneratingRecoveryCodesInvalidatesTheOldOnes(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		old := forumtest.SignUp(t, c, "thistle", goodPassword)
		r := c.PostForm("/settings/recovery-codes", url.Values{"current_password": {"not my password"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		if !strings.Contains(r.Body, "That isn&#39;t your current password") {
			t.Fatalf("wrong password:\n%s", r.Body)
		}
		r = c.PostForm("/settings/recovery-codes", url.Values{"current_password": {goodPassword}})
		wantStatus(t, r, http.StatusOK)
		fresh := forumtest.RecoveryCodes(r.Body)
		if len(fresh) != 10 || !strings.Contains(r.Body, "Your old codes no longer work") {
			t.Fatalf("new codes page:\n%s", r.Body)
		}
		v := forumtest.NewClient(t, a.Web.Handler())
		wantStatus(t, v.PostForm("/recover", url.Values{"username": {"thistle"}, "code": {old[0]}, "password": {"a brand new password"}}), http.StatusUnprocessableEntity)
		wantRedirect(t, v.PostForm("/recover", url.Values{"username": {"thistle"}, "code": {fresh[0]}, "password": {"a brand new password"}}), "/settings")
	})
}
