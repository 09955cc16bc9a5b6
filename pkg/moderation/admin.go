package moderation

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// slugPattern is the whole rule for group and tag slugs: lower-case ASCII
// letters, digits and hyphens, 2 to 40 of them. Anything else, spaces and
// look-alike letters from other scripts included, is refused.
var slugPattern = regexp.MustCompile(`^[a-z0-9-]{2,40}$`)

// ValidSlug reports whether s may name a group or a trigger warning.
func ValidSlug(s string) bool { return slugPattern.MatchString(s) }

// GroupInput is the administrator's form for a group.
type GroupInput struct {
	Slug        string
	Name        string
	Description string
	Guidelines  string
	// Premod is forum.PremodOff, PremodNew or PremodAll.
	Premod       string
	PremodFirstN int
	RequireTag   bool
	// NoAnonymous turns off posting as "Anonymous member" in the group,
	// which is on unless an admin says otherwise.
	NoAnonymous bool
}

// Limits of group fields.
const (
	maxGroupName   = 60
	maxGroupDesc   = 300
	maxGuidelines  = 20000
	maxPremodFirst = 50
)

func (in *GroupInput) validate(creating bool) *forum.ValidationError {
	v := &forum.ValidationError{}
	in.Name = strings.TrimSpace(in.Name)
	in.Description = strings.TrimSpace(in.Description)
	in.Guidelines = strings.TrimSpace(in.Guidelines)
	forum.CheckEncoding(v, "name", in.Name)
	forum.CheckEncoding(v, "description", in.Description)
	forum.CheckEncoding(v, "guidelines", in.Guidelines)
	if creating && !ValidSlug(in.Slug) {
		v.Add("slug", "Use 2 to 40 lower-case letters a to z, digits and hyphens, with no spaces, such as \"chronic-pain\".")
	}
	if n := utf8.RuneCountInString(in.Name); n < 2 || n > maxGroupName {
		v.Add("name", "Please give the group a name of 2 to 60 characters.")
	}
	if utf8.RuneCountInString(in.Description) > maxGroupDesc {
		v.Add("description", "Please keep the description under 300 characters.")
	}
	if utf8.RuneCountInString(in.Guidelines) > maxGuidelines {
		v.Add("guidelines", "Please keep the guidelines under 20,000 characters.")
	}
	if in.Premod == "" {
		in.Premod = forum.PremodOff
	}
	switch in.Premod {
	case forum.PremodOff, forum.PremodAll:
		in.PremodFirstN = 0
	case forum.PremodNew:
		if in.PremodFirstN < 1 || in.PremodFirstN > maxPremodFirst {
			v.Add("premod_first_n", "Please choose how many first posts to hold: 1 to 50.")
		}
	default:
		v.Add("premod", "Please choose one of the pre-moderation options.")
	}
	return v
}

func (s *Service) requireAdmin(a *auth.Actor) error {
	if !auth.CanAdmin(a) {
		return forbidden("not an admin")
	}
	return nil
}

// AllGroups lists every group, archived ones too, for administration.
func (s *Service) AllGroups(ctx context.Context, a *auth.Actor) ([]forum.Group, error) {
	if err := s.requireAdmin(a); err != nil {
		return nil, err
	}
	return s.store.Groups(ctx)
}

// AdminGroup returns a group for its edit form.
func (s *Service) AdminGroup(ctx context.Context, a *auth.Actor, slug string) (forum.Group, error) {
	if err := s.requireAdmin(a); err != nil {
		return forum.Group{}, err
	}
	return s.store.GroupBySlug(ctx, slug)
}

// CreateGroup adds a group; it is live at /g/SLUG at once.
func (s *Service) CreateGroup(ctx context.Context, a *auth.Actor, in GroupInput) (forum.Group, error) {
	if err := s.requireAdmin(a); err != nil {
		return forum.Group{}, err
	}
	v := in.validate(true)
	html, err := s.guidelines(in.Guidelines, v)
	if err != nil {
		return forum.Group{}, err
	}
	if err := v.OrNil(); err != nil {
		return forum.Group{}, err
	}
	gs, err := s.store.Groups(ctx)
	if err != nil {
		return forum.Group{}, fmt.Errorf("groups: %w", err)
	}
	pos := 0
	for _, g := range gs {
		pos = max(pos, g.Position)
	}
	now := s.now()
	g := forum.Group{Slug: in.Slug, Name: in.Name, Description: in.Description, Guidelines: in.Guidelines, GuidelinesHTML: html,
		Position: pos + 1, Premod: in.Premod, PremodFirstN: in.PremodFirstN, RequireTag: in.RequireTag,
		AllowAnonymous: !in.NoAnonymous, CreatedAt: now, UpdatedAt: now}
	err = s.store.Atomic(ctx, func(tx Tx) error {
		if err := tx.CreateGroup(&g); err != nil {
			return err
		}
		e := entry(Request{Actor: a}, ActionGroupCreate, "group", g.ID, g.ID, nil, now)
		e.Detail = g.Slug
		return tx.Audit(e)
	})
	if errors.Is(err, forum.ErrConflict) {
		v.Add("slug", fmt.Sprintf("There is already a group at /g/%s. Please choose another address.", in.Slug))
		return forum.Group{}, v
	}
	return g, err
}

// guidelines renders guidelines Markdown with the shared renderer, adding a
// field message when the renderer refuses it.
func (s *Service) guidelines(md string, v *forum.ValidationError) (string, error) {
	if md == "" {
		return "", nil
	}
	h, err := s.md.Render(md)
	if err != nil {
		v.Add("guidelines", "These guidelines can't be displayed: please simplify deeply nested lists or quotes.")
		return "", nil
	}
	return string(h), nil
}

// UpdateGroup saves a group's name, description, guidelines,
// pre-moderation and trigger-warning requirement.
func (s *Service) UpdateGroup(ctx context.Context, a *auth.Actor, slug string, in GroupInput) (forum.Group, error) {
	if err := s.requireAdmin(a); err != nil {
		return forum.Group{}, err
	}
	g, err := s.store.GroupBySlug(ctx, slug)
	if err != nil {
		return forum.Group{}, fmt.Errorf("group %q: %w", slug, err)
	}
	v := in.validate(false)
	html, err := s.guidelines(in.Guidelines, v)
	if err != nil {
		return g, err
	}
	if err := v.OrNil(); err != nil {
		return g, err
	}
	now := s.now()
	g.Name, g.Description, g.Guidelines, g.GuidelinesHTML = in.Name, in.Description, in.Guidelines, html
	g.Premod, g.PremodFirstN, g.RequireTag, g.UpdatedAt = in.Premod, in.PremodFirstN, in.RequireTag, now
	g.AllowAnonymous = !in.NoAnonymous
	err = s.store.Atomic(ctx, func(tx Tx) error {
		if err := tx.UpdateGroup(&g); err != nil {
			return err
		}
		e := entry(Request{Actor: a}, ActionGroupUpdate, "group", g.ID, g.ID, nil, now)
		e.Detail = "pre-moderation " + g.Premod
		if g.Premod == forum.PremodNew {
			e.Detail += " (first " + strconv.Itoa(g.PremodFirstN) + " posts)"
		}
		if g.RequireTag {
			e.Detail += "; trigger warning required"
		}
		if !g.AllowAnonymous {
			e.Detail += "; no anonymous posts"
		}
		return tx.Audit(e)
	})
	return g, err
}

// SetArchived archives a group (read-only) or brings it back.
func (s *Service) SetArchived(ctx context.Context, a *auth.Actor, slug string, archived bool) (forum.Group, error) {
	if err := s.requireAdmin(a); err != nil {
		return forum.Group{}, err
	}
	g, err := s.store.GroupBySlug(ctx, slug)
	if err != nil {
		return forum.Group{}, fmt.Errorf("group %q: %w", slug, err)
	}
	action := ActionGroupRestore
	if archived {
		action = ActionGroupArchive
	}
	now := s.now()
	err = s.store.Atomic(ctx, func(tx Tx) error {
		ok, err := tx.SetArchived(g.ID, archived, now)
		if err != nil {
			return err
		}
		if !ok {
			return alreadyHandled(tx, "group", g.ID)
		}
		return tx.Audit(entry(Request{Actor: a}, action, "group", g.ID, g.ID, nil, now))
	})
	g.Archived = archived
	return g, err
}

// SiteSettings are the settings admins keep.
type SiteSettings struct {
	ReportThreshold int
}

// Settings returns the site settings.
func (s *Service) Settings(ctx context.Context, a *auth.Actor) (SiteSettings, error) {
	if err := s.requireAdmin(a); err != nil {
		return SiteSettings{}, err
	}
	return SiteSettings{ReportThreshold: s.reportThreshold(ctx)}, nil
}

// MaxReportThreshold bounds the report threshold.
const MaxReportThreshold = 100

// UpdateSettings saves the report threshold, given as typed.
func (s *Service) UpdateSettings(ctx context.Context, a *auth.Actor, threshold string) error {
	if err := s.requireAdmin(a); err != nil {
		return err
	}
	n, err := strconv.Atoi(strings.TrimSpace(threshold))
	if err != nil || n < 1 || n > MaxReportThreshold {
		v := &forum.ValidationError{}
		v.Add("report_threshold", "Please enter a whole number from 1 to 100.")
		return v
	}
	now := s.now()
	return s.store.Atomic(ctx, func(tx Tx) error {
		if err := tx.PutSetting(SettingReportThreshold, strconv.Itoa(n), now); err != nil {
			return err
		}
		e := entry(Request{Actor: a}, ActionSettings, "site", 0, 0, nil, now)
		e.TargetID = nil
		e.Detail = "report threshold " + strconv.Itoa(n)
		return tx.Audit(e)
	})
}

// TagInput is the administrator's form for a trigger warning.
type TagInput struct {
	Slug, Name, Description string
}

func (in *TagInput) validate(creating bool) *forum.ValidationError {
	v := &forum.ValidationError{}
	in.Name = strings.TrimSpace(in.Name)
	in.Description = strings.TrimSpace(in.Description)
	forum.CheckEncoding(v, "name", in.Name)
	forum.CheckEncoding(v, "description", in.Description)
	if creating && !ValidSlug(in.Slug) {
		v.Add("slug", "Use 2 to 40 lower-case letters a to z, digits and hyphens, such as \"body-image\".")
	}
	if n := utf8.RuneCountInString(in.Name); n < 2 || n > 40 {
		v.Add("name", "Please give the trigger warning a name of 2 to 40 characters.")
	}
	if utf8.RuneCountInString(in.Description) > 300 {
		v.Add("description", "Please keep the description under 300 characters.")
	}
	return v
}

// Tags lists the trigger-warning vocabulary.
func (s *Service) Tags(ctx context.Context) ([]forum.Tag, error) { return s.store.Tags(ctx) }

// CreateTag adds a trigger warning to the vocabulary.
func (s *Service) CreateTag(ctx context.Context, a *auth.Actor, in TagInput) error {
	if err := s.requireAdmin(a); err != nil {
		return err
	}
	v := in.validate(true)
	if err := v.OrNil(); err != nil {
		return err
	}
	tags, err := s.store.Tags(ctx)
	if err != nil {
		return fmt.Errorf("tags: %w", err)
	}
	pos := 0
	for _, t := range tags {
		pos = max(pos, t.Position)
	}
	now := s.now()
	t := forum.Tag{Slug: in.Slug, Name: in.Name, Description: in.Description, Position: pos + 1, CreatedAt: now}
	err = s.store.Atomic(ctx, func(tx Tx) error {
		if err := tx.CreateTag(&t); err != nil {
			return err
		}
		e := entry(Request{Actor: a}, ActionTagCreate, "tag", t.ID, 0, nil, now)
		e.Detail = t.Slug + " (" + t.Name + ")"
		return tx.Audit(e)
	})
	if errors.Is(err, forum.ErrConflict) {
		v.Add("slug", fmt.Sprintf("There is already a trigger warning called %s.", in.Slug))
		return v
	}
	return err
}

// UpdateTag renames a trigger warning; its slug, stored on posts, stays.
func (s *Service) UpdateTag(ctx context.Context, a *auth.Actor, in TagInput) error {
	if err := s.requireAdmin(a); err != nil {
		return err
	}
	v := in.validate(false)
	if err := v.OrNil(); err != nil {
		return err
	}
	now := s.now()
	return s.store.Atomic(ctx, func(tx Tx) error {
		ok, err := tx.UpdateTag(in.Slug, in.Name, in.Description)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("tag %q: %w", in.Slug, forum.ErrNotFound)
		}
		e := entry(Request{Actor: a}, ActionTagUpdate, "tag", 0, 0, nil, now)
		e.TargetID = nil
		e.Detail = in.Slug + " is now called " + in.Name
		return tx.Audit(e)
	})
}
