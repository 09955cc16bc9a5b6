package migrations

import (
	"context"
	"database/sql"
	"time"
)

// seedTags is the trigger-warning vocabulary as first shipped. It is frozen
// here on purpose: a migration must do the same thing whenever it runs, and
// admins edit the vocabulary in the application afterwards.
var seedTags = []struct{ slug, name, description string }{
	{"suicide", "Suicide", "Thoughts of suicide, suicide attempts or losing someone to suicide."},
	{"self-harm", "Self-harm", "Hurting oneself on purpose, urges to self-harm, or its aftermath."},
	{"abuse", "Abuse", "Emotional, physical, financial or domestic abuse, or coercive control."},
	{"sexual-violence", "Sexual violence", "Rape, sexual assault, sexual abuse or harassment."},
	{"death-loss", "Death and loss", "Death, dying, bereavement, miscarriage or the loss of someone close."},
	{"eating-disorders", "Eating disorders", "Restricting, bingeing, purging, weight, calories or body image."},
	{"substance-use", "Substance use", "Alcohol, drugs, overdose, relapse or withdrawal."},
	{"violence", "Violence", "Physical violence, assault, war, weapons or threats."},
	{"medical-detail", "Medical detail", "Graphic descriptions of injuries, illness, procedures or hospital stays."},
}

var step0004Tags = Step{Version: 4, Name: "trigger-warning vocabulary", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	if err := execAll(ctx, tx, d,
		`CREATE TABLE tags (
			id {{ID}},
			slug TEXT NOT NULL,
			name TEXT NOT NULL,
			description TEXT NOT NULL DEFAULT '',
			position INTEGER NOT NULL DEFAULT 0,
			created_at {{TS}} NOT NULL
		)`,
		`CREATE UNIQUE INDEX tags_slug ON tags (slug)`,
	); err != nil {
		return err
	}
	now := time.Now().UTC()
	for i, t := range seedTags {
		if _, err := tx.ExecContext(ctx, d.Rebind(`INSERT INTO tags (slug, name, description, position, created_at) VALUES (?, ?, ?, ?, ?)`),
			t.slug, t.name, t.description, i+1, now); err != nil {
			return err
		}
	}
	return nil
}}
