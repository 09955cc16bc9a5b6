package auth

import (
	"context"
	"errors"
	"regexp"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// testParams keep the unit tests fast; the format and logic do not depend
// on the cost.
var testParams = Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

func newTestHasher(t testing.TB, p Params, maxConcurrent int) *Hasher {
	t.Helper()
	h, err := NewHasher(p, maxConcurrent)
	if err != nil {
		t.Fatalf("NewHasher: %v", err)
	}
	return h
}

func TestHashAndVerify(t *testing.T) {
	ctx := context.Background()
	h := newTestHasher(t, testParams, 2)

	encoded, err := h.Hash(ctx, "kettle orbit lantern")
	if err != nil {
		t.Fatal(err)
	}
	phc := regexp.MustCompile(`^\$argon2id\$v=19\$m=64,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`)
	if !phc.MatchString(encoded) {
		t.Fatalf("Hash = %q, not a PHC argon2id string", encoded)
	}
	again, _ := h.Hash(ctx, "kettle orbit lantern")
	if again == encoded {
		t.Error("two hashes of one password are equal: salt is not random")
	}

	for _, tt := range []struct {
		pw   string
		want bool
	}{
		{"kettle orbit lantern", true},
		{"kettle orbit lanterN", false},
		{"kettle orbit lantern ", false},
		{"", false},
	} {
		ok, err := h.Verify(ctx, tt.pw, encoded)
		if err != nil || ok != tt.want {
			t.Errorf("Verify(%q) = %v, %v; want %v", tt.pw, ok, err, tt.want)
		}
	}
}

func TestVerifyNormalisesPassword(t *testing.T) {
	ctx := context.Background()
	h := newTestHasher(t, testParams, 1)
	encoded, err := h.Hash(ctx, "caf\u00e9 au lait please") // precomposed é
	if err != nil {
		t.Fatal(err)
	}
	ok, err := h.Verify(ctx, "cafe\u0301 au lait please", encoded) // e + combining acute
	if err != nil || !ok {
		t.Errorf("decomposed input did not verify: %v, %v", ok, err)
	}
}

// The expected strings were made by the reference implementation
// (Debian's argon2 command-line tool, version 0~20171227), for example
// echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32 -e.
func TestVerifyReferenceVectors(t *testing.T) {
	ctx := context.Background()
	h := newTestHasher(t, DefaultParams, 1)
	for _, tt := range []struct{ pw, encoded string }{
		{"password", "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"},
		{"correct horse battery staple", "$argon2id$v=19$m=19456,t=2,p=1$aGVhcnRoLXNhbHQtMDAwMQ$xmVVAqvZIhblXUAwHBAfwUYueE9D9eQgws8H8UHp+Jg"},
	} {
		ok, err := h.Verify(ctx, tt.pw, tt.encoded)
		if err != nil || !ok {
			t.Errorf("Verify(%q, %q) = %v, %v; want true", tt.pw, tt.encoded, ok, err)
		}
		if ok, _ := h.Verify(ctx, tt.pw+"x", tt.encoded); ok {
			t.Errorf("Verify accepted a wrong password against %q", tt.encoded)
		}
		p, salt, key, err := decodeHash(tt.encoded)
		if err != nil {
			t.Fatal(err)
		}
		if got := encodeHash(p, salt, key); got != tt.encoded {
			t.Errorf("re-encoding gave %q, want %q", got, tt.encoded)
		}
	}
}

func TestVerifyMalformed(t *testing.T) {
	ctx := context.Background()
	h := newTestHasher(t, testParams, 1)
	good, err := h.Hash(ctx, "kettle orbit lantern")
	if err != nil {
		t.Fatal(err)
	}
	const salt, key = "c29tZXNhbHRzb21lc2FsdA", "CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"
	for _, encoded := range []string{
		"",
		"not a hash",
		"$2a$10$abcdefghijklmnopqrstuv",
		"$argon2i$v=19$m=64,t=1,p=1$" + salt + "$" + key,
		"$argon2id$v=16$m=64,t=1,p=1$" + salt + "$" + key,
		"$argon2id$m=64,t=1,p=1$" + salt + "$" + key,
		"$argon2id$v=19$m=64,t=1$" + salt + "$" + key,
		"$argon2id$v=19$t=1,m=64,p=1$" + salt + "$" + key,
		"$argon2id$v=19$m=x,t=1,p=1$" + salt + "$" + key,
		"$argon2id$v=19$m=-64,t=1,p=1$" + salt + "$" + key,
		"$argon2id$v=19$m=64,t=0,p=1$" + salt + "$" + key,
		"$argon2id$v=19$m=64,t=1,p=0$" + salt + "$" + key,
		"$argon2id$v=19$m=64,t=1,p=256$" + salt + "$" + key,
		"$argon2id$v=19$m=4194304,t=1,p=1$" + salt + "$" + key, // 4 GiB
		"$argon2id$v=19$m=64,t=1000,p=1$" + salt + "$" + key,
		"$argon2id$v=19$m=64,t=1,p=1$c2FsdA$" + key, // 4-byte salt
		"$argon2id$v=19$m=64,t=1,p=1$" + salt + "$AAAA",
		"$argon2id$v=19$m=64,t=1,p=1$" + salt + "$" + key + "==",
		"$argon2id$v=19$m=64,t=1,p=1$" + salt + "$" + key + "$",
		"$argon2id$v=19$m=64,t=1,p=1$" + salt + "!$" + key,
		good + good,
	} {
		ok, err := h.Verify(ctx, "kettle orbit lantern", encoded)
		if ok || !errors.Is(err, ErrMalformedHash) {
			t.Errorf("Verify(%q) = %v, %v; want ErrMalformedHash", encoded, ok, err)
		}
		if !h.NeedsRehash(encoded) {
			t.Errorf("NeedsRehash(%q) = false for a malformed hash", encoded)
		}
	}
}

func TestNeedsRehash(t *testing.T) {
	ctx := context.Background()
	h := newTestHasher(t, testParams, 1)
	current, err := h.Hash(ctx, "kettle orbit lantern")
	if err != nil {
		t.Fatal(err)
	}
	if h.NeedsRehash(current) {
		t.Error("NeedsRehash is true for a hash made with the current parameters")
	}
	for _, p := range []Params{
		{Memory: 128, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32},
		{Memory: 64, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32},
		{Memory: 64, Time: 1, Threads: 2, SaltLen: 16, KeyLen: 32},
		{Memory: 64, Time: 1, Threads: 1, SaltLen: 8, KeyLen: 32},
		{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 16},
	} {
		old, err := newTestHasher(t, p, 1).Hash(ctx, "kettle orbit lantern")
		if err != nil {
			t.Fatal(err)
		}
		if !h.NeedsRehash(old) {
			t.Errorf("NeedsRehash(%q) = false, parameters differ", old)
		}
		if ok, err := h.Verify(ctx, "kettle orbit lantern", old); err != nil || !ok {
			t.Errorf("hash with older parameters %q no longer verifies: %v, %v", old, ok, err)
		}
	}
}

func TestNewHasherRejectsBadParams(t *testing.T) {
	for _, p := range []Params{
		{},
		{Memory: 64, Time: 0, Threads: 1, SaltLen: 16, KeyLen: 32},
		{Memory: 4, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32},
		{Memory: 64, Time: 1, Threads: 0, SaltLen: 16, KeyLen: 32},
		{Memory: 64, Time: 1, Threads: 1, SaltLen: 4, KeyLen: 32},
		{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 8},
		{Memory: 1 << 22, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32},
	} {
		if _, err := NewHasher(p, 1); err == nil {
			t.Errorf("NewHasher(%+v) accepted bad parameters", p)
		}
	}
	if _, err := NewHasher(testParams, 0); err == nil {
		t.Error("NewHasher accepted a concurrency of 0")
	}
	if err := DefaultParams.validate(); err != nil {
		t.Errorf("DefaultParams invalid: %v", err)
	}
}

func TestOverlongPasswords(t *testing.T) {
	ctx := context.Background()
	h := newTestHasher(t, testParams, 1)
	long := string(make([]byte, maxHashInput+1))
	if _, err := h.Hash(ctx, long); !errors.Is(err, ErrPasswordTooLong) {
		t.Errorf("Hash of overlong password: %v, want ErrPasswordTooLong", err)
	}
	encoded, _ := h.Hash(ctx, "kettle orbit lantern")
	if ok, err := h.Verify(ctx, long, encoded); ok || err != nil {
		t.Errorf("Verify of overlong password = %v, %v; want false, nil", ok, err)
	}
	if err := h.VerifyDummy(ctx, long); err != nil {
		t.Errorf("VerifyDummy of overlong password: %v", err)
	}
}

func TestVerifyDummyDoesTheWork(t *testing.T) {
	h := newTestHasher(t, testParams, 1)
	var derivations atomic.Int32
	h.onAcquire = func(int32) { derivations.Add(1) }
	if err := h.VerifyDummy(context.Background(), "kettle orbit lantern"); err != nil {
		t.Fatal(err)
	}
	if n := derivations.Load(); n != 1 {
		t.Errorf("VerifyDummy ran %d derivations, want 1 like Verify", n)
	}
}

func TestWaitingRespectsContext(t *testing.T) {
	h := newTestHasher(t, testParams, 1)
	encoded, err := h.Hash(context.Background(), "kettle orbit lantern")
	if err != nil {
		t.Fatal(err)
	}

	h.sem <- struct{}{} // every slot busy
	defer func() { <-h.sem }()

	calls := map[string]func(context.Context) error{
		"Hash": func(ctx context.Context) error {
			_, err := h.Hash(ctx, "kettle orbit lantern")
			return err
		},
		"Verify": func(ctx context.Context) error {
			_, err := h.Verify(ctx, "kettle orbit lantern", encoded)
			return err
		},
		"VerifyDummy": func(ctx context.Context) error {
			return h.VerifyDummy(ctx, "kettle orbit lantern")
		},
	}
	for name, call := range calls {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		err := call(ctx)
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s while all slots are busy: %v, want context.DeadlineExceeded", name, err)
		}
	}

	<-h.sem // a free slot must not beat an already cancelled context
	defer func() { h.sem <- struct{}{} }()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for name, call := range calls {
		if err := call(ctx); !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a cancelled context: %v, want context.Canceled", name, err)
		}
	}
}

// TestConcurrencyBoundsMemory runs 50 verifications at once and checks that
// the heap stays within what maxConcurrent derivations need. The same load
// on a hasher whose limit equals the number of callers (no effective bound)
// must break that limit, which shows the measurement can fail.
func TestConcurrencyBoundsMemory(t *testing.T) {
	const (
		callers       = 50
		maxConcurrent = 4
	)
	p := Params{Memory: 16 * 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
	perHash := uint64(p.Memory) * 1024
	// Finished derivations stay on the heap as garbage until the collector
	// runs: with GOGC=100 the heap may reach twice the live set, and a
	// third share covers the collector lagging on a busy machine. The fixed
	// slack is for the rest of the test binary. Without the limit the load
	// needs callers*perHash, 800 MiB, far above this.
	bound := 3*maxConcurrent*perHash + 64<<20

	bounded := measureVerifyLoad(t, newTestHasher(t, p, maxConcurrent), callers)
	t.Logf("limit %d: peak heap growth %d MiB, peak in flight %d (bound %d MiB)",
		maxConcurrent, bounded.heap>>20, bounded.inFlight, bound>>20)
	if bounded.inFlight > maxConcurrent {
		t.Errorf("%d derivations ran at once, limit is %d", bounded.inFlight, maxConcurrent)
	}
	if bounded.inFlight < maxConcurrent {
		t.Errorf("only %d derivations ever ran at once; the load did not reach the limit of %d", bounded.inFlight, maxConcurrent)
	}
	if bounded.heap > bound {
		t.Errorf("heap grew by %d MiB with a limit of %d, bound is %d MiB", bounded.heap>>20, maxConcurrent, bound>>20)
	}

	unbounded := measureVerifyLoad(t, newTestHasher(t, p, callers), callers)
	t.Logf("limit %d: peak heap growth %d MiB, peak in flight %d", callers, unbounded.heap>>20, unbounded.inFlight)
	if unbounded.inFlight <= maxConcurrent || unbounded.heap <= bound {
		t.Errorf("without the limit the load stayed within the bound (%d MiB, %d in flight): the test cannot tell a bounded hasher from an unbounded one",
			unbounded.heap>>20, unbounded.inFlight)
	}
}

type loadPeak struct {
	heap     uint64
	inFlight int32
}

func measureVerifyLoad(t *testing.T, h *Hasher, callers int) loadPeak {
	t.Helper()
	ctx := context.Background()
	encoded, err := h.Hash(ctx, "kettle orbit lantern")
	if err != nil {
		t.Fatal(err)
	}
	var peakInFlight atomic.Int32
	h.onAcquire = func(n int32) {
		for {
			old := peakInFlight.Load()
			if n <= old || peakInFlight.CompareAndSwap(old, n) {
				return
			}
		}
	}

	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()

	var peakHeap atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
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

	var wg sync.WaitGroup
	for range callers {
		wg.Go(func() {
			ok, err := h.Verify(ctx, "kettle orbit lantern", encoded)
			if err != nil || !ok {
				t.Errorf("Verify = %v, %v", ok, err)
			}
		})
	}
	wg.Wait()
	close(stop)
	<-sampled
	return loadPeak{heap: peakHeap.Load(), inFlight: peakInFlight.Load()}
}

func BenchmarkHash(b *testing.B) {
	h := newTestHasher(b, DefaultParams, 1)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := h.Hash(ctx, "kettle orbit lantern"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	h := newTestHasher(b, DefaultParams, 1)
	ctx := context.Background()
	encoded, err := h.Hash(ctx, "kettle orbit lantern")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := h.Verify(ctx, "kettle orbit lantern", encoded); err != nil {
			b.Fatal(err)
		}
	}
}
