package forum_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// The posting rules through the service and the real store, on both
// databases: each refusal leaves nothing written, and each success writes
// the post with the status pre-moderation gives it.

// posting is a forum service on a fresh database with a member, a second
// member and a moderator's writer identity.
type posting struct {
	t      *testing.T
	db     *store.DB
	svc    *forum.Service
	ctx    context.Context
	member forum.Writer
	other  forum.Writer
}

func newPosting(t *testing.T, db *store.DB) *posting {
	return &posting{t: t, db: db, svc: forum.NewService(store.NewForum(db)), ctx: context.Background(),
		member: forum.Writer{ID: forumtest.InsertUser(t, db, "alder", "member")},
		other:  forum.Writer{ID: forumtest.InsertUser(t, db, "birch", "member")}}
}

// moderator is a writer who moderates the group concerned (the web layer
// decides that through hearth/pkg/auth).
func (p *posting) moderator(name string) forum.Writer {
	return forum.Writer{ID: forumtest.InsertUser(p.t, p.db, name, "moderator"), Moderator: true}
}

func (p *posting) exec(sql string, args ...any) {
	p.t.Helper()
	if err := p.db.W.Exec(sql, args...).Error; err != nil {
		p.t.Fatal(err)
	}
}

func (p *posting) count(sql string, args ...any) int64 {
	p.t.Helper()
	var n int64
	if err := p.db.R.Raw(sql, args...).Scan(&n).Error; err != nil {
		p.t.Fatal(err)
	}
	return n
}

func (p *posting) posts() int64 { return p.count("SELECT COUNT(*) FROM posts") }

// thread starts a thread in slug as w and returns it.
func (p *posting) thread(slug string, w forum.Writer) forum.Post {
	p.t.Helper()
	res, err := p.svc.StartThread(p.ctx, forumtest.Group(p.t, p.db, slug), w, forum.Draft{Title: "A thread", Body: "Opening words."}, "")
	if err != nil {
		p.t.Fatal(err)
	}
	return res.Post
}

func (p *posting) reply(th forum.Post, w forum.Writer, parentID int64) (forum.Posted, error) {
	return p.svc.Reply(p.ctx, th.ThreadID, w, parentID, forum.Draft{Body: "A reply."}, "")
}

// refused checks that err is the refusal of rule and that nothing was
// written since before posts existed.
func (p *posting) refused(what string, err error, rule forum.Rule, before int64) {
	p.t.Helper()
	if r, ok := forum.AsRefusal(err); !ok || r.Rule != rule {
		p.t.Errorf("%s: %v, want rule %d", what, err, rule)
	}
	if n := p.posts(); n != before {
		p.t.Errorf("%s: %d posts written", what, n-before)
	}
}

// fieldRefused checks that err carries a message for field.
func (p *posting) fieldRefused(what string, err error, field, says string, before int64) {
	p.t.Helper()
	v, ok := forum.AsValidation(err)
	if !ok || !strings.Contains(v.Fields[field], says) {
		p.t.Errorf("%s: %v, want %s to say %q", what, err, field, says)
	}
	if n := p.posts(); n != before {
		p.t.Errorf("%s: %d posts written", what, n-before)
	}
}

func TestStartThreadFollowsTheRules(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		p := newPosting(t, db)
		mod := p.moderator("cedar")
		draft := forum.Draft{Title: "Hello", Body: "Words."}
		before := p.posts()

		p.exec("UPDATE groups SET archived = ? WHERE slug = 'ptsd'", true)
		ptsd := forumtest.Group(t, db, "ptsd")
		for _, w := range []forum.Writer{p.member, mod} {
			_, err := p.svc.StartThread(p.ctx, ptsd, w, draft, "")
			p.refused("archived group", err, forum.RuleArchived, before)
			if !errors.Is(err, forum.ErrLocked) {
				t.Errorf("archived group: %v is not ErrLocked", err)
			}
		}
		// Archived after the page was read: the write's own read decides.
		grief := forumtest.Group(t, db, "grief")
		p.exec("UPDATE groups SET archived = ? WHERE slug = 'grief'", true)
		_, err := p.svc.StartThread(p.ctx, grief, p.member, draft, "")
		p.refused("group archived meanwhile", err, forum.RuleArchived, before)
		p.exec("UPDATE groups SET archived = ? WHERE slug = 'grief'", false)

		// A required warning is asked for with the other messages.
		p.exec("UPDATE groups SET require_tag = ? WHERE slug = 'anxiety'", true)
		anxiety := forumtest.Group(t, db, "anxiety")
		_, err = p.svc.StartThread(p.ctx, anxiety, p.member, forum.Draft{Title: "Hi", Body: "Words."}, "")
		p.fieldRefused("no warning, short title", err, "trigger_warnings", "at least one trigger-warning tag", before)
		if v, _ := forum.AsValidation(err); v == nil || v.Fields["title"] == "" {
			t.Errorf("the title's message is missing: %v", err)
		}
		res, err := p.svc.StartThread(p.ctx, anxiety, p.member, forum.Draft{Title: "Tagged", Body: "Words.", Tags: []string{"self-harm"}}, "")
		if err != nil || res.Held() || res.Post.Status != forum.StatusVisible {
			t.Fatalf("tagged thread: %+v %v", res, err)
		}

		// Pre-moderation holds the thread, not a moderator's.
		p.exec("UPDATE groups SET premod = ? WHERE slug = 'grief'", forum.PremodAll)
		grief = forumtest.Group(t, db, "grief")
		res, err = p.svc.StartThread(p.ctx, grief, p.member, draft, "")
		if err != nil || !res.Held() {
			t.Fatalf("pre-moderated thread: %+v %v", res, err)
		}
		if s := p.count("SELECT COUNT(*) FROM threads WHERE id = ? AND status = 'held'", res.Post.ThreadID); s != 1 {
			t.Error("the thread of a held opening post is not held")
		}
		if n := p.count("SELECT COUNT(*) FROM queue_items WHERE post_id = ? AND kind = 'held' AND status = 'open'", res.Post.ID); n != 1 {
			t.Errorf("%d held queue items", n)
		}
		res, err = p.svc.StartThread(p.ctx, grief, mod, draft, "")
		if err != nil || res.Held() {
			t.Fatalf("a moderator's thread: %+v %v", res, err)
		}
	})
}

func TestReplyFollowsTheRules(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		p := newPosting(t, db)
		mod := p.moderator("cedar")
		op := p.thread("grief", p.other)
		first, err := p.reply(op, p.member, 0)
		if err != nil || first.Held() || *first.Post.ParentID != op.ID {
			t.Fatalf("reply: %+v %v", first, err)
		}
		before := p.posts()

		// A locked thread refuses members, with the moderators' reason, and
		// takes a moderator's reply.
		p.exec("UPDATE threads SET locked = ?, lock_reason = 'Letting this one rest' WHERE id = ?", true, op.ThreadID)
		_, err = p.reply(op, p.member, first.Post.ID)
		p.refused("locked thread", err, forum.RuleLocked, before)
		if r, _ := forum.AsRefusal(err); r == nil || !strings.Contains(r.Message(), "Letting this one rest") {
			t.Errorf("the lock refusal lacks the reason: %v", err)
		}
		if res, err := p.reply(op, mod, 0); err != nil || res.Held() {
			t.Fatalf("a moderator's reply to a locked thread: %+v %v", res, err)
		}
		p.exec("UPDATE threads SET locked = ? WHERE id = ?", false, op.ThreadID)

		// An archived group refuses everyone.
		p.exec("UPDATE groups SET archived = ? WHERE slug = 'grief'", true)
		before = p.posts()
		for _, w := range []forum.Writer{p.member, mod} {
			_, err = p.reply(op, w, 0)
			p.refused("archived group", err, forum.RuleArchived, before)
		}
		p.exec("UPDATE groups SET archived = ? WHERE slug = 'grief'", false)

		// The post answered: in the thread, there, and not held for
		// someone else's review.
		other := p.thread("anxiety", p.other)
		before = p.posts()
		_, err = p.reply(op, p.member, other.ID)
		p.fieldRefused("parent in another thread", err, "parent_id", "isn't part of this thread", before)
		_, err = p.reply(op, p.member, 999999)
		p.fieldRefused("parent that does not exist", err, "parent_id", "isn't part of this thread", before)
		p.exec("UPDATE posts SET status = 'held' WHERE id = ?", first.Post.ID)
		_, err = p.reply(op, p.other, first.Post.ID)
		p.fieldRefused("held parent", err, "parent_id", "isn't part of this thread", before)
		for _, w := range []forum.Writer{p.member, mod} {
			if res, err := p.reply(op, w, first.Post.ID); err != nil || res.Post.Depth != 2 {
				t.Errorf("reply to a held post by its author or a moderator: %+v %v", res, err)
			}
		}

		// A thread held for review is there only for its author and
		// moderators; a removed one only for moderators; a missing one for
		// nobody.
		p.exec("UPDATE threads SET status = 'held' WHERE id = ?", op.ThreadID)
		before = p.posts()
		_, err = p.reply(op, p.member, 0)
		p.refused("someone else's held thread", err, forum.RuleGone, before)
		if !errors.Is(err, forum.ErrNotFound) {
			t.Errorf("held thread: %v is not ErrNotFound", err)
		}
		if _, err := p.reply(op, p.other, 0); err != nil {
			t.Errorf("the author's reply in their held thread: %v", err)
		}
		p.exec("UPDATE threads SET status = 'removed' WHERE id = ?", op.ThreadID)
		before = p.posts()
		_, err = p.reply(op, p.other, 0)
		p.refused("removed thread", err, forum.RuleGone, before)
		if _, err := p.reply(op, mod, 0); err != nil {
			t.Errorf("a moderator's reply in a removed thread: %v", err)
		}
		before = p.posts()
		_, err = p.svc.Reply(p.ctx, op.ThreadID+1000, p.member, 0, forum.Draft{Body: "Words."}, "")
		p.refused("missing thread", err, forum.RuleGone, before)
	})
}

func TestReplyPreModeration(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		p := newPosting(t, db)
		mod := p.moderator("cedar")
		op := p.thread("grief", p.other)
		replies := func() int64 { return p.count("SELECT reply_count FROM threads WHERE id = ?", op.ThreadID) }

		// Every member's post waits in a PremodAll group, and the thread
		// counts it only once a moderator lets it through.
		p.exec("UPDATE groups SET premod = ? WHERE slug = 'grief'", forum.PremodAll)
		res, err := p.reply(op, p.member, 0)
		if err != nil || !res.Held() || replies() != 0 {
			t.Fatalf("held reply: %+v %v, %d replies counted", res, err, replies())
		}
		if n := p.count("SELECT COUNT(*) FROM queue_items WHERE post_id = ? AND kind = 'held'", res.Post.ID); n != 1 {
			t.Errorf("%d held queue items", n)
		}
		if n := p.count("SELECT COUNT(*) FROM notifications WHERE post_id = ?", res.Post.ID); n != 0 {
			t.Errorf("a held reply notified %d members", n)
		}
		if res, err := p.reply(op, mod, 0); err != nil || res.Held() || replies() != 1 {
			t.Fatalf("a moderator's reply: %+v %v, %d replies counted", res, err, replies())
		}

		// A PremodNew group holds a member's first two posts there; posts
		// moderators let through count towards them.
		p.exec("UPDATE groups SET premod = ?, premod_first_n = 2 WHERE slug = 'grief'", forum.PremodNew)
		newcomer := forum.Writer{ID: forumtest.InsertUser(t, db, "dove", "member")}
		var held []int64
		for range 2 {
			res, err := p.reply(op, newcomer, 0)
			if err != nil || !res.Held() {
				t.Fatalf("a newcomer's early post: %+v %v", res, err)
			}
			held = append(held, res.Post.ID)
		}
		if res, err := p.reply(op, newcomer, 0); err != nil || !res.Held() {
			t.Fatalf("held posts do not count towards the first two: %+v %v", res, err)
		}
		p.exec("UPDATE posts SET status = 'visible' WHERE id IN (?, ?)", held[0], held[1])
		if res, err := p.reply(op, newcomer, 0); err != nil || res.Held() {
			t.Fatalf("after two posts let through: %+v %v", res, err)
		}
		if res, err := p.reply(op, mod, 0); err != nil || res.Held() {
			t.Fatalf("a moderator is never a newcomer: %+v %v", res, err)
		}
	})
}

// A repeated submission answers with the first post before any rule is
// asked, so a double click after a lock still finds the reply it made.
func TestRepeatedReplyBeforeTheRules(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		p := newPosting(t, db)
		op := p.thread("grief", p.other)
		d := forum.Draft{Body: "Sent twice."}
		first, err := p.svc.Reply(p.ctx, op.ThreadID, p.member, 0, d, "repeat-key-1")
		if err != nil {
			t.Fatal(err)
		}
		p.exec("UPDATE threads SET locked = ? WHERE id = ?", true, op.ThreadID)
		again, err := p.svc.Reply(p.ctx, op.ThreadID, p.member, 0, d, "repeat-key-1")
		if err != nil || !again.Duplicate || again.Post.ID != first.Post.ID {
			t.Fatalf("repeat: %+v %v", again, err)
		}
		if _, err := p.svc.Reply(p.ctx, op.ThreadID, p.member, 0, d, "repeat-key-2"); !errors.Is(err, forum.ErrLocked) {
			t.Fatalf("a new key on a locked thread: %v", err)
		}
	})
}

func TestEditFollowsTheRules(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		p := newPosting(t, db)
		op := p.thread("grief", p.other)
		res, err := p.reply(op, p.member, 0)
		if err != nil {
			t.Fatal(err)
		}
		row, err := p.svc.Post(p.ctx, res.Post.ID)
		if err != nil {
			t.Fatal(err)
		}
		edit := func(w forum.Writer, version int) (forum.Posted, error) {
			return p.svc.Edit(p.ctx, row, w, version, forum.Draft{Body: "Edited words."})
		}
		unchanged := func(what string) {
			t.Helper()
			if v := p.count("SELECT version FROM posts WHERE id = ?", row.ID); v != 1 {
				t.Errorf("%s: the post is at version %d", what, v)
			}
		}
		_, err = edit(p.other, 1)
		if r, ok := forum.AsRefusal(err); !ok || r.Rule != forum.RuleNotAuthor || !errors.Is(err, forum.ErrForbidden) {
			t.Errorf("someone else's edit: %v", err)
		}
		unchanged("someone else's edit")

		p.exec("UPDATE threads SET locked = ?, lock_reason = 'A pause' WHERE id = ?", true, op.ThreadID)
		_, err = edit(p.member, 1)
		if r, ok := forum.AsRefusal(err); !ok || r.Rule != forum.RuleLocked || !strings.Contains(r.Message(), "still delete yours") {
			t.Errorf("edit in a locked thread: %v", err)
		}
		unchanged("edit in a locked thread")
		// The author moderates the group: the lock does not stop them.
		if _, err := edit(forum.Writer{ID: p.member.ID, Moderator: true}, 1); err != nil {
			t.Fatalf("a moderator's edit of their post in a locked thread: %v", err)
		}
		p.exec("UPDATE threads SET locked = ? WHERE id = ?", false, op.ThreadID)

		if _, err := edit(p.member, 1); !errors.Is(err, forum.ErrConflict) {
			t.Errorf("edit from a version that moved on: %v", err)
		}
		out, err := edit(p.member, 2)
		if err != nil || out.Post.Version != 3 {
			t.Fatalf("edit: %+v %v", out, err)
		}
		if n := p.count("SELECT COUNT(*) FROM post_revisions WHERE post_id = ?", row.ID); n != 2 {
			t.Errorf("%d revisions kept", n)
		}
		p.exec("UPDATE posts SET status = 'removed' WHERE id = ?", row.ID)
		_, err = edit(p.member, 3)
		if r, ok := forum.AsRefusal(err); !ok || r.Rule != forum.RuleClosed {
			t.Errorf("edit of a removed post: %v", err)
		}
	})
}
