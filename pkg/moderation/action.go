package moderation

import "hearth/pkg/auth"

// Actions recorded in the audit log.
const (
	ActionReport       = "report"
	ActionAutoHide     = "auto_hide"
	ActionDismiss      = "dismiss"
	ActionApprove      = "approve"
	ActionRemove       = "remove"
	ActionRestore      = "restore"
	ActionRedactPost   = "redact_post"
	ActionRedactThread = "redact_thread"
	ActionLock         = "lock"
	ActionUnlock       = "unlock"
	ActionPin          = "pin"
	ActionUnpin        = "unpin"
	ActionMove         = "move"
	ActionTagPost      = "tag_post"
	ActionTagThread    = "tag_thread"
	// ActionLooked: a moderator read a crisis-level post and let other
	// readers see it (Looked).
	ActionLooked       = "crisis_looked"
	ActionWarn         = "warn"
	ActionSuspend      = "suspend"
	ActionBan          = "ban"
	ActionLift         = "lift"
	ActionGroupCreate  = "group_create"
	ActionGroupUpdate  = "group_update"
	ActionGroupArchive = "group_archive"
	ActionGroupRestore = "group_unarchive"
	ActionSettings     = "settings"
	ActionTagCreate    = "tag_create"
	ActionTagUpdate    = "tag_update"
	ActionDutyStart    = "duty_start"
	ActionDutyEnd      = "duty_end"
	ActionStepAway     = "step_away"
	// Crisis helplines edited by admins (written by hearth/pkg/store's
	// helpline store in the same transaction as the change).
	ActionLineAdd    = "helpline_create"
	ActionLineEdit   = "helpline_update"
	ActionLineDelete = "helpline_delete"
	// Moderator appointments by admins (written by hearth/pkg/store's role
	// store in the same transaction as the change).
	ActionRoleGrant  = auth.AuditRoleGrant
	ActionRoleRevoke = auth.AuditRoleRevoke
	// The care loop: check-ins (every message is recorded: who and when,
	// never the words), escalations to the safeguarding leads and their
	// appointment.
	ActionCheckInOpen       = "checkin_open"
	ActionCheckInMessage    = "checkin_message"
	ActionCheckInClose      = "checkin_close"
	ActionCheckInReopen     = "checkin_reopen"
	ActionEscalate          = "escalate"
	ActionEscalationResolve = "escalation_resolve"
	ActionInstructions      = "escalation_instructions"
	ActionLeadGrant         = auth.AuditLeadGrant
	ActionLeadRevoke        = auth.AuditLeadRevoke
	// Webhook endpoints kept by admins (written by hearth/pkg/store's
	// webhook store in the same transaction as the change).
	ActionHookAdd    = "webhook_create"
	ActionHookEdit   = "webhook_update"
	ActionHookOn     = "webhook_enable"
	ActionHookOff    = "webhook_disable"
	ActionHookSecret = "webhook_secret"
	ActionHookDelete = "webhook_delete"
)

// actionText describes each action in plain words, naming nobody.
var actionText = map[string]string{ // #nosec G101 -- sentences for the audit log, not credentials
	ActionReport:       "Post reported",
	ActionAutoHide:     "Post hidden after several reports, waiting for a moderator",
	ActionDismiss:      "Reports reviewed, no action needed",
	ActionApprove:      "Post approved",
	ActionRemove:       "Post removed",
	ActionRestore:      "Post restored",
	ActionRedactPost:   "Post redacted",
	ActionRedactThread: "Thread redacted and locked",
	ActionLock:         "Thread locked",
	ActionUnlock:       "Thread unlocked",
	ActionPin:          "Thread pinned",
	ActionUnpin:        "Thread unpinned",
	ActionMove:         "Thread moved to another group",
	ActionTagPost:      "Trigger warnings on a post changed",
	ActionTagThread:    "Trigger warnings on a thread changed",
	ActionLooked:       "Crisis post looked at and shown to other readers",
	ActionWarn:         "Private warning given",
	ActionSuspend:      "Member suspended",
	ActionBan:          "Member banned",
	ActionLift:         "Sanction lifted",
	ActionGroupCreate:  "Group created",
	ActionGroupUpdate:  "Group settings changed",
	ActionGroupArchive: "Group archived",
	ActionGroupRestore: "Group unarchived",
	ActionSettings:     "Site settings changed",
	ActionTagCreate:    "Trigger warning added to the vocabulary",
	ActionTagUpdate:    "Trigger warning renamed",
	ActionDutyStart:    "Moderator went on duty",
	ActionDutyEnd:      "Moderator went off duty",
	ActionStepAway:     "Moderator stepped away and handed their items back to the queue",
	ActionLineAdd:      "Crisis helpline added",
	ActionLineEdit:     "Crisis helpline changed",
	ActionLineDelete:   "Crisis helpline removed",
	ActionRoleGrant:    "Moderator appointed or their groups changed",
	ActionRoleRevoke:   "Moderator role taken back",

	ActionCheckInOpen:       "Check-in sent to a member",
	ActionCheckInMessage:    "Message written in a check-in",
	ActionCheckInClose:      "Check-in closed",
	ActionCheckInReopen:     "Check-in reopened by the member",
	ActionEscalate:          "Escalated to the safeguarding leads",
	ActionEscalationResolve: "Escalation resolved by a safeguarding lead",
	ActionInstructions:      "Escalation instructions changed",
	ActionLeadGrant:         "Safeguarding lead appointed",
	ActionLeadRevoke:        "Safeguarding lead permission taken back",
	ActionHookAdd:           "Webhook added",
	ActionHookEdit:          "Webhook changed",
	ActionHookOn:            "Webhook turned on",
	ActionHookOff:           "Webhook turned off",
	ActionHookSecret:        "Webhook secret replaced",
	ActionHookDelete:        "Webhook deleted",
	ActionRevealAuthor:      "Author of an anonymous post looked at",
	ActionPeerGrant:         "Peer supporter appointed",
	ActionPeerRevoke:        "Peer supporter appointment ended",
	ActionSupportReport:     "Support conversation message reported",
	ActionSupportCrisis:     "Crisis language in a support conversation",
	ActionSupportRead:       "Support conversation read by a moderator",
	ActionSupportLooked:     "Reported support conversation looked at",
}

// Describe returns the plain description of action.
func Describe(action string) string {
	if t, ok := actionText[action]; ok {
		return t
	}
	return "Moderator action"
}

// Actions lists the recorded actions, for the audit log's filter.
func Actions() []string {
	return []string{
		ActionAutoHide, ActionDismiss, ActionApprove, ActionRemove, ActionRestore, ActionRedactPost, ActionRedactThread,
		ActionLock, ActionUnlock, ActionPin, ActionUnpin, ActionMove, ActionTagPost, ActionTagThread, ActionLooked,
		ActionWarn, ActionSuspend, ActionBan, ActionLift,
		ActionGroupCreate, ActionGroupUpdate, ActionGroupArchive, ActionGroupRestore, ActionSettings, ActionTagCreate, ActionTagUpdate,
		ActionDutyStart, ActionDutyEnd, ActionStepAway, ActionLineAdd, ActionLineEdit, ActionLineDelete, ActionRoleGrant, ActionRoleRevoke,
		ActionCheckInOpen, ActionCheckInMessage, ActionCheckInClose, ActionCheckInReopen,
		ActionEscalate, ActionEscalationResolve, ActionInstructions, ActionLeadGrant, ActionLeadRevoke,
		ActionHookAdd, ActionHookEdit, ActionHookOn, ActionHookOff, ActionHookSecret, ActionHookDelete,
		ActionRevealAuthor,
		ActionPeerGrant, ActionPeerRevoke, ActionSupportReport, ActionSupportCrisis, ActionSupportRead, ActionSupportLooked,
	}
}

// publicActions appear in the public moderation log. Sanctions and warnings
// stay private: on a mental-health forum even a nameless "member banned"
// next to a reason can identify someone to people who know them.
var publicActions = map[string]bool{
	ActionAutoHide: true, ActionRemove: true, ActionRestore: true, ActionRedactPost: true, ActionRedactThread: true,
	ActionLock: true, ActionUnlock: true, ActionPin: true, ActionUnpin: true, ActionMove: true,
	ActionTagPost: true, ActionTagThread: true, ActionApprove: true,
	ActionGroupCreate: true, ActionGroupArchive: true, ActionGroupRestore: true, ActionTagCreate: true, ActionTagUpdate: true,
}

// IsPublic reports whether action appears in the public moderation log.
func IsPublic(action string) bool { return publicActions[action] }
