package safety

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"time"
)

// DirectoryCode is the country code of the international directory entries
// shown to everyone whose country has no line of its own.
const DirectoryCode = "ZZ"

// Helpline is one crisis line on the resources page. Empty fields mean "not
// confirmed", never "none".
type Helpline struct {
	ID          int64     `gorm:"column:id;primaryKey"`
	CountryCode string    `gorm:"column:country_code"`
	Country     string    `gorm:"column:country"`
	Service     string    `gorm:"column:service"`
	Phone       string    `gorm:"column:phone"`
	SMS         string    `gorm:"column:sms"`
	Web         string    `gorm:"column:web"`
	Hours       string    `gorm:"column:hours"`
	Languages   string    `gorm:"column:languages"`
	Source      string    `gorm:"column:source"`
	Position    int       `gorm:"column:position"`
	CreatedAt   time.Time `gorm:"column:created_at"`
	UpdatedAt   time.Time `gorm:"column:updated_at"`
}

// TableName is the table Helpline is stored in.
func (Helpline) TableName() string { return "helplines" }

// defaultHelplinesTSV is a copy of the project's reference seed list. Its
// README warns, and the warning stands here too: admins must re-verify every
// number, hour and URL against the service's own website before the page goes
// live, and periodically afterwards. Helpline numbers and hours change. Always
// show the local emergency number alongside these lines. An empty field means
// "not confirmed", not "none"; some sources are several years old.
//
//go:embed data/crisis-lines.tsv
var defaultHelplinesTSV string

// helplineHeader is the header line of the helpline TSV format.
const helplineHeader = "country_code\tcountry\tservice\tphone\tsms\tweb\thours\tlanguages\tsource"

// DefaultHelplines returns the embedded reference list (data/crisis-lines.tsv)
// in file order. The database is seeded from a frozen copy of it; the page
// reads the database, which admins edit.
func DefaultHelplines() []Helpline {
	hs, err := ParseHelplines(strings.NewReader(defaultHelplinesTSV))
	if err != nil {
		panic("safety: embedded helplines: " + err.Error())
	}
	return hs
}

// ParseHelplines reads the helpline TSV format (see data/crisis-lines.tsv):
// a header line, then one line per helpline with nine tab-separated fields.
// Blank lines are skipped; errors name the line.
func ParseHelplines(r io.Reader) ([]Helpline, error) {
	sc := bufio.NewScanner(r)
	var out []Helpline
	line := 0
	for sc.Scan() {
		line++
		raw := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			if strings.TrimPrefix(raw, "\uFEFF") != helplineHeader {
				return nil, fmt.Errorf("helplines: line 1: unexpected header %q", raw)
			}
			continue
		}
		if strings.TrimSpace(raw) == "" {
			continue
		}
		f := strings.Split(raw, "\t")
		if len(f) != 9 {
			return nil, fmt.Errorf("helplines: line %d: want 9 fields, got %d", line, len(f))
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		// The file format requires upper case; an import with "gb" is a
		// mistake worth reporting rather than silently fixing.
		h := Helpline{CountryCode: f[0], Country: f[1], Service: f[2], Phone: f[3], SMS: f[4],
			Web: f[5], Hours: f[6], Languages: f[7], Source: f[8], Position: len(out) + 1}
		if err := h.Validate(); err != nil {
			return nil, fmt.Errorf("helplines: line %d: %w", line, err)
		}
		out = append(out, h)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("helplines: %w", err)
	}
	return out, nil
}

// Validate checks the fields a page relies on: a two-letter country code, a
// country name, a service name, a phone number or a website, and only https
// links.
func (h Helpline) Validate() error {
	v := h.Problems()
	for _, k := range []string{"country_code", "country", "service", "phone", "web"} {
		if msg, ok := v[k]; ok {
			return fmt.Errorf("%s: %s", k, msg)
		}
	}
	return nil
}

// Problems returns one message per invalid field, worded for an admin.
func (h Helpline) Problems() map[string]string {
	p := map[string]string{}
	if !isCountryCode(h.CountryCode) {
		p["country_code"] = "Enter a two-letter ISO country code such as GB, or ZZ for the international directory."
	}
	if h.Country == "" {
		p["country"] = "Enter the country's name."
	}
	if h.Service == "" {
		p["service"] = "Enter the helpline's name."
	}
	if h.Phone == "" && h.Web == "" {
		p["phone"] = "Enter a phone number or a website."
	}
	if h.Phone != "" && PhoneHref(h.Phone) == "" {
		p["phone"] = "Enter the number with digits, spaces, dashes and an optional leading +."
	}
	if h.Web != "" && !isWebURL(h.Web) {
		p["web"] = "Enter a full web address starting with https://."
	}
	for k, s := range map[string]string{"country": h.Country, "service": h.Service, "sms": h.SMS, "hours": h.Hours, "languages": h.Languages, "source": h.Source} {
		if len(s) > 300 {
			p[k] = "Keep this under 300 characters."
		}
	}
	return p
}

func isCountryCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

// isWebURL accepts only https links: a crisis page must not send a reader to
// a page that can be tampered with in transit.
func isWebURL(s string) bool {
	if len(s) > 300 || strings.ContainsAny(s, " \t\"'<>") {
		return false
	}
	rest, ok := strings.CutPrefix(s, "https://")
	return ok && rest != "" && rest[0] != '/'
}

// PhoneHref returns the tel: URL for a number as written ("116 123" ->
// "tel:116123"), or "" when the text is not a dialable number.
func PhoneHref(phone string) string {
	var b strings.Builder
	digits := 0
	for i, r := range phone {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
			digits++
		case r == '+' && i == 0:
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		default:
			return ""
		}
	}
	if digits < 3 || digits > 16 {
		return ""
	}
	return "tel:" + b.String()
}

// languageNames names the languages helplines commonly answer in.
var languageNames = map[string]string{
	"ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fi": "Finnish", "fr": "French",
	"hi": "Hindi", "it": "Italian", "ja": "Japanese", "ko": "Korean", "ms": "Malay", "nl": "Dutch",
	"no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "sv": "Swedish", "sw": "Swahili",
	"ta": "Tamil", "tl": "Tagalog", "zh": "Chinese", "zu": "Zulu", "af": "Afrikaans", "da": "Danish",
	"el": "Greek", "he": "Hebrew", "hu": "Hungarian", "ru": "Russian", "tr": "Turkish", "uk": "Ukrainian",
}

// LanguageNames turns a comma-separated list of ISO 639-1 codes ("en,es")
// into names for readers ("English, Spanish"); unknown codes stay as written.
func LanguageNames(codes string) string {
	var out []string
	for _, c := range strings.Split(codes, ",") {
		c = strings.ToLower(strings.TrimSpace(c))
		if c == "" {
			continue
		}
		if n, ok := languageNames[c]; ok {
			c = n
		}
		out = append(out, c)
	}
	return strings.Join(out, ", ")
}
