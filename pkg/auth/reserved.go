package auth

import (
	"strings"
	"unicode"
)

// Reserved names. A pseudonym must not let anyone pass as staff, as the
// system or as a help service: a member in distress who gets a message
// from "crisis_team" or "samaritans_uk" may trust it as they would the real
// thing. Every check runs on pseudonym keys (PseudonymKey), so case,
// separators and look-alike letters make no difference. Four checks, each
// for a shape the others miss:
//
//   - reservedNames: the whole name ("admin", "former member");
//   - reservedWords: any one word of the name, the words being what the
//     separators _ - . and the changes between letters and digits divide
//     ("sam_mod", "crisis-24", "Team.Rowan");
//   - roleWords: a name made only of staff and service words, however
//     they are run together ("modteam", "CrisisSupport", "thehelpdesk");
//   - reservedParts and staffAffixes: a name that contains a help
//     service's name anywhere ("callsamaritans"), or starts or ends with a
//     staff title ("adminsam", "hearthfriend").

// reservedNames can never be taken as a whole name. They would let someone
// pass as staff or as the system, or they collide with what the site shows
// for deleted accounts.
var reservedNames = []string{
	"admin", "administrator", "admins", "sysadmin", "root", "superuser",
	"moderator", "moderators", "mod", "mods", "staff", "team", "owner",
	"official", "hearth", "system", "support", "help", "helpdesk", "helpline",
	"crisis", "security", "safety", "anonymous", "anon", "former member",
	"deleted", "deleted member", "removed", "redacted", "unknown", "guest",
	"visitor", "everyone", "null", "nil", "none", "undefined", "noreply",
	"no-reply", "webmaster", "postmaster", "hostmaster", "abuse",
}

// reservedWords may not be any one word of a name: staff titles, the
// site's name, and the words help services and emergency numbers go by.
var reservedWords = []string{
	"admin", "admins", "administrator", "administrators", "sysadmin", "sysop",
	"mod", "mods", "moderator", "moderators", "modteam", "staff", "team",
	"official", "hearth", "crisis", "helpline", "hotline", "support",
	"samaritan", "samaritans", "safeguarding", "counsellor", "counselor",
	"therapist", "nhs", "911", "999", "988", "111", "112", "116123", "emergency",
}

// roleWords are the words a staff or service name is built from. A name
// made of two or more of them, at least one of which is also a reserved
// word, is refused ("the_team" no, but "mod_team", "supportdesk" yes).
var roleWords = []string{
	"admin", "admins", "administrator", "mod", "mods", "moderator", "moderators",
	"staff", "team", "official", "hearth", "system", "support", "help", "helpline",
	"crisis", "safety", "security", "safeguarding", "care", "service", "services",
	"desk", "line", "lead", "leads", "the", "your", "our", "forum", "site", "bot",
	"account", "contact", "info", "samaritans", "nhs", "emergency", "listener", "listeners",
}

// reservedParts may not appear anywhere in a name: help services and
// titles long enough never to be part of an ordinary word.
var reservedParts = []string{
	"samaritan", "helpline", "hotline", "lifeline", "childline", "hopeline",
	"befriender", "crisisline", "crisistext", "textline", "safeguard",
	"moderator", "administrator", "counsellor", "therapist",
}

// staffAffixes refuse names that start or end with a staff title, such as
// "admin_sam" or "hearth-team". Only titles unlikely to begin ordinary words
// are listed.
var staffAffixes = []string{"admin", "moderator", "official", "hearth", "crisis"}

// keySet is a list of names as a set of their keys.
func keySet(names []string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[PseudonymKey(n)] = true
	}
	return m
}

// keyList is a list of names as their keys.
func keyList(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = PseudonymKey(n)
	}
	return out
}

var (
	reservedKeys     = keySet(reservedNames)
	reservedWordKeys = keySet(reservedWords)
	roleWordKeys     = keySet(roleWords)
	reservedPartKeys = keyList(reservedParts)
	staffAffixKeys   = keyList(staffAffixes)
)

// isReserved reports whether the name display, whose key is key, may not
// be taken.
func isReserved(display, key string) bool {
	if reservedKeys[key] {
		return true
	}
	for _, w := range nameWords(display) {
		if reservedWordKeys[PseudonymKey(w)] {
			return true
		}
	}
	for _, p := range reservedPartKeys {
		if strings.Contains(key, p) {
			return true
		}
	}
	for _, a := range staffAffixKeys {
		if strings.HasPrefix(key, a) || strings.HasSuffix(key, a) {
			return true
		}
	}
	return madeOfRoleWords(key)
}

// nameWords splits a name into its words: at the separators _ - . and
// wherever letters give way to digits or digits to letters.
func nameWords(name string) []string {
	var words []string
	start, prevDigit := 0, false
	for i, r := range name {
		digit := unicode.IsDigit(r)
		switch {
		case r == '_' || r == '-' || r == '.':
			if i > start {
				words = append(words, name[start:i])
			}
			start = i + 1
			continue
		case i > start && digit != prevDigit:
			words = append(words, name[start:i])
			start = i
		}
		prevDigit = digit
	}
	if start < len(name) {
		words = append(words, name[start:])
	}
	return words
}

// madeOfRoleWords reports whether key splits into two or more role words,
// at least one of them a reserved word.
func madeOfRoleWords(key string) bool {
	// reach[i] holds the ways key[:i] can be split, one bit each: bit
	// words + 3*reserved, with words counted up to 2. Keys are short, so
	// trying every word at every position is cheap.
	reach := make([]uint8, len(key)+1)
	reach[0] = 1
	for i := range len(key) {
		if reach[i] == 0 {
			continue
		}
		for w := range roleWordKeys {
			if !strings.HasPrefix(key[i:], w) {
				continue
			}
			for words := range 3 {
				for res := range 2 {
					if reach[i]&(1<<(words+3*res)) == 0 {
						continue
					}
					r := res
					if reservedWordKeys[w] {
						r = 1
					}
					reach[i+len(w)] |= 1 << (min(words+1, 2) + 3*r)
				}
			}
		}
	}
	return reach[len(key)]&(1<<(2+3)) != 0
}
