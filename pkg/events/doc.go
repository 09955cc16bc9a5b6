// Package events is what happens on a Hearth that someone may want to hear
// about at once: a reply in a thread, an item arriving in the moderator
// queue. Services publish an Event after their transaction commits; the
// Bus hands it to whoever listens in this process (the live pages' event
// streams, the webhook sender) and, through a Relay, to every other
// instance sharing the database (PostgreSQL's LISTEN/NOTIFY, in
// hearth/pkg/store).
//
// An Event names rows by id and never carries anyone's words or name. It
// is a hint: a listener reads what it may show through the services, and
// an event that is lost (a slow listener, a relay reconnecting) costs a
// live page an update, never a page its content. Webhook deliveries do not
// depend on the bus: they are written to the database in the transaction
// that makes the change (see hearth/pkg/webhook), and the bus only wakes
// the sender.
//
// It imports only the standard library, so every package may publish.
package events
