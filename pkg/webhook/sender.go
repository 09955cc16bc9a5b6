package webhook

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
	"time"
)

const (
	// Timeout bounds one attempt, from connecting to the answer.
	Timeout = 10 * time.Second
	// lease is how long a claimed delivery stays with its sender; a sender
	// that stops meanwhile (a crash) leaves it to be tried again after.
	lease = 2 * time.Minute
	// RetryFor is how long after its event a delivery is retried.
	RetryFor = 24 * time.Hour
	// firstRetry is the wait after the first failure; each failure doubles
	// it, up to maxRetryWait.
	firstRetry   = 30 * time.Second
	maxRetryWait = time.Hour
	// batch is how many due deliveries one round reads; parallel how many
	// it sends at once.
	batch    = 50
	parallel = 4
	// keepLog is how long delivered and failed deliveries stay in the log.
	keepLog = 30 * 24 * time.Hour
	// poll is how often Run looks for due deliveries without being woken
	// (retries come due this way).
	poll = 15 * time.Second
)

// Backoff is the wait after the attempts-th failed attempt: 30 s, 1 min,
// 2 min, ... up to an hour.
func Backoff(attempts int) time.Duration {
	d := firstRetry
	for i := 1; i < attempts && d < maxRetryWait; i++ {
		d *= 2
	}
	return min(d, maxRetryWait)
}

// Sender delivers due deliveries. Several senders, in one process or in
// several instances, share the outbox: each delivery is claimed by one.
type Sender struct {
	store  Store
	base   string
	client *http.Client
	now    func() time.Time
	log    *slog.Logger
	pruned time.Time
	// tr writes a delivery's text in the site's language (SetLanguage);
	// English until then.
	tr func(key string, args ...any) string
}

// SetLanguage has deliveries' text written by tr, the site's default
// language's translator: the text is read in a chat room, not by one
// member with a language setting.
func (s *Sender) SetLanguage(tr func(key string, args ...any) string) { s.tr = tr }

// NewSender returns a sender on s whose links start with base (the site's
// public URL, "" for none).
func NewSender(s Store, base string, log *slog.Logger) *Sender {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	client := &http.Client{
		Timeout: Timeout,
		// A redirect is an answer, not followed: the admin chose where
		// deliveries go.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return &Sender{store: s, base: base, client: client, log: log, tr: fmt.Sprintf,
		now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
}

// SetClock replaces the clock (tests of retries).
func (s *Sender) SetClock(now func() time.Time) { s.now = now }

// Run delivers until ctx ends: at once, whenever wake fires, and every
// few seconds for retries.
func (s *Sender) Run(ctx context.Context, wake <-chan struct{}) {
	t := time.NewTicker(poll)
	defer t.Stop()
	for {
		if _, err := s.RunOnce(ctx); err != nil && ctx.Err() == nil {
			s.log.Warn("webhooks: delivery round failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-wake:
		case <-t.C:
		}
	}
}

// RunOnce attempts every delivery due now, several at once, and returns
// how many it attempted. Deliveries another sender claimed are left to it.
func (s *Sender) RunOnce(ctx context.Context) (int, error) {
	s.prune(ctx)
	total := 0
	for {
		now := s.now()
		due, err := s.store.Due(ctx, now, batch)
		if err != nil {
			return total, fmt.Errorf("due deliveries: %w", err)
		}
		n, err := s.sendAll(ctx, due, now)
		total += n
		if err != nil || len(due) < batch || n == 0 {
			return total, err
		}
	}
}

// sendAll claims and attempts due deliveries, parallel at a time.
func (s *Sender) sendAll(ctx context.Context, due []Due, now time.Time) (int, error) {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		n     int
		first error
	)
	slots := make(chan struct{}, parallel)
	for _, d := range due {
		claim := newClaim()
		ok, err := s.store.Claim(ctx, d.ID, claim, now, now.Add(lease))
		if err != nil {
			return n, fmt.Errorf("claim delivery %d: %w", d.ID, err)
		}
		if !ok {
			continue
		}
		slots <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			err := s.attempt(ctx, d, claim)
			mu.Lock()
			defer mu.Unlock()
			n++
			if err != nil && first == nil {
				first = err
			}
		}()
	}
	wg.Wait()
	return n, first
}

// newClaim is a random token naming one sender's hold on one delivery.
func newClaim() int64 {
	var b [8]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	return int64(binary.BigEndian.Uint64(b[:]) >> 1)
}

// attempt sends d once and records the outcome: delivered, to be retried
// after Backoff, or failed once the retries would run past RetryFor.
func (s *Sender) attempt(ctx context.Context, d Due, claim int64) error {
	now := s.now()
	deadline := d.OccurredAt.Add(RetryFor)
	var o Outcome
	if now.After(deadline) {
		o = Outcome{Err: "not sent: more than a day old"}
	} else {
		o = s.post(ctx, d)
	}
	status, next := StatusDelivered, d.NextAt
	if !o.ok() {
		status, next = StatusPending, now.Add(Backoff(d.Attempts+1))
		if next.After(deadline) {
			status = StatusFailed
		}
	}
	done, err := s.store.Finish(context.WithoutCancel(ctx), d.ID, claim, o, status, next, s.now())
	if err != nil {
		return fmt.Errorf("record delivery %d: %w", d.ID, err)
	}
	if !done {
		s.log.Warn("webhooks: a delivery's hold ran out while it was being sent; it may be sent again", "delivery", d.ID)
	}
	if !o.ok() {
		s.log.Info("webhooks: delivery failed", "delivery", d.ID, "endpoint", d.EndpointID, "code", o.Code, "err", o.Err, "status", status)
	}
	return nil
}

func (o Outcome) ok() bool { return o.Err == "" && o.Code >= 200 && o.Code < 300 }

// post makes one request and describes its outcome without the URL, which
// may hold the chat tool's token.
func (s *Sender) post(ctx context.Context, d Due) Outcome {
	body, err := payload(d, s.base, s.tr)
	if err != nil {
		return Outcome{Err: "could not build the body"}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.URL, bytes.NewReader(body))
	if err != nil {
		return Outcome{Err: "the address cannot be used"}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Hearth-Webhooks/1")
	req.Header.Set(HeaderSignature, Sign(d.Secret, body))
	req.Header.Set(HeaderEvent, string(d.Event))
	req.Header.Set(HeaderDelivery, fmt.Sprint(d.ID))
	res, err := s.client.Do(req)
	if err != nil {
		return Outcome{Err: describe(err)}
	}
	defer res.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	o := Outcome{Code: res.StatusCode}
	switch {
	case res.StatusCode >= 300 && res.StatusCode < 400:
		o.Err = "redirected elsewhere (redirects are not followed)"
	case res.StatusCode >= 400:
		o.Err = "answered " + res.Status
	}
	return o
}

// describe says why a request got no answer, leaving out the URL.
func describe(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Sprintf("no answer within %s", Timeout)
		}
		err = ue.Err
	}
	msg := err.Error()
	if len(msg) > 200 {
		msg = msg[:200]
	}
	return msg
}

// prune drops old entries of the delivery log, at most once an hour.
func (s *Sender) prune(ctx context.Context) {
	now := s.now()
	if now.Sub(s.pruned) < time.Hour {
		return
	}
	s.pruned = now
	if _, err := s.store.Prune(ctx, now.Add(-keepLog)); err != nil {
		s.log.Warn("webhooks: could not prune the delivery log", "err", err)
	}
}
