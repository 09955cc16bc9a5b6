package config

import (
	"bytes"
	"path/filepath"
	"sync"
	"testing"
)

// TestSecretGeneratedOnceWhenStartsRace starts many loaders at once on a
// fresh data directory, as when `hearth serve` and `hearth create-admin` start
// together: every one must succeed and all must get the same key.
func TestSecretGeneratedOnceWhenStartsRace(t *testing.T) {
	for range 50 {
		c := Config{DataDir: filepath.Join(t.TempDir(), "data")}
		const n = 8
		keys := make([][]byte, n)
		errs := make([]error, n)
		var start, done sync.WaitGroup
		start.Add(1)
		for i := range n {
			done.Add(1)
			go func() {
				defer done.Done()
				start.Wait()
				keys[i], errs[i] = LoadSecret(c)
			}()
		}
		start.Done()
		done.Wait()
		for i := range n {
			if errs[i] != nil {
				t.Fatalf("loader %d: %v", i, errs[i])
			}
			if !bytes.Equal(keys[i], keys[0]) {
				t.Fatalf("loader %d got another key", i)
			}
		}
		if left, _ := filepath.Glob(filepath.Join(c.DataDir, "*")); len(left) != 1 {
			t.Fatalf("data directory holds %v, want only secret.key", left)
		}
	}
}
