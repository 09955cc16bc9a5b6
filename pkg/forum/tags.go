package forum

import (
	"sort"
	"strings"
)

// Tags is a set of trigger-warning slugs stored as ",slug,slug," so that one
// tag can be matched with LIKE '%,slug,%' on every dialect. The zero value is
// the empty set.
type Tags string

// MakeTags builds a sorted, de-duplicated set from slugs.
func MakeTags(slugs []string) Tags {
	seen := map[string]bool{}
	var out []string
	for _, s := range slugs {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] || strings.Contains(s, ",") {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	if len(out) == 0 {
		return ""
	}
	sort.Strings(out)
	return Tags("," + strings.Join(out, ",") + ",")
}

// Slugs returns the tags in sorted order.
func (t Tags) Slugs() []string {
	s := strings.Trim(string(t), ",")
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// Has reports whether slug is in the set.
func (t Tags) Has(slug string) bool {
	return slug != "" && strings.Contains(string(t), ","+slug+",")
}

// Empty reports whether the set has no tags.
func (t Tags) Empty() bool { return strings.Trim(string(t), ",") == "" }

// Union returns the tags in either set.
func (t Tags) Union(o Tags) Tags { return MakeTags(append(t.Slugs(), o.Slugs()...)) }

// Pattern returns the LIKE pattern that matches rows carrying slug.
func Pattern(slug string) string { return "%," + slug + ",%" }
