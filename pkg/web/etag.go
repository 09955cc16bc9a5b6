package web

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// Cache lifetimes of the public, visitor-only responses: feeds and the API
// show the same to everyone, so shared caches may keep them, but only
// briefly, so that a removal or a redaction leaves them within a minute.
// Clients revalidate with the ETag, which costs them one empty 304.
const (
	feedCacheControl = "public, max-age=60"
	apiCacheControl  = "public, max-age=30"
)

// writeTagged sends body with a strong ETag (a hash of the bytes), or an
// empty 304 Not Modified when the request's If-None-Match already names it.
func writeTagged(c echo.Context, status int, contentType, cacheControl string, body []byte) error {
	sum := sha256.Sum256(body)
	tag := `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`
	h := c.Response().Header()
	h.Set("ETag", tag)
	h.Set("Cache-Control", cacheControl)
	if status == http.StatusOK && etagMatches(c.Request().Header.Get("If-None-Match"), tag) {
		return c.NoContent(http.StatusNotModified)
	}
	return c.Blob(status, contentType, body)
}

// etagMatches applies If-None-Match's weak comparison (RFC 9110, 13.1.2):
// "*" or any listed tag equal to tag once a W/ prefix is dropped.
func etagMatches(header, tag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == tag {
			return true
		}
	}
	return false
}
