package web

import (
	"net/url"
	"slices"
	"strconv"
	"time"

	"hearth/pkg/events"
	"hearth/pkg/webhook"
)

// webhookFields are the webhook form's fields in page order.
var webhookFields = []string{"name", "url", "events"}

// WebhookForm is what an admin typed for an endpoint, kept as typed.
type WebhookForm struct {
	Name, URL string
	Events    []string
}

// EventChoice is one event's checkbox.
type EventChoice struct {
	Value, Label string
	Checked      bool
}

// Choices lists every event a webhook can carry, checked as in the form.
func (f WebhookForm) Choices() []EventChoice {
	var out []EventChoice
	for _, h := range events.Hooks() {
		out = append(out, EventChoice{Value: string(h.Kind), Label: h.Label, Checked: slices.Contains(f.Events, string(h.Kind))})
	}
	return out
}

func (f WebhookForm) input() webhook.Input {
	return webhook.Input{Name: f.Name, URL: f.URL, Events: f.Events}
}

func webhookForm(e webhook.Endpoint) WebhookForm {
	f := WebhookForm{Name: e.Name, URL: e.URL}
	for _, k := range e.Kinds() {
		f.Events = append(f.Events, string(k))
	}
	return f
}

// AdminWebhooksView lists the endpoints and offers the form to add one.
type AdminWebhooksView struct {
	Base
	Endpoints []WebhookRow
	Form      WebhookForm
	Errors    FormErrors
	// NoBaseURL warns that without HEARTH_BASE_URL a delivery's link is
	// only a path.
	NoBaseURL bool
}

// WebhookRow is one endpoint in the list.
type WebhookRow struct {
	ID              int64
	Name, Host      string
	Events          []string
	Enabled         bool
	Pending, Failed int
	Last            *DeliveryRow
}

// AdminWebhookView is one endpoint: its state, its form and its delivery
// log.
type AdminWebhookView struct {
	Base
	ID         int64
	Name, Host string
	Enabled    bool
	Events     []string
	Form       WebhookForm
	Errors     FormErrors
	Deliveries []DeliveryRow
	// NextURL links the next page of the log (rel="next"); empty on the
	// last. Paged is true past the first page.
	NextURL string
	Paged   bool
}

// DeliveryRow is one delivery in a log.
type DeliveryRow struct {
	ID         int64
	Event      string
	OccurredAt time.Time
	// State says where it stands, in words; Class styles it.
	State, Class string
	Attempts     int
	// Answer is the last attempt's outcome: the HTTP status, or why there
	// was none.
	Answer string
	NextAt *time.Time
}

// WebhookSecretView shows an endpoint's secret, the one time it is shown.
type WebhookSecretView struct {
	Base
	ID     int64
	Name   string
	Secret string
	// Replaced is true when the secret replaced an earlier one.
	Replaced bool
}

// WebhookConfirmView asks an admin to confirm what cannot be undone.
type WebhookConfirmView struct {
	Base
	ID      int64
	Name    string
	Heading string
	Message string
	// Action is the form's path and Button its label.
	Action, Button string
}

// hostOf shows where an endpoint sends without the rest of its address,
// which for chat tools holds a token.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "(unreadable address)"
	}
	s := u.Scheme + "://" + u.Host
	if u.Path != "" && u.Path != "/" || u.RawQuery != "" {
		s += "/…"
	}
	return s
}

// eventLabels names an endpoint's events.
func eventLabels(e webhook.Endpoint) []string {
	var out []string
	for _, k := range e.Kinds() {
		if h, ok := events.HookOf(k); ok {
			out = append(out, h.Label)
		}
	}
	return out
}

func webhookRow(e webhook.EndpointSummary) WebhookRow {
	r := WebhookRow{ID: e.ID, Name: e.Name, Host: hostOf(e.URL), Events: eventLabels(e.Endpoint), Enabled: e.Enabled, Pending: e.Pending, Failed: e.Failed}
	if e.Last != nil {
		d := deliveryRow(*e.Last)
		r.Last = &d
	}
	return r
}

func deliveryRow(d webhook.Delivery) DeliveryRow {
	r := DeliveryRow{ID: d.ID, Event: string(d.Event), OccurredAt: d.OccurredAt, Attempts: d.Attempts}
	if h, ok := events.HookOf(d.Event); ok {
		r.Event = h.Label
	}
	switch {
	case d.Status == webhook.StatusDelivered:
		r.State, r.Class = msg("Delivered"), "ok"
	case d.Status == webhook.StatusFailed:
		r.State, r.Class = msg("Gave up"), "failed"
	case d.Attempts == 0:
		r.State, r.Class = msg("Waiting to be sent"), "waiting"
	default:
		r.State, r.Class = msg("Will try again"), "waiting"
		next := d.NextAt
		r.NextAt = &next
	}
	switch {
	case d.LastError != "":
		r.Answer = d.LastError
	case d.LastCode != 0:
		r.Answer = "HTTP " + strconv.Itoa(d.LastCode)
	}
	return r
}
