package markup

import (
	"html/template"
	"sync"

	"github.com/microcosm-cc/bluemonday"
)

// messagePolicy keeps the inline markup a translated sentence may carry:
// emphasis, keys, code, a line break, an isolated name and links within
// Hearth, to https sites or to a phone number.
var messagePolicy = sync.OnceValue(func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("strong", "em", "kbd", "code", "br", "bdi")
	p.AllowAttrs("href").OnElements("a")
	p.AllowURLSchemes("https", "tel")
	p.AllowRelativeURLs(true)
	return p
})

// Message is a sentence from the message catalogues, which may hold inline
// markup around its words ("Every page has a <strong>Quick exit</strong>
// button"), as HTML. Anything beyond that markup is removed; the caller
// escapes what it formatted into the sentence.
func Message(s string) template.HTML {
	return template.HTML(messagePolicy().Sanitize(s)) // #nosec G203 -- sanitised just now by messagePolicy
}
