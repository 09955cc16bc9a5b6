package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"hearth/pkg/i18n"
)

// StaffTOTP modes for HEARTH_STAFF_TOTP.
const (
	StaffTOTPRequired = "required"
	StaffTOTPOptional = "optional"
)

// Config is every setting Hearth reads at start. The zero value is not useful;
// build one with Load.
type Config struct {
	// Addr is the listen address (HEARTH_ADDR).
	Addr string
	// DatabaseURL is empty for the embedded SQLite file, or a postgres:// URL
	// (HEARTH_DATABASE_URL). "sqlite:PATH" selects another SQLite file.
	DatabaseURL string
	// DataDir holds the SQLite file and the generated secret (HEARTH_DATA_DIR).
	DataDir string
	// AutoMigrate lets the server migrate PostgreSQL on start
	// (HEARTH_AUTO_MIGRATE). SQLite always migrates on start.
	AutoMigrate bool
	// BaseURL is the public URL (HEARTH_BASE_URL); https turns on secure
	// cookies and HSTS.
	BaseURL *url.URL
	// SecretFile holds the key for signing and keyed hashes
	// (HEARTH_SECRET_FILE); empty means DataDir/secret.key, generated on first
	// start.
	SecretFile string
	// StaffTOTP is "required" or "optional" (HEARTH_STAFF_TOTP).
	StaffTOTP string
	// TrustedProxies are the networks whose X-Forwarded-For is believed
	// (HEARTH_TRUSTED_PROXIES, comma-separated CIDRs). Empty means the direct
	// peer address is the client.
	TrustedProxies []netip.Prefix
	// QuickExitURL is the neutral site the quick-exit control leaves for
	// (HEARTH_QUICK_EXIT_URL).
	QuickExitURL string
	// DefaultLanguage is the code of the language pages are shown in when
	// neither the member's setting nor the browser's Accept-Language names
	// one Hearth has (HEARTH_DEFAULT_LANGUAGE).
	DefaultLanguage string
	// LogLevel is debug, info, warn or error (HEARTH_LOG_LEVEL).
	LogLevel slog.Level
	// LogFormat is "text" or "json" (HEARTH_LOG_FORMAT).
	LogFormat string
	// MaxBodyBytes bounds every request body (HEARTH_MAX_BODY_BYTES).
	MaxBodyBytes int64
	// DBMaxConns bounds the PostgreSQL pool and the SQLite reader pool
	// (HEARTH_DB_MAX_CONNS); 0, when it is not set, leaves the size to the
	// store, which picks one per database.
	DBMaxConns int
	// ReadConcurrency is how many page reads (GET and HEAD) are worked on
	// at once, the others waiting their turn in arrival order
	// (HEARTH_READ_CONCURRENCY); -1, when it is not set, leaves it to the
	// server (a number per database and core count); 0 turns the limit off.
	ReadConcurrency int
	// DBStatementTimeout bounds each PostgreSQL statement
	// (HEARTH_DB_STATEMENT_TIMEOUT).
	DBStatementTimeout time.Duration
	// ShutdownTimeout is how long in-flight requests get on SIGTERM
	// (HEARTH_SHUTDOWN_TIMEOUT).
	ShutdownTimeout time.Duration
	// VisitorCache is how long a page rendered for visitors (no session) may
	// be served again to other visitors; 0 turns the cache off
	// (HEARTH_VISITOR_CACHE). Writes through this instance invalidate it at
	// once; other instances' writes show within this time.
	VisitorCache time.Duration
	// ThreadCache is how long a thread page's posts and reactions may stay
	// in memory, shared by the members reading it; each use is checked
	// against the thread's content version, so this bounds memory, not
	// staleness. 0 turns it off (HEARTH_THREAD_CACHE).
	ThreadCache time.Duration
	// MemberCache is how many signed-in members' preferences, blocks,
	// breaks, notices, unread counts and follow states (and on SQLite
	// sessions) are kept in memory, each checked against versions the
	// database keeps; 0 turns it off (HEARTH_MEMBER_CACHE).
	MemberCache int
	// MemoryLimit is the soft limit, in bytes, on the memory the Go runtime
	// uses (HEARTH_MEMORY_LIMIT; 0 for none): the collector works harder as
	// the process nears it instead of letting garbage double the heap.
	// GOMEMLIMIT in the environment, if set, takes precedence.
	MemoryLimit int64
	// APIRateLimit is how many requests a minute each client may make to
	// the read API and the Atom feeds, in bursts of as many
	// (HEARTH_API_RATE_LIMIT); 0 turns the limit off. Counted per instance.
	APIRateLimit int
	// WaitingNote is how long a thread's author waits with no reply
	// before their thread shows them a gentle note that the post is seen,
	// with the crisis resources (HEARTH_WAITING_NOTE).
	WaitingNote time.Duration
	// SupportIdle closes a one-to-one support conversation after this
	// long without a message (HEARTH_SUPPORT_IDLE).
	SupportIdle time.Duration
	// SupportMinAge is how old an account must be to ask for one-to-one
	// support or to accept a request (HEARTH_SUPPORT_MIN_AGE).
	SupportMinAge time.Duration
	// FloodLimits bound how often a member or a client may post, edit,
	// react, report and sign up (HEARTH_FLOOD_LIMITS); counted in the
	// database, shared by every instance. Staff are not limited.
	FloodLimits FloodLimits
	// CrisisDetector is "learned" (the rules and the learned model, both
	// levels; the default) or "rules" (the phrase rules alone, crisis level
	// only) (HEARTH_CRISIS_DETECTOR).
	CrisisDetector string
	// CrisisThreshold is the crisis detector's probability that a post is a
	// crisis from which it is treated as one (HEARTH_CRISIS_THRESHOLD).
	CrisisThreshold float64
	// ConcernThreshold is its probability that a post is a concern or a
	// crisis from which it is treated as a concern (HEARTH_CONCERN_THRESHOLD).
	ConcernThreshold float64
	// LiveMaxConnections bounds the live-update streams (server-sent
	// events of thread pages and the moderator queue) this instance keeps
	// open at once; past it a stream is refused with 503 and Retry-After
	// and the page goes on without live updates. 0 turns live updates off
	// (HEARTH_LIVE_MAX_CONNECTIONS).
	LiveMaxConnections int
	// LiveMaxLifetime is how long one live-update stream stays open before
	// the server closes it; a page still open and in view opens a new one
	// (HEARTH_LIVE_MAX_LIFETIME).
	LiveMaxLifetime time.Duration
	// Dev reads templates and static files from disk on every start
	// (HEARTH_DEV or the -dev flag).
	Dev bool
}

// SecureCookies reports whether Hearth is served over HTTPS.
func (c Config) SecureCookies() bool {
	return c.BaseURL != nil && c.BaseURL.Scheme == "https"
}

// SQLitePath returns the SQLite file to use, or "" when DatabaseURL selects
// PostgreSQL.
func (c Config) SQLitePath() string {
	switch {
	case c.DatabaseURL == "":
		return filepath.Join(c.DataDir, "hearth.db")
	case strings.HasPrefix(c.DatabaseURL, "sqlite:"):
		return strings.TrimPrefix(c.DatabaseURL, "sqlite:")
	default:
		return ""
	}
}

// Setting describes one environment variable for the README and `hearth help`.
type Setting struct {
	Name, Default, Meaning string
}

// The crisis detector's default thresholds, chosen from its
// cross-validation (pkg/safety/testdata/README.md); a test holds them
// equal to hearth/pkg/safety's.
const (
	DefaultCrisisThreshold  = "0.85"
	DefaultConcernThreshold = "0.80"
)

// Settings lists every environment variable Hearth reads.
var Settings = []Setting{
	{"HEARTH_ADDR", "127.0.0.1:8080", "address to listen on"},
	{"HEARTH_DATABASE_URL", "(empty: SQLite at HEARTH_DATA_DIR/hearth.db)", "postgres://user@host/db?sslmode=disable for PostgreSQL, or sqlite:PATH"},
	{"HEARTH_DATA_DIR", "./data", "directory for the SQLite file and the generated secret"},
	{"HEARTH_AUTO_MIGRATE", "0", "1 to migrate PostgreSQL on start (SQLite always migrates)"},
	{"HEARTH_BASE_URL", "(empty)", "public URL, e.g. https://hearth.example.org; https enables secure __Host- cookies and HSTS"},
	{"HEARTH_SECRET_FILE", "(empty: HEARTH_DATA_DIR/secret.key, generated)", "file holding at least 32 bytes of secret key; share it between instances"},
	{"HEARTH_STAFF_TOTP", "required", "required: moderators and admins must use two-factor codes; optional: for development"},
	{"HEARTH_TRUSTED_PROXIES", "(empty: use the direct peer)", "comma-separated CIDRs of reverse proxies whose X-Forwarded-For is trusted"},
	{"HEARTH_QUICK_EXIT_URL", "https://www.bbc.co.uk/weather", "neutral site the Quick exit control leaves for"},
	{"HEARTH_DEFAULT_LANGUAGE", "en", "language of the pages when neither a member's setting nor the browser's Accept-Language names one Hearth has: en or es"},
	{"HEARTH_LOG_LEVEL", "info", "debug, info, warn or error"},
	{"HEARTH_LOG_FORMAT", "text", "text or json"},
	{"HEARTH_MAX_BODY_BYTES", "1048576", "largest request body accepted"},
	{"HEARTH_DB_MAX_CONNS", "(empty: 10 on PostgreSQL, 4 on SQLite)", "database connections (PostgreSQL pool; SQLite readers, which share the one writer)"},
	{"HEARTH_READ_CONCURRENCY", "(empty: the cores on SQLite, twice that on PostgreSQL)", "page reads worked on at once, the rest waiting in arrival order for up to 50 ms (0 turns the limit off)"},
	{"HEARTH_DB_STATEMENT_TIMEOUT", "5s", "longest a PostgreSQL statement may run"},
	{"HEARTH_SHUTDOWN_TIMEOUT", "15s", "how long in-flight requests may finish after SIGTERM"},
	{"HEARTH_VISITOR_CACHE", "2s", "how long a visitor page may be served again to other visitors (0 turns it off); writes through this instance invalidate it at once, other instances' within this time"},
	{"HEARTH_THREAD_CACHE", "1m", "how long a thread page's posts and reactions may stay in memory for the members reading it (0 turns it off); checked against the thread's version on every page, so never stale"},
	{"HEARTH_MEMBER_CACHE", "4096", "how many signed-in members' preferences, blocks, breaks, notices, unread counts and follow states (and on SQLite sessions) are kept in memory (0 turns it off); checked against versions the database keeps on every page, so never stale"},
	{"HEARTH_MEMORY_LIMIT", "48MiB", "soft limit on the Go runtime's memory, as 64MiB or 1GiB (0 for none); GOMEMLIMIT, if set, wins"},
	{"HEARTH_API_RATE_LIMIT", "300", "requests a minute each client may make to /api/v1 and the Atom feeds, counted by each instance (0 turns the limit off)"},
	{"HEARTH_WAITING_NOTE", "12h", "how long a thread's author waits with no reply before a gentle note, with the crisis resources, tells them their post is seen; moderators see such posts in the queue's quiet section"},
	{"HEARTH_SUPPORT_IDLE", "168h", "a one-to-one support conversation closes after this long without a message"},
	{"HEARTH_SUPPORT_MIN_AGE", "72h", "how old an account must be to ask for one-to-one support or to accept a request (0 for no wait)"},
	{"HEARTH_FLOOD_LIMITS", "(empty: the defaults in the README)", "flood limits on posting, editing, reacting, reporting and signing up, per account and per client, as NAME=COUNT/WINDOW pairs replacing the defaults (reply.account=10/1m,signup.client=0), or off"},
	{"HEARTH_CRISIS_DETECTOR", "learned", "learned for the phrase rules and the learned model (a crisis when the rules read one or the model reaches HEARTH_CRISIS_THRESHOLD; a concern from HEARTH_CONCERN_THRESHOLD), rules for the phrase rules alone (crisis level only)"},
	{"HEARTH_CRISIS_THRESHOLD", DefaultCrisisThreshold, "the learned model's probability of a crisis from which a post is treated as one (0 to 1; lower finds more and raises more false alarms: at 0.21 it meets its cross-validated recall target and raises about one ordinary peer-support post in twelve, see pkg/safety/testdata/README.md)"},
	{"HEARTH_CONCERN_THRESHOLD", DefaultConcernThreshold, "the learned model's probability of a concern or a crisis from which a post is treated as a concern (0 to 1; 0.12 meets its cross-validated recall target)"},
	{"HEARTH_LIVE_MAX_CONNECTIONS", "1000", "live-update streams (thread pages, the moderator queue) each instance keeps open at once; past it they are refused with 503 and the pages work without live updates (0 turns live updates off)"},
	{"HEARTH_LIVE_MAX_LIFETIME", "10m", "longest one live-update stream stays open; a page still open and in view opens another"},
	{"HEARTH_DEV", "0", "1 to read templates and static files from disk (development)"},
	{"HEARTH_TEST_DATABASE_URL", "(empty)", "tests only: also run the suite on this PostgreSQL"},
}

// Load reads every setting through lookup, applies defaults and validates
// them. All problems are reported together, one message per bad value.
func Load(lookup func(string) (string, bool)) (Config, error) {
	get := func(name, def string) string {
		if v, ok := lookup(name); ok && strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
		return def
	}
	var errs []error
	bad := func(name, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", name, fmt.Sprintf(format, args...)))
	}

	c := Config{
		Addr:         get("HEARTH_ADDR", "127.0.0.1:8080"),
		DatabaseURL:  get("HEARTH_DATABASE_URL", ""),
		DataDir:      get("HEARTH_DATA_DIR", "./data"),
		SecretFile:   get("HEARTH_SECRET_FILE", ""),
		StaffTOTP:    get("HEARTH_STAFF_TOTP", StaffTOTPRequired),
		QuickExitURL: get("HEARTH_QUICK_EXIT_URL", "https://www.bbc.co.uk/weather"),
		LogFormat:    get("HEARTH_LOG_FORMAT", "text"),
	}

	checkAddr(c.Addr, bad)
	checkDatabaseURL(c.DatabaseURL, bad)
	c.AutoMigrate = parseBool(get("HEARTH_AUTO_MIGRATE", "0"), "HEARTH_AUTO_MIGRATE", bad)
	c.Dev = parseBool(get("HEARTH_DEV", "0"), "HEARTH_DEV", bad)
	c.BaseURL = parseBaseURL(get("HEARTH_BASE_URL", ""), bad)
	if c.StaffTOTP != StaffTOTPRequired && c.StaffTOTP != StaffTOTPOptional {
		bad("HEARTH_STAFF_TOTP", "%q must be %q or %q", c.StaffTOTP, StaffTOTPRequired, StaffTOTPOptional)
	}
	c.TrustedProxies = parseProxies(get("HEARTH_TRUSTED_PROXIES", ""), bad)
	if u, err := url.Parse(c.QuickExitURL); err != nil || u.Scheme != "https" || u.Host == "" {
		bad("HEARTH_QUICK_EXIT_URL", "%q must be an absolute https:// URL", c.QuickExitURL)
	}
	c.DefaultLanguage = get("HEARTH_DEFAULT_LANGUAGE", i18n.Source)
	if cat, err := i18n.Load(); err != nil || !cat.Supported(c.DefaultLanguage) {
		bad("HEARTH_DEFAULT_LANGUAGE", "%q is not a language Hearth has a catalogue for (%s)", c.DefaultLanguage, languageCodes(cat))
	}
	c.LogLevel = parseLogLevel(get("HEARTH_LOG_LEVEL", "info"), bad)
	if c.LogFormat != "text" && c.LogFormat != "json" {
		bad("HEARTH_LOG_FORMAT", "%q must be text or json", c.LogFormat)
	}

	c.MaxBodyBytes = int64(parseInt(get("HEARTH_MAX_BODY_BYTES", "1048576"), "HEARTH_MAX_BODY_BYTES", 64<<10, 64<<20, bad))
	if raw := get("HEARTH_DB_MAX_CONNS", ""); raw != "" {
		c.DBMaxConns = parseInt(raw, "HEARTH_DB_MAX_CONNS", 2, 500, bad)
	}
	c.ReadConcurrency = -1
	if raw := get("HEARTH_READ_CONCURRENCY", ""); raw != "" {
		c.ReadConcurrency = parseInt(raw, "HEARTH_READ_CONCURRENCY", 0, 10000, bad)
	}
	c.DBStatementTimeout = parseDuration(get("HEARTH_DB_STATEMENT_TIMEOUT", "5s"), "HEARTH_DB_STATEMENT_TIMEOUT", time.Second, 10*time.Minute, bad)
	c.ShutdownTimeout = parseDuration(get("HEARTH_SHUTDOWN_TIMEOUT", "15s"), "HEARTH_SHUTDOWN_TIMEOUT", time.Second, 10*time.Minute, bad)
	c.VisitorCache = parseDuration(get("HEARTH_VISITOR_CACHE", "2s"), "HEARTH_VISITOR_CACHE", 0, time.Minute, bad)
	c.APIRateLimit = parseInt(get("HEARTH_API_RATE_LIMIT", "300"), "HEARTH_API_RATE_LIMIT", 0, 1000000, bad)
	c.FloodLimits = parseFloodLimits(get("HEARTH_FLOOD_LIMITS", ""), bad)
	c.LiveMaxConnections = parseInt(get("HEARTH_LIVE_MAX_CONNECTIONS", "1000"), "HEARTH_LIVE_MAX_CONNECTIONS", 0, 1000000, bad)
	c.LiveMaxLifetime = parseDuration(get("HEARTH_LIVE_MAX_LIFETIME", "10m"), "HEARTH_LIVE_MAX_LIFETIME", 10*time.Second, 24*time.Hour, bad)
	c.ThreadCache = parseDuration(get("HEARTH_THREAD_CACHE", "1m"), "HEARTH_THREAD_CACHE", 0, time.Hour, bad)
	c.MemberCache = parseInt(get("HEARTH_MEMBER_CACHE", "4096"), "HEARTH_MEMBER_CACHE", 0, 1<<20, bad)
	c.WaitingNote = parseDuration(get("HEARTH_WAITING_NOTE", "12h"), "HEARTH_WAITING_NOTE", time.Minute, 30*24*time.Hour, bad)
	c.SupportIdle = parseDuration(get("HEARTH_SUPPORT_IDLE", "168h"), "HEARTH_SUPPORT_IDLE", time.Hour, 365*24*time.Hour, bad)
	c.SupportMinAge = parseDuration(get("HEARTH_SUPPORT_MIN_AGE", "72h"), "HEARTH_SUPPORT_MIN_AGE", 0, 365*24*time.Hour, bad)
	c.CrisisDetector = get("HEARTH_CRISIS_DETECTOR", "learned")
	if c.CrisisDetector != "rules" && c.CrisisDetector != "learned" {
		bad("HEARTH_CRISIS_DETECTOR", "%q must be rules or learned", c.CrisisDetector)
	}
	c.CrisisThreshold = parseProbability(get("HEARTH_CRISIS_THRESHOLD", DefaultCrisisThreshold), "HEARTH_CRISIS_THRESHOLD", bad)
	c.ConcernThreshold = parseProbability(get("HEARTH_CONCERN_THRESHOLD", DefaultConcernThreshold), "HEARTH_CONCERN_THRESHOLD", bad)
	c.MemoryLimit = parseBytes(get("HEARTH_MEMORY_LIMIT", "48MiB"), "HEARTH_MEMORY_LIMIT", 16<<20, 1<<40, bad)

	if c.DataDir == "" {
		bad("HEARTH_DATA_DIR", "must not be empty")
	}

	if len(errs) > 0 {
		return Config{}, fmt.Errorf("invalid configuration:\n%w", errors.Join(errs...))
	}
	return c, nil
}

// checkAddr checks that addr is host:port.
func checkAddr(addr string, bad func(string, string, ...any)) {
	if _, port, err := net.SplitHostPort(addr); err != nil {
		bad("HEARTH_ADDR", "%q is not host:port (for example 127.0.0.1:8080)", addr)
	} else if p, err := strconv.Atoi(port); err != nil || p < 0 || p > 65535 {
		bad("HEARTH_ADDR", "port %q is not a number from 0 to 65535", port)
	}
}

// checkDatabaseURL checks a PostgreSQL URL or a sqlite: path; empty means
// the default SQLite file.
func checkDatabaseURL(u string, bad func(string, string, ...any)) {
	if u != "" && !strings.HasPrefix(u, "sqlite:") {
		pu, err := url.Parse(u)
		switch {
		case err != nil:
			bad("HEARTH_DATABASE_URL", "cannot be parsed as a URL; percent-encode special characters in the password (a space as %%20, @ as %%40)")
		case pu.Scheme != "postgres" && pu.Scheme != "postgresql":
			bad("HEARTH_DATABASE_URL", "scheme %q is not supported; use postgres://... or leave it empty for SQLite", pu.Scheme)
		case pu.Host == "" && pu.Query().Get("host") == "":
			bad("HEARTH_DATABASE_URL", "has no host")
		}
	} else if u == "sqlite:" {
		bad("HEARTH_DATABASE_URL", "sqlite: needs a file path, e.g. sqlite:./data/hearth.db")
	}
}

// parseBaseURL is the public URL, nil when raw is empty.
func parseBaseURL(raw string, bad func(string, string, ...any)) *url.URL {
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		bad("HEARTH_BASE_URL", "%q must be an absolute http:// or https:// URL", raw)
	case u.Path != "" && u.Path != "/":
		bad("HEARTH_BASE_URL", "%q must not have a path; Hearth is served from the root", raw)
	default:
		u.Path = ""
		return u
	}
	return nil
}

// parseProxies reads a comma-separated list of CIDRs.
func parseProxies(raw string, bad func(string, string, ...any)) []netip.Prefix {
	var out []netip.Prefix
	for _, part := range strings.Split(raw, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		p, err := netip.ParsePrefix(part)
		if err != nil {
			bad("HEARTH_TRUSTED_PROXIES", "%q is not a CIDR such as 10.0.0.0/8", part)
			continue
		}
		out = append(out, p.Masked())
	}
	return out
}

// parseLogLevel reads a log level by name.
func parseLogLevel(raw string, bad func(string, string, ...any)) slog.Level {
	switch lvl := strings.ToLower(raw); lvl {
	case "debug":
		return slog.LevelDebug
	case "info":
		return slog.LevelInfo
	case "warn", "warning":
		return slog.LevelWarn
	case "error":
		return slog.LevelError
	default:
		bad("HEARTH_LOG_LEVEL", "%q must be debug, info, warn or error", lvl)
	}
	return slog.LevelInfo
}

func parseBool(raw, name string, bad func(string, string, ...any)) bool {
	switch strings.ToLower(raw) {
	case "1", "true", "yes", "on":
		return true
	case "0", "false", "no", "off":
		return false
	}
	bad(name, "%q must be 1 or 0", raw)
	return false
}

func parseInt(raw, name string, lo, hi int, bad func(string, string, ...any)) int {
	n, err := strconv.Atoi(raw)
	if err != nil || n < lo || n > hi {
		bad(name, "%q must be a whole number from %d to %d", raw, lo, hi)
		return lo
	}
	return n
}

// parseProbability reads a threshold above 0 and at most 1.
func parseProbability(raw, name string, bad func(string, string, ...any)) float64 {
	p, err := strconv.ParseFloat(raw, 64)
	if err != nil || !(p > 0 && p <= 1) {
		bad(name, "%q must be a number above 0 and at most 1, such as 0.5", raw)
		return 1
	}
	return p
}

// byteUnits are the suffixes GOMEMLIMIT accepts, so one spelling works for both.
var byteUnits = []struct {
	suffix string
	mult   int64
}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1}}

// parseBytes reads a size such as 64MiB; 0 (with or without a unit) means
// no limit and is always allowed.
func parseBytes(raw, name string, lo, hi int64, bad func(string, string, ...any)) int64 {
	num, mult := raw, int64(1)
	for _, u := range byteUnits {
		if strings.HasSuffix(raw, u.suffix) {
			num, mult = strings.TrimSpace(strings.TrimSuffix(raw, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err == nil && n == 0 {
		return 0
	}
	if err != nil || n < 0 || n > hi/mult || n*mult < lo {
		bad(name, "%q must be 0 or a size from %dMiB to %dGiB, such as 64MiB", raw, lo>>20, hi>>30)
		return 0
	}
	return n * mult
}

func parseDuration(raw, name string, lo, hi time.Duration, bad func(string, string, ...any)) time.Duration {
	d, err := time.ParseDuration(raw)
	if err != nil || d < lo || d > hi {
		bad(name, "%q must be a duration from %s to %s, such as 5s or 2m", raw, lo, hi)
		return lo
	}
	return d
}

// languageCodes lists the codes of the languages Hearth has, for a message.
func languageCodes(cat *i18n.Catalog) string {
	if cat == nil {
		return i18n.Source
	}
	var codes []string
	for _, l := range cat.Languages() {
		codes = append(codes, l.Code)
	}
	return strings.Join(codes, ", ")
}
