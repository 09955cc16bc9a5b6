package demo

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"hearth/pkg/markup"
)

// group is a group threads are written to.
type group struct {
	id             int64
	slug           string
	topic          *topic
	threads, posts int
	lastActivity   time.Time
	pinned         bool
}

// ensureGroups returns the first n groups by position, creating the missing
// ones from the extra topics.
func ensureGroups(ctx context.Context, w *writer, g *gen, r *markup.Renderer, n int) ([]*group, int, error) {
	rows, err := w.db.QueryContext(ctx, w.rebind("SELECT id, slug FROM groups WHERE archived = ? ORDER BY position, id"), false)
	if err != nil {
		return nil, 0, fmt.Errorf("read groups: %w", err)
	}
	var out []*group
	have := map[string]bool{}
	for rows.Next() {
		var gr group
		if err := rows.Scan(&gr.id, &gr.slug); err != nil {
			_ = rows.Close()
			return nil, 0, err
		}
		have[gr.slug] = true
		out = append(out, &gr)
	}
	_ = rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	var maxPos int
	if err := w.db.QueryRowContext(ctx, "SELECT COALESCE(MAX(position), 0) FROM groups").Scan(&maxPos); err != nil {
		return nil, 0, fmt.Errorf("read group positions: %w", err)
	}
	created := 0
	var newRows [][]any
	ids, err := w.nextIDs(ctx, "groups")
	if err != nil {
		return nil, 0, err
	}
	now := g.o.Now
	for i := 0; len(out) < n; i++ {
		t := &topics[i%len(topics)]
		slug, name := t.slug, t.name
		if round := i / len(topics); round > 0 {
			slug, name = fmt.Sprintf("%s-%d", t.slug, round+1), fmt.Sprintf("%s (%d)", t.name, round+1)
		}
		if have[slug] {
			continue
		}
		have[slug] = true
		guide := "Be kind, share your own experience, and use trigger warnings for anything heavy."
		html, err := r.Render(guide)
		if err != nil {
			return nil, 0, err
		}
		id := ids["groups"]
		ids["groups"]++
		maxPos++
		desc := t.description
		if desc == "" {
			desc = "A place to talk about " + t.name + " with people who understand."
		}
		newRows = append(newRows, []any{id, slug, name, desc, guide, string(html), maxPos, now, now})
		out = append(out, &group{id: id, slug: slug})
		created++
	}
	if len(newRows) > 0 {
		err := w.tx(ctx, func(tx *sql.Tx) error {
			return w.insert(ctx, tx, "groups", []string{"id", "slug", "name", "description", "guidelines", "guidelines_html", "position", "created_at", "updated_at"}, newRows)
		})
		if err != nil {
			return nil, 0, fmt.Errorf("create groups: %w", err)
		}
	}
	out = out[:n]
	for i, gr := range out {
		gr.topic = &topics[i%len(topics)]
		for j := range topics {
			if topics[j].slug == gr.slug {
				gr.topic = &topics[j]
			}
		}
	}
	return out, created, nil
}
