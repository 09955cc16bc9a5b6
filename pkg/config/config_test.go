package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func lookup(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func TestDefaults(t *testing.T) {
	c, err := Load(lookup(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:8080" || c.StaffTOTP != StaffTOTPRequired || c.DataDir != "./data" {
		t.Fatalf("unexpected defaults: %+v", c)
	}
	if got := c.SQLitePath(); got != filepath.Join("data", "hearth.db") {
		t.Fatalf("SQLitePath = %q", got)
	}
	if c.SecureCookies() {
		t.Fatal("no base URL must not mean secure cookies")
	}
	if c.LiveMaxConnections != 1000 || c.LiveMaxLifetime != 10*time.Minute {
		t.Fatalf("live defaults: %d connections, %s lifetime", c.LiveMaxConnections, c.LiveMaxLifetime)
	}
	if c.DefaultLanguage != "en" {
		t.Fatalf("DefaultLanguage = %q, want en", c.DefaultLanguage)
	}
	if c.DBMaxConns != 0 {
		t.Fatalf("DBMaxConns = %d without HEARTH_DB_MAX_CONNS, want 0 (the store's per-database default)", c.DBMaxConns)
	}
}

func TestValidValues(t *testing.T) {
	c, err := Load(lookup(map[string]string{
		"HEARTH_DATABASE_URL":         "postgres://hearth@db:5432/hearth?sslmode=disable",
		"HEARTH_BASE_URL":             "https://hearth.example.org",
		"HEARTH_TRUSTED_PROXIES":      "10.0.0.0/8, 192.168.1.7/32",
		"HEARTH_AUTO_MIGRATE":         "1",
		"HEARTH_STAFF_TOTP":           "optional",
		"HEARTH_DB_MAX_CONNS":         "6",
		"HEARTH_LIVE_MAX_CONNECTIONS": "0",
		"HEARTH_LIVE_MAX_LIFETIME":    "90s",
		"HEARTH_DEFAULT_LANGUAGE":     "es",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.DefaultLanguage != "es" {
		t.Fatalf("HEARTH_DEFAULT_LANGUAGE=es gave %q", c.DefaultLanguage)
	}
	if c.LiveMaxConnections != 0 || c.LiveMaxLifetime != 90*time.Second {
		t.Fatalf("live settings: %d connections, %s lifetime", c.LiveMaxConnections, c.LiveMaxLifetime)
	}
	if c.DBMaxConns != 6 {
		t.Fatalf("HEARTH_DB_MAX_CONNS=6 gave %d", c.DBMaxConns)
	}
	if !c.SecureCookies() || !c.AutoMigrate || len(c.TrustedProxies) != 2 || c.SQLitePath() != "" {
		t.Fatalf("unexpected config: %+v", c)
	}
}

func TestMemoryLimitSizes(t *testing.T) {
	for raw, want := range map[string]int64{
		"":         48 << 20, // the default
		"0":        0,
		"0MiB":     0,
		"96MiB":    96 << 20,
		"2GiB":     2 << 30,
		"65536KiB": 64 << 20,
		"33554432": 32 << 20,
		"1TiB":     1 << 40,
	} {
		env := map[string]string{}
		if raw != "" {
			env["HEARTH_MEMORY_LIMIT"] = raw
		}
		c, err := Load(lookup(env))
		if err != nil {
			t.Fatalf("%q: %v", raw, err)
		}
		if c.MemoryLimit != want {
			t.Errorf("HEARTH_MEMORY_LIMIT=%q gave %d bytes, want %d", raw, c.MemoryLimit, want)
		}
	}
}

func TestEveryBadValueHasItsMessage(t *testing.T) {
	cases := []struct{ name, value, want string }{
		{"HEARTH_ADDR", "8080", "is not host:port"},
		{"HEARTH_ADDR", "127.0.0.1:99999", "port"},
		{"HEARTH_DATABASE_URL", "mysql://x@y/z", "scheme \"mysql\" is not supported"},
		{"HEARTH_DATABASE_URL", "postgres:///nohost", "has no host"},
		{"HEARTH_DATABASE_URL", "sqlite:", "needs a file path"},
		{"HEARTH_DATABASE_URL", "postgres://hearth:a long password@db/hearth", "cannot be parsed as a URL; percent-encode"},
		{"HEARTH_AUTO_MIGRATE", "maybe", "must be 1 or 0"},
		{"HEARTH_DEV", "2", "must be 1 or 0"},
		{"HEARTH_BASE_URL", "hearth.example.org", "absolute http:// or https://"},
		{"HEARTH_BASE_URL", "https://example.org/forum", "must not have a path"},
		{"HEARTH_STAFF_TOTP", "never", "must be \"required\" or \"optional\""},
		{"HEARTH_TRUSTED_PROXIES", "10.0.0.1", "is not a CIDR"},
		{"HEARTH_QUICK_EXIT_URL", "http://example.org", "absolute https://"},
		{"HEARTH_LOG_LEVEL", "loud", "must be debug, info, warn or error"},
		{"HEARTH_DEFAULT_LANGUAGE", "fr", "is not a language Hearth has a catalogue for (en, es)"},
		{"HEARTH_LOG_FORMAT", "xml", "must be text or json"},
		{"HEARTH_MAX_BODY_BYTES", "10", "whole number from"},
		{"HEARTH_DB_MAX_CONNS", "many", "whole number from"},
		{"HEARTH_DB_STATEMENT_TIMEOUT", "5", "must be a duration"},
		{"HEARTH_SHUTDOWN_TIMEOUT", "-1s", "must be a duration"},
		{"HEARTH_VISITOR_CACHE", "2m", "must be a duration"},
		{"HEARTH_VISITOR_CACHE", "soon", "must be a duration"},
		{"HEARTH_LIVE_MAX_CONNECTIONS", "-1", "whole number from 0"},
		{"HEARTH_LIVE_MAX_CONNECTIONS", "lots", "whole number from 0"},
		{"HEARTH_LIVE_MAX_LIFETIME", "1s", "must be a duration from 10s"},
		{"HEARTH_LIVE_MAX_LIFETIME", "forever", "must be a duration"},
		{"HEARTH_MEMORY_LIMIT", "lots", "must be 0 or a size"},
		{"HEARTH_MEMORY_LIMIT", "8MiB", "must be 0 or a size"},
		{"HEARTH_MEMORY_LIMIT", "-64MiB", "must be 0 or a size"},
		{"HEARTH_MEMORY_LIMIT", "64MB", "must be 0 or a size"},
		{"HEARTH_MEMORY_LIMIT", "99999999GiB", "must be 0 or a size"},
	}
	for _, tc := range cases {
		t.Run(tc.name+"="+tc.value, func(t *testing.T) {
			_, err := Load(lookup(map[string]string{tc.name: tc.value}))
			if err == nil {
				t.Fatal("expected an error")
			}
			if !strings.Contains(err.Error(), tc.name+": ") || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q does not name %s with %q", err, tc.name, tc.want)
			}
		})
	}
}

func TestAllErrorsReportedTogether(t *testing.T) {
	_, err := Load(lookup(map[string]string{"HEARTH_ADDR": "x", "HEARTH_LOG_LEVEL": "x"}))
	if err == nil || !strings.Contains(err.Error(), "HEARTH_ADDR") || !strings.Contains(err.Error(), "HEARTH_LOG_LEVEL") {
		t.Fatalf("want both settings named, got %v", err)
	}
}

func TestSettingsDocumentEveryVariable(t *testing.T) {
	src, err := os.ReadFile("config.go")
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	for _, s := range Settings {
		documented[s.Name] = true
	}
	for _, f := range strings.Split(string(src), "\"HEARTH_")[1:] {
		name := "HEARTH_" + f[:strings.IndexByte(f, '"')]
		if !documented[name] {
			t.Errorf("%s is read but not in Settings", name)
		}
	}
}

func TestSecretGeneratedOnceAndReused(t *testing.T) {
	dir := t.TempDir()
	c := Config{DataDir: dir}
	a, err := LoadSecret(c)
	if err != nil {
		t.Fatal(err)
	}
	b, err := LoadSecret(c)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) < 32 || string(a) != string(b) {
		t.Fatalf("secret not stable: %q vs %q", a, b)
	}
	st, err := os.Stat(filepath.Join(dir, "secret.key"))
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("secret file mode %v, want 0600", st.Mode().Perm())
	}
}

func TestSecretFileTooShort(t *testing.T) {
	p := filepath.Join(t.TempDir(), "k")
	if err := os.WriteFile(p, []byte("short"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadSecret(Config{SecretFile: p}); err == nil || !strings.Contains(err.Error(), "at least 32") {
		t.Fatalf("want too-short error, got %v", err)
	}
	if _, err := LoadSecret(Config{SecretFile: p + ".missing"}); err == nil {
		t.Fatal("missing secret file must be an error")
	}
}
