package store_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// The queries that run on every signed-in page list their columns by hand
// (pkg/store/rows.go). These tests fill every field of each row, read it
// back both through the hand-written query and through GORM's model, and
// need the two to agree: a column added to a model but not to its query,
// or scanned into the wrong field, fails here.

// allSet fails the test when a field of v is zero, so a field added later
// has to be given a value (and so be checked) here.
func allSet(t *testing.T, v any) {
	t.Helper()
	rv := reflect.ValueOf(v)
	for i := range rv.NumField() {
		if rv.Field(i).IsZero() {
			t.Fatalf("%s.%s is zero in the fixture: give it a value so the test covers its column", rv.Type().Name(), rv.Type().Field(i).Name)
		}
	}
}

func TestSessionUserReadsEveryColumn(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Second)
		until := now.Add(48 * time.Hour)
		u := auth.User{Username: "Rowan", UsernameKey: "rowan", PasswordHash: "$argon2id$hash", Role: auth.RoleModerator,
			ModeratorSiteWide: true, SafeguardingLead: true, Status: auth.StatusSuspended, StatusUntil: &until, StatusReason: "a pause",
			Country: "GB", Language: "es", TOTPSecret: "SECRET", TOTPEnabled: true, TOTPLastStep: 42,
			CreatedAt: now.Add(-time.Hour), UpdatedAt: now.Add(-time.Minute), SettingsVersion: 3, NoticeVersion: 5,
			Helping: true, PeerSupporter: true, SupportActive: true}
		a := store.NewAuth(db)
		if err := a.CreateUser(ctx, &u); err != nil {
			t.Fatal(err)
		}
		allSet(t, u)
		if err := db.W.Exec("INSERT INTO member_versions (user_id, notices) VALUES (?, ?)", u.ID, u.NoticeVersion).Error; err != nil {
			t.Fatal(err)
		}
		// Their part in peer support: helping, a supporter in a group, and
		// an open request of their own.
		for _, q := range []string{
			"INSERT INTO member_helping (user_id, created_at) VALUES (?, ?)",
			"INSERT INTO peer_supporters (group_id, user_id, created_at) SELECT id, ?, ? FROM groups WHERE slug = 'grief'",
			"INSERT INTO support_requests (group_id, requester_id, about, status, created_at, updated_at) SELECT id, ?, 'a word', 'open', ?, ? FROM groups WHERE slug = 'grief'",
		} {
			args := []any{u.ID, now}
			if strings.Count(q, "?") == 3 {
				args = append(args, now)
			}
			if err := db.W.Exec(q, args...).Error; err != nil {
				t.Fatal(err)
			}
		}
		sess := auth.Session{TokenHash: "tokenhash", UserID: u.ID, Device: "Firefox on Linux",
			CreatedAt: now.Add(-30 * time.Minute), LastSeenAt: now.Add(-time.Minute), ExpiresAt: now.Add(time.Hour)}
		if err := a.CreateSession(ctx, &sess); err != nil {
			t.Fatal(err)
		}
		allSet(t, sess)

		gotSess, gotUser, err := a.SessionUser(ctx, sess.TokenHash, now, now.Add(-10*time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		var wantUser auth.User
		if err := db.R.First(&wantUser, u.ID).Error; err != nil {
			t.Fatal(err)
		}
		wantUser.NoticeVersion = u.NoticeVersion // kept in member_versions
		wantUser.Helping, wantUser.PeerSupporter, wantUser.SupportActive = true, true, true
		var wantSess auth.Session
		if err := db.R.Where("token_hash = ?", sess.TokenHash).Take(&wantSess).Error; err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(gotUser, wantUser) {
			t.Errorf("SessionUser's member differs from the users row:\n got %+v\nwant %+v", gotUser, wantUser)
		}
		if !reflect.DeepEqual(gotSess, wantSess) {
			t.Errorf("SessionUser's session differs from the sessions row:\n got %+v\nwant %+v", gotSess, wantSess)
		}

		peerSupportFollowsRows(t, db, a, sess.TokenHash, u.ID, now)

		// An idle or expired session, or an unknown token, is not found.
		for name, at := range map[string][2]time.Time{
			"idle":    {now, now},
			"expired": {now.Add(2 * time.Hour), now.Add(-10 * time.Minute)},
		} {
			if _, _, err := a.SessionUser(ctx, sess.TokenHash, at[0], at[1]); !errors.Is(err, forum.ErrNotFound) {
				t.Errorf("%s session: err = %v, want not found", name, err)
			}
		}
		if _, _, err := a.SessionUser(ctx, "other", now, now.Add(-10*time.Minute)); !errors.Is(err, forum.ErrNotFound) {
			t.Errorf("unknown token: err = %v, want not found", err)
		}
	})
}

// peerSupportFollowsRows: without their rows, a member's peer-support
// flags are false; a request that ended, or one they support, counts as
// theirs only while open or accepted.
func peerSupportFollowsRows(t *testing.T, db *store.DB, a *store.Auth, token string, userID int64, now time.Time) {
	t.Helper()
	ctx := context.Background()
	other := forumtest.InsertUser(t, db, "sage", "member")
	for _, q := range []string{"DELETE FROM member_helping", "DELETE FROM peer_supporters",
		"UPDATE support_requests SET status = 'ended'"} {
		if err := db.W.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	if _, got, err := a.SessionUser(ctx, token, now, now.Add(-10*time.Minute)); err != nil || got.Helping || got.PeerSupporter || got.SupportActive {
		t.Errorf("a member with no part in peer support: %+v, %v", got, err)
	}
	if err := db.W.Exec("UPDATE support_requests SET status = 'accepted', requester_id = ?, supporter_id = ?", other, userID).Error; err != nil {
		t.Fatal(err)
	}
	if _, got, err := a.SessionUser(ctx, token, now, now.Add(-10*time.Minute)); err != nil || !got.SupportActive {
		t.Errorf("the supporter of an accepted request: SupportActive = %v, %v", got.SupportActive, err)
	}
}

func TestPerPageRowsReadEveryColumn(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		now := time.Now().UTC().Truncate(time.Second)
		uid := forumtest.InsertUser(t, db, "rowan", "member")
		other := forumtest.InsertUser(t, db, "sage", "member")
		checkBreakRows(t, db, uid, now)
		checkNoticeRows(t, db, uid, now)
		th := forumtest.InsertThread(t, db, "grief", other, "A thread", nil, now)
		checkPrefAndSubscriptionRows(t, db, uid, th.ID, now)
	})
}

// checkBreakRows: a member's breaks come back with every column.
func checkBreakRows(t *testing.T, db *store.DB, uid int64, now time.Time) {
	t.Helper()
	ctx := context.Background()
	g := forumtest.Group(t, db, "grief")
	asked := now.Add(-time.Hour)
	breaks := []forum.Break{
		{UserID: uid, Scope: forum.BreakGroup, GroupID: &g.ID, StartsAt: now.Add(-2 * time.Hour), EndsAt: now.Add(24 * time.Hour), EndRequestedAt: &asked, CreatedAt: now.Add(-2 * time.Hour)},
		{UserID: uid, Scope: forum.BreakTag, Tag: "abuse", StartsAt: now.Add(-3 * time.Hour), EndsAt: now.Add(48 * time.Hour), CreatedAt: now.Add(-3 * time.Hour)},
	}
	for i := range breaks {
		if err := store.NewBreaks(db).CreateBreak(ctx, &breaks[i]); err != nil {
			t.Fatal(err)
		}
	}
	var want []forum.Break
	if err := db.R.Where("user_id = ?", uid).Order("ends_at DESC, id DESC").Find(&want).Error; err != nil {
		t.Fatal(err)
	}
	got, err := store.NewBreaks(db).ActiveBreaks(ctx, uid, now)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ActiveBreaks:\n got %+v\nwant %+v", got, want)
	}
	merged := breaks[0]
	merged.Tag = breaks[1].Tag
	allSet(t, merged)
}

// checkNoticeRows: a member's pending notices come back with every column.
func checkNoticeRows(t *testing.T, db *store.DB, uid int64, now time.Time) {
	t.Helper()
	ack := now.Add(-time.Minute)
	checkIn := forum.PrivateConversation{Kind: forum.ConversationCheckIn, SubjectID: uid, Status: forum.ConversationOpen,
		LastMessageAt: now, CreatedAt: now, UpdatedAt: now}
	if err := db.W.Create(&checkIn).Error; err != nil {
		t.Fatal(err)
	}
	notices := []moderation.Notice{
		{UserID: uid, Kind: moderation.NoticeWarning, Message: "Please be gentle", Reason: "tone", Link: "/p/1", ConversationID: &checkIn.ID, CreatedAt: now.Add(-time.Hour)},
		{UserID: uid, Kind: moderation.NoticeAction, Message: "Read already", Reason: "r", Link: "/p/2", AcknowledgedAt: &ack, CreatedAt: now.Add(-2 * time.Hour)},
	}
	if err := db.W.Create(&notices).Error; err != nil {
		t.Fatal(err)
	}
	withAck := notices[0]
	withAck.AcknowledgedAt = &ack
	allSet(t, withAck)
	var wantNotices []moderation.Notice
	if err := db.R.Where("user_id = ? AND acknowledged_at IS NULL", uid).Order("id").Find(&wantNotices).Error; err != nil {
		t.Fatal(err)
	}
	gotNotices, err := store.NewModeration(db).PendingNotices(context.Background(), uid, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(gotNotices) != 1 || !reflect.DeepEqual(gotNotices, wantNotices) {
		t.Errorf("PendingNotices:\n got %+v\nwant %+v", gotNotices, wantNotices)
	}
}

// checkPrefAndSubscriptionRows: a member's tag preferences come back with
// every column, and their subscription to thread as set.
func checkPrefAndSubscriptionRows(t *testing.T, db *store.DB, uid, thread int64, now time.Time) {
	t.Helper()
	ctx := context.Background()
	f := store.NewForum(db)
	prefs := forum.Prefs{"abuse": forum.ModeHide, "self-harm": forum.ModeWarn}
	if err := f.SetTagPrefs(ctx, uid, prefs, now); err != nil {
		t.Fatal(err)
	}
	var wantPrefs []forum.TagPref
	if err := db.R.Where("user_id = ?", uid).Order("tag_slug").Find(&wantPrefs).Error; err != nil {
		t.Fatal(err)
	}
	gotPrefs, err := f.TagPrefs(ctx, uid)
	if err != nil {
		t.Fatal(err)
	}
	if len(gotPrefs) != 2 || !reflect.DeepEqual(gotPrefs, wantPrefs) {
		t.Errorf("TagPrefs:\n got %+v\nwant %+v", gotPrefs, wantPrefs)
	}
	allSet(t, gotPrefs[0])

	if st, err := f.Subscription(ctx, uid, thread); err != nil || st != "" {
		t.Errorf("Subscription before following = %q, %v; want none", st, err)
	}
	if err := f.SetSubscription(ctx, uid, thread, forum.SubMute, now); err != nil {
		t.Fatal(err)
	}
	if st, err := f.Subscription(ctx, uid, thread); err != nil || st != forum.SubMute {
		t.Errorf("Subscription = %q, %v; want %q", st, err, forum.SubMute)
	}
}

// TestUnreadCountMatchesTheList checks that the header's count, which reads
// the member's hidden tags inside its one query, counts exactly the unread
// notifications the list shows with those preferences: tags on the post
// or on its thread, only the "hide" mode, whole slugs only ("violence" is
// not "sexual-violence"), and only posts and threads still visible.
func TestUnreadCountMatchesTheList(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Second)
		uid := forumtest.InsertUser(t, db, "rowan", "member")
		f := store.NewForum(db)
		insertUnreadMix(t, db, uid, now)

		for _, tc := range []struct {
			prefs forum.Prefs
			want  int
		}{
			{forum.Prefs{}, 5},
			{forum.Prefs{"abuse": forum.ModeHide}, 4},
			{forum.Prefs{"self-harm": forum.ModeHide, "abuse": forum.ModeWarn}, 4},
			{forum.Prefs{"suicide": forum.ModeHide}, 4},
			{forum.Prefs{"violence": forum.ModeHide}, 5},
			{forum.Prefs{"sexual-violence": forum.ModeHide, "abuse": forum.ModeHide, "suicide": forum.ModeHide, "self-harm": forum.ModeHide}, 1},
			{forum.Prefs{"abuse": forum.ModeWarn, "suicide": forum.ModeShow}, 5},
		} {
			if err := f.SetTagPrefs(ctx, uid, tc.prefs, now); err != nil {
				t.Fatal(err)
			}
			got, err := f.UnreadCount(ctx, uid)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := f.Notifications(ctx, forum.NotificationQuery{UserID: uid, Limit: 50, HideTags: tc.prefs.Hidden()})
			if err != nil {
				t.Fatal(err)
			}
			listed := 0
			for _, r := range rows {
				if r.ReadAt == nil {
					listed++
				}
			}
			if got.Count != tc.want || listed != tc.want {
				t.Errorf("prefs %v: count %d, list shows %d unread; want %d", tc.prefs, got.Count, listed, tc.want)
			}
		}
	})
}

// insertUnreadMix gives member uid notifications of every kind the unread
// count weighs: on tagged posts and tagged threads, read and unread, on
// redacted posts and in a removed thread.
func insertUnreadMix(t *testing.T, db *store.DB, uid int64, now time.Time) {
	t.Helper()
	other := forumtest.InsertUser(t, db, "sage", "member")
	opening := func(th forum.Thread) int64 {
		t.Helper()
		var id int64
		if err := db.R.Model(&forum.Post{}).Where("thread_id = ? AND parent_id IS NULL", th.ID).Pluck("id", &id).Error; err != nil {
			t.Fatal(err)
		}
		return id
	}
	post := func(th forum.Thread, tags []string, status string) int64 {
		t.Helper()
		parent := opening(th)
		p := forum.Post{ThreadID: th.ID, GroupID: th.GroupID, AuthorID: &other, ParentID: &parent, Depth: 1,
			BodyMD: "words", BodyHTML: "<p>words</p>", Tags: forum.MakeTags(tags), Status: status, Version: 1, CreatedAt: now, UpdatedAt: now}
		if err := db.W.Create(&p).Error; err != nil {
			t.Fatal(err)
		}
		return p.ID
	}
	var notes []forum.Notification
	// One thread_reply notice per thread (migration 17); the plain
	// thread's are replies to the member's post, filtered by their own
	// post's tags.
	note := func(th forum.Thread, postID int64, read bool) {
		kind := forum.NoteThreadReply
		if th.Title == "Plain thread" {
			kind = forum.NoteReply
		}
		n := forum.Notification{UserID: uid, Kind: kind, ActorID: &other, PostID: postID, ThreadID: th.ID, CreatedAt: now}
		if read {
			n.ReadAt = &now
		}
		notes = append(notes, n)
	}
	abuse := forumtest.InsertThread(t, db, "grief", other, "Tagged thread", []string{"abuse"}, now)
	note(abuse, opening(abuse), false)
	plain := forumtest.InsertThread(t, db, "grief", other, "Plain thread", nil, now)
	note(plain, post(plain, []string{"self-harm"}, forum.StatusVisible), false)
	note(plain, post(plain, []string{"sexual-violence"}, forum.StatusVisible), false)
	note(plain, post(plain, nil, forum.StatusVisible), false)
	note(plain, post(plain, nil, forum.StatusVisible), true)
	note(plain, post(plain, nil, forum.StatusRedacted), false)
	suicide := forumtest.InsertThread(t, db, "grief", other, "Thread tag only", []string{"suicide"}, now)
	note(suicide, post(suicide, nil, forum.StatusVisible), false)
	removed := forumtest.InsertThread(t, db, "grief", other, "Removed thread", nil, now)
	note(removed, post(removed, nil, forum.StatusVisible), false)
	if err := db.W.Model(&forum.Thread{}).Where("id = ?", removed.ID).Update("status", forum.StatusRemoved).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.W.Create(&notes).Error; err != nil {
		t.Fatal(err)
	}
}

// TestSettingsVersionGrowsWithEveryChange checks the triggers of migration
// 16 on both dialects: every insert, update and delete in the tables a
// member's pages read about them moves that member's settings version, and
// nobody else's; other writes leave it alone.
func TestSettingsVersionGrowsWithEveryChange(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Second)
		uid := forumtest.InsertUser(t, db, "rowan", "member")
		other := forumtest.InsertUser(t, db, "sage", "member")
		th := forumtest.InsertThread(t, db, "grief", other, "A thread", nil, now)
		version := func(id int64) int64 {
			t.Helper()
			var v int64
			if err := db.R.Raw("SELECT settings_version FROM users WHERE id = ?", id).Row().Scan(&v); err != nil {
				t.Fatal(err)
			}
			return v
		}
		f, b, br, m := store.NewForum(db), store.NewBlocks(db), store.NewBreaks(db), store.NewModeration(db)
		var brk forum.Break
		notice := moderation.Notice{UserID: uid, Kind: moderation.NoticeWarning, Message: "m", CreatedAt: now}
		steps := []struct {
			name string
			do   func() error
		}{
			{"set tag preferences", func() error { return f.SetTagPrefs(ctx, uid, forum.Prefs{"abuse": forum.ModeHide}, now) }},
			{"clear tag preferences", func() error { return f.SetTagPrefs(ctx, uid, forum.Prefs{}, now) }},
			{"block", func() error { return b.AddBlock(ctx, forum.Block{BlockerID: uid, BlockedID: other, CreatedAt: now}) }},
			{"unblock", func() error { return b.RemoveBlock(ctx, uid, other) }},
			{"start a break", func() error {
				brk = forum.Break{UserID: uid, Scope: forum.BreakSite, StartsAt: now, EndsAt: now.Add(48 * time.Hour), CreatedAt: now}
				return br.CreateBreak(ctx, &brk)
			}},
			{"shorten a break", func() error { return br.ShortenBreak(ctx, uid, brk.ID, now.Add(24*time.Hour), now) }},
			{"receive a notice", func() error { return db.W.Create(&notice).Error }},
			{"acknowledge it", func() error { _, err := m.AckNotice(ctx, uid, notice.ID, now); return err }},
		}
		for _, s := range steps {
			before, others := version(uid), version(other)
			if err := s.do(); err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			if after := version(uid); after <= before {
				t.Errorf("%s: settings version %d -> %d, want it to grow", s.name, before, after)
			}
			if version(other) != others {
				t.Errorf("%s: another member's settings version moved", s.name)
			}
		}
		before := version(uid)
		if err := f.SetSubscription(ctx, uid, th.ID, forum.SubFollow, now); err != nil {
			t.Fatal(err)
		}
		if err := f.MarkRead(ctx, uid, 0, 0, now); err != nil {
			t.Fatal(err)
		}
		if version(uid) != before {
			t.Error("following a thread or reading notifications moved the settings version")
		}
	})
}

// TestThreadHeadReadsEveryColumn: ThreadHead scans its row by hand; with
// every field set it must read what GORM reads, for a thread with an
// author and for one whose author is gone.
func TestThreadHeadReadsEveryColumn(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Second)
		author := forumtest.InsertUser(t, db, "rowan", "member")
		other := forumtest.InsertUser(t, db, "sage", "member")
		th := forumtest.InsertThread(t, db, "grief", author, "A thread", []string{"abuse"}, now.Add(-time.Hour))
		var first int64
		if err := db.R.Raw("SELECT id FROM posts WHERE thread_id = ?", th.ID).Scan(&first).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.W.Exec(`UPDATE threads SET locked = ?, lock_reason = 'cooling off', pinned = ?, reply_count = 4,
			last_post_id = ?, last_author_id = ?, last_post_at = ?, updated_at = ?, anonymous = ?, last_anonymous = ?, answered = ? WHERE id = ?`,
			true, true, first, other, now, now.Add(time.Minute), true, true, true, th.ID).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.W.Exec("UPDATE groups SET archived = ? WHERE id = ?", true, th.GroupID).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.W.Exec("INSERT INTO peer_supporters (group_id, user_id, created_at) VALUES (?, ?, ?)", th.GroupID, other, now).Error; err != nil {
			t.Fatal(err)
		}
		f := store.NewForum(db)
		read := func() (got, want forum.ThreadHead) {
			t.Helper()
			got, err := f.ThreadHead(ctx, th.ID)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.R.Table("threads").
				Select("threads.*, g.slug AS group_slug, g.name AS group_name, g.archived AS group_archived, g.allow_anonymous AS group_allow_anonymous, "+
					"EXISTS (SELECT 1 FROM peer_supporters ps WHERE ps.group_id = g.id) AS group_has_supporters, a.username AS author_name").
				Joins("JOIN groups g ON g.id = threads.group_id").Joins("LEFT JOIN users a ON a.id = threads.author_id").
				Where("threads.id = ?", th.ID).Take(&want).Error; err != nil {
				t.Fatal(err)
			}
			return got, want
		}
		got, want := read()
		allSet(t, got.Thread)
		allSet(t, got)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ThreadHead:\n got %+v\nwant %+v", got, want)
		}
		if err := db.W.Exec("UPDATE threads SET author_id = NULL WHERE id = ?", th.ID).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.W.Exec("DELETE FROM peer_supporters").Error; err != nil {
			t.Fatal(err)
		}
		if got, want := read(); !reflect.DeepEqual(got, want) || got.AuthorName != "" || got.AuthorID != nil || got.GroupHasSupporters {
			t.Errorf("ThreadHead without an author or supporters:\n got %+v\nwant %+v", got, want)
		}
		if _, err := f.ThreadHead(ctx, th.ID+1000); !errors.Is(err, forum.ErrNotFound) {
			t.Errorf("missing thread: %v", err)
		}
	})
}
