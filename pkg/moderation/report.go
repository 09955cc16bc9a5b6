package moderation

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"hearth/pkg/auth"
	"hearth/pkg/events"
	"hearth/pkg/forum"
)

// Report rate limits. Wellbeing concerns get a far larger allowance, and a
// concern over it is refused with a clear message, never dropped silently.
// Repeated concerns about the same member from the same reporter are kept
// but add no weight, and moderators see that they were repeated.
const (
	ReportsPerHour          = 10
	ConcernsPerHour         = 30
	ConcernsPerSubjectDaily = 3
	MaxNoteLen              = 1000
	// DefaultReportThreshold is how many members' reports hide a post when
	// the setting is missing.
	DefaultReportThreshold = 3
	// SettingReportThreshold names the report threshold setting.
	SettingReportThreshold = "report_threshold"
)

// autoHideReason is the status reason of a post hidden by reports.
const autoHideReason = "Hidden after several reports, waiting for a moderator"

// ReportInput is a member's report of a post.
type ReportInput struct {
	PostID int64
	Reason string
	Note   string
}

// ReportOutcome tells the reporter what happens next.
type ReportOutcome struct {
	PostID   int64
	ThreadID int64
	// Wellbeing is true for an "I'm worried about this person" report.
	Wellbeing bool
	// Repeated is true when the report was kept without adding weight,
	// because the reporter already raised several concerns about the member.
	Repeated bool
	// Hidden is true when this report took the post over the threshold.
	Hidden bool
}

// ReportTarget returns the post a member wants to report, if they may see
// and report it.
func (s *Service) ReportTarget(ctx context.Context, a *auth.Actor, postID int64) (PostRef, error) {
	if a == nil {
		return PostRef{}, forbidden("visitor reporting")
	}
	p, err := s.store.PostRef(ctx, postID)
	if err != nil {
		return PostRef{}, fmt.Errorf("post %d: %w", postID, err)
	}
	if p.Status != forum.StatusVisible && !(p.Status == forum.StatusHeld && auth.CanViewHeld(a, authorOf(p), p.GroupID)) {
		return PostRef{}, fmt.Errorf("post %d is %s: %w", postID, p.Status, forum.ErrNotFound)
	}
	return p, nil
}

func authorOf(p PostRef) int64 {
	if p.AuthorID == nil {
		return 0
	}
	return *p.AuthorID
}

// Report records a member's report, opens or re-weights the post's queue
// item, and hides the post once enough different members have reported it
// (fewer out of hours: see OutOfHours).
func (s *Service) Report(ctx context.Context, a *auth.Actor, in ReportInput) (ReportOutcome, error) {
	p, err := s.ReportTarget(ctx, a, in.PostID)
	if err != nil {
		return ReportOutcome{}, err
	}
	reason, note, err := checkReport(p, a, in)
	if err != nil {
		return ReportOutcome{}, err
	}
	now := s.now()
	wellbeing := reason.Key == ReasonWellbeing
	out := ReportOutcome{PostID: p.ID, ThreadID: p.ThreadID, Wellbeing: wellbeing}
	general, concerns, err := s.store.ReportsSince(ctx, a.ID, now.Add(-time.Hour))
	if err != nil {
		return out, fmt.Errorf("count reports: %w", err)
	}
	if (wellbeing && concerns >= ConcernsPerHour) || (!wellbeing && general >= ReportsPerHour) {
		return out, ErrRateLimited
	}
	if wellbeing && p.AuthorID != nil {
		n, err := s.store.ConcernsAbout(ctx, a.ID, *p.AuthorID, now.Add(-24*time.Hour))
		if err != nil {
			return out, fmt.Errorf("count concerns: %w", err)
		}
		out.Repeated = n >= ConcernsPerSubjectDaily
	}
	threshold := s.threshold(ctx)
	err = s.store.Atomic(ctx, func(tx Tx) error {
		out.Hidden = false
		rep := &Report{PostID: p.ID, ThreadID: p.ThreadID, GroupID: p.GroupID, ReporterID: &a.ID, SubjectID: p.AuthorID,
			Reason: reason.Key, Note: note, Throttled: out.Repeated, Status: StatusOpen, CreatedAt: now}
		if err := tx.AddReport(rep); err != nil {
			if errors.Is(err, forum.ErrConflict) {
				return ErrDuplicateReport
			}
			return err
		}
		return s.queueReport(tx, p, reason, threshold, now, &out)
	})
	if err != nil {
		return out, err
	}
	k := events.Report
	switch {
	case out.Hidden:
		k = events.ReportThreshold
	case wellbeing:
		k = events.Concern
	}
	s.bus.Publish(postEvent(k, p, now))
	return out, nil
}

// queueReport opens or re-weights the post's queue item for a report and
// hides the post once enough members have reported it. A concern that
// opens a wellbeing item, and a report that hides the post, are recorded
// for the webhooks; a concern while one is open already (the post's words
// flagged it, or another member worried first) adds nothing to send.
func (s *Service) queueReport(tx Tx, p PostRef, reason ReportReason, threshold int, now time.Time, out *ReportOutcome) error {
	fresh := false
	if out.Wellbeing && !out.Repeated {
		open, err := tx.HasOpenItem(p.ID, KindWellbeing)
		if err != nil {
			return err
		}
		fresh = !open
	}
	if err := tx.UpsertItem(reportItem(p, reason, out.Repeated, now)); err != nil {
		return err
	}
	if fresh {
		return tx.Record(postEvent(events.Concern, p, now))
	}
	if out.Wellbeing || out.Repeated {
		return nil
	}
	hidden, err := hideWhenReported(tx, p, threshold, now)
	if err != nil || !hidden {
		return err
	}
	out.Hidden = true
	return tx.Record(postEvent(events.ReportThreshold, p, now))
}

// checkReport validates a report of post p by a: a reason from the list,
// not about one's own post, a note when the reason is "something else",
// and not too long. It returns the reason and the trimmed note.
func checkReport(p PostRef, a *auth.Actor, in ReportInput) (ReportReason, string, error) {
	reason, ok := ReportReasonByKey(in.Reason)
	v := &forum.ValidationError{}
	note := strings.TrimSpace(in.Note)
	forum.CheckEncoding(v, "note", note)
	switch {
	case !ok:
		v.Add("reason", "Please choose what's wrong.")
	case authorOf(p) == a.ID:
		v.Add("reason", "This is your own post. You can edit or delete it yourself, or ask a moderator for help.")
	case reason.Key == ReasonOther && note == "":
		v.Add("note", "Please tell us a little about what's wrong.")
	}
	if utf8.RuneCountInString(note) > MaxNoteLen {
		v.Add("note", "Please keep the note under 1,000 characters.")
	}
	return reason, note, v.OrNil()
}

// reportItem is the queue item a report opens or adds its weight to, and
// the weight it adds: a wellbeing concern waits at the top and adds none,
// and a member's repeated concern about the same person adds nothing.
func reportItem(p PostRef, reason ReportReason, repeated bool, now time.Time) (*QueueItem, int) {
	it := &QueueItem{Kind: KindReport, PostID: p.ID, ThreadID: p.ThreadID, GroupID: p.GroupID, Priority: reason.Weight, Status: StatusOpen, CreatedAt: now, UpdatedAt: now}
	add := reason.Weight
	wellbeing := reason.Key == ReasonWellbeing
	if wellbeing {
		it.Kind, it.Priority, add = KindWellbeing, WellbeingPriority, 0
		it.Detail = "A member is worried about this person."
	}
	if repeated {
		it.Priority, add = 0, 0
		if wellbeing {
			it.Priority = WellbeingPriority
		}
	}
	return it, add
}

// hideWhenReported holds post p for a moderator once threshold different
// members have reported it, with its audit row and a notice to its author,
// and reports whether it hid the post.
func hideWhenReported(tx Tx, p PostRef, threshold int, now time.Time) (bool, error) {
	n, err := tx.DistinctReporters(p.ID)
	if err != nil || n < threshold {
		return false, err
	}
	hidden, err := tx.SetPostStatus(p.ID, []string{forum.StatusVisible}, forum.StatusHeld, autoHideReason, now)
	if err != nil || !hidden {
		return false, err
	}
	e := entry(Request{Reason: autoHideReason}, ActionAutoHide, "post", p.ID, p.GroupID, p.AuthorID, now)
	e.Detail = strconv.Itoa(n) + " members reported it"
	if err := tx.Audit(e); err != nil {
		return false, err
	}
	return true, notifyAuthor(tx, p, NoticeAction, toldHidden(p), "", postLink(p), now)
}

// reportThreshold is the report threshold setting, or its default.
func (s *Service) reportThreshold(ctx context.Context) int {
	set, err := s.store.Settings(ctx)
	if err != nil {
		return DefaultReportThreshold
	}
	for _, x := range set {
		if x.Name == SettingReportThreshold {
			if n, err := strconv.Atoi(x.Value); err == nil && n >= 1 {
				return n
			}
		}
	}
	return DefaultReportThreshold
}
