package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// httptestServer serves h on a loopback port for tests that need a real
// connection; it returns the base URL.
func httptestServer(t *testing.T, h http.Handler) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}
