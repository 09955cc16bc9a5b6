package safety

import (
	"os"
	"strings"
	"testing"
)

const helplineTestHeader = "country_code\tcountry\tservice\tphone\tsms\tweb\thours\tlanguages\tsource\n"

func TestDefaultHelplines(t *testing.T) {
	hs := DefaultHelplines()
	raw, err := os.ReadFile("data/crisis-lines.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Count(strings.TrimRight(string(raw), "\n"), "\n"); len(hs) != want {
		t.Fatalf("%d helplines, file has %d data lines", len(hs), want)
	}
	codes := map[string]bool{}
	for _, h := range hs {
		codes[h.CountryCode] = true
		if h.Web != "" && !strings.HasPrefix(h.Web, "https://") {
			t.Errorf("%s %s: web %q is not https", h.CountryCode, h.Service, h.Web)
		}
		if h.Source == "" {
			t.Errorf("%s %s: no source", h.CountryCode, h.Service)
		}
	}
	for _, c := range []string{"US", "GB", "IE", "AU", "CA", DirectoryCode} {
		if !codes[c] {
			t.Errorf("no helpline for %s", c)
		}
	}
	gb := hs[2]
	if gb.CountryCode != "GB" || gb.Service != "Samaritans" || gb.Phone != "116 123" || gb.Web != "https://www.samaritans.org" || gb.Hours != "24/7" {
		t.Errorf("third line parsed as %+v", gb)
	}
	hs[0].Service = "changed"
	if DefaultHelplines()[0].Service == "changed" {
		t.Error("DefaultHelplines shares its slice with callers")
	}
}

// verifiedHelplinesPath is the checked list of crisis lines as it was
// verified, kept apart from data/crisis-lines.tsv (the copy Hearth embeds)
// so that an edit to the embedded data shows up here until the new lines
// are verified and this copy updated with them.
const verifiedHelplinesPath = "testdata/helplines/verified.tsv"

// TestDefaultHelplinesMatchSharedList: the embedded copy says what the
// verified list says, line for line.
func TestDefaultHelplinesMatchSharedList(t *testing.T) {
	f, err := os.Open(verifiedHelplinesPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want, err := ParseHelplines(f)
	if err != nil {
		t.Fatal(err)
	}
	got := DefaultHelplines()
	if len(got) != len(want) {
		t.Fatalf("embedded list has %d lines, verified list %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: embedded %+v, verified %+v", i+2, got[i], want[i])
		}
	}
}

func TestParseHelplines(t *testing.T) {
	in := helplineTestHeader +
		"GB\tUnited Kingdom\tSamaritans\t116 123\t\thttps://www.samaritans.org\t24/7\ten\thttps://example.org/source\r\n" +
		"\n" +
		"ZZ\tInternational\tFind A Helpline\t\t\thttps://findahelpline.com\t\ten\thttps://findahelpline.com\n"
	hs, err := ParseHelplines(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 2 || hs[0].Phone != "116 123" || hs[0].Source != "https://example.org/source" || hs[1].Phone != "" {
		t.Errorf("parsed %+v", hs)
	}
}

func TestParseHelplinesErrors(t *testing.T) {
	line := func(fields ...string) string { return strings.Join(fields, "\t") + "\n" }
	good := []string{"GB", "United Kingdom", "Samaritans", "116 123", "", "https://www.samaritans.org", "24/7", "en", "https://example.org"}
	with := func(i int, v string) string {
		f := append([]string(nil), good...)
		f[i] = v
		return line(f...)
	}
	cases := []struct {
		name, in, want string
	}{
		{"bad header", "country\tcode\n", "line 1"},
		{"missing column", helplineTestHeader + line(good[:8]...), "line 2: want 9 fields, got 8"},
		{"lower-case code", helplineTestHeader + line(good...) + with(0, "gb"), "line 3: country_code"},
		{"three-letter code", helplineTestHeader + with(0, "GBR"), "line 2: country_code"},
		{"http web", helplineTestHeader + with(5, "http://www.samaritans.org"), "line 2: web"},
		{"not a URL", helplineTestHeader + with(5, "samaritans.org"), "line 2: web"},
		{"no service", helplineTestHeader + with(2, ""), "line 2: service"},
		{"no way to reach", helplineTestHeader + line("GB", "United Kingdom", "Samaritans", "", "", "", "", "", ""), "line 2: phone"},
	}
	for _, c := range cases {
		_, err := ParseHelplines(strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to contain %q", c.name, err, c.want)
		}
	}
}
