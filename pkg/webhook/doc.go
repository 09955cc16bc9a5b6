// Package webhook tells people outside Hearth, such as on-call moderators
// in a chat tool, that something needs them: admins keep endpoints (a
// URL, the events it carries, a secret), and every event an endpoint
// carries is delivered to it as a small JSON body signed with
// HMAC-SHA256 of the body under the endpoint's secret.
//
// Deliveries go through an outbox in the database. The transaction that
// opens a queue item writes a pending delivery per endpoint (the store's
// Record, called by the services that open items), so nothing is lost
// between the change and the send; a Sender claims due deliveries with a
// conditional update, so several instances never send one twice, and
// retries a failed one with growing waits for a day. Each attempt is
// logged on the delivery for admins to see.
//
// A body names the event, the group, a link to the item for moderators
// and the time: never a post's words or anyone's name. Requests go only to
// the URLs admins configured, http or https, and redirects are not
// followed.
//
// It imports the standard library, hearth/pkg/events, hearth/pkg/forum
// (errors) and hearth/pkg/auth (the admin check); never echo or gorm:
// hearth/pkg/store implements its Store.
package webhook
