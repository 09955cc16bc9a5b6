package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestConcurrentLoginsStayWithinMemoryBound sends 50 logins at the same
// moment through the whole stack and checks that the password hasher's
// concurrency limit holds: never more derivations in flight than the limit,
// and heap growth within what that many argon2id derivations need. Without
// the limit, 50 derivations of 7 MiB would need about 350 MiB and the
// in-flight peak would pass the limit, so both checks would fail.
func TestConcurrentLoginsStayWithinMemoryBound(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		const logins = 50
		a, _ := newApp(t, db)
		h := a.Web.Handler()
		forumtest.SignUp(t, forumtest.NewClient(t, h), "steady_oak", goodPassword)

		hasher := a.Auth.Hasher()
		limit := hasher.MaxConcurrent()
		perHash := uint64(hasher.Params().Memory) * 1024
		// Finished derivations stay on the heap as garbage until the
		// collector runs. The collector is made eager for the measurement
		// (GOGC=25: it runs once the heap has grown by a quarter of what
		// was live), so garbage adds at most a quarter of the starting
		// heap; twice the in-flight derivations covers a collector lagging
		// on a busy machine, and the fixed slack is for the requests and
		// sessions themselves.
		defer debug.SetGCPercent(debug.SetGCPercent(25))
		runtime.GC()
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		metrics.Read(sample)
		base := sample[0].Value.Uint64()
		bound := 3*uint64(limit)*perHash + base/4 + 64<<20
		if logins*perHash <= bound {
			t.Fatalf("bound %d MiB would not catch an unbounded hasher (%d MiB)", bound>>20, logins*perHash>>20)
		}
		var peak atomic.Int32
		hasher.ObserveInFlight(func(n int32) {
			for {
				old := peak.Load()
				if n <= old || peak.CompareAndSwap(old, n) {
					return
				}
			}
		})
		defer hasher.ObserveInFlight(nil)

		var peakHeap atomic.Uint64
		stop, sampled := make(chan struct{}), make(chan struct{})
		go func() {
			defer close(sampled)
			s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
			for {
				metrics.Read(s)
				if v := s[0].Value.Uint64(); v > base && v-base > peakHeap.Load() {
					peakHeap.Store(v - base)
				}
				select {
				case <-stop:
					return
				case <-time.After(200 * time.Microsecond):
				}
			}
		}()

		body := url.Values{"username": {"steady_oak"}, "password": {goodPassword}}.Encode()
		start := make(chan struct{})
		var wg sync.WaitGroup
		var ok atomic.Int32
		for range logins {
			wg.Go(func() {
				req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("Sec-Fetch-Site", "same-origin")
				rec := httptest.NewRecorder()
				<-start
				h.ServeHTTP(rec, req)
				if rec.Code == http.StatusSeeOther {
					ok.Add(1)
				}
			})
		}
		close(start)
		wg.Wait()
		close(stop)
		<-sampled

		t.Logf("limit %d: peak in flight %d, peak heap growth %d MiB over %d MiB (bound %d MiB)", limit, peak.Load(), peakHeap.Load()>>20, base>>20, bound>>20)
		if ok.Load() != logins {
			t.Fatalf("%d of %d logins succeeded", ok.Load(), logins)
		}
		if int(peak.Load()) > limit {
			t.Errorf("%d derivations ran at once; the limit is %d", peak.Load(), limit)
		}
		if int(peak.Load()) < limit {
			t.Errorf("only %d derivations ever ran at once: the load never reached the limit of %d", peak.Load(), limit)
		}
		if peakHeap.Load() > bound {
			t.Errorf("heap grew by %d MiB during %d logins; bound is %d MiB", peakHeap.Load()>>20, logins, bound>>20)
		}
		if n := countRows(t, db, "sessions", ""); n != logins+1 {
			t.Errorf("%d sessions, want %d", n, logins+1)
		}
	})
}
