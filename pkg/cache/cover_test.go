package cache

import (
	"testing"

	"hearth/pkg/moderation"
)

// TestCoverKeepsOneSetAtItsVersion: the settings are served only at the
// version they were read at, and a set read at a new version replaces the
// old one (a request that read another version drops what is kept and
// reads again).
func TestCoverKeepsOneSetAtItsVersion(t *testing.T) {
	c := NewCover()
	if _, ok := c.Get(0); ok {
		t.Fatal("an empty cache served settings")
	}
	first := []moderation.Setting{{Name: moderation.SettingOutOfHoursHold, Value: "1"}}
	c.Put(4, first)
	if got, ok := c.Get(4); !ok || len(got) != 1 || got[0].Value != "1" {
		t.Fatalf("kept at 4: %v %v", got, ok)
	}
	if _, ok := c.Get(5); ok {
		t.Fatal("served at a version it was not read at")
	}
	c.Put(4, first)
	c.Put(6, []moderation.Setting{{Name: moderation.SettingOutOfHoursHold, Value: "0"}})
	if got, ok := c.Get(6); !ok || got[0].Value != "0" {
		t.Fatalf("kept at 6: %v %v", got, ok)
	}
	if _, ok := c.Get(4); ok {
		t.Fatal("the older set is still served")
	}
}
