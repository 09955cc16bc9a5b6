package web

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/markup"
	"hearth/pkg/moderation"
)

// TestModerationTemplatesRenderFixtures renders every moderation, report
// and group-administration page with a fixture view that sets the fields
// the templates branch on, so a template mistake shows here rather than in
// front of a moderator at night. Member text is checked to arrive escaped.
func TestModerationTemplatesRenderFixtures(t *testing.T) {
	s := templatesServer(t)
	now := time.Now().Add(-3 * time.Hour)
	until := now.Add(72 * time.Hour)
	base := Base{Title: "Fixture", User: &ViewUser{ID: 1, Name: "fixture"}, Flash: "Done.", WellbeingWaiting: 2,
		Notices: []MemberNotice{{ID: 1, Message: "A moderator removed your reply.", Reason: "Spam", Link: "/t/1#p-2", CreatedAt: now}, {ID: 2, Message: "A warning.", Reason: "R", Warning: true, CreatedAt: now}}}
	first := int64(1)
	author := int64(7)
	ref := func(id int64, status string) moderation.PostRef {
		return moderation.PostRef{Post: forum.Post{ID: id, ThreadID: 1, GroupID: 1, AuthorID: &author, Status: status, StatusReason: "Because <i>",
			CreatedAt: now, BodyHTML: "<p>Body</p>", Tags: forum.MakeTags([]string{"self-harm"})},
			GroupName: "Grief", AuthorName: "ann<b>", FirstPostID: &first, ThreadTitle: "Title <script>", ThreadLocked: true, ThreadPinned: true}
	}
	body := func(p moderation.PostRef) ModPostBody {
		return ModPostBody{Post: p, Body: markup.Stored(p.BodyHTML), Tags: []TagLabel{{Slug: "self-harm", Name: "Self-harm"}}, ThreadTitle: p.ThreadTitle}
	}
	errs := map[string]string{"reason": "Please give a reason.", "days": "Between 1 and 365.", "group": "Choose a group.", "trigger_warnings": "From the list."}
	values := map[string]string{"reason": "other", "reason_detail": "kept <words>", "days": "9", "group": "anxiety"}
	forms := func(p moderation.PostRef, item int64, kind, form string) ModForms {
		return ModForms{PostID: p.ID, ThreadID: 1, ItemID: item, Kind: kind, AuthorID: author, Status: p.Status, IsOpening: p.ID == first,
			Locked: true, Pinned: true, CanSanction: true, Next: "/mod", Form: form, Errors: errs, Values: values}
	}
	reports := []ReportLine{{Reason: "Spam", Note: "note <u>", Reporter: "cai", Repeated: true, Open: true, CreatedAt: now}, {Reason: "Other", Reporter: "a member", CreatedAt: now}}
	history := []HistoryLine{{What: "Post removed", Reason: "Spam", CreatedAt: now}}
	sanctions := []SanctionLine{{Kind: "suspension", Reason: "R", EndsAt: &until, CreatedAt: now}, {Kind: "warning", Reason: "W", Lifted: true, CreatedAt: now}}
	groups := []forum.Group{{ID: 1, Slug: "grief", Name: "Grief"}, {ID: 2, Slug: "anxiety", Name: "Anxiety", Archived: true}}
	tags := []ModTagChoice{{Slug: "self-harm", Name: "Self-harm", Checked: true}, {Slug: "abuse", Name: "Abuse"}}
	opening, reply := ref(1, forum.StatusVisible), ref(2, forum.StatusHeld)
	removed := ref(3, forum.StatusRemoved)
	removed.Tags = ""
	entry := func(p moderation.PostRef, kind string) ModEntry {
		return ModEntry{Item: moderation.QueueItem{ID: p.ID + 10, Kind: kind, PostID: p.ID, Detail: "Matched: <x>", CreatedAt: now}, ModPostBody: body(p),
			Waited: "3 hours", Urgent: kind == moderation.KindWellbeing, Reports: reports, History: history, Forms: forms(p, p.ID+10, kind, "")}
	}
	group := GroupForm{Slug: "new-group", Name: "Name <b>", Description: "Desc <i>", Guidelines: "Be kind <script>", Premod: forum.PremodNew, PremodFirstN: "3", RequireTag: true}
	gerrs := map[string]string{"slug": "Slug error", "name": "Name error", "description": "Description error", "guidelines": "Guidelines error", "premod": "Premod error", "premod_first_n": "N error"}
	pages := map[string]any{
		"mod/queue": ModQueueView{Base: base, Entries: []ModEntry{entry(opening, moderation.KindWellbeing), entry(reply, moderation.KindHeld), entry(removed, moderation.KindReport)},
			Groups: groups, Group: "grief", Kind: moderation.KindReport, NextURL: "/mod?page=1", Filtered: true,
			Care: ModCareView{Cover: "Moderators are around <b>.", OnDutyUntil: "22:00 UK time", Overnight: &OvernightView{Span: "since 22:00 UK time", Current: true, More: true,
				Items: []OvernightLine{{ItemID: 11, PostID: 1, Kind: moderation.KindWellbeing, Crisis: true, ThreadTitle: "T <i>", GroupName: "Grief", CreatedAt: now}, {ItemID: 12, PostID: 2, Kind: moderation.KindReport, ThreadTitle: "U", CreatedAt: now}}}}},
		"mod/queue#empty": ModQueueView{Base: base, Groups: groups, Care: ModCareView{Cover: "Nobody.", DutySpans: moderation.DutySpans}},
		"mod/post#opening": ModPostView{Base: base, ModPostBody: body(opening), Items: []moderation.QueueItem{{ID: 11, Kind: moderation.KindWellbeing, Detail: "d", CreatedAt: now}, {ID: 12, Kind: moderation.KindHeld, CreatedAt: now}},
			Reports: reports, History: history, Sanctions: sanctions, AuthorName: "ann", Groups: groups, PostTags: tags, ThreadTags: tags,
			Forms: forms(opening, 0, "", "move"), ErrorList: []string{"Choose a group."}},
		"mod/post#reply": ModPostView{Base: base, ModPostBody: body(removed), AuthorName: "ann", Groups: groups, PostTags: tags, ThreadTags: tags, Forms: forms(removed, 0, "", "suspend")},
		"mod/user": ModUserView{Base: base, UserID: author, Name: "ann<b>", Role: "member", Status: "suspended", StatusUntil: &until, History: history, Sanctions: sanctions,
			Forms: ModForms{AuthorID: author, CanSanction: true, Form: "warn", Errors: errs, Values: values}, ErrorList: []string{"Please give a reason."}},
		"mod/user#staff": ModUserView{Base: base, UserID: author, Name: "ann", Role: "moderator", Status: "active"},
		"mod/handled":    ModHandledView{Base: base, Message: "Already handled by a moderator 3 seconds ago.", Result: "Post removed.", Next: "/mod"},
		"mod/audit": ModAuditView{Base: base, Groups: groups, Actions: []Option{{Value: moderation.ActionRemove, Label: "Post removed", Selected: true}}, Actor: "sparrow", Action: moderation.ActionRemove, Group: "grief", NextURL: "/mod/audit?before=5",
			Entries: []AuditLine{{ID: 5, Actor: "sparrow", What: "Post removed", Action: moderation.ActionRemove, Target: "post 2", TargetURL: "/mod/posts/2", Subject: "ann", Group: "Grief", Reason: "Spam <b>", Detail: "d", SHA256: "ab12", CreatedAt: now}, {ID: 4, Actor: "Hearth (automatic)", What: "Site settings changed", Target: "site", CreatedAt: now}}},
		"mod/log":               ModLogView{Base: base, Entries: []PublicLine{{What: "Thread locked", Reason: "Resting <i>", Group: "Grief", GroupSlug: "grief", CreatedAt: now}, {What: "Group created", CreatedAt: now}}, NextURL: "/mod/log?before=3"},
		"report/new":            ReportFormView{Base: base, PostID: 2, ThreadID: 1, ThreadTitle: "Title <script>", AuthorName: "ann<b>", Reasons: moderation.ReportReasons, Reason: moderation.ReasonOther, Note: "kept <words>", Errors: map[string]string{"reason": "Choose.", "note": "Tell us."}, ErrorList: []string{"Choose.", "Tell us."}},
		"report/done":           ReportDoneView{Base: base, ThreadID: 1, PostID: 2},
		"report/done#wellbeing": ReportDoneView{Base: base, ThreadID: 1, PostID: 2, Wellbeing: true},
		"report/done#duplicate": ReportDoneView{Base: base, ThreadID: 1, PostID: 2, Duplicate: true},
		"report/done#repeated":  ReportDoneView{Base: base, ThreadID: 1, PostID: 2, Wellbeing: true, Repeated: true},
		"report/done#limited":   ReportDoneView{Base: base, ThreadID: 1, PostID: 2, Limited: true},
		"report/done#limited-w": ReportDoneView{Base: base, ThreadID: 1, PostID: 2, Limited: true, Wellbeing: true},
		"admin/index":           AdminView{Base: base, Groups: 5, Archived: 1, ReportThreshold: 3, Tags: 9},
		"admin/groups":          AdminGroupsView{Base: base, Groups: groups, Form: group, Errors: gerrs, ErrorList: []string{"Slug error"}},
		"admin/groups_edit":     AdminGroupView{Base: base, Group: forum.Group{ID: 1, Slug: "grief", Name: "Grief <b>", Archived: true}, Form: group, Errors: gerrs, ErrorList: []string{"Name error"}},
		"admin/settings": AdminSettingsView{Base: base, ReportThreshold: "3<b>", Hours: HoursForm{Days: dayChoices([]string{"mon", "sat"}), Start: "08:00", End: "22:00", Zone: "Europe/London", Label: "UK <b>", ReportThreshold: "2", HoldFirstPosts: "1", CrisisPanel: true}, Tags: []forum.Tag{{Slug: "self-harm", Name: "Self-harm <i>", Description: "d"}},
			NewTag: moderation.TagInput{Slug: "body-image", Name: "Body <b>", Description: "d"}, Form: "tag-new", Errors: map[string]string{"slug": "Slug error", "name": "Name error", "report_threshold": "Threshold error"}, ErrorList: []string{"Slug error"}},
	}
	for key, out := range renderFixtures(t, s, pages) {
		if n := strings.Count(out, "<h1"); n != 1 {
			t.Errorf("%s: %d h1 elements", key, n)
		}
		for _, raw := range []string{"<script>", "ann<b>", "<words>", "Because <i>", "note <u>", "Matched: <x>", "Spam <b>", "Resting <i>", "Name <b>", "Desc <i>", "Grief <b>", "Self-harm <i>", "Body <b>", "3<b>"} {
			if strings.Contains(out, raw) {
				t.Errorf("%s: unescaped text %q", key, raw)
			}
		}
		if !strings.Contains(out, `href="/crisis"`) {
			t.Errorf("%s: no link to the crisis page", key)
		}
	}
}

// renderFixtures renders each of pages, keyed by page name or "name#case",
// with its fixture view, and returns the HTML by key; a page that fails to
// render fails the test.
func renderFixtures(t *testing.T, s *Server, pages map[string]any) map[string]string {
	t.Helper()
	out := make(map[string]string, len(pages))
	for key, v := range pages {
		name, _, _ := strings.Cut(key, "#")
		var b bytes.Buffer
		if err := s.render.Render(&b, name, v, nil); err != nil {
			t.Errorf("%s: %v", key, err)
			continue
		}
		out[key] = b.String()
	}
	return out
}
