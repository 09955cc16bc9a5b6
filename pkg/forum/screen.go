package forum

import (
	"strings"

	"hearth/pkg/markup"
)

// Screening is a crisis-language assessment of what a member wrote.
type Screening struct {
	Score   float64
	Crisis  bool
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
