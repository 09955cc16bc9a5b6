package web

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// contentSecurityPolicy allows nothing from anywhere but Hearth itself: no
// inline script or style, no third-party request from any page.
const contentSecurityPolicy = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; img-src 'self'; style-src 'self'; script-src 'self'"

const ctxRequestID = "request_id"

// requestID gives every request a random id, echoed in X-Request-Id and on
// error pages so a member can quote it and an operator can find the log line.
func requestID(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		var b [8]byte
		_, _ = rand.Read(b[:])
		id := hex.EncodeToString(b[:])
		c.Set(ctxRequestID, id)
		c.Response().Header().Set(echo.HeaderXRequestID, id)
		return next(c)
	}
}

func reqID(c echo.Context) string {
	id, _ := c.Get(ctxRequestID).(string)
	return id
}

// accessLog writes one structured line per request. It never logs the client
// address, the user agent or the query string (search terms are private).
func (s *Server) accessLog(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			// Let the error handler write the response now, so the status
			// logged and counted is the one the client gets.
			c.Error(err)
		}
		res := c.Response()
		dur := time.Since(start)
		route := c.Path()
		if route == "" {
			route = "unmatched"
		}
		s.metrics.observe(c.Request().Method, route, res.Status, dur)
		s.log.LogAttrs(c.Request().Context(), levelFor(res.Status), "request",
			slogStr("method", c.Request().Method),
			slogStr("route", route),
			slogStr("path", c.Request().URL.Path),
			slogInt("status", res.Status),
			slogInt("bytes", int(res.Size)),
			slogStr("duration_ms", strconv.FormatFloat(float64(dur.Microseconds())/1000, 'f', 2, 64)),
			slogStr("request_id", reqID(c)),
		)
		return nil
	}
}

// securityHeaders sets the headers of docs/design.md section 4 on every response.
func (s *Server) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	hsts := s.cfg.SecureCookies()
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), interest-cohort=()")
		if hsts {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		// Pages may show private or sensitive data and people share devices:
		// nothing dynamic is stored by browsers or proxies. Static files
		// override this with long-lived caching.
		h.Set("Cache-Control", "no-store")
		return next(c)
	}
}

// crossOrigin refuses unsafe cross-origin browser requests with 403, using
// the standard library's Sec-Fetch-Site/Origin check. Requests without those
// headers (scripts, curl) pass, as the public contract says.
func crossOrigin() echo.MiddlewareFunc {
	cop := http.NewCrossOriginProtection()
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if err := cop.Check(c.Request()); err != nil {
				return echo.NewHTTPError(http.StatusForbidden, "cross-origin request refused").SetInternal(err)
			}
			return next(c)
		}
	}
}

// recoverPanics turns a panic into a 500 handled by handleError; the stack
// goes to the log, never to the member.
func (s *Server) recoverPanics() echo.MiddlewareFunc {
	return middleware.RecoverWithConfig(middleware.RecoverConfig{
		StackSize:         8 << 10,
		DisablePrintStack: true,
		LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
			s.log.Error("panic", "request_id", reqID(c), "route", c.Path(), "err", err.Error(), "stack", string(stack))
			return fmt.Errorf("panic: %w", err)
		},
	})
}

// ipExtractor reads the client address directly from the connection unless
// trusted proxies are configured. The address is only ever used to derive a
// keyed hash for rate limiting; it is never stored or logged.
func ipExtractor(trusted []netip.Prefix) echo.IPExtractor {
	if len(trusted) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, p := range trusted {
		opts = append(opts, echo.TrustIPRange(prefixToIPNet(p)))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

// headAsGet answers HEAD like GET. Echo routes on the request it was given,
// so the copy with method GET is made before Echo sees it; net/http still
// knows the original was HEAD and sends no body. A live stream is not
// answered to HEAD (405): it would hold its place, sending nothing, for
// its whole lifetime.
func headAsGet(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead && !strings.HasSuffix(r.URL.Path, "/events") {
			get := r.Clone(r.Context())
			get.Method = http.MethodGet
			r = get
		}
		next.ServeHTTP(w, r)
	})
}
