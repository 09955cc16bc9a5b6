// Package auth holds the pure building blocks of pseudonymous accounts:
// pseudonym and password rules, argon2id password hashing behind a
// concurrency limit, recovery codes, session tokens, TOTP, device hints,
// keyed client addresses for throttling, and the single place that decides
// what an actor may do (roles, statuses and permission checks).
//
// Nothing here touches HTTP or a database, so every rule can be tested
// without either and reused by the web layer, the command line and the
// moderation package alike.
//
// Dependency rule: auth may import the standard library, golang.org/x/crypto,
// golang.org/x/text, github.com/pquerna/otp, github.com/boombuler/barcode,
// and hearth/pkg/forum. It must never import echo, gorm, or any other hearth
// package.
package auth
