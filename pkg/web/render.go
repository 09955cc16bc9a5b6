package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
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
	r := &Renderer{base: base, pages: map[string]*page{}, langs: map[string]template.FuncMap{}, funcs: funcs}
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
// page: the caller's buffer (Echo's fresh one, or a pooled one from
// renderContext) is sent only when Render returns nil. A buffer is written
// into directly, grown first to the page's last size (a thread page is
// about 100 KB, and growing by doubling would allocate twice that and copy
// it). Any other writer gets the page through a pooled buffer.
func (r *Renderer) Render(w io.Writer, name string, data any, _ echo.Context) error {
	lang := ""
	if v, ok := data.(languageOf); ok {
		lang = v.language()
	}
	pg, t, err := r.template(name, lang)
	if err != nil {
		return err
	}
	size := &pg.size
	if out, ok := w.(*bytes.Buffer); ok {
		out.Grow(int(size.Load()) + 4<<10)
		if err := t.ExecuteTemplate(out, "layout", data); err != nil {
			return fmt.Errorf("render %s: %w", name, err)
		}
		size.Store(int64(min(out.Len(), 1<<20)))
		return nil
	}
	buf := r.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer r.putBuf(buf)
	if err := t.ExecuteTemplate(buf, "layout", data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	size.Store(int64(min(buf.Len(), 1<<20)))
	_, err = buf.WriteTo(w)
	return err
}

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
	if err := c.r.Render(buf, name, data, c); err != nil {
		return err
	}
	// The whole page is known: saying its length spares the response
	// chunked encoding, and a browser can show how far it has loaded.
	c.Response().Header().Set(echo.HeaderContentLength, strconv.Itoa(buf.Len()))
	return c.HTMLBlob(code, buf.Bytes())
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
