package config

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// minSecretBytes is the shortest key accepted: 256 bits.
const minSecretBytes = 32

// LoadSecret returns the server's secret key. With HEARTH_SECRET_FILE set the
// file must exist and hold at least 32 bytes (surrounding whitespace ignored);
// otherwise DataDir/secret.key is read, or created with a fresh random key on
// first start, readable only by its owner.
func LoadSecret(c Config) ([]byte, error) {
	if c.SecretFile != "" {
		b, err := os.ReadFile(c.SecretFile)
		if err != nil {
			return nil, fmt.Errorf("HEARTH_SECRET_FILE: %w", err)
		}
		b = bytes.TrimSpace(b)
		if len(b) < minSecretBytes {
			return nil, fmt.Errorf("HEARTH_SECRET_FILE: %s holds %d bytes; at least %d are needed (try: head -c 32 /dev/urandom | xxd -p -c 64 > FILE)", c.SecretFile, len(b), minSecretBytes)
		}
		return b, nil
	}
	path := filepath.Join(c.DataDir, "secret.key")
	b, err := os.ReadFile(path) // #nosec G304 -- the operator-configured secret file
	if err == nil {
		b = bytes.TrimSpace(b)
		if len(b) < minSecretBytes {
			return nil, fmt.Errorf("secret key %s is too short (%d bytes); delete it to generate a new one", path, len(b))
		}
		return b, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read secret key: %w", err)
	}
	if err := os.MkdirAll(c.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	raw := make([]byte, minSecretBytes)
	if _, err := rand.Read(raw); err != nil {
		return nil, fmt.Errorf("generate secret key: %w", err)
	}
	key := []byte(hex.EncodeToString(raw))
	// The key is written to a temporary file and linked into place, so the
	// file appears whole or not at all: when two processes start at once, one
	// creates it and the other reads that one, never a half-written file.
	tmp, err := os.CreateTemp(c.DataDir, ".secret-*.tmp") // created 0600
	if err != nil {
		return nil, fmt.Errorf("create secret key: %w", err)
	}
	defer os.Remove(tmp.Name()) //nolint:errcheck // the link, if made, keeps the key
	if _, err := tmp.Write(append(key, '\n')); err != nil {
		_ = tmp.Close()
		return nil, fmt.Errorf("write secret key: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return nil, fmt.Errorf("write secret key: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return nil, fmt.Errorf("write secret key: %w", err)
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return LoadSecret(c)
		}
		return nil, fmt.Errorf("create secret key: %w", err)
	}
	return key, nil
}
