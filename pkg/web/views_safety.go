package web

import (
	"fmt"
	"html/template"
	"strconv"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/safety"
)

// CrisisPanelView is the calm panel shown to an author whose words suggest
// they may be in crisis (after posting and on preview). A nil view renders
// nothing.
type CrisisPanelView struct {
	// CountryName is the member's country when lines for it are known;
	// empty means the panel shows a short general list instead.
	CountryName string
	// Lines are the member's country's helplines, or the general list.
	Lines []PanelLine
	// Directory is the international directory, always offered.
	Directory []HelplineView
	// Concern makes it the gentler panel: the words sound heavy, without a
	// sign of danger now, and support is offered if the author wants it.
	Concern bool
	// Now is the crisis panel when the words put danger now (a plan or
	// means with a time): emergency services come first, in large type,
	// before the helplines.
	Now bool
	// Emergency is the country's emergency number ("" when no country is
	// known: then "your local emergency number"), EmergencyHref its link.
	Emergency     string
	EmergencyHref template.URL
	// Cover says who is around right now; nil when it cannot be read.
	Cover *CoverView
}

// PanelLine is a helpline in the crisis panel; Country is set in the
// general list, where lines from several countries appear together.
type PanelLine struct {
	Country string
	HelplineView
}

// helplineView turns a stored helpline into what templates show.
func helplineView(h safety.Helpline) HelplineView {
	return HelplineView{
		Service: h.Service, Phone: h.Phone, PhoneHref: template.URL(safety.PhoneHref(h.Phone)), // #nosec G203 -- PhoneHref returns only "tel:" and digits
		SMS: h.SMS, Web: h.Web, Hours: h.Hours, Languages: safety.LanguageNames(h.Languages),
	}
}

func helplineViews(hs []safety.Helpline) []HelplineView {
	out := make([]HelplineView, 0, len(hs))
	for _, h := range hs {
		out = append(out, helplineView(h))
	}
	return out
}

// CountryLines is one country's helplines on the crisis page.
type CountryLines struct {
	Code, Name string
	Lines      []HelplineView
}

// BlockButtonView is the Block / Unblock control on a member's profile. A
// nil view (a visitor, or the member's own profile) renders nothing.
type BlockButtonView struct {
	Name    string
	Blocked bool
}

// BlocksView is the block list in settings.
type BlocksView struct {
	Base
	Blocked []BlockedRow
	// Anonymous are the authors blocked from their anonymous posts, by
	// the thread of the post, never by name.
	Anonymous []forum.AnonymousBlockEntry
}

// BlockedRow is one blocked member.
type BlockedRow struct {
	Name      string
	CreatedAt time.Time
}

// BreaksView is the break settings page: current breaks and a form to start
// one.
type BreaksView struct {
	Base
	Active []BreakRow
	Form   BreakForm
	Errors map[string]string
	Groups []forum.Group
	Tags   []forum.Tag
	// Lengths are the offered lengths in days.
	Lengths []int
}

// breakFields are the break form's fields in page order.
var breakFields = []string{"scope", "group", "tag", "days"}

// Summary is the error summary of a refused break form.
func (v BreaksView) Summary() ErrorSummary {
	s := ErrorSummary{Heading: msg("Please check the form"), Level: 3}
	for _, f := range breakFields {
		if m, ok := v.Errors[f]; ok {
			s.Items = append(s.Items, SummaryItem{Target: "break-" + f, Message: m})
		}
	}
	return s
}

// GroupChoices are the groups a break can be from.
func (v BreaksView) GroupChoices() []Option {
	out := []Option{{Label: msg("Choose a group")}}
	for _, g := range v.Groups {
		out = append(out, Option{Value: g.Slug, Label: g.Name, Selected: v.Form.Group == g.Slug, AsIs: true})
	}
	return out
}

// TagChoices are the topics a break can be from.
func (v BreaksView) TagChoices() []Option {
	out := []Option{{Label: msg("Choose a topic")}}
	for _, t := range v.Tags {
		out = append(out, Option{Value: t.Slug, Label: t.Name, Selected: v.Form.Tag == t.Slug, AsIs: true})
	}
	return out
}

// DayChoices are the lengths a break can have.
func (v BreaksView) DayChoices() []Option {
	out := make([]Option, 0, len(v.Lengths))
	for _, d := range v.Lengths {
		n := strconv.Itoa(d)
		label := fmt.Sprintf(msg("%d days"), d)
		switch d {
		case 1:
			label = msg("1 day")
		case 7:
			label = msg("1 week")
		case 14:
			label = msg("2 weeks")
		case 30:
			label = msg("1 month (30 days)")
		}
		out = append(out, Option{Value: n, Label: label, Selected: v.Form.Days == n})
	}
	return out
}

// BreakRow is one current break as the member sees it.
type BreakRow struct {
	ID int64
	// What begins the sentence about the break, in the member's language:
	// "You're taking a break from posting until".
	What           string
	Scope          string
	EndsAt         time.Time
	EndRequested   bool
	CanRequestEnd  bool
	CoolingOffEnds time.Time
}

// BreakForm is what the member chose, kept as text for re-rendering.
type BreakForm struct {
	Scope, Group, Tag, Days string
}

// BreakView is the gentle page shown instead of what a break keeps the
// member away from.
type BreakView struct {
	Base
	// What begins the sentence about the break, in the member's
	// language: "You're taking a break from Hearth until".
	What   string
	EndsAt time.Time
	// Posting is true for a posting break (the member may still read).
	Posting bool
}
