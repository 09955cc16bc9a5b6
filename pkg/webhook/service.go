package webhook

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"hearth/pkg/auth"
	"hearth/pkg/events"
	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// Limits of an endpoint's fields.
const (
	NameMax = 80
	URLMax  = 2000
	// LogPerPage is the size of a page of an endpoint's delivery log.
	LogPerPage = 25
)

// Service keeps admins' endpoints and their delivery logs.
type Service struct {
	store Store
	bus   *events.Bus
	now   func() time.Time
}

// NewService returns the webhook service on s; a test delivery it queues
// wakes the senders through bus (nil: they find it on their next round).
func NewService(s Store, bus *events.Bus) *Service {
	return &Service{store: s, bus: bus, now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
}

// SetClock replaces the clock (tests).
func (s *Service) SetClock(now func() time.Time) { s.now = now }

// Input is what an admin typed for an endpoint.
type Input struct {
	Name   string
	URL    string
	Events []string
}

func admin(a *auth.Actor) error {
	if !auth.CanAdmin(a) {
		return fmt.Errorf("webhooks: not an admin: %w", forum.ErrForbidden)
	}
	return nil
}

// check validates in: a name, an absolute http or https URL, and at least
// one event webhooks carry. It returns the cleaned fields.
func check(in Input) (name, u string, kinds []events.Kind, err error) {
	v := &forum.ValidationError{}
	name, u = strings.TrimSpace(in.Name), strings.TrimSpace(in.URL)
	forum.CheckEncoding(v, "name", name)
	forum.CheckEncoding(v, "url", u)
	switch n := utf8.RuneCountInString(name); {
	case v.Fields["name"] != "":
	case n == 0:
		v.Add("name", "Please give the endpoint a name, such as the chat room it posts to.")
	case n > NameMax:
		v.Add("name", fmt.Sprintf("Please keep the name under %d characters.", NameMax))
	}
	if msg := checkURL(u); msg != "" && v.Fields["url"] == "" {
		v.Add("url", msg)
	}
	for _, h := range events.Hooks() {
		if slices.Contains(in.Events, string(h.Kind)) {
			kinds = append(kinds, h.Kind)
		}
	}
	if len(kinds) == 0 {
		v.Add("events", "Please choose at least one event to send.")
	}
	return name, u, kinds, v.OrNil()
}

// checkURL returns why u cannot be an endpoint, or "".
func checkURL(u string) string {
	if u == "" {
		return "Please enter the address to send to, starting with https://."
	}
	if len(u) > URLMax {
		return fmt.Sprintf("Please use an address under %d characters.", URLMax)
	}
	p, err := url.Parse(u)
	if err != nil || !p.IsAbs() || p.Host == "" || p.Opaque != "" {
		return "That is not a complete web address. It should look like https://chat.example.org/hooks/abc123."
	}
	if p.Scheme != "https" && p.Scheme != "http" {
		return "Only http:// and https:// addresses can receive webhooks."
	}
	if p.User != nil {
		return "Please leave the user name and password out of the address; put any token in the path, as chat tools do."
	}
	return ""
}

// newSecret is a fresh signing secret: 32 random bytes in hex.
func newSecret() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}

// List returns every endpoint with its deliveries counted.
func (s *Service) List(ctx context.Context, a *auth.Actor) ([]EndpointSummary, error) {
	if err := admin(a); err != nil {
		return nil, err
	}
	es, err := s.store.Endpoints(ctx)
	if err != nil {
		return nil, fmt.Errorf("webhook endpoints: %w", err)
	}
	return es, nil
}

// Get returns one endpoint.
func (s *Service) Get(ctx context.Context, a *auth.Actor, id int64) (Endpoint, error) {
	if err := admin(a); err != nil {
		return Endpoint{}, err
	}
	e, err := s.store.Endpoint(ctx, id)
	if err != nil {
		return Endpoint{}, fmt.Errorf("webhook endpoint %d: %w", id, err)
	}
	return e, nil
}

// Create adds an enabled endpoint with a fresh secret, which the caller
// shows the admin this once.
func (s *Service) Create(ctx context.Context, a *auth.Actor, in Input) (Endpoint, error) {
	if err := admin(a); err != nil {
		return Endpoint{}, err
	}
	name, u, kinds, err := check(in)
	if err != nil {
		return Endpoint{}, err
	}
	now := s.now()
	e := Endpoint{Name: name, URL: u, Secret: newSecret(), Events: kindList(kinds), Enabled: true, CreatedAt: now, UpdatedAt: now}
	if err := s.store.CreateEndpoint(ctx, a.ID, &e); err != nil {
		return Endpoint{}, fmt.Errorf("add webhook endpoint: %w", err)
	}
	return e, nil
}

// Update changes an endpoint's name, address and events.
func (s *Service) Update(ctx context.Context, a *auth.Actor, id int64, in Input) (Endpoint, error) {
	e, err := s.Get(ctx, a, id)
	if err != nil {
		return Endpoint{}, err
	}
	name, u, kinds, err := check(in)
	if err != nil {
		return e, err
	}
	e.Name, e.URL, e.Events, e.UpdatedAt = name, u, kindList(kinds), s.now()
	return e, s.save(ctx, a, &e, moderation.ActionHookEdit)
}

// SetEnabled turns an endpoint on or off. An endpoint turned off gets no
// new deliveries and sends none of those waiting until it is turned on.
func (s *Service) SetEnabled(ctx context.Context, a *auth.Actor, id int64, on bool) (Endpoint, error) {
	e, err := s.Get(ctx, a, id)
	if err != nil {
		return Endpoint{}, err
	}
	e.Enabled, e.UpdatedAt = on, s.now()
	action := moderation.ActionHookOff
	if on {
		action = moderation.ActionHookOn
	}
	return e, s.save(ctx, a, &e, action)
}

// NewSecret replaces an endpoint's secret; the caller shows the new one
// once.
func (s *Service) NewSecret(ctx context.Context, a *auth.Actor, id int64) (Endpoint, error) {
	e, err := s.Get(ctx, a, id)
	if err != nil {
		return Endpoint{}, err
	}
	e.Secret, e.UpdatedAt = newSecret(), s.now()
	return e, s.save(ctx, a, &e, moderation.ActionHookSecret)
}

func (s *Service) save(ctx context.Context, a *auth.Actor, e *Endpoint, action string) error {
	if err := s.store.UpdateEndpoint(ctx, a.ID, e, action); err != nil {
		return fmt.Errorf("save webhook endpoint %d: %w", e.ID, err)
	}
	return nil
}

// Delete removes an endpoint and its delivery log.
func (s *Service) Delete(ctx context.Context, a *auth.Actor, id int64) error {
	if err := admin(a); err != nil {
		return err
	}
	if err := s.store.DeleteEndpoint(ctx, a.ID, id); err != nil {
		return fmt.Errorf("delete webhook endpoint %d: %w", id, err)
	}
	return nil
}

// Log is a page of an endpoint's deliveries, newest first.
type Log struct {
	Deliveries []Delivery
	// Next is the before= of the next page, 0 on the last.
	Next int64
}

// Deliveries returns a page of an endpoint's delivery log, below before (0
// for the newest).
func (s *Service) Deliveries(ctx context.Context, a *auth.Actor, id, before int64) (Log, error) {
	if err := admin(a); err != nil {
		return Log{}, err
	}
	ds, err := s.store.Deliveries(ctx, id, max(before, 0), LogPerPage)
	if err != nil {
		return Log{}, fmt.Errorf("deliveries of webhook endpoint %d: %w", id, err)
	}
	var l Log
	if len(ds) > LogPerPage {
		ds = ds[:LogPerPage]
		l.Next = ds[len(ds)-1].ID
	}
	l.Deliveries = ds
	return l, nil
}

// Test queues a test delivery to an endpoint, sent like any other.
func (s *Service) Test(ctx context.Context, a *auth.Actor, id int64) error {
	e, err := s.Get(ctx, a, id)
	if err != nil {
		return err
	}
	now := s.now()
	d := Delivery{EndpointID: e.ID, Event: events.Test, OccurredAt: now, Status: StatusPending, NextAt: now, CreatedAt: now, UpdatedAt: now}
	if err := s.store.Enqueue(ctx, &d); err != nil {
		return fmt.Errorf("queue a test delivery to endpoint %d: %w", id, err)
	}
	s.bus.Publish(events.Event{Kind: events.Test, At: now})
	return nil
}
