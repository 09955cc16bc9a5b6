package moderation_test

import (
	"errors"
	"strings"
	"testing"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestGroupAdministration checks creating, editing and archiving groups:
// admins only, clear messages for bad input, each change audited, and an
// archive that happens once.
func TestGroupAdministration(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		admin, mod := w.admin("ash"), w.moderator("fern", "grief")

		_, err := w.svc.CreateGroup(w.ctx, mod, moderation.GroupInput{Slug: "chronic-pain", Name: "Chronic pain"})
		wantForbidden(t, err)
		_, err = w.svc.AllGroups(w.ctx, mod)
		wantForbidden(t, err)
		for field, in := range map[string]moderation.GroupInput{
			"slug":           {Slug: "Chronic Pain", Name: "Chronic pain"},
			"name":           {Slug: "chronic-pain", Name: " x "},
			"description":    {Slug: "chronic-pain", Name: "Chronic pain", Description: strings.Repeat("d", 301)},
			"premod":         {Slug: "chronic-pain", Name: "Chronic pain", Premod: "sometimes"},
			"premod_first_n": {Slug: "chronic-pain", Name: "Chronic pain", Premod: forum.PremodNew},
		} {
			_, err := w.svc.CreateGroup(w.ctx, admin, in)
			wantField(t, err, field)
		}
		_, err = w.svc.CreateGroup(w.ctx, admin, moderation.GroupInput{Slug: "grief", Name: "Grief again"})
		wantField(t, err, "slug")

		g, err := w.svc.CreateGroup(w.ctx, admin, moderation.GroupInput{
			Slug: "chronic-pain", Name: " Chronic pain ", Description: "Living with pain.", Guidelines: "- Be *gentle*.",
		})
		if err != nil {
			t.Fatal(err)
		}
		if g.ID == 0 || g.Name != "Chronic pain" || !strings.Contains(g.GuidelinesHTML, "<em>gentle</em>") || g.Premod != forum.PremodOff {
			t.Errorf("created group %+v", g)
		}
		g, err = w.svc.UpdateGroup(w.ctx, admin, "chronic-pain", moderation.GroupInput{Name: "Chronic pain", Premod: forum.PremodNew, PremodFirstN: 3, RequireTag: true})
		if err != nil || g.Premod != forum.PremodNew || g.PremodFirstN != 3 || !g.RequireTag {
			t.Fatalf("updated group %+v, %v", g, err)
		}
		var detail string
		if err := db.R.Raw("SELECT detail FROM audit_log WHERE action = ?", moderation.ActionGroupUpdate).Scan(&detail).Error; err != nil ||
			detail != "pre-moderation new (first 3 posts); trigger warning required" {
			t.Errorf("update audit detail %q, %v", detail, err)
		}
		if _, err := w.svc.UpdateGroup(w.ctx, admin, "no-such-group", moderation.GroupInput{Name: "Nothing"}); !errors.Is(err, forum.ErrNotFound) {
			t.Errorf("updating a missing group: %v", err)
		}

		if _, err := w.svc.SetArchived(w.ctx, admin, "chronic-pain", true); err != nil {
			t.Fatal(err)
		}
		_, err = w.svc.SetArchived(w.ctx, admin, "chronic-pain", true)
		wantHandled(t, err, moderation.ActionGroupArchive)
		if g, err := w.svc.AdminGroup(w.ctx, admin, "chronic-pain"); err != nil || !g.Archived {
			t.Errorf("archived group %+v, %v", g, err)
		}
		if _, err := w.svc.SetArchived(w.ctx, admin, "chronic-pain", false); err != nil {
			t.Fatal(err)
		}
		if n := w.audits("group", g.ID); n != 4 {
			t.Errorf("%d audit rows about the group, want 4 (create, update, archive, unarchive)", n)
		}
	})
}

// TestTagVocabulary checks that admins add and rename trigger warnings,
// with clear messages for bad input, and that each change is audited.
func TestTagVocabulary(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		admin := w.admin("ash")
		wantForbidden(t, w.svc.CreateTag(w.ctx, w.moderator("fern", "grief"), moderation.TagInput{Slug: "body-image", Name: "Body image"}))
		wantField(t, w.svc.CreateTag(w.ctx, admin, moderation.TagInput{Slug: "Body image", Name: "Body image"}), "slug")
		wantField(t, w.svc.CreateTag(w.ctx, admin, moderation.TagInput{Slug: "body-image", Name: "B"}), "name")
		wantField(t, w.svc.CreateTag(w.ctx, admin, moderation.TagInput{Slug: "suicide", Name: "Suicide again"}), "slug")
		if err := w.svc.CreateTag(w.ctx, admin, moderation.TagInput{Slug: "body-image", Name: "Body image", Description: "Weight, shape, appearance."}); err != nil {
			t.Fatal(err)
		}
		if err := w.svc.UpdateTag(w.ctx, admin, moderation.TagInput{Slug: "body-image", Name: "Body image and weight"}); err != nil {
			t.Fatal(err)
		}
		if err := w.svc.UpdateTag(w.ctx, admin, moderation.TagInput{Slug: "no-such-tag", Name: "Nothing"}); !errors.Is(err, forum.ErrNotFound) {
			t.Errorf("renaming a missing tag: %v", err)
		}
		tags, err := w.svc.Tags(w.ctx)
		if err != nil {
			t.Fatal(err)
		}
		last := tags[len(tags)-1]
		if last.Slug != "body-image" || last.Name != "Body image and weight" {
			t.Errorf("the vocabulary ends with %+v", last)
		}
		if n := w.count("SELECT COUNT(*) FROM audit_log WHERE action IN (?, ?)", moderation.ActionTagCreate, moderation.ActionTagUpdate); n != 2 {
			t.Errorf("%d audit rows for the vocabulary, want 2", n)
		}
	})
}
