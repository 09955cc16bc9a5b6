package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"
)

// Params are argon2id cost parameters.
type Params struct {
	// Memory is the memory cost in KiB.
	Memory uint32
	// Time is the number of passes over the memory.
	Time uint32
	// Threads is the degree of parallelism (lanes).
	Threads uint8
	// SaltLen is the length of the random salt in bytes.
	SaltLen uint32
	// KeyLen is the length of the derived key in bytes.
	KeyLen uint32
}

// DefaultParams is one of the OWASP Password Storage Cheat Sheet's
// argon2id configurations (m=7168 KiB, t=5, p=1; the sheet rates it equal in
// defence to m=19456 KiB, t=2) with a 16-byte salt and a 32-byte key. It is
// the low-memory one on purpose: one hash takes about 7 MiB instead of
// 19 MiB for about the same CPU time (22 ms against 28 ms here), so two
// logins in flight keep the server well under 100 MB. A Hasher's
// concurrency limit times 7 MiB is the memory logins can use at once.
// Hashes made with other parameters still verify, and are upgraded at the
// next successful login (NeedsRehash).
var DefaultParams = Params{Memory: 7168, Time: 5, Threads: 1, SaltLen: 16, KeyLen: 32}

// Limits on parameters, whether configured or read back from a stored hash:
// a tampered or corrupt row must not be able to ask for gigabytes of memory
// or hours of work at login.
const (
	maxMemoryKiB   = 1 << 20 // 1 GiB
	maxTime        = 64
	minSaltLen     = 8
	maxSaltLen     = 64
	minKeyLen      = 16
	maxKeyLen      = 128
	maxEncodedHash = 512
	// maxHashInput matches the longest password ValidatePassword accepts.
	maxHashInput = PasswordMaxLen * utf8.UTFMax
)

var (
	// ErrMalformedHash is returned for a stored hash that is not an argon2id
	// PHC string this package can verify.
	ErrMalformedHash = errors.New("auth: malformed password hash")
	// ErrPasswordTooLong is returned by Hash for input longer than any
	// password ValidatePassword accepts.
	ErrPasswordTooLong = errors.New("auth: password too long to hash")
)

// Hasher hashes and verifies passwords with argon2id. A semaphore bounds how
// many derivations run at once, so a burst of logins queues instead of
// multiplying memory use. A Hasher is safe for concurrent use.
type Hasher struct {
	params Params
	sem    chan struct{}

	// dummySalt and dummyKey give VerifyDummy a real derivation to do and a
	// real comparison to make.
	dummySalt []byte
	dummyKey  []byte

	inFlight atomic.Int32
	// onAcquire, when set by a test, sees the number of derivations in
	// flight each time one starts.
	onAcquire func(inFlight int32)
}

// NewHasher returns a Hasher that hashes with p and runs at most
// maxConcurrent derivations at a time.
func NewHasher(p Params, maxConcurrent int) (*Hasher, error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	if maxConcurrent < 1 {
		return nil, fmt.Errorf("auth: hasher concurrency must be at least 1, got %d", maxConcurrent)
	}
	h := &Hasher{
		params:    p,
		sem:       make(chan struct{}, maxConcurrent),
		dummySalt: make([]byte, p.SaltLen),
		dummyKey:  make([]byte, p.KeyLen),
	}
	rand.Read(h.dummySalt)
	rand.Read(h.dummyKey)
	return h, nil
}

// Params returns the parameters new hashes are made with.
func (h *Hasher) Params() Params { return h.params }

// Hash derives a new hash of pw with a fresh random salt and returns it as
// a PHC string: $argon2id$v=19$m=…,t=…,p=…$salt$hash (standard base64
// without padding). The password is NFKC-normalised first, so the same
// password typed on another keyboard or input method still verifies.
// Waiting for a free slot ends with ctx's error if ctx is done first.
func (h *Hasher) Hash(ctx context.Context, pw string) (string, error) {
	if len(pw) > maxHashInput {
		return "", ErrPasswordTooLong
	}
	salt := make([]byte, h.params.SaltLen)
	rand.Read(salt)
	key, err := h.derive(ctx, pw, salt, h.params)
	if err != nil {
		return "", err
	}
	return encodeHash(h.params, salt, key), nil
}

// Verify reports whether pw matches the stored hash encoded, using the
// parameters recorded in encoded and comparing in constant time. A
// malformed hash gives ErrMalformedHash; a password longer than any valid
// one does not match.
func (h *Hasher) Verify(ctx context.Context, pw, encoded string) (ok bool, err error) {
	p, salt, want, err := decodeHash(encoded)
	if err != nil {
		return false, err
	}
	if len(pw) > maxHashInput {
		return false, nil
	}
	got, err := h.derive(ctx, pw, salt, p)
	if err != nil {
		return false, err
	}
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// VerifyDummy does the work of a Verify against a hash made with the
// Hasher's current parameters and throws the answer away. Call it when the
// pseudonym at login does not exist, so the response takes as long as a
// wrong password for a real account and does not reveal which names exist.
func (h *Hasher) VerifyDummy(ctx context.Context, pw string) error {
	if len(pw) > maxHashInput {
		return nil
	}
	got, err := h.derive(ctx, pw, h.dummySalt, h.params)
	if err != nil {
		return err
	}
	subtle.ConstantTimeCompare(got, h.dummyKey)
	return nil
}

// NeedsRehash reports whether encoded was made with parameters other than
// the Hasher's, or cannot be read, so the caller should store a fresh Hash
// after the next successful login.
func (h *Hasher) NeedsRehash(encoded string) bool {
	p, _, _, err := decodeHash(encoded)
	return err != nil || p != h.params
}

func (h *Hasher) derive(ctx context.Context, pw string, salt []byte, p Params) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	n := h.inFlight.Add(1)
	defer func() {
		h.inFlight.Add(-1)
		<-h.sem
	}()
	if h.onAcquire != nil {
		h.onAcquire(n)
	}
	return argon2.IDKey([]byte(norm.NFKC.String(pw)), salt, p.Time, p.Memory, p.Threads, p.KeyLen), nil
}

func (p Params) validate() error {
	switch {
	case p.Threads < 1:
		return fmt.Errorf("auth: argon2id threads must be at least 1")
	case p.Time < 1 || p.Time > maxTime:
		return fmt.Errorf("auth: argon2id time %d outside 1..%d", p.Time, maxTime)
	case p.Memory < 8*uint32(p.Threads) || p.Memory > maxMemoryKiB:
		return fmt.Errorf("auth: argon2id memory %d KiB outside %d..%d", p.Memory, 8*uint32(p.Threads), maxMemoryKiB)
	case p.SaltLen < minSaltLen || p.SaltLen > maxSaltLen:
		return fmt.Errorf("auth: argon2id salt length %d outside %d..%d", p.SaltLen, minSaltLen, maxSaltLen)
	case p.KeyLen < minKeyLen || p.KeyLen > maxKeyLen:
		return fmt.Errorf("auth: argon2id key length %d outside %d..%d", p.KeyLen, minKeyLen, maxKeyLen)
	}
	return nil
}

var b64 = base64.RawStdEncoding

func encodeHash(p Params, salt, key []byte) string {
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// decodeHash reads a PHC string strictly: anything but exactly the shape
// encodeHash writes, with parameters inside the limits, is malformed.
func decodeHash(encoded string) (p Params, salt, key []byte, err error) {
	if len(encoded) > maxEncodedHash {
		return p, nil, nil, ErrMalformedHash
	}
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" ||
		parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return p, nil, nil, ErrMalformedHash
	}
	fields := strings.Split(parts[3], ",")
	if len(fields) != 3 {
		return p, nil, nil, ErrMalformedHash
	}
	var vals [3]uint64
	for i, name := range []string{"m=", "t=", "p="} {
		digits, ok := strings.CutPrefix(fields[i], name)
		if !ok {
			return p, nil, nil, ErrMalformedHash
		}
		if vals[i], err = strconv.ParseUint(digits, 10, 32); err != nil {
			return p, nil, nil, ErrMalformedHash
		}
	}
	if vals[2] > 255 {
		return p, nil, nil, ErrMalformedHash
	}
	if salt, err = b64.Strict().DecodeString(parts[4]); err != nil {
		return p, nil, nil, ErrMalformedHash
	}
	if key, err = b64.Strict().DecodeString(parts[5]); err != nil {
		return p, nil, nil, ErrMalformedHash
	}
	p = Params{
		Memory:  uint32(vals[0]),   // #nosec G115 -- ParseUint(..., 32) bounds it to uint32
		Time:    uint32(vals[1]),   // #nosec G115 -- ParseUint(..., 32) bounds it to uint32
		Threads: uint8(vals[2]),    // #nosec G115 -- checked <= 255 above
		SaltLen: uint32(len(salt)), // #nosec G115 -- a decoded hash field, far below 4 GiB; validate() bounds it
		KeyLen:  uint32(len(key)),  // #nosec G115 -- a decoded hash field, far below 4 GiB; validate() bounds it
	}
	if p.validate() != nil {
		return Params{}, nil, nil, ErrMalformedHash
	}
	return p, salt, key, nil
}
