package migrations

// flood_counts holds the flood limits' counters (pkg/auth/flood.go): one
// row per counter and fixed window, added to with an upsert so every
// instance sharing the database counts the same actions. bucket names the
// action, what is counted and whom: "reply.account:ID" or
// "reply.client:HASH", the client being the keyed daily hash of its
// address, never the address. Windows are Unix seconds; rows whose window
// has ended are deleted every minute (flood_counts_end).
var step0029FloodCounts = sqlStep(29, "flood limit counters",
	`CREATE TABLE flood_counts (
		bucket TEXT NOT NULL,
		window_start {{BIGINT}} NOT NULL,
		window_end {{BIGINT}} NOT NULL,
		hits INTEGER NOT NULL,
		PRIMARY KEY (bucket, window_start)
	)`,
	`CREATE INDEX flood_counts_end ON flood_counts (window_end)`,
)
