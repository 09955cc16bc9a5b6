package forumtest

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"hearth/pkg/auth"
	"hearth/pkg/store"
)

var recoveryCodeRe = regexp.MustCompile(`\b[2-9a-z]{4}-[2-9a-z]{4}-[2-9a-z]{4}\b`)

// SignUp signs up name with password through POST /signup, as a browser
// would, leaving c logged in as the new member. It returns the recovery
// codes the page showed, and fails the test unless the signup worked.
func SignUp(t testing.TB, c *Client, name, password string) []string {
	t.Helper()
	r := c.PostForm("/signup", url.Values{"username": {name}, "password": {password}, "age_confirmed": {"yes"}})
	if r.StatusCode != http.StatusOK {
		t.Fatalf("sign up %q: status %d\n%s", name, r.StatusCode, r.Body)
	}
	codes := RecoveryCodes(r.Body)
	if len(codes) != auth.RecoveryCodeCount {
		t.Fatalf("sign up %q: %d recovery codes shown, want %d", name, len(codes), auth.RecoveryCodeCount)
	}
	return codes
}

// RecoveryCodes returns the recovery codes a page shows, once each in the
// order they first appear (the codes page also carries them in its
// download form).
func RecoveryCodes(body string) []string {
	var codes []string
	seen := map[string]bool{}
	for _, c := range recoveryCodeRe.FindAllString(body, -1) {
		if !seen[c] {
			seen[c] = true
			codes = append(codes, c)
		}
	}
	return codes
}

// UserID returns the id of the member called name (compared as pseudonyms
// are, so case and look-alikes do not matter).
func UserID(t testing.TB, db *store.DB, name string) int64 {
	t.Helper()
	var id int64
	if err := db.R.Raw("SELECT id FROM users WHERE username_key = ?", auth.PseudonymKey(name)).Scan(&id).Error; err != nil || id == 0 {
		t.Fatalf("user %q: id %d, %v", name, id, err)
	}
	return id
}
