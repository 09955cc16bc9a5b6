// Package vcache is a small in-memory cache whose entries stay valid only
// while a version number is unchanged and for at most a lifetime, within a
// byte budget. Hearth uses it with the store's content version for pages
// rendered for visitors (hearth/pkg/web) and for the rows of thread pages
// members share (hearth/pkg/forum).
//
// It imports only the standard library.
package vcache
