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
// formatted in. A sentence without arguments is sanitised once.
func messageHTML(p *i18n.Printer) func(key string, args ...any) template.HTML {
	var done sync.Map
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
		for i, a := range args {
			if s, ok := a.(string); ok {
				a = html.EscapeString(s)
			}
			esc[i] = a
		}
		return markup.Message(p.T(key, esc...))
	}
}
