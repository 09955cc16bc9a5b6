package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/safety"
)

// AdminHelplinesView lists the helplines for admins.
type AdminHelplinesView struct {
	Base
	Helplines []safety.Helpline
}

// HelplineFormView is the add/edit form of a helpline.
type HelplineFormView struct {
	Base
	// ID is 0 when adding.
	ID     int64
	Form   HelplineForm
	Errors map[string]string
}

// HelplineForm is what an admin typed, kept as text for re-rendering.
type HelplineForm struct {
	CountryCode, Country, Service, Phone, SMS, Web, Hours, Languages, Source, Position string
}

func bindHelplineForm(c echo.Context) HelplineForm {
	return HelplineForm{
		CountryCode: c.FormValue("country_code"), Country: c.FormValue("country"), Service: c.FormValue("service"),
		Phone: c.FormValue("phone"), SMS: c.FormValue("sms"), Web: c.FormValue("web"), Hours: c.FormValue("hours"),
		Languages: c.FormValue("languages"), Source: c.FormValue("source"), Position: c.FormValue("position"),
	}
}

func (f HelplineForm) input() (safety.HelplineInput, map[string]string) {
	in := safety.HelplineInput{CountryCode: f.CountryCode, Country: f.Country, Service: f.Service, Phone: f.Phone,
		SMS: f.SMS, Web: f.Web, Hours: f.Hours, Languages: f.Languages, Source: f.Source}
	if p := strings.TrimSpace(f.Position); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > 10000 {
			return in, map[string]string{"position": msg("Enter a whole number from 0 to 10000, or leave it empty.")}
		}
		in.Position = n
	}
	return in, nil
}

func helplineForm(h safety.Helpline) HelplineForm {
	return HelplineForm{CountryCode: h.CountryCode, Country: h.Country, Service: h.Service, Phone: h.Phone, SMS: h.SMS,
		Web: h.Web, Hours: h.Hours, Languages: h.Languages, Source: h.Source, Position: strconv.Itoa(h.Position)}
}

// adminHelplines lists every helpline with links to edit them.
func (s *Server) adminHelplines(c echo.Context) error {
	hs, err := s.deps.Helplines.All(c.Request().Context())
	if err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageAdminHelplines, AdminHelplinesView{Base: s.base(c, s.tr(c, "Helplines")), Helplines: hs})
}

// adminHelplineNew shows an empty form.
func (s *Server) adminHelplineNew(c echo.Context) error {
	return renderPage(c, http.StatusOK, pageAdminHelplineForm, HelplineFormView{Base: s.base(c, s.tr(c, "Add a helpline"))})
}

// adminHelplineCreate adds a helpline (audited).
func (s *Server) adminHelplineCreate(c echo.Context) error {
	f := bindHelplineForm(c)
	in, errs := f.input()
	if errs != nil {
		return s.helplineFormInvalid(c, 0, f, errs)
	}
	h, err := s.deps.Helplines.Create(c.Request().Context(), actor(c).ID, in)
	if v, ok := forum.AsValidation(err); ok {
		return s.helplineFormInvalid(c, 0, f, v.Fields)
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Added %s (%s).", h.Service, h.Country))
	return c.Redirect(http.StatusSeeOther, "/admin/helplines")
}

// adminHelplineEdit shows a helpline's form.
func (s *Server) adminHelplineEdit(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	h, err := s.deps.Helplines.Get(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageAdminHelplineForm, HelplineFormView{Base: s.base(c, s.tr(c, "Edit %s", h.Service)), ID: id, Form: helplineForm(h)})
}

// adminHelplineUpdate saves a helpline (audited).
func (s *Server) adminHelplineUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f := bindHelplineForm(c)
	in, errs := f.input()
	if errs != nil {
		return s.helplineFormInvalid(c, id, f, errs)
	}
	h, err := s.deps.Helplines.Update(c.Request().Context(), actor(c).ID, id, in)
	if v, ok := forum.AsValidation(err); ok {
		return s.helplineFormInvalid(c, id, f, v.Fields)
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Saved %s (%s).", h.Service, h.Country))
	return c.Redirect(http.StatusSeeOther, "/admin/helplines")
}

// adminHelplineDelete removes a helpline (audited).
func (s *Server) adminHelplineDelete(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := s.deps.Helplines.Delete(c.Request().Context(), actor(c).ID, id); err != nil {
		if errors.Is(err, forum.ErrNotFound) {
			s.setFlash(c, s.tr(c, "That helpline had already been removed."))
			return c.Redirect(http.StatusSeeOther, "/admin/helplines")
		}
		return err
	}
	s.setFlash(c, s.tr(c, "Removed the helpline."))
	return c.Redirect(http.StatusSeeOther, "/admin/helplines")
}

func (s *Server) helplineFormInvalid(c echo.Context, id int64, f HelplineForm, errs map[string]string) error {
	title := msg("Add a helpline")
	if id != 0 {
		title = msg("Edit helpline")
	}
	return renderPage(c, http.StatusUnprocessableEntity, pageAdminHelplineForm, HelplineFormView{Base: s.base(c, title), ID: id, Form: f, Errors: errs})
}

// HelplineField is one input of the helpline form.
type HelplineField struct {
	Name, Label, Hint, Value, Error string
}

// Summary is the error summary of a refused helpline form.
func (v HelplineFormView) Summary() ErrorSummary {
	s := ErrorSummary{Heading: msg("Please check the form")}
	for _, f := range v.Fields() {
		if f.Error != "" {
			s.Items = append(s.Items, SummaryItem{Target: "hl-" + f.Name, Message: f.Label + ": " + f.Error})
		}
	}
	return s
}

// Fields lists the form's inputs in order, with their values and messages.
func (v HelplineFormView) Fields() []HelplineField {
	f := v.Form
	fs := []HelplineField{
		{"country_code", msg("Country code"), msg("Two letters (ISO 3166-1), such as GB; ZZ for the international directory."), f.CountryCode, ""},
		{"country", msg("Country name"), "", f.Country, ""},
		{"service", msg("Service"), msg("The helpline's name."), f.Service, ""},
		{"phone", msg("Phone"), msg("As dialled inside the country, such as 116 123. Leave empty for a directory."), f.Phone, ""},
		{"sms", msg("Text or messaging"), msg("Such as: text 988. Leave empty if not confirmed."), f.SMS, ""},
		{"web", msg("Website"), msg("Starting with https://."), f.Web, ""},
		{"hours", msg("Opening hours"), msg("Such as 24/7. Leave empty if not confirmed."), f.Hours, ""},
		{"languages", msg("Languages"), msg("Two-letter codes separated by commas, such as en,es."), f.Languages, ""},
		{"source", msg("Checked against"), msg("The page you verified these details on."), f.Source, ""},
		{"position", msg("Order within the country"), msg("Lower numbers are shown first."), f.Position, ""},
	}
	for i := range fs {
		fs[i].Error = v.Errors[fs[i].Name]
	}
	return fs
}
