package web

import (
	"html/template"

	"github.com/labstack/echo/v4"

	"hearth/pkg/moderation"
	"hearth/pkg/safety"
)

// hours reads the moderation hours: a member's from what is kept with
// their settings (cache.Members), a visitor's from the database. A failure
// is logged and gives ok false, and the page goes without them.
func (s *Server) hours(c echo.Context) (moderation.Hours, bool) {
	if s.deps.Moderation == nil {
		return moderation.Hours{}, false
	}
	ctx := c.Request().Context()
	var h moderation.Hours
	var err error
	if p := principal(c); p != nil {
		h, err = s.members.Hours(ctx, memberKey(p), s.deps.Moderation.Hours)
	} else {
		h, err = s.visitors.hours.get(ctx, s.deps.Moderation.Hours)
	}
	if err != nil {
		s.log.Warn("moderation hours", "request_id", reqID(c), "err", err.Error())
		return moderation.Hours{}, false
	}
	return h, true
}

// hoursText is the moderation hours in words, for the footer.
func (s *Server) hoursText(c echo.Context) string {
	if h, ok := s.hours(c); ok {
		return hoursWords(s.printer(c), h)
	}
	return ""
}

// CoverView says who is around right now, on /crisis and in the crisis
// panel: "Moderators are around 08:00–22:00 UK time, every day. Right now
// nobody is."
type CoverView struct {
	Hours string
	Now   string
	// Around is true when a moderator is on duty or it is within hours.
	Around bool
	// Lead is true when nobody is around and the crisis panel's
	// out-of-hours protection is on: the panel then leads with emergency
	// help.
	Lead bool
	// Emergency is the country's emergency number, "" when not known,
	// and EmergencyHref its tel: link.
	Emergency     string
	EmergencyHref template.URL
}

// coverView reads who is around now, for a member in country (their
// setting, never guessed); nil when it cannot be read, and the page goes
// without it.
func (s *Server) coverView(c echo.Context, country string) *CoverView {
	if s.deps.Moderation == nil {
		return nil
	}
	cv, err := s.deps.Moderation.Cover(c.Request().Context())
	if err != nil {
		s.log.Warn("moderation cover", "request_id", reqID(c), "err", err.Error())
		return nil
	}
	if !cv.Known() {
		return nil
	}
	v := &CoverView{Hours: hoursWords(s.printer(c), cv.Hours), Now: coverNow(s.printer(c), cv), Around: cv.Around(), Lead: !cv.Around() && cv.Protect.CrisisPanel,
		Emergency: safety.EmergencyNumber(country)}
	v.EmergencyHref = template.URL(safety.PhoneHref(v.Emergency)) // #nosec G203 -- PhoneHref returns only "tel:" and digits
	return v
}
