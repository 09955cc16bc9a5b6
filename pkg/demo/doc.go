// Package demo fills a Hearth database with realistic, deterministic demo
// content for trying Hearth out and for load benchmarks: members with
// pseudonyms and a known password, groups, threads with nested replies in
// supportive Markdown of varied length, every body different (composed from
// paragraphs, lists, quotes and code blocks, each rendered once by the real
// markup renderer), trigger-warning tags on about a fifth of posts,
// reactions, follows and a few open reports, with every counter consistent.
//
// It writes with database/sql in multi-row inserts inside transactions, on
// SQLite and PostgreSQL alike. It imports hearth/pkg/forum, auth
// and markup for the shapes and rules of the data; only cmd/hearth (the
// seed-demo command, and crisis-eval -demo through SampleBodies) and tests
// import it.
package demo
