package auth

// ObserveInFlight makes h call f with the number of derivations in flight
// each time one starts, so a test or a metric can watch the concurrency
// bound at work. Set it before h is in use; nil removes it.
func (h *Hasher) ObserveInFlight(f func(inFlight int32)) { h.onAcquire = f }

// MaxConcurrent is the number of derivations h runs at once at most.
func (h *Hasher) MaxConcurrent() int { return cap(h.sem) }
