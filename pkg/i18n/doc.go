// Package i18n is the language members and moderators read Hearth in: the
// message catalogues (locales/*.json, embedded), the choice of a language
// for a request (the member's setting, then the browser's Accept-Language,
// then the instance default), and a Printer that translates a sentence,
// picks its plural form and writes dates and numbers the language's way.
//
// The key of a message is its English text, so a template reads as the page
// does: {{t "Reply"}}, {{t "%d replies" .Count}}. English needs a catalogue
// entry only for plural forms; every other language needs one for every key
// (a test in pkg/web fails on a key without a translation). Domain packages
// stay language-free: they say what they say in English, and the web layer
// looks the sentence up at the edge.
//
// It imports nothing of Hearth, so the configuration may check a language
// code and the web layer may translate; the domain packages never import it.
package i18n
