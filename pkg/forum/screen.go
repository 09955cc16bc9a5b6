package forum

import (
	"strings"

	"hearth/pkg/markup"
)

// Level is how strongly a text suggests its author is at risk now.
type Level int

const (
	// LevelNone: nothing to respond to.
	LevelNone Level = iota
	// LevelConcern: heavy distress without a sign of current intent; the
	// author is offered support gently and the post is queued below crisis.
	LevelConcern
	// LevelCrisis: current suicidal or self-harm intent of the author; the
	// crisis panel, the top of the moderator queue, and other readers see
	// the post folded until a moderator has looked.
	LevelCrisis
)

// Topic is what a concern or crisis is about, which names the automatic
// trigger warning a crisis-level post is folded behind.
type Topic string

const (
	// TopicNone: no concern or crisis.
	TopicNone Topic = ""
	// TopicSuicide: thoughts, plans or preparation to end one's life.
	TopicSuicide Topic = "suicide"
	// TopicSelfHarm: self-harm now or about to happen.
	TopicSelfHarm Topic = "self-harm"
)

// NotScreenedLanguage marks a text the detector cannot read because it is
// not in a language the detector knows; it is never silently scored safe.
const NotScreenedLanguage = "language"

// Screening is a crisis-language assessment of what a member wrote.
type Screening struct {
	// Score is in [0,1]; Level follows from it and the configured thresholds.
	Score float64
	// Crisis is Level == LevelCrisis, kept for the callers that only need
	// the top level.
	Crisis bool
	Level  Level
	Topic  Topic
	// Immediate says the words put danger now: a plan or means tied to a
	// time or a place ("tonight", "on the bridge"). The crisis panel then
	// leads with the emergency number.
	Immediate bool
	// NotScreened is "" when the text was screened, or why it was not
	// (NotScreenedLanguage).
	NotScreened string
	// Matches are the phrases or features that raised the score most, for
	// moderators to see why.
	Matches []string
}

// Detail is what the moderator queue shows: the matched phrases.
func (s Screening) Detail() string { return strings.Join(s.Matches, "; ") }

// Screener scores text for current suicidal or self-harm intent.
// hearth/pkg/safety's Detector provides it (wired in hearth/pkg/app, since
// forum may not import safety).
type Screener func(text string) Screening

// Option configures a Service.
type Option func(*Service)

// WithScreener makes the service screen every new post and edit.
func WithScreener(f Screener) Option { return func(s *Service) { s.screen = f } }

// WithRenderer sets the Markdown renderer (one per process).
func WithRenderer(r *markup.Renderer) Option { return func(s *Service) { s.md = r } }

// WithNameKey sets how a mentioned pseudonym becomes the key accounts are
// looked up by (hearth/pkg/auth's PseudonymKey).
func WithNameKey(f func(string) string) Option { return func(s *Service) { s.nameKey = f } }

// Screen scores text with the configured screener (nothing matches without one).
func (s *Service) Screen(text string) Screening {
	if s.screen == nil {
		return Screening{}
	}
	return s.screen(text)
}

// Renderer is the service's Markdown renderer.
func (s *Service) Renderer() *markup.Renderer { return s.md }
