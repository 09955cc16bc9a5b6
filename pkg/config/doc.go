// Package config reads Hearth's settings from the environment, applies
// defaults and validates every value once at start.
//
// It imports only the standard library and holds no global state: callers pass
// a lookup function (os.LookupEnv in production, a map in tests).
package config
