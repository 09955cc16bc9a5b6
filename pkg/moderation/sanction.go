package moderation

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// MaxSuspensionDays bounds a suspension; longer means a ban.
const MaxSuspensionDays = 365

// dedupeWindow is how soon a second identical sanction on a member counts as
// the same action taken twice (two moderators on the same report).
const dedupeWindow = 2 * time.Minute

// Target is the member a sanction is for and, optionally, the post that
// led to it (which decides the group a group moderator must moderate).
type Target struct {
	UserID int64
	PostID int64
	// Days is the length of a suspension.
	Days int
}

// sanctionOf is the member a sanction is for, the group it is given in
// (nil for the whole site) and the post it is about, as a link.
type sanctionOf struct {
	subj  Subject
	group *int64
	link  string
}

// subject loads the member and checks that r's actor may sanction them.
func (s *Service) subject(ctx context.Context, t Target, r Request) (sanctionOf, error) {
	if !auth.IsStaff(r.Actor) {
		return sanctionOf{}, forbidden("not staff")
	}
	subj, err := s.store.Subject(ctx, t.UserID)
	if err != nil {
		return sanctionOf{}, fmt.Errorf("member %d: %w", t.UserID, err)
	}
	var groupID int64
	link := ""
	if t.PostID > 0 {
		p, err := s.store.PostRef(ctx, t.PostID)
		if err != nil {
			return sanctionOf{}, fmt.Errorf("post %d: %w", t.PostID, err)
		}
		if p.AuthorID == nil || *p.AuthorID != subj.ID {
			return sanctionOf{}, fmt.Errorf("post %d is not by member %d: %w", t.PostID, subj.ID, forum.ErrNotFound)
		}
		groupID = p.GroupID
		link = postLink(p)
	} else if r.ItemID > 0 {
		return sanctionOf{}, fmt.Errorf("queue item without its post: %w", forum.ErrNotFound)
	}
	target := &auth.Actor{ID: subj.ID, Role: auth.Role(subj.Role), Status: auth.Status(subj.Status), SiteWide: subj.SiteWide}
	if !auth.CanSanction(r.Actor, target, groupID) {
		return sanctionOf{}, forbidden("sanction refused by policy")
	}
	if err := s.checkItem(ctx, r.ItemID, t.PostID); err != nil {
		return sanctionOf{}, err
	}
	out := sanctionOf{subj: subj, link: link}
	if groupID > 0 {
		out.group = &groupID
	}
	return out, nil
}

// sanctionEntry builds the audit entry of a sanction.
func sanctionEntry(r Request, action string, userID int64, group *int64, at time.Time) *AuditEntry {
	var gid int64
	if group != nil {
		gid = *group
	}
	return entry(r, action, "user", userID, gid, &userID, at)
}

// Warn sends a member a private warning, shown to them until they
// acknowledge it.
func (s *Service) Warn(ctx context.Context, t Target, r Request) (Outcome, error) {
	if err := checkReason(r.Reason, true); err != nil {
		return Outcome{}, err
	}
	so, err := s.subject(ctx, t, r)
	if err != nil {
		return Outcome{}, err
	}
	subj, group := so.subj, so.group
	now := s.now()
	err = s.store.Atomic(ctx, func(tx Tx) error {
		if err := claim(tx, r, ActionWarn, t.PostID, now); err != nil {
			return err
		}
		if err := lockFresh(tx, subj.ID, SanctionWarning, now); err != nil {
			return err
		}
		if err := tx.AddSanction(&Sanction{UserID: subj.ID, ActorID: &r.Actor.ID, Kind: SanctionWarning, GroupID: group, PostID: postRef(t), Reason: r.Reason, CreatedAt: now}); err != nil {
			return err
		}
		if err := tx.Notify(&Notice{UserID: subj.ID, Kind: NoticeWarning, Message: "A moderator has sent you a private warning. Only you and the moderators can see it.", Reason: r.Reason, Link: so.link, CreatedAt: now}); err != nil {
			return err
		}
		return tx.Audit(sanctionEntry(r, ActionWarn, subj.ID, group, now))
	})
	return Outcome{Action: ActionWarn, PostID: t.PostID, Changed: true}, err
}

// Suspend stops a member posting for t.Days days and logs them out
// everywhere; they are told why and until when.
func (s *Service) Suspend(ctx context.Context, t Target, r Request) (Outcome, error) {
	if err := checkReason(r.Reason, true); err != nil {
		return Outcome{}, err
	}
	if t.Days < 1 || t.Days > MaxSuspensionDays {
		v := &forum.ValidationError{}
		v.Add("days", "Please choose a suspension between 1 and 365 days.")
		return Outcome{}, v
	}
	until := s.now().Add(time.Duration(t.Days) * 24 * time.Hour)
	return s.restrict(ctx, t, r, restriction{
		action: ActionSuspend, kind: SanctionSuspension, status: auth.StatusSuspended, until: &until,
		notice: NoticeSuspension,
		// The date is written as the catalogues' English dates are, so
		// the web layer writes it again in the reader's language.
		message: fmt.Sprintf("Your account is suspended until %s. You can still read, but you can't post or reply until then.", until.UTC().Format("2 January 2006 at 15:04 UTC")),
		detail:  "for " + strconv.Itoa(t.Days) + " days, until " + until.Format(time.RFC3339),
		// A second suspension of the same member moments later is the
		// same decision made twice; lockFresh reports it as handled.
		refuseFresh: true,
	})
}

// Ban ends a member's account standing for good (until lifted) and logs
// them out everywhere.
func (s *Service) Ban(ctx context.Context, t Target, r Request) (Outcome, error) {
	if err := checkReason(r.Reason, true); err != nil {
		return Outcome{}, err
	}
	return s.restrict(ctx, t, r, restriction{
		action: ActionBan, kind: SanctionBan, status: auth.StatusBanned,
		notice: NoticeBan, message: "Your account has been banned. You can't post or reply.",
	})
}

// restriction describes a suspension or a ban for restrict.
type restriction struct {
	action      string
	kind        string
	status      auth.Status
	until       *time.Time
	notice      string
	message     string
	detail      string
	refuseFresh bool
}

// restrict applies a suspension or ban in one transaction: claim the queue
// item, lock the member (an existing ban wins), set their status, record
// the sanction, end their sessions, tell them, and write the audit row.
func (s *Service) restrict(ctx context.Context, t Target, r Request, x restriction) (Outcome, error) {
	so, err := s.subject(ctx, t, r)
	if err != nil {
		return Outcome{}, err
	}
	subj, group := so.subj, so.group
	now := s.now()
	err = s.store.Atomic(ctx, func(tx Tx) error {
		if err := claim(tx, r, x.action, t.PostID, now); err != nil {
			return err
		}
		if x.refuseFresh {
			if err := lockFresh(tx, subj.ID, x.kind, now); err != nil {
				return err
			}
		}
		cur, err := tx.LockUser(subj.ID, now)
		if err != nil {
			return err
		}
		if cur.Status == string(auth.StatusBanned) {
			return alreadyHandled(tx, "user", subj.ID)
		}
		if err := tx.SetUserStatus(subj.ID, string(x.status), x.until, r.Reason, now); err != nil {
			return err
		}
		if err := tx.AddSanction(&Sanction{UserID: subj.ID, ActorID: &r.Actor.ID, Kind: x.kind, GroupID: group, PostID: postRef(t), Reason: r.Reason, EndsAt: x.until, CreatedAt: now}); err != nil {
			return err
		}
		if err := tx.EndSessions(subj.ID); err != nil {
			return err
		}
		if err := tx.Notify(&Notice{UserID: subj.ID, Kind: x.notice, Message: x.message, Reason: r.Reason, Link: so.link, CreatedAt: now}); err != nil {
			return err
		}
		e := sanctionEntry(r, x.action, subj.ID, group, now)
		e.Detail = x.detail
		return tx.Audit(e)
	})
	return Outcome{Action: x.action, PostID: t.PostID, Changed: true}, err
}

// Lift ends a member's suspension or ban.
func (s *Service) Lift(ctx context.Context, t Target, r Request) (Outcome, error) {
	if err := checkReason(r.Reason, false); err != nil {
		return Outcome{}, err
	}
	so, err := s.subject(ctx, t, r)
	if err != nil {
		return Outcome{}, err
	}
	subj, group := so.subj, so.group
	now := s.now()
	err = s.store.Atomic(ctx, func(tx Tx) error {
		cur, err := tx.LockUser(subj.ID, now)
		if err != nil {
			return err
		}
		if cur.Status == string(auth.StatusActive) && (cur.StatusUntil == nil || !cur.StatusUntil.After(now)) {
			return alreadyHandled(tx, "user", subj.ID)
		}
		if err := tx.SetUserStatus(subj.ID, string(auth.StatusActive), nil, "", now); err != nil {
			return err
		}
		if err := tx.LiftSanctions(subj.ID, now); err != nil {
			return err
		}
		if err := tx.Notify(&Notice{UserID: subj.ID, Kind: NoticeAction, Message: "A moderator lifted the restriction on your account. You can post and reply again.", Reason: r.Reason, CreatedAt: now}); err != nil {
			return err
		}
		return tx.Audit(sanctionEntry(r, ActionLift, subj.ID, group, now))
	})
	return Outcome{Action: ActionLift, Changed: true}, err
}

// lockFresh serialises sanctions on a member and refuses a second sanction
// of the same kind within dedupeWindow: two moderators acting on the same
// report produce one sanction.
func lockFresh(tx Tx, userID int64, kind string, now time.Time) error {
	if _, err := tx.LockUser(userID, now); err != nil {
		return err
	}
	recent, err := tx.RecentSanction(userID, kind, now.Add(-dedupeWindow))
	if err != nil {
		return err
	}
	if recent {
		return alreadyHandled(tx, "user", userID)
	}
	return nil
}

func postRef(t Target) *int64 {
	if t.PostID == 0 {
		return nil
	}
	id := t.PostID
	return &id
}

// MemberDetail is a moderator's view of a member: standing, history and
// sanctions.
type MemberDetail struct {
	Subject   Subject
	History   []AuditEntry
	Sanctions []Sanction
	// CanSanction is true when the moderator may sanction the member
	// site-wide (admins and site-wide moderators, never on staff).
	CanSanction bool
}

// Member returns a moderator's view of a member.
func (s *Service) Member(ctx context.Context, a *auth.Actor, userID int64) (MemberDetail, error) {
	if !auth.IsStaff(a) {
		return MemberDetail{}, forbidden("not staff")
	}
	subj, err := s.store.Subject(ctx, userID)
	if err != nil {
		return MemberDetail{}, fmt.Errorf("member %d: %w", userID, err)
	}
	d := MemberDetail{Subject: subj}
	target := &auth.Actor{ID: subj.ID, Role: auth.Role(subj.Role), Status: auth.Status(subj.Status), SiteWide: subj.SiteWide}
	d.CanSanction = auth.CanSanction(a, target, 0)
	if d.History, err = s.store.History(ctx, []int64{subj.ID}, 30); err != nil {
		return d, fmt.Errorf("history: %w", err)
	}
	if d.Sanctions, err = s.store.Sanctions(ctx, subj.ID); err != nil {
		return d, fmt.Errorf("sanctions: %w", err)
	}
	return d, nil
}

// CheckSanction reports whether r's actor may sanction t's member (and
// from t's post and r's queue item), without sanctioning: the check a
// confirmation step makes before it asks.
func (s *Service) CheckSanction(ctx context.Context, t Target, r Request) error {
	_, err := s.subject(ctx, t, r)
	return err
}
