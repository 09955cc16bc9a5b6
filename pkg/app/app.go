package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"runtime"

	"hearth/migrations"
	"hearth/pkg/auth"
	"hearth/pkg/cache"
	"hearth/pkg/config"
	"hearth/pkg/forum"
	"hearth/pkg/markup"
	"hearth/pkg/moderation"
	"hearth/pkg/safety"
	"hearth/pkg/store"
	"hearth/pkg/web"
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
	detector := safety.NewDetector(safety.WithThresholds(cfg.CrisisThreshold, cfg.ConcernThreshold))
	opts := []forum.Option{
		forum.WithRenderer(markup.New()),
		forum.WithNameKey(auth.PseudonymKey),
		forum.WithScreener(func(text string) forum.Screening { return screening(detector.Assess(text)) }),
	}
	if threads := cache.NewThreads(cfg.ThreadCache); threads != nil {
		opts = append(opts, forum.WithRowCache(threads))
	}
	if cfg.ReadConcurrency < 0 {
		// As many page reads at once as there are cores where reading is
		// all CPU (SQLite, in process); twice that where a read also
		// waits on the network for PostgreSQL, so the cores stay busy
		// while some reads wait (docs/performance.md).
		cfg.ReadConcurrency = runtime.GOMAXPROCS(0)
		if db.Dialect == migrations.Postgres {
			cfg.ReadConcurrency *= 2
		}
	}
	fs := forum.NewService(store.NewForum(db), opts...)
	as := auth.NewService(store.NewAuth(db), hasher, secret)
	hs := safety.NewHelplines(store.NewSafety(db))
	ms := moderation.NewService(store.NewModeration(db), markup.New())
	blocks := forum.NewBlocks(store.NewBlocks(db))
	breaks := forum.NewBreaks(store.NewBreaks(db))
	public := forum.NewPublic(store.NewPublic(db))
	w, err := web.New(web.Deps{
		Config:    cfg,
		Logger:    log,
		Secret:    secret,
		Forum:     fs,
		Auth:      as,
		DB:        db,
		Pools:     db.Pools(),
		Templates: tfs,
		Static:    sfs,
		Version:   version,
		Helplines: hs,
		Blocks:    blocks,
		Breaks:    breaks,
		Public:    public,

		Moderation:     ms,
		ContentVersion: db.ContentVersion,
	})
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	return &App{Config: cfg, DB: db, Web: w, Log: log, Forum: fs, Auth: as, Helplines: hs, Blocks: blocks, Breaks: breaks, Moderation: ms}, nil
}

// Close releases the database.
func (a *App) Close() error {
	if a == nil || a.DB == nil {
		return errors.New("app not open")
	}
	return a.DB.Close()
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
