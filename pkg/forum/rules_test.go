package forum_test

import (
	"errors"
	"strings"
	"testing"

	"hearth/pkg/forum"
)

// The posting rules as tables, one per act: each rule, and each
// combination where the order of the rules or a moderator's exemption
// decides the answer.

// decideCase is facts and the rule that refuses them (0: allowed, with
// status for a new post).
type decideCase struct {
	name   string
	facts  forum.Facts
	rule   forum.Rule
	status string
}

func checkDecide(t *testing.T, cases []decideCase) {
	t.Helper()
	for _, tc := range cases {
		d := forum.Decide(tc.facts)
		var got forum.Rule
		if d.Refusal != nil {
			got = d.Refusal.Rule
		}
		if got != tc.rule {
			t.Errorf("%s: rule %d, want %d", tc.name, got, tc.rule)
			continue
		}
		if d.Allowed() != (tc.rule == 0) || (d.Err() == nil) != (tc.rule == 0) {
			t.Errorf("%s: Allowed %v, Err %v", tc.name, d.Allowed(), d.Err())
		}
		if d.Status != tc.status {
			t.Errorf("%s: status %q, want %q", tc.name, d.Status, tc.status)
		}
	}
}

// Writers, groups and threads of the tables: member (id 7) wrote nothing
// in thread 3 of group 1 but what a case says; other (id 8) started it.
var (
	member    = forum.Writer{ID: 7}
	moderator = forum.Writer{ID: 9, Moderator: true}
	author    = int64(7)
	other     = int64(8)
	open      = forum.Group{ID: 1, Name: "Grief"}
	archived  = forum.Group{ID: 1, Name: "Grief", Archived: true}
	premodAll = forum.Group{ID: 1, Name: "Grief", Premod: forum.PremodAll}
	premodNew = forum.Group{ID: 1, Name: "Grief", Premod: forum.PremodNew, PremodFirstN: 2}
	thread    = forum.Thread{ID: 3, GroupID: 1, AuthorID: &other, Status: forum.StatusVisible}
	locked    = forum.Thread{ID: 3, GroupID: 1, AuthorID: &other, Status: forum.StatusVisible, Locked: true, LockReason: "Letting this one rest"}
	opening   = post(3, forum.StatusVisible, &other)
)

func post(threadID int64, status string, by *int64) *forum.Post {
	return &forum.Post{ID: 11, ThreadID: threadID, Status: status, AuthorID: by}
}

func withStatus(t forum.Thread, status string) forum.Thread { t.Status = status; return t }

func withPrior(f forum.Facts, n int) forum.Facts { f.Prior = n; return f }

// composer is f asked before anything is written: whether to offer a form.
func composer(f forum.Facts) forum.Facts { f.Drafted, f.Parent, f.ParentID = false, nil, 0; return f }

func TestDecideStart(t *testing.T) {
	start := func(w forum.Writer, g forum.Group, tags ...string) forum.Facts {
		return forum.Facts{Act: forum.ActStart, Writer: w, Group: g, Drafted: true, Tags: forum.MakeTags(tags)}
	}
	tagged := forum.Group{ID: 1, Name: "Grief", RequireTag: true}
	checkDecide(t, []decideCase{
		{"start in an open group", start(member, open), 0, forum.StatusVisible},
		{"start in an archived group", start(member, archived), forum.RuleArchived, ""},
		{"a moderator starts in an archived group", start(moderator, archived), forum.RuleArchived, ""},
		{"required warning missing", start(member, tagged), forum.RuleTagRequired, ""},
		{"required warning missing, moderator", start(moderator, tagged), forum.RuleTagRequired, ""},
		{"required warning given", start(member, tagged, "death-loss"), 0, forum.StatusVisible},
		{"required warning, composer not yet written", composer(start(member, tagged)), 0, forum.StatusVisible},
		{"archived comes before the missing warning", start(member, forum.Group{Archived: true, RequireTag: true}), forum.RuleArchived, ""},
		{"start in a pre-moderated group", start(member, premodAll), 0, forum.StatusHeld},
		{"a moderator starts in a pre-moderated group", start(moderator, premodAll), 0, forum.StatusVisible},
		{"a new member's first post", withPrior(start(member, premodNew), 0), 0, forum.StatusHeld},
		{"a new member's second post", withPrior(start(member, premodNew), 1), 0, forum.StatusHeld},
		{"a member past the first posts", withPrior(start(member, premodNew), 2), 0, forum.StatusVisible},
	})
}

func TestDecideReply(t *testing.T) {
	reply := func(w forum.Writer, g forum.Group, th forum.Thread, parent *forum.Post) forum.Facts {
		f := forum.Facts{Act: forum.ActReply, Writer: w, Group: g, Thread: th, Drafted: true, Parent: parent}
		if parent != nil {
			f.ParentID = parent.ID
		}
		return f
	}
	held, removed := withStatus(thread, forum.StatusHeld), withStatus(thread, forum.StatusRemoved)
	missing := forum.Facts{Act: forum.ActReply, Writer: member, Group: open, Thread: thread, ParentID: 99, Drafted: true}
	checkDecide(t, []decideCase{
		{"reply to the thread", reply(member, open, thread, opening), 0, forum.StatusVisible},
		{"reply form under an open thread", composer(reply(member, open, thread, nil)), 0, forum.StatusVisible},
		{"reply to a locked thread", reply(member, open, locked, opening), forum.RuleLocked, ""},
		{"reply form under a locked thread", composer(reply(member, open, locked, nil)), forum.RuleLocked, ""},
		{"a moderator replies to a locked thread", reply(moderator, open, locked, opening), 0, forum.StatusVisible},
		{"reply in an archived group", reply(member, archived, thread, opening), forum.RuleArchived, ""},
		{"a moderator replies in an archived group", reply(moderator, archived, thread, opening), forum.RuleArchived, ""},
		{"archived comes before locked", reply(member, archived, locked, opening), forum.RuleArchived, ""},
		{"reply to a held post", reply(member, open, thread, post(3, forum.StatusHeld, &other)), forum.RuleParent, ""},
		{"reply to one's own held post", reply(member, open, thread, post(3, forum.StatusHeld, &author)), 0, forum.StatusVisible},
		{"a moderator replies to a held post", reply(moderator, open, thread, post(3, forum.StatusHeld, &other)), 0, forum.StatusVisible},
		{"reply to a post of another thread", reply(member, open, thread, post(4, forum.StatusVisible, &other)), forum.RuleParent, ""},
		{"a moderator replies to a post of another thread", reply(moderator, open, thread, post(4, forum.StatusVisible, &other)), forum.RuleParent, ""},
		{"reply to a post that does not exist", missing, forum.RuleParent, ""},
		{"reply when the opening post is missing", reply(member, open, thread, nil), forum.RuleParent, ""},
		{"reply to a redacted post", reply(member, open, thread, post(3, forum.StatusRedacted, &other)), 0, forum.StatusVisible},
		{"reply to a deleted post", reply(member, open, thread, post(3, forum.StatusDeleted, nil)), 0, forum.StatusVisible},
		{"a bad parent comes before the lock", reply(member, open, locked, post(4, forum.StatusVisible, &other)), forum.RuleParent, ""},
		{"reply in someone else's held thread", reply(member, open, held, opening), forum.RuleGone, ""},
		{"reply in one's own held thread", reply(forum.Writer{ID: other}, open, held, post(3, forum.StatusHeld, &other)), 0, forum.StatusVisible},
		{"a moderator replies in a held thread", reply(moderator, open, held, post(3, forum.StatusHeld, &other)), 0, forum.StatusVisible},
		{"reply in a removed thread", reply(member, open, removed, opening), forum.RuleGone, ""},
		{"a moderator replies in a removed thread", reply(moderator, open, removed, opening), 0, forum.StatusVisible},
		{"reply in a pre-moderated group", reply(member, premodAll, thread, opening), 0, forum.StatusHeld},
		{"a moderator replies in a pre-moderated group", reply(moderator, premodAll, thread, opening), 0, forum.StatusVisible},
		{"a new member's reply", withPrior(reply(member, premodNew, thread, opening), 1), 0, forum.StatusHeld},
		{"a locked, pre-moderated thread refuses before holding", reply(member, premodAll, locked, opening), forum.RuleLocked, ""},
		{"reply to a member who blocked the writer", blocked(reply(member, open, thread, opening)), forum.RuleBlocked, ""},
		{"reply form before the block is read", composer(blocked(reply(member, open, thread, nil))), 0, forum.StatusVisible},
		{"staff reply to a member who blocked them", blocked(reply(forum.Writer{ID: 9, Staff: true}, open, thread, opening)), 0, forum.StatusVisible},
		{"a lock comes before the block", blocked(reply(member, open, locked, opening)), forum.RuleLocked, ""},
	})
}

// blocked is f where the member answered has blocked the writer.
func blocked(f forum.Facts) forum.Facts { f.Blocked = true; return f }

func TestDecideEdit(t *testing.T) {
	edit := func(w forum.Writer, th forum.Thread, p *forum.Post) forum.Facts {
		return forum.Facts{Act: forum.ActEdit, Writer: w, Group: open, Thread: th, Post: *p, Drafted: true}
	}
	modAuthor := forum.Writer{ID: author, Moderator: true}
	tagged := forum.Group{ID: 1, Name: "Grief", RequireTag: true}
	replyPost := post(3, forum.StatusVisible, &author)
	replyPost.ParentID = &opening.ID
	checkDecide(t, []decideCase{
		{"edit one's own post", edit(member, thread, post(3, forum.StatusVisible, &author)), 0, ""},
		{"edit one's own held post", edit(member, thread, post(3, forum.StatusHeld, &author)), 0, ""},
		{"edit someone else's post", edit(member, thread, post(3, forum.StatusVisible, &other)), forum.RuleNotAuthor, ""},
		{"a moderator edits someone else's post", edit(moderator, thread, post(3, forum.StatusVisible, &other)), forum.RuleNotAuthor, ""},
		{"edit a removed post", edit(member, thread, post(3, forum.StatusRemoved, &author)), forum.RuleClosed, ""},
		{"edit a redacted post", edit(member, thread, post(3, forum.StatusRedacted, &author)), forum.RuleClosed, ""},
		{"edit in a locked thread", edit(member, locked, post(3, forum.StatusVisible, &author)), forum.RuleLocked, ""},
		{"a moderator edits their post in a locked thread", edit(modAuthor, locked, post(3, forum.StatusVisible, &author)), 0, ""},
		{"closed comes before locked", edit(member, locked, post(3, forum.StatusRemoved, &author)), forum.RuleClosed, ""},
		{"edit in an archived group", inGroup(edit(member, thread, post(3, forum.StatusVisible, &author)), archived), forum.RuleArchived, ""},
		{"a moderator edits their post in an archived group", inGroup(edit(modAuthor, thread, post(3, forum.StatusVisible, &author)), archived), 0, ""},
		{"edit form in an archived group", composer(inGroup(edit(member, thread, post(3, forum.StatusVisible, &author)), archived)), forum.RuleArchived, ""},
		{"archived comes before locked", inGroup(edit(member, locked, post(3, forum.StatusVisible, &author)), archived), forum.RuleArchived, ""},
		{"closed comes before archived", inGroup(edit(member, thread, post(3, forum.StatusRemoved, &author)), archived), forum.RuleClosed, ""},
		{"edit the opening post without the required warning", inGroup(edit(member, thread, post(3, forum.StatusVisible, &author)), tagged), forum.RuleTagRequired, ""},
		{"a moderator edits their opening post without the required warning", inGroup(edit(modAuthor, thread, post(3, forum.StatusVisible, &author)), tagged), forum.RuleTagRequired, ""},
		{"edit the opening post keeping the required warning", withTags(inGroup(edit(member, thread, post(3, forum.StatusVisible, &author)), tagged), "death-loss"), 0, ""},
		{"edit form of an untagged opening post", composer(inGroup(edit(member, thread, post(3, forum.StatusVisible, &author)), tagged)), 0, ""},
		{"edit a reply without a warning where threads need one", inGroup(edit(member, thread, replyPost), tagged), 0, ""},
		{"locked comes before the missing warning", inGroup(edit(member, locked, post(3, forum.StatusVisible, &author)), tagged), forum.RuleLocked, ""},
	})
}

func inGroup(f forum.Facts, g forum.Group) forum.Facts { f.Group = g; return f }

func withTags(f forum.Facts, tags ...string) forum.Facts { f.Tags = forum.MakeTags(tags); return f }

func TestDecideMove(t *testing.T) {
	move := func(to forum.Group) forum.Facts {
		return forum.Facts{Act: forum.ActMove, Writer: moderator, Group: to, Thread: thread}
	}
	checkDecide(t, []decideCase{
		{"move to another group", move(forum.Group{ID: 2, Name: "Anxiety"}), 0, ""},
		{"move to the group it is in", move(open), forum.RuleSameGroup, ""},
		{"move to an archived group", move(forum.Group{ID: 2, Name: "Anxiety", Archived: true}), forum.RuleArchived, ""},
	})
}

// NeedsPrior asks for the writer's earlier posts only where
// pre-moderation of new members can use them.
func TestNeedsPrior(t *testing.T) {
	premodNew := forum.Group{Premod: forum.PremodNew, PremodFirstN: 3}
	for _, tc := range []struct {
		name string
		f    forum.Facts
		want bool
	}{
		{"member starting in a new-member group", forum.Facts{Act: forum.ActStart, Group: premodNew}, true},
		{"member replying in a new-member group", forum.Facts{Act: forum.ActReply, Group: premodNew}, true},
		{"moderator", forum.Facts{Act: forum.ActReply, Writer: forum.Writer{Moderator: true}, Group: premodNew}, false},
		{"edit", forum.Facts{Act: forum.ActEdit, Group: premodNew}, false},
		{"group holding every post", forum.Facts{Act: forum.ActReply, Group: forum.Group{Premod: forum.PremodAll}}, false},
		{"new-member group holding none", forum.Facts{Act: forum.ActReply, Group: forum.Group{Premod: forum.PremodNew}}, false},
		{"open group", forum.Facts{Act: forum.ActReply}, false},
	} {
		if got := forum.NeedsPrior(tc.f); got != tc.want {
			t.Errorf("%s: %v", tc.name, got)
		}
	}
}

// A refusal is the right kind of error: a field's message for the form, or
// the sentinel its handler turns into a status.
func TestRefusalErrors(t *testing.T) {
	thread := forum.Thread{ID: 3, GroupID: 1, Status: forum.StatusVisible, Locked: true, LockReason: "A pause"}
	member := forum.Writer{ID: 7}
	lock := forum.Decide(forum.Facts{Act: forum.ActReply, Writer: member, Thread: thread})
	if !errors.Is(lock.Err(), forum.ErrLocked) || lock.Refusal.Field() != "" {
		t.Fatalf("lock: %v", lock.Err())
	}
	if r, ok := forum.AsRefusal(lock.Err()); !ok || r.Message() != forum.LockNotice(thread) {
		t.Fatalf("lock refusal %v", lock.Err())
	}
	gone := forum.Decide(forum.Facts{Act: forum.ActReply, Writer: member, Thread: forum.Thread{Status: forum.StatusRemoved}})
	if !errors.Is(gone.Err(), forum.ErrNotFound) {
		t.Fatalf("gone: %v", gone.Err())
	}
	block := forum.Decide(forum.Facts{Act: forum.ActReply, Writer: member, Thread: forum.Thread{ID: 3, Status: forum.StatusVisible},
		Parent: &forum.Post{ThreadID: 3, Status: forum.StatusVisible}, Drafted: true, Blocked: true})
	if r, ok := forum.AsRefusal(block.Err()); !ok || !errors.Is(block.Err(), forum.ErrForbidden) || r.Field() != "" || r.Message() != forum.ReplyRefused {
		t.Fatalf("block: %v", block.Err())
	}
	closed := forum.Decide(forum.Facts{Act: forum.ActEdit, Writer: member, Post: forum.Post{AuthorID: &member.ID, Status: forum.StatusDeleted}})
	if !errors.Is(closed.Err(), forum.ErrForbidden) {
		t.Fatalf("closed: %v", closed.Err())
	}
	archivedEdit := forum.Decide(forum.Facts{Act: forum.ActEdit, Writer: member, Group: forum.Group{Archived: true},
		Post: forum.Post{AuthorID: &member.ID, Status: forum.StatusVisible}})
	if !errors.Is(archivedEdit.Err(), forum.ErrLocked) || !strings.Contains(archivedEdit.Refusal.Message(), "can't be edited") {
		t.Fatalf("edit in an archived group: %v", archivedEdit.Err())
	}
	for _, tc := range []struct {
		f     forum.Facts
		field string
		says  string
	}{
		{forum.Facts{Act: forum.ActEdit, Writer: member, Group: forum.Group{RequireTag: true}, Post: forum.Post{AuthorID: &member.ID, Status: forum.StatusVisible},
			Drafted: true}, "trigger_warnings", "at least one trigger-warning tag"},
		{forum.Facts{Act: forum.ActReply, Writer: member, Thread: forum.Thread{ID: 3, Status: forum.StatusVisible}, ParentID: 5, Drafted: true}, "parent_id", "isn't part of this thread"},
		{forum.Facts{Act: forum.ActStart, Writer: member, Group: forum.Group{RequireTag: true}, Drafted: true}, "trigger_warnings", "at least one trigger-warning tag"},
		{forum.Facts{Act: forum.ActMove, Group: forum.Group{ID: 1, Name: "Grief"}, Thread: forum.Thread{GroupID: 1}}, "group", "already in Grief"},
		{forum.Facts{Act: forum.ActMove, Group: forum.Group{ID: 2, Name: "Anxiety", Archived: true}, Thread: forum.Thread{GroupID: 1}}, "group", "Anxiety is archived"},
	} {
		v, ok := forum.AsValidation(forum.Decide(tc.f).Err())
		if !ok || !strings.Contains(v.Fields[tc.field], tc.says) || len(v.Fields) != 1 {
			t.Errorf("field %s: %+v", tc.field, v)
		}
	}
}

// The lock sentence carries the moderators' reason, and says what an
// author may still do on the edit page.
func TestLockSentences(t *testing.T) {
	open := forum.Thread{ID: 3}
	if forum.LockNotice(open) != "" {
		t.Fatal("an open thread has a lock notice")
	}
	bare := forum.Thread{ID: 3, Locked: true, Status: forum.StatusVisible}
	if got := forum.LockNotice(bare); got != "Moderators have locked this thread, so it no longer takes replies." {
		t.Fatalf("without a reason: %q", got)
	}
	reasoned := bare
	reasoned.LockReason = "Letting this one rest"
	notice := forum.LockNotice(reasoned)
	if !strings.HasSuffix(notice, " Reason: Letting this one rest") {
		t.Fatalf("with a reason: %q", notice)
	}
	author := int64(7)
	edit := forum.Decide(forum.Facts{Act: forum.ActEdit, Writer: forum.Writer{ID: 7}, Thread: reasoned,
		Post: forum.Post{AuthorID: &author, Status: forum.StatusVisible}})
	// The reason comes last, where a translation can keep it whole.
	if m := edit.Refusal.Message(); m != "Moderators have locked this thread, so it no longer takes replies. Posts in it can't be edited, but you can still delete yours. Reason: Letting this one rest" {
		t.Fatalf("edit refusal %q", m)
	}
}

// Every rule has its own sentence.
func TestRefusalSentencesDiffer(t *testing.T) {
	seen := map[string]forum.Rule{}
	for rule := forum.RuleGone; rule <= forum.RuleBlocked; rule++ {
		m := (&forum.Refusal{Rule: rule, Act: forum.ActReply}).Message()
		if m == "" || m == (&forum.Refusal{}).Message() {
			t.Errorf("rule %d has no sentence", rule)
		}
		if r, ok := seen[m]; ok {
			t.Errorf("rules %d and %d say the same: %q", r, rule, m)
		}
		seen[m] = rule
	}
}
