package web

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/labstack/echo/v4"

	"hearth/pkg/markup"
)

// Renderer holds every page template. Each page is a clone of the layouts
// and partials plus its own file, so pages cannot clash. Every file is
// parsed at start, so a syntax error stops the server, but a page's own
// copy is kept only from its first use in each language: about 140 KB
// each, and most of the 55 pages (admin, settings, moderation) are seldom
// or never shown on a given instance, in most languages never.
//
// A language's copy differs only in its template functions (t, ago, exact,
// ...), which write in that language: a template reads {{t "Reply"}}
// whatever the language of the request.
type Renderer struct {
	base  *template.Template
	mu    sync.Mutex // serialises cloning base
	pages map[string]*page
	// langs are each language's template functions, set by Localise
	// before the first page is rendered.
	langs map[string]template.FuncMap
	// funcs are the functions NewRenderer was given.
	funcs template.FuncMap
	bufs  sync.Pool
	// mark is what {{parts}} prints (parted).
	mark string
}

// page is one page template, parsed on first use in each language.
type page struct {
	file, src string
	// byLang holds the page's copy in each language Localise added;
	// def is its copy with the functions NewRenderer was given.
	byLang map[string]*parsed
	def    parsed
	// size is the last rendered size, so the buffer Echo renders into is
	// grown once instead of doubling its way up.
	size atomic.Int64
}

// parsed is one language's copy of a page.
type parsed struct {
	once sync.Once
	t    *template.Template
	err  error
}

// NewRenderer parses layouts/*.html, partials/*.html and every file under
// pages/. A page's name is its path below pages/ without ".html", such as
// "home" or "group/show" (handlers use the Page constants).
func NewRenderer(fsys fs.FS, funcs template.FuncMap) (*Renderer, error) {
	var seed [16]byte
	if _, err := rand.Read(seed[:]); err != nil {
		return nil, err
	}
	mark := "hearth-parts-" + hex.EncodeToString(seed[:])
	funcs = maps.Clone(funcs)
	funcs["parts"] = func() string { return mark }
	base := template.New("").Funcs(funcs)
	for _, pattern := range []string{"layouts/*.html", "partials/*.html"} {
		matches, err := fs.Glob(fsys, pattern)
		if err != nil {
			return nil, err
		}
		if len(matches) == 0 {
			continue
		}
		if base, err = base.ParseFS(fsys, pattern); err != nil {
			return nil, fmt.Errorf("parse %s: %w", pattern, err)
		}
	}
	r := &Renderer{base: base, pages: map[string]*page{}, langs: map[string]template.FuncMap{}, funcs: funcs, mark: mark}
	r.bufs.New = func() any { return new(bytes.Buffer) }
	err := fs.WalkDir(fsys, "pages", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".html" {
			return err
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		pg := &page{file: p, src: string(src), byLang: map[string]*parsed{}}
		if _, err := r.parse(pg, nil); err != nil {
			return err
		}
		r.pages[strings.TrimSuffix(strings.TrimPrefix(p, "pages/"), ".html")] = pg
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(r.pages) == 0 {
		return nil, fmt.Errorf("no page templates found under pages/")
	}
	return r, nil
}

// Localise adds a language: its pages are the same templates executed with
// funcs in place of the functions of the same names NewRenderer was given.
// It is called before the first page is rendered.
func (r *Renderer) Localise(code string, funcs template.FuncMap) {
	r.langs[code] = funcs
	for _, pg := range r.pages {
		pg.byLang[code] = &parsed{}
	}
}

// parse clones the layouts and partials, gives them funcs (when not nil)
// and adds pg's file to them.
func (r *Renderer) parse(pg *page, funcs template.FuncMap) (*template.Template, error) {
	r.mu.Lock()
	t, err := r.base.Clone()
	r.mu.Unlock()
	if err != nil {
		return nil, err
	}
	if funcs != nil {
		t = t.Funcs(funcs)
	}
	if t, err = t.New(path.Base(pg.file)).Parse(pg.src); err != nil {
		return nil, fmt.Errorf("parse %s: %w", pg.file, err)
	}
	tfn, _ := lookupFunc(funcs, r.funcs, "t").(func(string, ...any) string)
	tmfn, _ := lookupFunc(funcs, r.funcs, "tm").(func(string, ...any) template.HTML)
	foldMessages(t, tfn, tmfn)
	afn, _ := lookupFunc(funcs, r.funcs, "asset").(func(string) (string, error))
	foldAssets(t, afn)
	collapseSpace(t)
	return t, nil
}

// lookupFunc is the function called name in funcs, or else in def.
func lookupFunc(funcs, def template.FuncMap, name string) any {
	if f, ok := funcs[name]; ok {
		return f
	}
	return def[name]
}

// template returns the parsed page called name in language lang (the
// default functions' copy for a language Localise did not add), parsing
// it on first use.
func (r *Renderer) template(name, lang string) (*page, *template.Template, error) {
	pg, ok := r.pages[name]
	if !ok {
		return nil, nil, fmt.Errorf("no template %q", name)
	}
	p, funcs := pg.byLang[lang], r.langs[lang]
	if p == nil {
		p, funcs = &pg.def, nil
	}
	p.once.Do(func() { p.t, p.err = r.parse(pg, funcs) })
	return pg, p.t, p.err
}

// Has reports whether a page template exists.
func (r *Renderer) Has(name string) bool { _, ok := r.pages[name]; return ok }

// Names lists the page templates (for the test that renders them all).
func (r *Renderer) Names() []string {
	out := make([]string, 0, len(r.pages))
	for n := range r.pages {
		out = append(out, n)
	}
	return out
}

// Render implements echo.Renderer. A template error never sends half a
// page: the page is executed into a pooled buffer, grown first to the
// page's last size, and written to w only when it is complete.
func (r *Renderer) Render(w io.Writer, name string, data any, _ echo.Context) error {
	buf := r.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer r.putBuf(buf)
	parts, at, err := r.execute(buf, name, data)
	if err != nil {
		return err
	}
	return r.writePage(w, buf, parts, at)
}

// execute runs page name's template with data into buf. For a view with
// parts (parted) it returns them and where they go in buf, the index of
// the mark, or -1.
func (r *Renderer) execute(buf *bytes.Buffer, name string, data any) (parts []template.HTML, at int, err error) {
	lang := ""
	if v, ok := data.(languageOf); ok {
		lang = v.language()
	}
	pg, t, err := r.template(name, lang)
	if err != nil {
		return nil, -1, err
	}
	buf.Grow(int(pg.size.Load()) + 4<<10)
	if err := t.ExecuteTemplate(buf, "layout", data); err != nil {
		return nil, -1, fmt.Errorf("render %s: %w", name, err)
	}
	pg.size.Store(int64(min(buf.Len(), 1<<20)))
	at = -1
	if v, ok := data.(parted); ok {
		parts = v.renderedParts()
		at = bytes.Index(buf.Bytes(), []byte(r.mark))
	}
	return parts, at, nil
}

// parted is a page view that holds parts of its page already rendered (a
// thread page's posts, kept in the fragment cache). Its template writes
// {{parts}} where they go, which prints the Renderer's mark; the parts are
// then written to the response in its place. Printed by the template
// instead, each part costs html/template a reflective call to its escaper
// and a copy into the page: for 50 posts, about half of the template time
// of a member's thread page.
type parted interface{ renderedParts() []template.HTML }

// pageLen is the length of the page writePage writes.
func pageLen(buf *bytes.Buffer, parts []template.HTML, at int) int {
	n := buf.Len()
	if at < 0 {
		return n
	}
	for _, p := range parts {
		n += len(p)
	}
	return n - markLen
}

// writePage writes buf to w, with parts in place of the mark at index at
// (when at is not -1). The page is assembled in memory and written whole:
// written a part at a time, a page of 50 posts cost the response a system
// call every 4 KB instead of one or two for the whole.
func (r *Renderer) writePage(w io.Writer, buf *bytes.Buffer, parts []template.HTML, at int) error {
	if at < 0 {
		_, err := w.Write(buf.Bytes())
		return err
	}
	out, direct := w.(*bytes.Buffer)
	if !direct {
		out = r.bufs.Get().(*bytes.Buffer)
		out.Reset()
		defer r.putBuf(out)
	}
	b := buf.Bytes()
	out.Grow(pageLen(buf, parts, at))
	out.Write(b[:at])
	for _, p := range parts {
		out.WriteString(string(p))
	}
	out.Write(b[at+markLen:])
	if direct {
		return nil
	}
	_, err := w.Write(out.Bytes())
	return err
}

// markLen is the length of a Renderer's mark: a prefix and 32 hex digits
// drawn when the server starts. A member's words on the page (a title, a
// name) could spell it only by knowing it, and it is never sent.
const markLen = len("hearth-parts-") + 32

// pooledRender is the first middleware: it hands every later middleware
// and handler a context whose Render executes the page into a buffer from
// the Renderer's pool instead of the fresh one Echo's own Render allocates
// (about 100 KB for a thread page, zeroed and then collected, on every
// request). The buffer goes back to the pool once the page is written to
// the response, which copies it.
func (r *Renderer) pooledRender(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		return next(renderContext{Context: c, r: r})
	}
}

// renderContext is an echo.Context whose Render uses the Renderer's pool.
type renderContext struct {
	echo.Context
	r *Renderer
}

// Render implements echo.Context as Echo's own does: nothing is sent when
// the template fails.
func (c renderContext) Render(code int, name string, data any) error {
	buf := c.r.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer c.r.putBuf(buf)
	parts, at, err := c.r.execute(buf, name, data)
	if err != nil {
		return err
	}
	// The whole page is known: saying its length spares the response
	// chunked encoding, and a browser can show how far it has loaded.
	h := c.Response().Header()
	h.Set(echo.HeaderContentLength, strconv.Itoa(pageLen(buf, parts, at)))
	h.Set(echo.HeaderContentType, echo.MIMETextHTMLCharsetUTF8)
	c.Response().WriteHeader(code)
	return c.r.writePage(c.Response(), buf, parts, at)
}

// putBuf returns buf to the pool unless an unusually large page grew it.
func (r *Renderer) putBuf(buf *bytes.Buffer) {
	if buf.Cap() <= 1<<20 {
		r.bufs.Put(buf)
	}
}

// Fragment executes the template called name, defined in page p, in
// language lang, with data and returns its output (through markup.Execute, so that package
// stays the only producer of template.HTML), for a handler that assembles
// a page from pieces it caches (the thread page's posts).
func (r *Renderer) Fragment(p Page, lang, name string, data any) (template.HTML, error) {
	_, t, err := r.template(string(p), lang)
	if err != nil {
		return "", err
	}
	h, err := markup.Execute(t, name, data)
	if err != nil {
		return "", fmt.Errorf("render %s: %w", p, err)
	}
	return h, nil
}
