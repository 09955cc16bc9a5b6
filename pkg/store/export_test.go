package store

// SetSearchWindow has a search narrowed to a group read only the newest n
// documents before it asks the index, so a test of a few dozen posts
// takes both ways, and returns a function that puts the window back.
func SetSearchWindow(n int) (restore func()) {
	old := searchWindow
	searchWindow = n
	return func() { searchWindow = old }
}

// NewThreadsOfGroupSQL is the query of a group's newest threads (its feed).
const NewThreadsOfGroupSQL = newThreadsOfGroup

// SetDetachBatch has an account deletion rewrite n of the member's posts a
// transaction, and returns a function that puts the batch back.
func SetDetachBatch(n int) (restore func()) {
	old := detachBatch
	detachBatch = n
	return func() { detachBatch = old }
}
