package web

import (
	"html/template"

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
		Service: h.Service, Phone: h.Phone, PhoneHref: template.URL(safety.PhoneHref(h.Phone)), // only "tel:" + digits
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
