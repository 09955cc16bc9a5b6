package web_test

import (
	"hearth/pkg/forumtest"
	"net/http"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
)

func TestPanicBecomes500WithRequestID(t *testing.T) {
	db := forumtest.NewSQLite(t)
	a, logs := forumtest.NewApp(t, db, forumtest.Config(t))
	a.Web.Echo().GET("/boom", func(echo.Context) error { panic("secret internal detail") })
	r := forumtest.NewClient(t, a.Web.Handler()).Get("/boom")
	if r.StatusCode != http.StatusInternalServerError {
		t.Fatalf("status %d", r.StatusCode)
	}
	id := r.Header.Get("X-Request-Id")
	if id == "" || !strings.Contains(r.Body, id) {
		t.Fatalf("500 page does not show request id %q", id)
	}
	if strings.Contains(r.Body, "secret internal detail") || strings.Contains(r.Body, "goroutine") {
		t.Fatal("500 page leaks internals")
	}
	if !strings.Contains(logs.String(), "secret internal detail") || !strings.Contains(logs.String(), id) {
		t.Fatal("panic not logged with its request id")
	}
}
