package moderation_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestReportRules checks what a member may report and how: a reason from
// the list, a note for "something else", never their own post, one open
// report per post, and not at all as a visitor or on a post they cannot
// see.
func TestReportRules(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		author, reporter := w.member("birch"), w.member("cedar")
		p := w.thread(author, "grief", "A thread", "Words.")
		cases := []struct {
			in    moderation.ReportInput
			field string
		}{
			{moderation.ReportInput{PostID: p.Post.ID, Reason: "boring"}, "reason"},
			{moderation.ReportInput{PostID: p.Post.ID, Reason: moderation.ReasonOther, Note: "  "}, "note"},
			{moderation.ReportInput{PostID: p.Post.ID, Reason: moderation.ReasonSpam, Note: strings.Repeat("x", moderation.MaxNoteLen+1)}, "note"},
		}
		for _, c := range cases {
			_, err := w.svc.Report(w.ctx, reporter, c.in)
			wantField(t, err, c.field)
		}
		_, err := w.svc.Report(w.ctx, author, moderation.ReportInput{PostID: p.Post.ID, Reason: moderation.ReasonSpam})
		wantField(t, err, "reason")
		_, err = w.svc.Report(w.ctx, nil, moderation.ReportInput{PostID: p.Post.ID, Reason: moderation.ReasonSpam})
		wantForbidden(t, err)
		if n := w.count("SELECT COUNT(*) FROM reports"); n != 0 {
			t.Fatalf("%d reports stored after refusals", n)
		}

		out := w.report(reporter, p.Post.ID, moderation.ReasonOther, "It reads like an advert.")
		if out.PostID != p.Post.ID || out.ThreadID != p.Post.ThreadID || out.Wellbeing || out.Hidden {
			t.Errorf("outcome %+v", out)
		}
		_, err = w.svc.Report(w.ctx, reporter, moderation.ReportInput{PostID: p.Post.ID, Reason: moderation.ReasonSpam})
		if !errors.Is(err, moderation.ErrDuplicateReport) {
			t.Errorf("a second open report on one post: %v, want ErrDuplicateReport", err)
		}

		// A post pre-moderation holds is invisible to other members, so
		// they cannot report it either.
		admin := w.admin("ash")
		if _, err := w.svc.UpdateGroup(w.ctx, admin, "ptsd", moderation.GroupInput{Name: "PTSD & Trauma", Premod: forum.PremodAll}); err != nil {
			t.Fatal(err)
		}
		held := w.thread(author, "ptsd", "Held", "Words.")
		_, err = w.svc.Report(w.ctx, reporter, moderation.ReportInput{PostID: held.Post.ID, Reason: moderation.ReasonSpam})
		if !errors.Is(err, forum.ErrNotFound) {
			t.Errorf("reporting a held post: %v, want ErrNotFound", err)
		}
	})
}

// TestReportLimits checks the hourly limits, which are refused out loud,
// and that repeated concerns about one member are kept without weight.
func TestReportLimits(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		c := w.fixClock()
		author, reporter := w.member("birch"), w.member("cedar")
		var posts []int64
		for i := range moderation.ReportsPerHour + 2 + moderation.ConcernsPerSubjectDaily {
			th := forumtest.InsertThread(t, db, "grief", author.ID, fmt.Sprintf("Thread %d", i), nil, c.now)
			posts = append(posts, w.firstPost(th.ID))
		}
		for _, p := range posts[:moderation.ReportsPerHour] {
			w.report(reporter, p, moderation.ReasonSpam, "")
		}
		last := moderation.ReportInput{PostID: posts[moderation.ReportsPerHour], Reason: moderation.ReasonSpam}
		if _, err := w.svc.Report(w.ctx, reporter, last); !errors.Is(err, moderation.ErrRateLimited) {
			t.Fatalf("report %d within the hour: %v, want ErrRateLimited", moderation.ReportsPerHour+1, err)
		}
		// Wellbeing concerns have their own, larger allowance.
		first := w.report(reporter, posts[moderation.ReportsPerHour], moderation.ReasonWellbeing, "")
		if !first.Wellbeing || first.Repeated {
			t.Errorf("first concern: %+v", first)
		}
		// An hour later the limit has passed.
		c.now = c.now.Add(time.Hour + time.Second)
		w.report(reporter, posts[moderation.ReportsPerHour+1], moderation.ReasonSpam, "")

		// The same reporter's concerns about the same member: the first
		// few add weight, the rest are kept and marked repeated.
		concerns := posts[moderation.ReportsPerHour+2:]
		for i := range moderation.ConcernsPerSubjectDaily - 1 {
			if out := w.report(reporter, concerns[i], moderation.ReasonWellbeing, ""); out.Repeated {
				t.Errorf("concern %d marked repeated", i+2)
			}
		}
		out := w.report(reporter, concerns[moderation.ConcernsPerSubjectDaily-1], moderation.ReasonWellbeing, "")
		if !out.Repeated {
			t.Errorf("concern %d about the same member is not marked repeated", moderation.ConcernsPerSubjectDaily+1)
		}
		if n := w.count("SELECT COUNT(*) FROM reports WHERE reporter_id = ? AND throttled = ?", reporter.ID, true); n != 1 {
			t.Errorf("%d throttled reports, want 1", n)
		}
	})
}

// TestReportThreshold checks that an admin's report threshold decides how
// many members' reports hide a post, and that wellbeing concerns never
// hide one.
func TestReportThreshold(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		admin := w.admin("ash")
		author := w.member("birch")
		set, err := w.svc.Settings(w.ctx, admin)
		if err != nil || set.ReportThreshold != moderation.DefaultReportThreshold {
			t.Fatalf("settings %+v, %v", set, err)
		}
		for _, bad := range []string{"0", "101", "three", ""} {
			wantField(t, w.svc.UpdateSettings(w.ctx, admin, bad), "report_threshold")
		}
		wantForbidden(t, w.svc.UpdateSettings(w.ctx, w.moderator("fern", "grief"), "2"))
		if err := w.svc.UpdateSettings(w.ctx, admin, " 2 "); err != nil {
			t.Fatal(err)
		}
		p := w.thread(author, "grief", "A thread", "Words.")
		for i := range 3 {
			w.report(w.member(fmt.Sprintf("worried%d", i)), p.Post.ID, moderation.ReasonWellbeing, "")
		}
		if got := w.post(p.Post.ID); got.Status != forum.StatusVisible {
			t.Fatalf("wellbeing concerns hid the post: %s", got.Status)
		}
		if out := w.report(w.member("dune"), p.Post.ID, moderation.ReasonSpam, ""); out.Hidden {
			t.Fatal("one report hid the post with a threshold of 2")
		}
		if out := w.report(w.member("elm"), p.Post.ID, moderation.ReasonSpam, ""); !out.Hidden {
			t.Fatal("two reports did not hide the post with a threshold of 2")
		}
		if got := w.post(p.Post.ID); got.Status != forum.StatusHeld {
			t.Errorf("the hidden post is %s", got.Status)
		}
		ns := w.allNotices(author.ID)
		if len(ns) != 1 || !strings.Contains(ns[0].Message, "hidden while a moderator looks at it") {
			t.Errorf("the author's notices: %+v", ns)
		}
	})
}
