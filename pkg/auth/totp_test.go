package auth

import (
	"encoding/base32"
	"encoding/xml"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/boombuler/barcode/qr"
	"github.com/pquerna/otp/totp"
)

// rfc6238Secret is the SHA-1 seed of RFC 6238 appendix B, "12345678901234567890".
var rfc6238Secret = base32.StdEncoding.EncodeToString([]byte("12345678901234567890"))

func TestValidateTOTPRFC6238Vectors(t *testing.T) {
	// RFC 6238 appendix B gives eight-digit SHA-1 codes; a six-digit code is
	// the same value modulo 10^6, so its last six digits.
	vectors := []struct {
		unix  int64
		eight string
	}{
		{59, "94287082"},
		{1111111109, "07081804"},
		{1111111111, "14050471"},
		{1234567890, "89005924"},
		{2000000000, "69279037"},
		{20000000000, "65353130"},
	}
	for _, v := range vectors {
		now := time.Unix(v.unix, 0)
		code := v.eight[2:]
		if !ValidateTOTP(rfc6238Secret, code, now) {
			t.Errorf("ValidateTOTP(%s at %d) = false, want true", code, v.unix)
		}
		step, ok := MatchTOTP(rfc6238Secret, code, now)
		if !ok || step != v.unix/30 {
			t.Errorf("MatchTOTP(%s at %d) = %d, %v; want step %d", code, v.unix, step, ok, v.unix/30)
		}
	}
}

func TestValidateTOTPWindow(t *testing.T) {
	at := time.Unix(1111111109, 0) // step 37037036, code 081804
	tests := []struct {
		name   string
		secret string
		code   string
		now    time.Time
		want   bool
	}{
		{"current step", rfc6238Secret, "081804", at, true},
		{"one step later", rfc6238Secret, "081804", at.Add(30 * time.Second), true},
		{"one step earlier", rfc6238Secret, "081804", at.Add(-30 * time.Second), true},
		{"two steps later", rfc6238Secret, "081804", at.Add(60 * time.Second), false},
		{"two steps earlier", rfc6238Secret, "081804", at.Add(-60 * time.Second), false},
		{"spaces in code", rfc6238Secret, " 081 804 ", at, true},
		{"lower-case secret", strings.ToLower(rfc6238Secret), "081804", at, true},
		{"wrong code", rfc6238Secret, "081805", at, false},
		{"five digits", rfc6238Secret, "08180", at, false},
		{"seven digits", rfc6238Secret, "0818040", at, false},
		{"eight-digit RFC form", rfc6238Secret, "07081804", at, false},
		{"letters", rfc6238Secret, "abcdef", at, false},
		{"empty code", rfc6238Secret, "", at, false},
		{"empty secret", "", "081804", at, false},
		{"before 1970", rfc6238Secret, "081804", time.Unix(-1, 0), false},
		{"secret not base32", "not base32!", "081804", at, false},
	}
	for _, tt := range tests {
		if got := ValidateTOTP(tt.secret, tt.code, tt.now); got != tt.want {
			t.Errorf("%s: ValidateTOTP = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestNewTOTPSecret(t *testing.T) {
	secret, raw, err := NewTOTPSecret("Hearth", "quiet_river")
	if err != nil {
		t.Fatal(err)
	}
	if b, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(secret); err != nil || len(b) != 20 {
		t.Fatalf("secret %q is not 20 bytes of base32: %v", secret, err)
	}
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	if u.Scheme != "otpauth" || u.Host != "totp" || u.Path != "/Hearth:quiet_river" {
		t.Errorf("URL %q has the wrong scheme, type or label", raw)
	}
	for k, want := range map[string]string{"secret": secret, "issuer": "Hearth", "period": "30", "digits": "6", "algorithm": "SHA1"} {
		if q.Get(k) != want {
			t.Errorf("URL %s = %q, want %q", k, q.Get(k), want)
		}
	}
	now := time.Now()
	code, err := totp.GenerateCode(secret, now)
	if err != nil {
		t.Fatal(err)
	}
	if !ValidateTOTP(secret, code, now) {
		t.Error("a code generated for the new secret does not validate")
	}
	other, _, _ := NewTOTPSecret("Hearth", "quiet_river")
	if other == secret {
		t.Error("two secrets are equal")
	}
	if _, _, err := NewTOTPSecret("", "quiet_river"); err == nil {
		t.Error("NewTOTPSecret accepted an empty issuer")
	}
}

type svgDoc struct {
	XMLName xml.Name  `xml:"svg"`
	ViewBox string    `xml:"viewBox,attr"`
	Rects   []svgRect `xml:"rect"`
	Group   struct {
		Fill  string    `xml:"fill,attr"`
		Rects []svgRect `xml:"rect"`
	} `xml:"g"`
}

type svgRect struct {
	X      int    `xml:"x,attr"`
	Y      int    `xml:"y,attr"`
	Width  int    `xml:"width,attr"`
	Height int    `xml:"height,attr"`
	Fill   string `xml:"fill,attr"`
}

func TestQRCodeSVG(t *testing.T) {
	_, content, err := NewTOTPSecret("Hearth", "quiet_river")
	if err != nil {
		t.Fatal(err)
	}
	svg, err := QRCodeSVG(content)
	if err != nil {
		t.Fatal(err)
	}
	text := string(svg)
	if !strings.HasPrefix(text, `<?xml version="1.0" encoding="UTF-8"?>`) {
		t.Error("not a standalone XML document")
	}
	withoutNS := strings.Replace(text, `xmlns="http://www.w3.org/2000/svg"`, "", 1)
	for _, bad := range []string{"href", "http", "url(", "<image", "<script", "<style", "@import", "<foreignObject"} {
		if strings.Contains(withoutNS, bad) {
			t.Errorf("SVG contains %q: it must not reference anything outside itself", bad)
		}
	}

	var doc svgDoc
	if err := xml.Unmarshal(svg, &doc); err != nil {
		t.Fatalf("SVG is not well-formed XML: %v", err)
	}
	want, err := qr.Encode(content, qr.M, qr.Auto)
	if err != nil {
		t.Fatal(err)
	}
	n := want.Bounds().Dx()
	size := n + 2*qrQuietZone
	if doc.ViewBox != "0 0 "+itoa(size)+" "+itoa(size) {
		t.Errorf("viewBox %q, want a square of %d modules", doc.ViewBox, size)
	}
	if len(doc.Rects) != 1 || doc.Rects[0].Width != size || doc.Rects[0].Fill != "#ffffff" {
		t.Errorf("background %+v, want one white square of %d", doc.Rects, size)
	}
	if doc.Group.Fill != "#000000" {
		t.Errorf("modules drawn in %q, want black", doc.Group.Fill)
	}

	// Paint the rectangles back into a grid and compare it with the
	// encoder's matrix, module by module, quiet zone included.
	got := make([][]bool, size)
	for i := range got {
		got[i] = make([]bool, size)
	}
	for _, r := range doc.Group.Rects {
		if r.Height != 1 || r.Width < 1 || r.X < 0 || r.Y < 0 || r.X+r.Width > size || r.Y >= size {
			t.Fatalf("rectangle %+v outside the symbol", r)
		}
		for x := r.X; x < r.X+r.Width; x++ {
			got[r.Y][x] = true
		}
	}
	for y := range size {
		for x := range size {
			mx, my := x-qrQuietZone, y-qrQuietZone
			inside := mx >= 0 && my >= 0 && mx < n && my < n
			wantDark := false
			if inside {
				r, _, _, _ := want.At(mx, my).RGBA()
				wantDark = r < 0x8000
			}
			if got[y][x] != wantDark {
				t.Fatalf("module (%d,%d) dark=%v, want %v (inside symbol: %v)", x, y, got[y][x], wantDark, inside)
			}
		}
	}

	if _, err := QRCodeSVG(""); err == nil {
		t.Error("QRCodeSVG accepted empty content")
	}
	if _, err := QRCodeSVG(strings.Repeat("x", 5000)); err == nil {
		t.Error("QRCodeSVG accepted content too long for any QR code")
	}
}

func itoa(n int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
		if n == 0 {
			return string(b)
		}
	}
}
