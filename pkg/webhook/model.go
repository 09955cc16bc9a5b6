package webhook

import (
	"strings"
	"time"

	"hearth/pkg/events"
)

// Delivery states.
const (
	StatusPending   = "pending"
	StatusDelivered = "delivered"
	StatusFailed    = "failed"
)

// Endpoint is where an admin asked for events to be sent.
type Endpoint struct {
	ID   int64  `gorm:"column:id;primaryKey"`
	Name string `gorm:"column:name"`
	URL  string `gorm:"column:url"`
	// Secret signs the deliveries; admins see it once, when it is made.
	Secret string `gorm:"column:secret"`
	// Events is the list of kinds, wrapped in commas: ",crisis_post,".
	Events    string    `gorm:"column:events"`
	Enabled   bool      `gorm:"column:enabled"`
	CreatedAt time.Time `gorm:"column:created_at"`
	UpdatedAt time.Time `gorm:"column:updated_at"`
}

// TableName names the table.
func (Endpoint) TableName() string { return "webhook_endpoints" }

// Kinds lists the events the endpoint carries.
func (e Endpoint) Kinds() []events.Kind {
	var out []events.Kind
	for _, k := range strings.Split(e.Events, ",") {
		if k != "" {
			out = append(out, events.Kind(k))
		}
	}
	return out
}

// Carries reports whether the endpoint carries kind k.
func (e Endpoint) Carries(k events.Kind) bool {
	return strings.Contains(e.Events, ","+string(k)+",")
}

// kindList wraps kinds in commas, as Endpoint.Events holds them.
func kindList(ks []events.Kind) string {
	var b strings.Builder
	b.WriteByte(',')
	for _, k := range ks {
		b.WriteString(string(k))
		b.WriteByte(',')
	}
	return b.String()
}

// Delivery is one event on its way to one endpoint, and the log of its
// attempts.
type Delivery struct {
	ID         int64       `gorm:"column:id;primaryKey"`
	EndpointID int64       `gorm:"column:endpoint_id"`
	Event      events.Kind `gorm:"column:event"`
	GroupID    *int64      `gorm:"column:group_id"`
	PostID     *int64      `gorm:"column:post_id"`
	OccurredAt time.Time   `gorm:"column:occurred_at"`
	Status     string      `gorm:"column:status"`
	Attempts   int         `gorm:"column:attempts"`
	// NextAt is when a pending delivery may next be tried.
	NextAt time.Time `gorm:"column:next_at"`
	// Claim and ClaimedUntil mark the sender trying it now.
	Claim        *int64     `gorm:"column:claim"`
	ClaimedUntil *time.Time `gorm:"column:claimed_until"`
	// LastCode is the HTTP status of the last attempt, 0 when there was no
	// answer; LastError says what went wrong, without the URL.
	LastCode    int        `gorm:"column:last_code"`
	LastError   string     `gorm:"column:last_error"`
	DeliveredAt *time.Time `gorm:"column:delivered_at"`
	CreatedAt   time.Time  `gorm:"column:created_at"`
	UpdatedAt   time.Time  `gorm:"column:updated_at"`
}

// TableName names the table.
func (Delivery) TableName() string { return "webhook_deliveries" }

// Due is a pending delivery with what sending it needs.
type Due struct {
	Delivery
	URL, Secret string
	// GroupSlug and GroupName are empty when the event names no group.
	GroupSlug, GroupName string
}

// Outcome is what one attempt got.
type Outcome struct {
	Code int
	Err  string
}

// EndpointSummary is an endpoint with its recent deliveries counted, for
// the admin list.
type EndpointSummary struct {
	Endpoint
	Pending, Failed int
	// LastID is the newest delivery's id, and Last the delivery; 0 and nil
	// without one.
	LastID int64
	Last   *Delivery `gorm:"-"`
}
