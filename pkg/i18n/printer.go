package i18n

import (
	"strconv"
	"sync"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Printer writes messages, dates and numbers in one language. It is safe
// for concurrent use.
type Printer struct {
	lang Language
	tag  language.Tag
	p    *message.Printer
	has  map[string]Message
	// source is the source language's entries, which the catalogue
	// falls back to for a key this language lacks; nil for the source
	// language itself.
	source map[string]Message
	// raw formats without the catalogue (Sprintf).
	raw *message.Printer
	// patterns read an English sentence formatted elsewhere back into
	// its key and arguments; none for the source language.
	patterns []pattern
	// written keeps the dates and relative times already written.
	written *written
}

// written keeps what Date and Ago wrote: a thread page writes fifty of
// each, every one through the catalogue's formatter, and that was a sixth
// of a member's thread page. A date is a function of its minute, a
// relative time of its unit and count, so an entry never goes stale.
type written struct {
	mu    sync.Mutex
	dates map[int64]string
	agos  map[agoKey]string
}

// writtenDates bounds the dates kept; past it they start again.
const writtenDates = 4096

type agoKey struct {
	unit time.Duration
	n    int
}

func newWritten() *written {
	return &written{dates: map[int64]string{}, agos: map[agoKey]string{}}
}

// Lang is the printer's language code, for <html lang>.
func (p *Printer) Lang() string { return p.lang.Code }

// T translates key, a message in English, formatting args into it the
// language's way (numbers grouped as the language groups them, the plural
// form chosen by the count). Without arguments, key may also be a sentence
// a domain package formatted in English from a catalogue key ("Please
// keep the note under 500 characters."): it is read back into the key and
// its values and translated; a value written as an English date ("6
// December 2026 at 08:05 UTC", EnglishDate) is written again as the
// language writes dates. Text without an entry is returned as it is,
// so text that merely passes through (a name, a title) is never taken
// for a format.
func (p *Printer) T(key string, args ...any) string {
	if len(args) == 0 {
		return p.Stored(key, nil)
	}
	return p.p.Sprintf(key, args...)
}

// Stored is T for a sentence a domain package formatted in English and
// stored: read back into its catalogue key and values, each value that
// is a string is passed through value (when not nil) before it is
// formatted into the translation. Value lets the caller translate a
// value that is Hearth's own words, such as a seeded group's name inside
// "A moderator removed your reply in Grief & Loss.", and leave members'
// words as written.
func (p *Printer) Stored(text string, value func(string) string) string {
	if _, ok := p.has[text]; ok {
		return p.p.Sprintf(text)
	}
	k, a, ok := match(p.patterns, text)
	if !ok {
		return text
	}
	for i, v := range a {
		d, ok := v.(string)
		if !ok {
			continue
		}
		if t, err := time.Parse(EnglishDate, d); err == nil {
			a[i] = p.Date(t)
		} else if value != nil {
			a[i] = value(d)
		}
	}
	return p.p.Sprintf(k, a...)
}

// Exact translates key only when the catalogue has exactly that entry,
// and returns it unchanged otherwise: for stored text that is Hearth's
// own only while nobody has edited it (a trigger warning's seeded name),
// which must never be read as a formatted sentence. Key is not a format.
func (p *Printer) Exact(key string) string {
	m, ok := p.has[key]
	if !ok || m.Plural != nil {
		return key
	}
	return m.Text
}

// Format is the sentence T formats key's arguments into, in p's
// language (the source language's when p's catalogue lacks key, key
// itself when neither has it), and false for a message with plural forms,
// whose sentence depends on its count.
func (p *Printer) Format(key string) (string, bool) {
	m, ok := p.has[key]
	if !ok {
		m, ok = p.source[key]
	}
	switch {
	case !ok:
		return key, true
	case m.Plural != nil:
		return "", false
	}
	return m.Text, true
}

// Sprintf formats args into format the language's way, as T formats them
// into a translation, without looking format up in the catalogue.
func (p *Printer) Sprintf(format string, args ...any) string { return p.raw.Sprintf(format, args...) }

// Has reports whether the printer's catalogue has an entry for key.
func (p *Printer) Has(key string) bool { _, ok := p.has[key]; return ok }

// Number writes n with the language's digit grouping.
func (p *Printer) Number(n int) string { return p.p.Sprint(n) }

// months are the month names' keys, looked up in the catalogue.
var months = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// Month is t's month name.
func (p *Printer) Month(t time.Time) string { return p.T(months[t.Month()-1]) }

// Day writes t's date, such as "2 January 2006", in UTC.
func (p *Printer) Day(t time.Time) string {
	t = t.UTC()
	// Day and year are passed as text: a year is not a quantity to group.
	return p.T("%[1]s %[2]s %[3]s", strconv.Itoa(t.Day()), p.Month(t), strconv.Itoa(t.Year()))
}

// MonthYear writes t's month and year, such as "January 2006", in UTC.
func (p *Printer) MonthYear(t time.Time) string {
	t = t.UTC()
	return p.T("%[1]s %[2]s", p.Month(t), strconv.Itoa(t.Year()))
}

// EnglishDate is the layout of a timestamp in a sentence a domain package
// writes in English; T writes such a value again in its language.
const EnglishDate = "2 January 2006 at 15:04 UTC"

// Date writes the full timestamp, such as "2 January 2006 at 15:04 UTC".
func (p *Printer) Date(t time.Time) string {
	t = t.UTC()
	minute := t.Unix() / 60
	if t.Unix() < 0 {
		return p.date(t)
	}
	p.written.mu.Lock()
	s, ok := p.written.dates[minute]
	p.written.mu.Unlock()
	if ok {
		return s
	}
	s = p.date(t)
	p.written.mu.Lock()
	if len(p.written.dates) >= writtenDates {
		clear(p.written.dates)
	}
	p.written.dates[minute] = s
	p.written.mu.Unlock()
	return s
}

func (p *Printer) date(t time.Time) string {
	return p.T("%[1]s %[2]s %[3]s at %[4]s UTC", strconv.Itoa(t.Day()), p.Month(t), strconv.Itoa(t.Year()), t.Format("15:04"))
}

// Ago writes how long before now t was, such as "3 hours ago".
func (p *Printer) Ago(t, now time.Time) string {
	d := now.Sub(t)
	var k agoKey
	switch {
	case d < time.Minute:
		return p.T("just now")
	case d < time.Hour:
		k = agoKey{time.Minute, int(d / time.Minute)}
	case d < 24*time.Hour:
		k = agoKey{time.Hour, int(d / time.Hour)}
	case d < 30*24*time.Hour:
		k = agoKey{24 * time.Hour, int(d / (24 * time.Hour))}
	case d < 365*24*time.Hour:
		k = agoKey{30 * 24 * time.Hour, int(d / (30 * 24 * time.Hour))}
	default:
		k = agoKey{365 * 24 * time.Hour, int(d / (365 * 24 * time.Hour))}
	}
	p.written.mu.Lock()
	s, ok := p.written.agos[k]
	p.written.mu.Unlock()
	if ok {
		return s
	}
	s = p.ago(k.unit, k.n)
	if k.n < 1000 {
		p.written.mu.Lock()
		p.written.agos[k] = s
		p.written.mu.Unlock()
	}
	return s
}

// ago writes n units ago.
func (p *Printer) ago(unit time.Duration, n int) string {
	switch unit {
	case time.Minute:
		return p.T("%d minutes ago", n)
	case time.Hour:
		return p.T("%d hours ago", n)
	case 24 * time.Hour:
		return p.T("%d days ago", n)
	case 30 * 24 * time.Hour:
		return p.T("%d months ago", n)
	}
	return p.T("%d years ago", n)
}
