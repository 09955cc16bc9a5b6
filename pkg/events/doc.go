// Package events is what happens on a Hearth that someone may want to hear
// about at once: an item arriving in the moderator queue, a reply in a
// thread someone is reading, a moderator's change to a post. Services publish
// an Event after their transaction commits; the Bus hands it to whoever
// listens in this process (the webhook sender) and, through a Relay, to
// every other instance sharing the database (PostgreSQL's LISTEN/NOTIFY,
// in hearth/pkg/store). Live pages (hearth/pkg/web's server-sent events)
// hear them too.
//
// An Event names rows by id and never carries anyone's words or name. It
// is a hint: a listener reads what it may act on through the services, and
// an event that is lost (a slow listener, a relay reconnecting) costs a
// moment's delay, never anything written. Webhook deliveries do not
// depend on the bus: they are written to the database in the transaction
// that makes the change (see hearth/pkg/webhook), and the bus only wakes
// the sender.
//
// It imports only the standard library, so every package may publish.
package events
