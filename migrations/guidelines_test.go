package migrations_test

import (
	"strings"
	"testing"

	"hearth/pkg/markup"
	"hearth/pkg/store"
)

type guidelinesRow struct {
	Guidelines     string
	GuidelinesHTML string
}

func groupGuidelines(t *testing.T, db *store.DB, slug string) guidelinesRow {
	t.Helper()
	var g guidelinesRow
	if err := db.R.Raw("SELECT guidelines, guidelines_html FROM groups WHERE slug = ?", slug).Scan(&g).Error; err != nil {
		t.Fatal(err)
	}
	if g.Guidelines == "" {
		t.Fatalf("group %s has no guidelines", slug)
	}
	return g
}

// TestAnxietyGuidelinesPromiseNoPinnedThreads checks that after migrating,
// the Anxiety group's guidelines no longer point to pinned grounding
// threads (there are none), and that the stored HTML is exactly what the
// renderer makes of the new Markdown, so hearth rerender finds nothing to
// change.
func TestAnxietyGuidelinesPromiseNoPinnedThreads(t *testing.T) {
	eachEmptyDB(t, func(t *testing.T, db *store.DB) {
		rest := runUpTo(t, db, 15)
		before := groupGuidelines(t, db, "anxiety")
		if !strings.Contains(before.Guidelines, "pinned at the top") {
			t.Fatalf("step 5 no longer seeds the text step 15 replaces:\n%s", before.Guidelines)
		}
		grief := groupGuidelines(t, db, "grief")
		rest()

		g := groupGuidelines(t, db, "anxiety")
		for _, s := range []string{g.Guidelines, g.GuidelinesHTML} {
			if strings.Contains(strings.ToLower(s), "pinned") || strings.Contains(s, "grounding threads") {
				t.Errorf("anxiety guidelines still mention pinned threads:\n%s", s)
			}
		}
		if !strings.Contains(g.Guidelines, "slow breathing can help: breathe in for four, hold for four, out for six") {
			t.Errorf("anxiety guidelines lack the breathing line:\n%s", g.Guidelines)
		}
		if !strings.HasPrefix(g.Guidelines, "Anxiety can make everything feel urgent.") {
			t.Errorf("the rest of the anxiety guidelines changed:\n%s", g.Guidelines)
		}
		want, err := markup.New().Render(g.Guidelines)
		if err != nil {
			t.Fatal(err)
		}
		if g.GuidelinesHTML != string(want) {
			t.Errorf("stored HTML is not the renderer's:\nstored   %s\nrenderer %s", g.GuidelinesHTML, want)
		}
		if got := groupGuidelines(t, db, "grief"); got != grief {
			t.Errorf("grief guidelines changed:\n%+v", got)
		}
	})
}

// TestAnxietyGuidelinesEditedByAdminKept checks that step 15 leaves
// guidelines an admin has already edited exactly as they are, even when
// they still contain the old sentence.
func TestAnxietyGuidelinesEditedByAdminKept(t *testing.T) {
	eachEmptyDB(t, func(t *testing.T, db *store.DB) {
		rest := runUpTo(t, db, 15)
		seeded := groupGuidelines(t, db, "anxiety")
		edited := guidelinesRow{
			Guidelines:     seeded.Guidelines + "\n- Our own line, added by an admin.",
			GuidelinesHTML: "<p>admin's rendering</p>",
		}
		if err := db.W.Exec("UPDATE groups SET guidelines = ?, guidelines_html = ? WHERE slug = 'anxiety'",
			edited.Guidelines, edited.GuidelinesHTML).Error; err != nil {
			t.Fatal(err)
		}
		rest()
		if got := groupGuidelines(t, db, "anxiety"); got != edited {
			t.Fatalf("edited guidelines were rewritten:\n%+v", got)
		}
	})
}
