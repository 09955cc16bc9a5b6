package demo

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"time"

	"hearth/pkg/auth"
)

// member is a demo account.
type member struct {
	id   int64
	name string
}

// addMembers creates o.Members accounts, all with o.Password (hashed once
// with Hearth's own argon2id parameters, so logging in costs what it
// really costs).
func addMembers(ctx context.Context, w *writer, g *gen, o Options) ([]*member, error) {
	taken := map[string]bool{}
	rows, err := w.db.QueryContext(ctx, "SELECT username_key FROM users")
	if err != nil {
		return nil, fmt.Errorf("read users: %w", err)
	}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			_ = rows.Close()
			return nil, err
		}
		taken[k] = true
	}
	_ = rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	h, err := auth.NewHasher(auth.DefaultParams, max(1, runtime.NumCPU()))
	if err != nil {
		return nil, err
	}
	hash, err := h.Hash(ctx, o.Password)
	if err != nil {
		return nil, fmt.Errorf("hash demo password: %w", err)
	}
	ids, err := w.nextIDs(ctx, "users")
	if err != nil {
		return nil, err
	}
	names := g.pseudonyms(o.Members, taken)
	out := make([]*member, 0, len(names))
	var batch [][]any
	for _, name := range names {
		_, key, err := auth.NormalizePseudonym(name)
		if err != nil {
			return nil, err
		}
		id := ids["users"]
		ids["users"]++
		at := o.Now.Add(-time.Duration(g.between(30, 700)) * 24 * time.Hour).Add(time.Duration(g.rng.IntN(86400)) * time.Second)
		batch = append(batch, []any{id, name, key, hash, "member", at, at})
		out = append(out, &member{id: id, name: name})
	}
	err = w.tx(ctx, func(tx *sql.Tx) error {
		return w.insert(ctx, tx, "users", []string{"id", "username", "username_key", "password_hash", "role", "created_at", "updated_at"}, batch)
	})
	if err != nil {
		return nil, fmt.Errorf("add members: %w", err)
	}
	return out, nil
}
