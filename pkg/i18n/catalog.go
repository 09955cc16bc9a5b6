package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

//go:embed locales/*.json
var files embed.FS

// Source is the language the message keys are written in.
const Source = "en"

// Language is one language Hearth can be read in.
type Language struct {
	// Code is its BCP 47 tag ("en", "es"), stored in a member's setting.
	Code string
	// Name is its name in itself ("English", "Español").
	Name string
}

// Catalog is every language's messages, loaded once at start and read
// concurrently afterwards.
type Catalog struct {
	builder  *catalog.Builder
	langs    []Language
	tags     []language.Tag
	matcher  language.Matcher
	messages map[string]map[string]Message
	printers map[string]*Printer
	// patterns read formatted sentences back into keys (match.go).
	patterns []pattern
}

// Message is one entry of a catalogue file: a translation, or the plural
// forms of one ("one", "other", "=0" ...) chosen by the count argument
// (the first unless Arg says otherwise).
type Message struct {
	Text   string
	Plural map[string]string
	Arg    int
}

// UnmarshalJSON reads a string, or an object of plural forms with an
// optional "arg".
func (m *Message) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, &m.Text); err == nil {
		return nil
	}
	var forms map[string]any
	if err := json.Unmarshal(b, &forms); err != nil {
		return fmt.Errorf("a message is a string or an object of plural forms: %w", err)
	}
	m.Plural = map[string]string{}
	for k, v := range forms {
		switch v := v.(type) {
		case string:
			m.Plural[k] = v
		case float64:
			if k != "arg" {
				return fmt.Errorf("plural form %q is a number", k)
			}
			m.Arg = int(v)
		default:
			return fmt.Errorf("plural form %q is not a string", k)
		}
	}
	if m.Plural["other"] == "" {
		return fmt.Errorf("plural forms need \"other\"")
	}
	return nil
}

// file is one catalogue: the language's name in itself and its messages.
type file struct {
	Name     string             `json:"name"`
	Messages map[string]Message `json:"messages"`
}

// Load reads the embedded catalogues: locales/CODE.json for each language,
// with its name, and any locales/CODE-PART.json beside it, whose messages
// join the language's (a key translated in two files is an error). The
// source language comes first in Languages and is the matcher's fallback.
func Load() (*Catalog, error) { return load(files) }

func load(fsys fs.FS) (*Catalog, error) {
	names, err := fs.Glob(fsys, "locales/*.json")
	if err != nil {
		return nil, err
	}
	c := &Catalog{builder: catalog.NewBuilder(catalog.Fallback(language.English)),
		messages: map[string]map[string]Message{}, printers: map[string]*Printer{}}
	slices.SortFunc(names, cmpCode)
	parts := map[string][]string{}
	for _, n := range names {
		code := strings.TrimSuffix(path.Base(n), ".json")
		if main, _, ok := strings.Cut(code, "-"); ok && slices.Contains(names, "locales/"+main+".json") {
			// es-mod.json is part of es.json's catalogue.
			parts[main] = append(parts[main], n)
		}
	}
	for _, n := range names {
		code := strings.TrimSuffix(path.Base(n), ".json")
		if main, _, ok := strings.Cut(code, "-"); ok && slices.Contains(names, "locales/"+main+".json") {
			continue
		}
		tag, err := language.Parse(code)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		msgs := map[string]Message{}
		var name string
		for _, fn := range append([]string{n}, parts[code]...) {
			f, err := readFile(fsys, fn)
			if err != nil {
				return nil, err
			}
			if fn == n {
				name = f.Name
			}
			for key, m := range f.Messages {
				if _, dup := msgs[key]; dup {
					return nil, fmt.Errorf("%s: %q is translated twice in the %s catalogue", fn, key, code)
				}
				msgs[key] = m
			}
		}
		if name == "" {
			return nil, fmt.Errorf("%s: the language's own name is missing", n)
		}
		for key, m := range msgs {
			if err := c.set(tag, key, m); err != nil {
				return nil, fmt.Errorf("%s: %q: %w", n, key, err)
			}
		}
		c.langs = append(c.langs, Language{Code: code, Name: name})
		c.tags = append(c.tags, tag)
		c.messages[code] = msgs
	}
	if len(c.langs) == 0 || c.langs[0].Code != Source {
		return nil, fmt.Errorf("no catalogue for the source language %q", Source)
	}
	c.matcher = language.NewMatcher(c.tags)
	seen := map[string]bool{}
	for _, l := range c.langs[1:] {
		for key := range c.messages[l.Code] {
			if p, ok := newPattern(key); ok && !seen[key] {
				seen[key] = true
				c.patterns = append(c.patterns, p)
			}
		}
	}
	// Longer keys first: the more specific sentence wins.
	slices.SortFunc(c.patterns, func(a, b pattern) int { return len(b.key) - len(a.key) })
	for i, l := range c.langs {
		pr := &Printer{lang: l, tag: c.tags[i], p: message.NewPrinter(c.tags[i], message.Catalog(c.builder)), has: c.messages[l.Code],
			raw: message.NewPrinter(c.tags[i], message.Catalog(catalog.NewBuilder())), written: newWritten()}
		if i > 0 {
			pr.patterns = c.patterns
			pr.source = c.messages[Source]
		}
		c.printers[l.Code] = pr
	}
	return c, nil
}

// readFile reads one catalogue file.
func readFile(fsys fs.FS, name string) (file, error) {
	var f file
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return f, err
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return f, fmt.Errorf("%s: %w", name, err)
	}
	return f, nil
}

// cmpCode orders catalogue files by code, the source language first.
func cmpCode(a, b string) int {
	ca, cb := strings.TrimSuffix(path.Base(a), ".json"), strings.TrimSuffix(path.Base(b), ".json")
	switch {
	case ca == cb:
		return 0
	case ca == Source:
		return -1
	case cb == Source:
		return 1
	}
	return strings.Compare(ca, cb)
}

// set adds one message to the builder.
func (c *Catalog) set(tag language.Tag, key string, m Message) error {
	if m.Plural == nil {
		return c.builder.SetString(tag, key, m.Text)
	}
	arg := m.Arg
	if arg == 0 {
		arg = 1
	}
	var cases []any
	for _, sel := range pluralOrder(m.Plural) {
		cases = append(cases, sel, m.Plural[sel])
	}
	return c.builder.Set(tag, key, plural.Selectf(arg, "%d", cases...))
}

// pluralOrder lists the selectors of forms with exact values first and
// "other" last, since the first match wins.
func pluralOrder(forms map[string]string) []string {
	var exact, named []string
	for k := range forms {
		switch {
		case k == "other":
		case strings.HasPrefix(k, "="):
			exact = append(exact, k)
		default:
			named = append(named, k)
		}
	}
	slices.Sort(exact)
	slices.Sort(named)
	return append(append(exact, named...), "other")
}

// Languages lists the languages there are catalogues for, the source first.
func (c *Catalog) Languages() []Language { return slices.Clone(c.langs) }

// Supported reports whether code names a language with a catalogue.
func (c *Catalog) Supported(code string) bool { _, ok := c.printers[code]; return ok }

// Messages returns the entries of code's catalogue, for the tests that
// check every key is translated.
func (c *Catalog) Messages(code string) map[string]Message { return c.messages[code] }

// Printer returns the printer for code, or the source language's when
// there is no catalogue for code.
func (c *Catalog) Printer(code string) *Printer {
	if p, ok := c.printers[code]; ok {
		return p
	}
	return c.printers[Source]
}

// Negotiate chooses the language of a request: the member's setting when
// it names a language with a catalogue, else the best match for the
// browser's Accept-Language header, else fallback (the instance default).
func (c *Catalog) Negotiate(setting, acceptLanguage, fallback string) string {
	if c.Supported(setting) {
		return setting
	}
	if acceptLanguage != "" {
		if tags, _, err := language.ParseAcceptLanguage(acceptLanguage); err == nil && len(tags) > 0 {
			if _, i, conf := c.matcher.Match(tags...); conf != language.No {
				return c.langs[i].Code
			}
		}
	}
	if c.Supported(fallback) {
		return fallback
	}
	return Source
}
