package web

import (
	"bytes"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/sync/singleflight"

	"hearth/pkg/cache"
)

// Limits of the visitor page cache: it holds only the pages visitors asked
// for within its lifetime, so these are a guard against a flood of distinct
// URLs, not a working-set size.
const (
	pageCacheMaxBytes = 16 << 20
	pageCacheMaxPage  = 1 << 20
)

// pageCache keeps the bytes of pages rendered for visitors. A visitor's
// home, group or thread page is the same for every visitor (default
// trigger-warning choices, no name, no flash message), so for a short while
// one rendering serves them all. An entry is served only while the content
// version it was rendered at is still current, so a post, an edit, a
// redaction or a removal through this process is seen by the next visitor.
// Members never get cached pages.
type pageCache struct {
	version func() uint64
	pages   *cache.Versioned[string, *cachedPage]
	flight  singleflight.Group
}

type cachedPage struct {
	status      int
	contentType string
	body        []byte
}

// newPageCache returns a cache, or nil (no caching) when ttl is zero or
// there is no content version to check entries against.
func newPageCache(ttl time.Duration, version func() uint64) *pageCache {
	if ttl <= 0 || version == nil {
		return nil
	}
	return &pageCache{version: version, pages: cache.NewVersioned[string, *cachedPage](ttl, pageCacheMaxBytes)}
}

// cacheForVisitors is route middleware for pages that look the same to every
// visitor. A request with a session or a flash cookie, or with a signed-in
// member, goes straight to the handler; so does every request when the cache
// is off. Only 200 responses are kept. Concurrent misses for one URL render
// it once.
func (s *Server) cacheForVisitors(next echo.HandlerFunc) echo.HandlerFunc {
	pc := s.pages
	if pc == nil {
		return next
	}
	return func(c echo.Context) error {
		if !s.visitorRequest(c) {
			return next(c)
		}
		// A visitor's page is in the language their Accept-Language chose.
		key := s.printer(c).Lang() + " " + c.Request().URL.RequestURI()
		v := pc.version()
		if p, ok := pc.pages.Get(key, v); ok {
			return p.write(c)
		}
		led := false
		res, err, _ := pc.flight.Do(key, func() (any, error) {
			led = true
			p, err := record(c, next)
			if err == nil && p != nil {
				pc.pages.Put(key, v, p, len(p.body))
			}
			return p, err
		})
		if led {
			// The leader's own response went out while it was recorded.
			return err
		}
		if p, _ := res.(*cachedPage); err == nil && p != nil {
			return p.write(c)
		}
		// The leader failed or its page was not cacheable: answer this
		// request on its own.
		return next(c)
	}
}

// visitorRequest reports whether c may be answered from the visitor cache.
func (s *Server) visitorRequest(c echo.Context) bool {
	if c.Request().Method != http.MethodGet || principal(c) != nil {
		return false
	}
	for _, name := range []string{s.sessionCookieName(), flashCookie} {
		if ck, err := c.Cookie(name); err == nil && ck.Value != "" {
			return false
		}
	}
	return true
}

// record runs next with the response captured as well as sent, and returns
// the page when it is a complete 200 small enough to keep.
func record(c echo.Context, next echo.HandlerFunc) (*cachedPage, error) {
	res := c.Response()
	rec := &recorder{ResponseWriter: res.Writer}
	res.Writer = rec
	err := next(c)
	res.Writer = rec.ResponseWriter
	if err != nil || rec.status != http.StatusOK || rec.overflow {
		return nil, err
	}
	return &cachedPage{status: rec.status, contentType: res.Header().Get(echo.HeaderContentType), body: rec.buf.Bytes()}, nil
}

func (p *cachedPage) write(c echo.Context) error {
	c.Response().Header().Set(echo.HeaderContentType, p.contentType)
	c.Response().WriteHeader(p.status)
	_, err := c.Response().Write(p.body)
	return err
}

// recorder passes a response through and keeps a copy of its body.
type recorder struct {
	http.ResponseWriter
	status   int
	buf      bytes.Buffer
	overflow bool
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	if !r.overflow {
		if r.buf.Len()+len(b) > pageCacheMaxPage {
			r.overflow = true
			r.buf = bytes.Buffer{}
		} else {
			r.buf.Write(b)
		}
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
