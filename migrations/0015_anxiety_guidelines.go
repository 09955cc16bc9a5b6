package migrations

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"hearth/pkg/markup"
)

// The Anxiety group's guidelines as step 5 seeded them, and as they read
// from this step on. The seeded last line pointed to grounding threads
// pinned at the top of the group, which were never there; the new one says
// something that helps at once and promises no feature. Both texts are
// written out here (not taken from step 5) so this step keeps meaning what
// it meant when it shipped.
const (
	anxietyGuidelinesSeeded = `Anxiety can make everything feel urgent. Take your time here.

- Describe what helps you, and say what doesn't, without pushing anyone to try it.
- Don't offer diagnoses or advice about medication doses; that's for a doctor.
- If a panic attack is happening right now, the grounding threads pinned at the top may help.`

	anxietyGuidelines = `Anxiety can make everything feel urgent. Take your time here.

- Describe what helps you, and say what doesn't, without pushing anyone to try it.
- Don't offer diagnoses or advice about medication doses; that's for a doctor.
- If a panic attack is happening right now, slow breathing can help: breathe in for four, hold for four, out for six. You can also write here; someone will read it.`
)

// step0015AnxietyGuidelines rewrites the Anxiety group's guidelines, and
// their HTML rendered by the same renderer as step 5 and hearth rerender,
// only while they are still exactly the seeded text: guidelines an admin
// has edited are theirs and stay as they are.
var step0015AnxietyGuidelines = Step{Version: 15, Name: "anxiety guidelines without pinned threads", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	html, err := markup.New().Render(anxietyGuidelines)
	if err != nil {
		return fmt.Errorf("render anxiety guidelines: %w", err)
	}
	_, err = tx.ExecContext(ctx, d.Rebind(`UPDATE groups SET guidelines = ?, guidelines_html = ?, updated_at = ?
		WHERE slug = ? AND guidelines = ?`),
		anxietyGuidelines, string(html), time.Now().UTC(), "anxiety", anxietyGuidelinesSeeded)
	return err
}}
