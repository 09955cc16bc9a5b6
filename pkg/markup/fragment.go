package markup

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"
)

var fragmentBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Execute runs the template called name in t with data and returns what it
// wrote, for a page assembled from pieces rendered (and cached) apart: the
// thread page's posts. The text is html/template's own output, every value
// escaped for its context, so it is as safe inside another template as if
// that template had executed name inline. It takes the template rather
// than its output, so it cannot be used to pass other text off as safe.
func Execute(t *template.Template, name string, data any) (template.HTML, error) {
	buf := fragmentBufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= 1<<20 {
			fragmentBufs.Put(buf)
		}
	}()
	if err := t.ExecuteTemplate(buf, name, data); err != nil {
		return "", fmt.Errorf("execute %s: %w", name, err)
	}
	return template.HTML(buf.String()), nil // #nosec G203 -- html/template's own contextually escaped output
}
