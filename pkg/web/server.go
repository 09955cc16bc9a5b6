package web

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"

	"hearth/pkg/auth"
	"hearth/pkg/cache"
	"hearth/pkg/config"
	"hearth/pkg/events"
	"hearth/pkg/forum"
	"hearth/pkg/i18n"
	"hearth/pkg/moderation"
	"hearth/pkg/safety"
	"hearth/pkg/webhook"
)

// Pinger reports whether the database answers.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Deps is everything the web layer needs, built by hearth/pkg/app.
type Deps struct {
	Config config.Config
	Logger *slog.Logger
	// Secret signs flash cookies and keys client hashes.
	Secret []byte
	Forum  *forum.Service
	Auth   *auth.Service
	DB     Pinger
	// Pools are the database/sql pools whose figures /metrics exports.
	Pools map[string]*sql.DB
	// Templates and Static are the embedded (or, with -dev, on-disk) trees.
	Templates fs.FS
	Static    fs.FS
	// Version is printed in the footer-less /healthz body and metrics.
	Version string
	// Helplines serves the crisis resources (page, panel, admin list).
	Helplines *safety.Helplines
	// Moderation runs reports, the queue, moderator actions, the logs and
	// site administration.
	Moderation *moderation.Service
	// Blocks and Breaks are members' own safety tools.
	Blocks *forum.Blocks
	Breaks *forum.Breaks
	// Waiting answers which threads wait for a first reply.
	Waiting *forum.Waiting
	// Activity lists recent activity and remembers members' visits, for
	// "new since your last visit".
	Activity *forum.Activity
	// Peer runs peer supporters and one-to-one support requests.
	Peer *moderation.Peer
	// Public answers the Atom feeds and the read API.
	Public *forum.Public
	// Hooks keeps the webhook endpoints admins manage.
	Hooks *webhook.Service
	// Flood counts posts, edits, reactions, reports and signups against
	// the flood limits (flood.go); nil limits nothing.
	Flood *auth.Flood
	// Unavailable reports whether an error means the database cannot be
	// reached (store.IsUnavailable); such requests answer 503 (outage.go).
	Unavailable func(error) bool
	// Bus carries the events live pages hear (live.go); nil turns live
	// updates off.
	Bus *events.Bus
	// ContentVersion grows with every write through this instance; the
	// visitor page cache (pagecache.go) checks entries against it. Nil
	// turns the cache off.
	ContentVersion func() uint64
}

// Server is Hearth's HTTP front end.
type Server struct {
	deps     Deps
	cfg      config.Config
	log      *slog.Logger
	e        *echo.Echo
	render   *Renderer
	i18n     *i18n.Catalog
	assets   *assets
	registry *prometheus.Registry
	metrics  *httpMetrics
	pages    *pageCache
	visitors visitorData
	frags    *cache.Fragments
	fragKeys fragmentKeys
	members  *cache.Members
	gate     *readGate
	limiter  *clientLimiter
	live     *liveHub
}

// New builds the server: templates parsed, static files hashed, routes and
// middleware installed.
func New(d Deps) (*Server, error) {
	if d.Logger == nil {
		d.Logger = slog.New(slog.DiscardHandler)
	}
	if len(d.Secret) < 32 {
		return nil, errors.New("web: secret must be at least 32 bytes")
	}
	s := &Server{deps: d, cfg: d.Config, log: d.Logger, e: echo.New()}
	var err error
	if s.assets, err = newAssets(d.Static); err != nil {
		return nil, fmt.Errorf("static files: %w", err)
	}
	if s.i18n, err = i18n.Load(); err != nil {
		return nil, fmt.Errorf("message catalogues: %w", err)
	}
	if s.render, err = NewRenderer(d.Templates, s.funcs(s.i18n.Printer(d.Config.DefaultLanguage))); err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	for _, l := range s.i18n.Languages() {
		s.render.Localise(l.Code, langFuncs(s.i18n.Printer(l.Code)))
	}
	s.registry = prometheus.NewRegistry()
	if s.metrics, err = newHTTPMetrics(s.registry, d.Pools, d.Version); err != nil {
		return nil, fmt.Errorf("metrics: %w", err)
	}
	s.pages = newPageCache(d.Config.VisitorCache, d.ContentVersion)
	s.visitors = newVisitorData(d.Config.VisitorCache, d.ContentVersion)
	s.frags = cache.NewFragments(fragmentCacheBytes)
	s.fragKeys = newFragmentKeys()
	s.members = cache.NewMembers(d.Config.MemberCache)
	s.gate = newReadGate(d.Config.ReadConcurrency)
	s.limiter = newClientLimiter(d.Config.APIRateLimit)
	s.live = newLiveHub(d.Bus, d.Config.LiveMaxConnections, d.Config.LiveMaxLifetime)
	if err := s.registry.Register(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "hearth_live_streams",
		Help: "Live-update streams (server-sent events) open on this instance.",
	}, func() float64 { return float64(s.live.Open()) })); err != nil {
		return nil, fmt.Errorf("metrics: %w", err)
	}
	s.e.HideBanner = true
	s.e.HidePort = true
	s.e.Renderer = s.render
	s.e.HTTPErrorHandler = s.handleError
	s.e.IPExtractor = ipExtractor(d.Config.TrustedProxies)
	s.routes()
	return s, nil
}

// Handler returns the HTTP handler (for tests and for http.Server).
func (s *Server) Handler() http.Handler { return s.gate.wrap(headAsGet(s.e), s.hasSession) }

// hasSession reports whether r carries a session cookie (live or not).
func (s *Server) hasSession(r *http.Request) bool {
	ck, err := r.Cookie(s.sessionCookieName())
	return err == nil && ck.Value != ""
}

// HTTPServer returns an http.Server with Hearth's timeouts.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// Serve listens on ln until ctx is cancelled, then stops accepting
// connections and lets in-flight requests finish within the shutdown timeout.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := s.HTTPServer(ln.Addr().String())
	// Live streams never go idle by themselves: shutting down ends them.
	srv.RegisterOnShutdown(s.live.shutdown)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	timeout := s.cfg.ShutdownTimeout
	if timeout <= 0 {
		timeout = 15 * time.Second
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
	defer cancel()
	s.log.Info("shutting down", "timeout", timeout.String())
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// Echo exposes the router so tests can add probe routes (a handler that
// panics, a slow request) behind the real middleware.
func (s *Server) Echo() *echo.Echo { return s.e }

// memberKey names the signed-in member p in the member cache, with the
// versions the session lookup read from their users row.
func memberKey(p *auth.Principal) cache.Member {
	return cache.Member{ID: p.User.ID, Settings: p.User.SettingsVersion, Notices: p.User.NoticeVersion}
}
