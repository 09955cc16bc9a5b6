package web

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"github.com/labstack/echo/v4"
	"golang.org/x/time/rate"
)

// rateLimitClients bounds how many clients the limiter remembers (about
// 200 bytes each). Past it the client seen longest ago is forgotten; its
// bucket had most likely filled up again anyway, so forgetting it only
// ever gives a client its full allowance back early.
const rateLimitClients = 8192

// clientLimiter is a token bucket per client for the feeds and the read
// API: perMinute requests a minute, in bursts of up to perMinute. Clients
// are named by their keyed hash (auth.ClientKeyer), never their address.
// It lives in this process's memory: see the README on several instances.
type clientLimiter struct {
	every rate.Limit
	burst int
	now   func() time.Time

	mu      sync.Mutex
	clients *simplelru.LRU[string, *rate.Limiter]
}

// newClientLimiter returns a limiter of perMinute requests a minute per
// client, or nil (no limit) when perMinute is 0.
func newClientLimiter(perMinute int) *clientLimiter {
	if perMinute <= 0 {
		return nil
	}
	lru, err := simplelru.NewLRU[string, *rate.Limiter](rateLimitClients, nil)
	if err != nil {
		// Only a size below one is refused, and the size is a constant.
		panic(err)
	}
	return &clientLimiter{every: rate.Limit(float64(perMinute) / 60), burst: perMinute, now: time.Now, clients: lru}
}

// allow spends one of client's tokens. When none is left it returns false
// and how long until one is.
func (l *clientLimiter) allow(client string) (bool, time.Duration) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	lim, ok := l.clients.Get(client)
	if !ok {
		lim = rate.NewLimiter(l.every, l.burst)
		l.clients.Add(client, lim)
	}
	if lim.AllowN(now, 1) {
		return true, 0
	}
	// To the millisecond, so that float arithmetic on the bucket cannot
	// turn 20 s into 20.000000001 s (and a Retry-After of 21).
	missing := 1 - lim.TokensAt(now)
	return false, time.Duration(math.Round(missing/float64(l.every)*1e3)) * time.Millisecond
}

// limitClient is route middleware that refuses a client over the limit
// with 429 Too Many Requests and a Retry-After in whole seconds (the API
// answers in JSON, through handleError).
func (s *Server) limitClient(next echo.HandlerFunc) echo.HandlerFunc {
	if s.limiter == nil {
		return next
	}
	return func(c echo.Context) error {
		ok, wait := s.limiter.allow(s.clientKey(c))
		if ok {
			return next(c)
		}
		secs := max(1, int(math.Ceil(wait.Seconds())))
		c.Response().Header().Set("Retry-After", strconv.Itoa(secs))
		return echo.NewHTTPError(http.StatusTooManyRequests, "client over the rate limit")
	}
}
