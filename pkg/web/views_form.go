package web

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"hearth/pkg/forum"
)

// What the form partials show (templates/partials/form.html): the
// "error-summary" at the top of a refused form, and each "field": label,
// hint, error message and control, wired together with aria-describedby
// and aria-invalid so a screen reader reads the hint and the problem with
// the control.

// summaryHeading is the error summary's heading unless a form has its own.
var summaryHeading = msg("Please change the following")

// ErrorSummary is what the "error-summary" partial shows: a heading and
// one line per problem, each linking to its field when it has one; or
// Note alone, a sentence about the whole form (a refused login). Nothing
// is shown when both are empty.
type ErrorSummary struct {
	Heading string
	// Level is the heading's level: 2 unless the form sits under an h2 (3)
	// or an h3 (4).
	Level int
	Items []SummaryItem
	Note  string
}

// SummaryItem is one problem of an ErrorSummary; Target is the id of the
// element it links to, "" for no link.
type SummaryItem struct {
	Target, Message string
}

// AtLevel is s with its heading at level n.
func (s ErrorSummary) AtLevel(n int) ErrorSummary { s.Level = n; return s }

// WithNote is s showing note alone instead of its list, when note is set.
func (s ErrorSummary) WithNote(note string) ErrorSummary {
	if note != "" {
		s.Note = note
	}
	return s
}

// Summary is the error summary of the form's messages, in page order, each
// linking to its field.
func (f FormErrors) Summary() ErrorSummary {
	s := ErrorSummary{Heading: summaryHeading}
	for _, m := range f.List() {
		s.Items = append(s.Items, SummaryItem{Target: m.Field, Message: m.Message})
	}
	return s
}

// ErrorList is a form's messages in page order, for forms whose summary
// does not link to the fields.
type ErrorList []string

// Summary is the error summary of the list.
func (l ErrorList) Summary() ErrorSummary {
	s := ErrorSummary{Heading: summaryHeading}
	for _, m := range l {
		s.Items = append(s.Items, SummaryItem{Message: m})
	}
	return s
}

// Field is one labelled control as the "field" partial writes it. The hint
// and the error message have the ids ID-hint and ID-error.
type Field struct {
	ID, Name, Label string
	// Type is the input's type ("text" when empty), or "textarea" or
	// "select". A "checkbox" is written box first, then its label, and
	// sends Value when ticked (Checked).
	Type        string
	Value       string
	Hint, Error string
	// Options are a select's choices.
	Options []Option
	// Attributes of the control, written when set. NoSpell turns off
	// capitals and spelling correction (pseudonyms, codes, addresses).
	Autocomplete, Inputmode, Class, Min, Max string
	MaxLength, Rows                          int
	Required, NoSpell, Checked               bool
}

// Option is one choice of a select.
type Option struct {
	Value, Label string
	Selected     bool
	// AsIs shows Label as it is: a name (a group's, a trigger warning's
	// already in the reader's language), never looked up in the catalogue.
	AsIs bool
}

// Describedby is the control's aria-describedby: its hint and its error.
func (f Field) Describedby() string {
	var ids []string
	if f.Hint != "" {
		ids = append(ids, f.ID+"-hint")
	}
	if f.Error != "" {
		ids = append(ids, f.ID+"-error")
	}
	return strings.Join(ids, " ")
}

// fieldKeys are the settings a template may give the field function, each
// after its value's kind.
var fieldKeys = map[string]string{
	"name": "string", "type": "string", "value": "string", "hint": "string", "error": "string",
	"autocomplete": "string", "inputmode": "string", "class": "string", "min": "number", "max": "number",
	"maxlength": "number", "rows": "number", "required": "bool", "nospell": "bool", "checked": "bool",
	"errors": "errors", "options": "options",
}

// field is the template function that builds a Field: the control's id
// (also its name unless "name" is given) and label, then settings as
// key-value pairs, such as
//
//	{{template "field" (field "username" "Pseudonym" "value" .Username "errors" .Errors "required" true)}}
//
// "errors" is the form's FormErrors or message map, from which the field
// takes its own message. An unknown key or a value of the wrong kind is an
// error, so a mistyped template fails its test instead of losing a wire.
func field(id, label string, kv ...any) (Field, error) {
	f := Field{ID: id, Name: id, Label: label}
	if len(kv)%2 != 0 {
		return Field{}, fmt.Errorf("field %s: settings must come in pairs", id)
	}
	var errs any
	for i := 0; i < len(kv); i += 2 {
		key, ok := kv[i].(string)
		if !ok {
			return Field{}, fmt.Errorf("field %s: setting %v is not a name", id, kv[i])
		}
		if key == "errors" {
			errs = kv[i+1]
			continue
		}
		if err := f.set(key, kv[i+1]); err != nil {
			return Field{}, fmt.Errorf("field %s: %s: %w", id, key, err)
		}
	}
	if errs != nil && f.Error == "" {
		switch e := errs.(type) {
		case FormErrors:
			f.Error = e.Get(f.Name)
		case map[string]string:
			f.Error = e[f.Name]
		default:
			return Field{}, fmt.Errorf("field %s: errors: want FormErrors or a message map, got %T", id, errs)
		}
	}
	return f, nil
}

// set applies one setting of field.
func (f *Field) set(key string, v any) error {
	switch fieldKeys[key] {
	case "string":
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("want a string, got %T", v)
		}
		*f.stringSetting(key) = s
	case "number":
		n, err := number(v)
		if err != nil {
			return err
		}
		switch key {
		case "maxlength":
			f.MaxLength, err = strconv.Atoi(n)
		case "rows":
			f.Rows, err = strconv.Atoi(n)
		case "min":
			f.Min = n
		case "max":
			f.Max = n
		}
		return err
	case "bool":
		b, ok := v.(bool)
		if !ok {
			return fmt.Errorf("want true or false, got %T", v)
		}
		switch key {
		case "required":
			f.Required = b
		case "checked":
			f.Checked = b
		default:
			f.NoSpell = b
		}
	case "options":
		o, ok := v.([]Option)
		if !ok {
			return fmt.Errorf("want []Option, got %T", v)
		}
		f.Options = o
	default:
		return fmt.Errorf("unknown setting")
	}
	return nil
}

// stringSetting is the Field string a string setting sets.
func (f *Field) stringSetting(key string) *string {
	switch key {
	case "name":
		return &f.Name
	case "type":
		return &f.Type
	case "value":
		return &f.Value
	case "hint":
		return &f.Hint
	case "error":
		return &f.Error
	case "autocomplete":
		return &f.Autocomplete
	case "inputmode":
		return &f.Inputmode
	}
	return &f.Class
}

// number is a numeric setting as text: an int, or a string of digits
// (what a form kept as typed).
func number(v any) (string, error) {
	switch n := v.(type) {
	case int:
		return strconv.Itoa(n), nil
	case string:
		return n, nil
	}
	return "", fmt.Errorf("want a number, got %T", v)
}

// FormErrors are a form's validation messages: one per field, shown next
// to the field and listed in a summary at the top in page order.
type FormErrors struct {
	Fields map[string]string
	// Order is the fields in the order the page shows them.
	Order []string
}

// FieldMessage is one entry of the error summary.
type FieldMessage struct {
	Field, Message string
}

// Get is the message for field, or "".
func (f FormErrors) Get(field string) string { return f.Fields[field] }

// Any reports whether there is a message at all.
func (f FormErrors) Any() bool { return len(f.Fields) > 0 }

// List is the messages in page order (fields not in Order last, by name).
func (f FormErrors) List() []FieldMessage {
	var out []FieldMessage
	seen := map[string]bool{}
	for _, k := range f.Order {
		if m, ok := f.Fields[k]; ok && !seen[k] {
			out = append(out, FieldMessage{k, m})
			seen[k] = true
		}
	}
	var rest []string
	for k := range f.Fields {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	for _, k := range rest {
		out = append(out, FieldMessage{k, f.Fields[k]})
	}
	return out
}

// errorList is the messages of errs in page order (fields not in order
// last), for a summary that does not link to the fields.
func errorList(errs map[string]string, order ...string) ErrorList {
	var out ErrorList
	for _, m := range (FormErrors{Fields: errs, Order: order}).List() {
		out = append(out, m.Message)
	}
	return out
}

// formErrors wraps a validation error for a page whose fields come in order.
func formErrors(v *forum.ValidationError, order ...string) FormErrors {
	fe := FormErrors{Order: order}
	if v != nil {
		fe.Fields = v.Fields
	}
	return fe
}
