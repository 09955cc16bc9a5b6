package web

import (
	"strings"
	"testing"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/markup"
)

// TestPostingTemplatesRenderFixtures renders every reading and posting page
// with a fixture view that sets every field, so a template mistake shows
// here rather than in front of a member.
func TestPostingTemplatesRenderFixtures(t *testing.T) {
	s := templatesServer(t)
	now := time.Now().Add(-2 * time.Hour)
	edited := now.Add(time.Hour)
	base := Base{Title: "Fixture", User: &ViewUser{ID: 1, Name: "fixture"}, Unread: 3, Flash: "Saved."}
	tags := []TagLabel{{Slug: "self-harm", Name: "Self-harm"}}
	panel := &CrisisPanelView{Directory: []HelplineView{{Service: "Find a Helpline", Web: "https://findahelpline.com"}}, CountryName: "United Kingdom",
		Lines: []PanelLine{{HelplineView: HelplineView{Service: "Samaritans", Phone: "116 123", PhoneHref: "tel:116123"}}},
		Cover: &CoverView{Hours: "Moderators are around 08:00–22:00 UK time, every day.", Now: "Right now nobody is.", Lead: true, Emergency: "999", EmergencyHref: "tel:999"}}
	around := &CrisisPanelView{Directory: panel.Directory, Cover: &CoverView{Hours: "Moderators are around.", Now: "Right now moderators are around.", Around: true}}
	form := ComposeForm{Action: "/t/1/replies", WithTitle: true, Title: "T<i>", Body: "B <b>", Tags: []TagChoice{{Slug: "abuse", Name: "Abuse", Checked: true}},
		Idem: "idem-key-123", ParentID: 2, Version: 3, Back: "/t/1", Errors: map[string]string{"title": "Title error", "body": "Body error", "trigger_warnings": "Tag error", "parent_id": "Parent error"},
		Preview: markup.Stored("<p>Preview <em>text</em></p>"), Previewed: true, Suggestions: []TagSuggestion{{Slug: "self-harm", Name: "Self-harm", Reason: `mentions "cut"`}, {Slug: "abuse", Name: "Abuse", Checked: true}},
		Submit: "Post reply", RequireTag: true}
	form.Summary = formSummary(form.Errors)
	post := func(id int64, mode string) PostView {
		pv := PostView{ID: id, Indent: 5, ReplyingTo: "ann", AuthorName: "ben", AuthorKnown: true, CreatedAt: now, EditedAt: &edited, Created: timeText(s.i18n.Printer("en"), now, time.Now()), EditedExact: s.i18n.Printer("en").Date(edited),
			Body: markup.Stored("<p>Body " + mode + "</p>"), Tags: tags, TagNames: "Self-harm", Mode: mode, Held: true, Removed: true, Blocked: mode == forum.ModeShow,
			CanReply: true, CanQuote: true, CanEdit: true, CanDelete: true, CanReact: true, CanReport: true,
			Reactions: []ReactionView{{Kind: "hear", Label: "I hear you", Mine: true}}, PeopleReact: true,
			ReactedBy: []ReactionGroup{{Label: "Me too", Names: []string{"cai", "dee"}}}, Mod: &ModControls{PostID: id, ThreadID: 1, GroupID: 1, Status: "visible"}}
		pv.flags()
		return pv
	}
	info := ThreadInfo{ID: 1, Title: "Thread <title>", Tags: tags, Locked: true, Pinned: true, Held: true, GroupSlug: "grief", GroupName: "Grief"}
	placeholder := post(4, forum.ModeShow)
	placeholder.Placeholder = "This post was deleted by its author."
	g := forum.Group{Slug: "grief", Name: "Grief"}
	pages := map[string]any{
		"thread/show": ThreadPageView{Base: base, Thread: info, Posts: []PostView{post(1, forum.ModeShow), post(2, forum.ModeWarn), post(3, forum.ModeHide), placeholder},
			HiddenTags: "Self-harm", NextURL: "/t/1?after=x", PrevURL: "/t/1?before=y", SignedIn: true, ReplyForm: &form, LockNotice: "Locked.", Refusal: "Archived.",
			Following: true, Muted: false, Back: "/t/1", ModThread: &ModControls{ThreadID: 1}, CrisisPanel: panel, Reactions: forum.ReactionKinds},
		"compose/form": ComposeView{Base: base, Heading: "Reply", Intro: "Take your time.", Group: &g, Thread: &info, Parent: &PostView{AuthorName: "ann", Mode: forum.ModeWarn, TagNames: "Self-harm", Body: markup.Stored("<p>parent</p>")},
			Form: form, Refusal: "Refused.", Conflict: &ConflictInfo{Body: "current", HTML: markup.Stored("<p>current</p>"), Version: 4}, CrisisPanel: panel},
		"compose/preview":        PreviewFragment{Preview: markup.Stored("<p>p</p>"), Suggestions: form.Suggestions, CrisisPanel: panel},
		"compose/preview#around": PreviewFragment{Preview: markup.Stored("<p>p</p>"), CrisisPanel: around},
		"post/history":           RevisionsView{Base: base, Thread: info, PostID: 1, Current: markup.Stored("<p>now</p>"), Revisions: []RevisionView{{Version: 1, Title: "Old", Body: markup.Stored("<p>old</p>"), Tags: tags, WrittenAt: now, Replaced: edited}}},
		"notifications/index": NotificationsView{Base: base, Items: []NotificationView{{ID: 9, Text: "ben replied", URL: "/p/1", Excerpt: "words", Tags: tags, TagNames: "Self-harm", Collapsed: true, Unread: true, CreatedAt: now}, {ID: 8, Text: "cai said", URL: "/p/2", Excerpt: "open", CreatedAt: now}}, NextURL: "/notifications?before=8", HasUnread: true, UpTo: 9,
			FromModerators: []MemberNotice{{ID: 3, Message: "A moderator reviewed <b>", Reason: "Fine <i>", Link: "/t/1#p-2", CreatedAt: now}, {ID: 2, Message: "Warned", Warning: true, Read: true, CreatedAt: now}}, MoreFromModerators: true},
		"notifications/moderators":       ModNoticesView{Base: base, Notices: []MemberNotice{{ID: 3, Message: "A moderator approved", Reason: "Kind <i>", CreatedAt: now}}, NextURL: "/notifications/moderators?before=3"},
		"notifications/moderators#empty": ModNoticesView{Base: base},
		"search/index":                   SearchView{Base: base, Query: "q", GroupSlug: "grief", Groups: []GroupOption{{Slug: "grief", Name: "Grief", Selected: true}}, Searched: true, Results: []SearchResultView{{URL: "/p/1", Title: "T", Snippet: markup.Highlight("a q b", []string{"q"}), Tags: tags, TagNames: "Self-harm", Collapsed: true, Author: "ann", GroupName: "Grief", CreatedAt: now}}, NextURL: "/search?q=q&page=2", PrevURL: "/search?q=q&page=1", HiddenNote: true},
		"settings/warnings":              WarningsView{Base: base, Tags: []WarningChoice{{Slug: "abuse", Name: "Abuse", Description: "d", Mode: forum.ModeHide}}},
	}
	tv := pages["thread/show"].(ThreadPageView)
	var err error
	if tv.PostHTML, err = s.postFragments("en", tv.Posts, tv.Back, tv.Thread.ID); err != nil {
		t.Fatal(err)
	}
	pages["thread/show"] = tv
	for name, out := range renderFixtures(t, s, pages) {
		if !strings.HasPrefix(name, "compose/preview") && strings.Count(out, "<h1") != 1 {
			t.Errorf("%s: %d h1 elements", name, strings.Count(out, "<h1"))
		}
		if strings.Contains(out, "<title>Thread <title>") || strings.Contains(out, "T<i>") || strings.Contains(out, "B <b>") {
			t.Errorf("%s: unescaped member text", name)
		}
	}
}
