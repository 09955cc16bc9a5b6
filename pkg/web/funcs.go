package web

import (
	"html"
	"html/template"
	"maps"
	"strings"
	"sync"
	"time"

	"hearth/pkg/i18n"
	"hearth/pkg/markup"
)

// funcs are the template helpers: formatting only, never data access or
// permission decisions. Those of langFuncs write in the language of p.
func (s *Server) funcs(p *i18n.Printer) template.FuncMap {
	fm := template.FuncMap{
		"asset":    s.assets.url,
		"iso":      func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		"add":      func(a, b int) int { return a + b },
		"contains": strings.Contains,
		"field":    field,
	}
	maps.Copy(fm, langFuncs(p))
	return fm
}

// langFuncs are the template helpers that write in p's language:
//
//	{{t "Reply"}}                  a sentence from the catalogue
//	{{t "%d replies" .Count}}      with arguments, the plural form chosen by the count
//	{{tm "Press <kbd>Esc</kbd>"}}  a sentence with inline markup (markup.Message)
//	{{ago .At}} {{exact .At}}      "3 hours ago", "2 January 2006 at 15:04 UTC"
//	{{day .At}} {{number .N}}      "2 January 2006", "1,234"
//	{{lang}}                       the language's code, for <html lang>
//	{{title .Thread.Title}}        a thread's title (shownTitle)
//	{{group .GroupName}}           a group's name (shownGroupName)
//	{{notice .Message}}            a stored sentence, with a seeded group's name in it translated
func langFuncs(p *i18n.Printer) template.FuncMap {
	return template.FuncMap{
		"t":      p.T,
		"tm":     messageHTML(p),
		"ago":    func(t time.Time) string { return p.Ago(t, time.Now()) },
		"exact":  p.Date,
		"day":    p.Day,
		"number": p.Number,
		"lang":   p.Lang,
		"title":  func(t string) string { return shownTitle(p, t) },
		"group":  func(n string) string { return shownGroupName(p, n) },
		"notice": func(m string) string { return p.Stored(m, func(v string) string { return shownGroupName(p, v) }) },
	}
}

// messageHTML is the tm template function of p's language: a sentence
// with inline markup, its string arguments escaped before they are
// formatted in. A sentence is sanitised once: without arguments, as it is
// shown; with arguments that are strings (escaped) and numbers, when
// every verb of its format stands in text (sanitisedFormat), its format,
// which then takes them as sanitising each formatted sentence would have
// left them. Any other sentence is sanitised each time it is formatted.
func messageHTML(p *i18n.Printer) func(key string, args ...any) template.HTML {
	var done, formats sync.Map
	return func(key string, args ...any) template.HTML {
		if len(args) == 0 {
			if h, ok := done.Load(key); ok {
				return h.(template.HTML)
			}
			h := markup.Message(p.T(key))
			done.Store(key, h)
			return h
		}
		esc := make([]any, len(args))
		plain := true
		for i, a := range args {
			switch v := a.(type) {
			case string:
				a = html.EscapeString(v)
			case int, int64, int32, uint, uint64, uint32, float64:
			default:
				plain = false
			}
			esc[i] = a
		}
		if plain {
			if f := sanitisedFormat(p, &formats, key); f != "" {
				return template.HTML(p.Sprintf(f, esc...)) // #nosec G203 -- a sanitised format; escaped strings and numbers in text
			}
		}
		return markup.Message(p.T(key, esc...))
	}
}

// sanitisedFormat is key's format in p's language sanitised, kept in
// formats, or "" when it must be sanitised after formatting instead: a
// message with plural forms, a verb inside a tag (an argument there could
// be a link the sanitiser would check) or in text the sanitiser drops.
func sanitisedFormat(p *i18n.Printer, formats *sync.Map, key string) string {
	if f, ok := formats.Load(key); ok {
		return f.(string)
	}
	f := ""
	if text, ok := p.Format(key); ok && verbsInText(text) {
		if s := string(markup.Message(text)); strings.Count(s, "%") == strings.Count(text, "%") {
			f = s
		}
	}
	formats.Store(key, f)
	return f
}

// verbsInText reports whether every % of format stands outside a tag.
func verbsInText(format string) bool {
	inTag := false
	for i := 0; i < len(format); i++ {
		switch format[i] {
		case '<':
			inTag = true
		case '>':
			inTag = false
		case '%':
			if inTag {
				return false
			}
		}
	}
	return !inTag
}
