package web_test

import (
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/safety"
	"hearth/pkg/store"
)

// TestSeededHelplinesMatchTheReferenceList: a fresh database holds exactly
// the reference helplines (pkg/safety/data/crisis-lines.tsv), in file order,
// so the crisis page and panel start from the checked list and not from a
// copy that drifted.
func TestSeededHelplinesMatchTheReferenceList(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		var got []safety.Helpline
		if err := db.R.Order("position, id").Find(&got).Error; err != nil {
			t.Fatal(err)
		}
		want := safety.DefaultHelplines()
		if len(got) != len(want) {
			t.Fatalf("%d seeded helplines, the reference list has %d", len(got), len(want))
		}
		for i, w := range want {
			g := got[i]
			if g.CountryCode != w.CountryCode || g.Country != w.Country || g.Service != w.Service || g.Phone != w.Phone ||
				g.SMS != w.SMS || g.Web != w.Web || g.Hours != w.Hours || g.Languages != w.Languages || g.Source != w.Source {
				t.Errorf("seeded line %d is %+v, the reference list says %+v", i+1, g, w)
			}
		}
	})
}
