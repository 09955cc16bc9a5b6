package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"runtime"
	"time"

	"hearth/migrations"
	"hearth/pkg/auth"
	"hearth/pkg/cache"
	"hearth/pkg/config"
	"hearth/pkg/events"
	"hearth/pkg/forum"
	"hearth/pkg/i18n"
	"hearth/pkg/markup"
	"hearth/pkg/moderation"
	"hearth/pkg/safety"
	"hearth/pkg/store"
	"hearth/pkg/web"
	"hearth/pkg/webhook"
	"hearth/static"
	"hearth/templates"
)

// App is a wired Hearth instance.
type App struct {
	Config config.Config
	DB     *store.DB
	Web    *web.Server
	Log    *slog.Logger
	Forum  *forum.Service
	Auth   *auth.Service
	// Helplines is the crisis resources service.
	Helplines *safety.Helplines
	// Moderation runs reports, the queue, moderator actions and administration.
	Moderation *moderation.Service
	// Blocks and Breaks are members' own safety tools.
	Blocks *forum.Blocks
	Breaks *forum.Breaks
	// Waiting answers which threads wait for a first reply.
	Waiting *forum.Waiting
	// Peer runs peer supporters and one-to-one support requests.
	Peer *moderation.Peer
	// Bus carries events to live pages and wakes the webhook senders,
	// across instances on PostgreSQL once Start runs.
	Bus *events.Bus
	// Hooks keeps admins' webhook endpoints; Sender delivers to them
	// (Start runs it).
	Hooks  *webhook.Service
	Sender *webhook.Sender
	// Flood counts posts, edits, reactions, reports and signups against
	// the flood limits.
	Flood *auth.Flood
	// Activity lists recent activity and remembers members' visits.
	Activity *forum.Activity
}

// DSN returns the database address for cfg: the SQLite file by default.
func DSN(cfg config.Config) string {
	if p := cfg.SQLitePath(); p != "" {
		return "sqlite:" + p
	}
	return cfg.DatabaseURL
}

// OpenDB opens the configured database. SQLite is migrated at once; on
// PostgreSQL the schema is migrated only with AutoMigrate (otherwise checked).
// Either way a schema newer than this build is refused.
func OpenDB(ctx context.Context, cfg config.Config, log *slog.Logger) (*store.DB, error) {
	db, err := store.Open(ctx, DSN(cfg), store.Options{MaxConns: cfg.DBMaxConns, StatementTimeout: cfg.DBStatementTimeout, Logger: log})
	if err != nil {
		return nil, err
	}
	if cfg.SQLitePath() != "" || cfg.AutoMigrate {
		n, err := db.Migrate(ctx)
		if err != nil {
			_ = db.Close()
			return nil, err
		}
		if n > 0 {
			log.Info("migrated database", "steps", n)
		}
		return db, nil
	}
	if err := db.CheckSchema(ctx); err != nil {
		_ = db.Close()
		return nil, err
	}
	return db, nil
}

// Build opens the database and wires every service and the web server.
func Build(ctx context.Context, cfg config.Config, log *slog.Logger, version string) (*App, error) {
	secret, err := config.LoadSecret(cfg)
	if err != nil {
		return nil, err
	}
	db, err := OpenDB(ctx, cfg, log)
	if err != nil {
		return nil, err
	}
	a, err := New(cfg, db, secret, log, version)
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	return a, nil
}

// New wires the services and web server on an open, migrated database.
func New(cfg config.Config, db *store.DB, secret []byte, log *slog.Logger, version string) (*App, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	tfs, sfs := fs.FS(templates.FS), fs.FS(static.FS)
	if cfg.Dev {
		tfs, sfs = os.DirFS("templates"), os.DirFS("static")
	}
	// At most one argon2id hash per core runs at once (7 MiB each), so a
	// burst of logins queues instead of exhausting memory.
	hasher, err := auth.NewHasher(auth.DefaultParams, max(2, runtime.NumCPU()))
	if err != nil {
		return nil, fmt.Errorf("password hasher: %w", err)
	}
	// One crisis-language detector and one Markdown renderer for every
	// post, edit and preview.
	detector := safety.NewDetector(detectorOptions(cfg)...)
	opts := []forum.Option{
		forum.WithRenderer(markup.New()),
		forum.WithNameKey(auth.PseudonymKey),
		forum.WithScreener(func(text string) forum.Screening { return screening(detector.Assess(text)) }),
	}
	if threads := cache.NewThreads(cfg.ThreadCache); threads != nil {
		opts = append(opts, forum.WithRowCache(threads))
	}
	cfg.ReadConcurrency = readConcurrency(cfg, db)
	bus, err := newBus(db, log)
	if err != nil {
		return nil, err
	}
	opts = append(opts, forum.WithBus(bus))
	ms := moderation.NewService(store.NewModeration(db), markup.New())
	ms.SetCoverCache(cache.NewCover())
	// Out of hours, members' first posts wait for a moderator.
	opts = append(opts, forum.WithOffHours(ms.HoldFirstPosts))
	fs := forum.NewService(store.NewForum(db), opts...)
	as := auth.NewService(store.NewAuth(db), hasher, secret, sessionCache(cfg, db))
	hs := safety.NewHelplines(store.NewSafety(db))
	ms.SetScreener(fs.Screen)
	ms.SetBus(bus)
	hooks, sender := newWebhooks(cfg, db, bus, log)
	blocks, breaks, public := forum.NewBlocks(store.NewBlocks(db)), forum.NewBreaks(store.NewBreaks(db)), forum.NewPublic(store.NewPublic(db))
	waiting, peer := newPeerSupport(cfg, db, fs)
	activity := forum.NewActivity(store.NewActivity(db))
	flood := auth.NewFlood(store.NewFlood(db), floodLimits(cfg.FloodLimits))
	w, err := web.New(web.Deps{
		Config:         cfg,
		Logger:         log,
		Secret:         secret,
		Forum:          fs,
		Auth:           as,
		DB:             db,
		Pools:          db.Pools(),
		Templates:      tfs,
		Static:         sfs,
		Version:        version,
		Helplines:      hs,
		Blocks:         blocks,
		Breaks:         breaks,
		Public:         public,
		Waiting:        waiting,
		Activity:       activity,
		Peer:           peer,
		Moderation:     ms,
		Hooks:          hooks,
		Flood:          flood,
		Unavailable:    store.IsUnavailable,
		Bus:            bus,
		ContentVersion: db.ContentVersion,
	})
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	return &App{Config: cfg, DB: db, Web: w, Log: log, Forum: fs, Auth: as, Helplines: hs, Blocks: blocks, Breaks: breaks, Waiting: waiting, Peer: peer, Moderation: ms,
		Bus: bus, Hooks: hooks, Sender: sender, Flood: flood, Activity: activity}, nil
}

// floodLimits are the configured flood limits as pkg/auth counts them.
func floodLimits(in config.FloodLimits) map[string]auth.FloodLimit {
	out := make(map[string]auth.FloodLimit, len(in))
	for k, l := range in {
		out[k] = auth.FloodLimit{Count: l.Count, Window: l.Window}
	}
	return out
}

// newBus is the event bus, carried between instances by the database's
// relay where it has one (PostgreSQL).
func newBus(db *store.DB, log *slog.Logger) (*events.Bus, error) {
	relay, err := db.Relay(context.Background())
	if err != nil {
		return nil, err
	}
	return events.NewBus(relay, log), nil
}

// readConcurrency is the configured number of page reads at once, or
// when it is not set as many as there are cores where reading is all CPU
// (SQLite, in process) and twice that where a read also waits on the
// network for PostgreSQL, so the cores stay busy while some reads wait
// (docs/performance.md).
func readConcurrency(cfg config.Config, db *store.DB) int {
	if cfg.ReadConcurrency >= 0 {
		return cfg.ReadConcurrency
	}
	n := runtime.GOMAXPROCS(0)
	if db.Dialect == migrations.Postgres {
		n *= 2
	}
	return n
}

// newWebhooks builds the webhook service and sender, whose links start
// with the site's public URL.
func newWebhooks(cfg config.Config, db *store.DB, bus *events.Bus, log *slog.Logger) (*webhook.Service, *webhook.Sender) {
	base := ""
	if cfg.BaseURL != nil {
		base = cfg.BaseURL.String()
	}
	sender := webhook.NewSender(store.NewWebhooks(db), base, log)
	// The configuration has checked that the catalogues load and have
	// the default language.
	if cat, err := i18n.Load(); err == nil {
		sender.SetLanguage(cat.Printer(cfg.DefaultLanguage).T)
	} else {
		log.Warn("webhooks: deliveries stay in English", "err", err.Error())
	}
	return webhook.NewService(store.NewWebhooks(db), bus), sender
}

// startWait bounds how long Start waits for the first connection between
// instances before serving without it (it keeps trying).
const startWait = 10 * time.Second

// Start runs the background work until ctx ends: the bus between
// instances, the webhook sender, which the bus wakes when a delivery is
// waiting, and the account deletions that go on after their request. It
// returns once events flow between instances (or after startWait, logging
// why not), so a request served afterwards is heard by every instance.
func (a *App) Start(ctx context.Context) {
	go a.Bus.Run(ctx)
	wake := make(chan struct{}, 1)
	sub := a.Bus.Subscribe(16, func(e events.Event) bool { _, hook := events.HookOf(e.Kind); return hook })
	go func() {
		defer sub.Close()
		for {
			select {
			case <-ctx.Done():
				return
			case <-sub.Events():
				select {
				case wake <- struct{}{}:
				default:
				}
			}
		}
	}()
	go a.Sender.Run(ctx, wake)
	go a.Auth.RunDeletions(ctx, a.Log)
	t := time.NewTimer(startWait)
	defer t.Stop()
	select {
	case <-a.Bus.Ready():
	case <-ctx.Done():
	case <-t.C:
		a.Log.Warn("live events: not yet connected between instances; serving meanwhile")
	}
}

// Close releases the database.
func (a *App) Close() error {
	if a == nil || a.DB == nil {
		return errors.New("app not open")
	}
	return a.DB.Close()
}

// detectorOptions are the crisis detector's settings: the rules alone, or
// the learned model at the configured thresholds.
func detectorOptions(cfg config.Config) []safety.Option {
	opts := []safety.Option{safety.WithThresholds(cfg.CrisisThreshold, cfg.ConcernThreshold)}
	if cfg.CrisisDetector == "learned" {
		opts = append(opts, safety.WithLearnedModel())
	}
	return opts
}

// screening is the forum's view of a detector's assessment.
func screening(a safety.Assessment) forum.Screening {
	return forum.Screening{
		Score:       a.Score,
		Crisis:      a.Level == forum.LevelCrisis,
		Level:       a.Level,
		Topic:       a.Topic,
		Immediate:   a.Immediate,
		NotScreened: a.NotScreened,
		Matches:     a.Matches,
	}
}

// newPeerSupport builds the waiting list and the peer-support service,
// whose messages are screened like posts.
func newPeerSupport(cfg config.Config, db *store.DB, fs *forum.Service) (*forum.Waiting, *moderation.Peer) {
	peer := moderation.NewPeer(store.NewPeer(db), markup.New(), cfg.SupportMinAge, cfg.SupportIdle)
	peer.SetScreener(fs.Screen)
	return forum.NewWaiting(store.NewWaiting(db)), peer
}

// sessionCache keeps members' sessions between their requests where the
// database keeps a version that moves with every commit by any process
// (SQLite); on PostgreSQL every request reads its session. HEARTH_MEMBER_CACHE
// sizes it with the other per-member caches and 0 turns it off.
func sessionCache(cfg config.Config, db *store.DB) auth.Option {
	if cfg.MemberCache <= 0 {
		return auth.WithSessionCache(nil)
	}
	if _, err := db.DataVersion(context.Background()); err != nil {
		return auth.WithSessionCache(nil)
	}
	return auth.WithSessionCache(cache.NewSessions(db.DataVersion, cfg.MemberCache))
}
