package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/netip"
	"sync"
	"time"
)

// minSecretLen is the shortest server secret accepted for keyed hashes.
const minSecretLen = 32

// ClientKeyer turns a client's address into an opaque key for throttling,
// so the address itself is never stored or logged. The key for an address
// changes every UTC day, so keys cannot be linked across days, and every
// instance that shares the server secret computes the same key on the same
// day, so throttling counters can live in the shared database.
//
// A ClientKeyer is safe for concurrent use.
type ClientKeyer struct {
	secret []byte

	mu     sync.Mutex
	day    string // UTC date the cached key belongs to
	dayKey []byte
}

// NewClientKeyer returns a ClientKeyer keyed by the server secret, which
// must be at least 32 bytes.
func NewClientKeyer(secret []byte) (*ClientKeyer, error) {
	if len(secret) < minSecretLen {
		return nil, errors.New("auth: client key secret must be at least 32 bytes")
	}
	// A copy, so that the caller reusing its slice cannot change our keys.
	return &ClientKeyer{secret: append([]byte(nil), secret...)}, nil
}

// Key returns the hex HMAC-SHA256 of addr under the key for now's UTC day,
// itself HMAC-SHA256(secret, "client-key:"+YYYY-MM-DD).
//
// addr may carry a port ("192.0.2.1:443", "[2001:db8::1]:443"); it is
// dropped. IPv4-mapped IPv6 addresses count as IPv4. An IPv6 address
// counts as its /64 network, because one household or phone is routinely
// handed a whole /64 and could otherwise step past a throttle by changing
// the low bits. Anything that does not parse as an address is keyed as it
// is.
func (k *ClientKeyer) Key(addr string, now time.Time) string {
	mac := hmac.New(sha256.New, k.keyFor(now.UTC().Format(time.DateOnly)))
	mac.Write([]byte(canonicalClient(addr)))
	return hex.EncodeToString(mac.Sum(nil))
}

func (k *ClientKeyer) keyFor(day string) []byte {
	k.mu.Lock()
	defer k.mu.Unlock()
	if day != k.day {
		mac := hmac.New(sha256.New, k.secret)
		mac.Write([]byte("client-key:" + day))
		k.day, k.dayKey = day, mac.Sum(nil)
	}
	return k.dayKey
}

func canonicalClient(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		ap, perr := netip.ParseAddrPort(addr)
		if perr != nil {
			return addr
		}
		ip = ap.Addr()
	}
	ip = ip.Unmap().WithZone("")
	if ip.Is6() {
		return netip.PrefixFrom(ip, 64).Masked().String()
	}
	return ip.String()
}
