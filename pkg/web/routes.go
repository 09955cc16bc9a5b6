package web

import (
	"strconv"

	"github.com/labstack/echo/v4/middleware"

	"hearth/pkg/moderation"
)

// routes installs the middleware chain and every route Hearth serves. This is
// the one place to read to know the site's URLs.
func (s *Server) routes() {
	e := s.e
	e.Use(s.render.pooledRender)
	e.Use(requestID)
	e.Use(s.securityHeaders)
	e.Use(s.accessLog)
	e.Use(s.recoverPanics())
	e.Use(middleware.BodyLimit(strconv.FormatInt(s.cfg.MaxBodyBytes, 10)))
	e.Use(crossOrigin())
	e.Use(s.loadSession)
	e.Use(s.chooseLanguage)
	e.Use(s.sanctionGate)
	e.Use(s.breakGuard)

	// Operations.
	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	e.GET("/metrics", s.metrics.handler)
	e.GET("/static/:hash/*", s.assets.serve)

	// Reading.
	e.GET("/", s.home, s.cacheForVisitors)
	e.GET("/g/:slug", s.groupShow, s.cacheForVisitors)
	e.GET("/waiting", s.waitingIndex)
	e.GET("/g/:slug/waiting", s.waitingIndex)
	e.GET("/settings/helping", s.helpingShow, s.requireUser)
	e.POST("/settings/helping", s.helpingSave, s.requireUser)

	// Reading and posting: threads, replies, edits, previews, reactions,
	// subscriptions, notifications, search and trigger-warning settings.
	// A thread's events are its page's live updates (live.go; the
	// moderator queue's are with moderation below).
	e.GET("/g/:slug/new", s.threadNew, s.requireUser)
	e.POST("/g/:slug/threads", s.threadCreate, s.requireUser)
	e.GET("/t/:id", s.threadShow, s.cacheForVisitors)
	e.GET("/t/:id/events", s.threadEvents)
	e.GET("/t/:id/reply", s.replyNew, s.requireUser)
	e.POST("/t/:id/replies", s.replyCreate, s.requireUser)
	e.POST("/t/:id/follow", s.threadFollow, s.requireUser)
	e.POST("/t/:id/mute", s.threadMute, s.requireUser)
	e.GET("/p/:id", s.postShow)
	e.GET("/p/:id/edit", s.postEdit, s.requireUser)
	e.POST("/p/:id/edit", s.postUpdate, s.requireUser)
	e.POST("/p/:id/delete", s.postDelete, s.requireUser)
	e.POST("/p/:id/react", s.postReact, s.requireUser)
	e.GET("/p/:id/history", s.postHistory, s.requireStaff)
	e.POST("/preview", s.preview, s.requireUser)
	e.GET("/notifications", s.notificationsShow, s.requireUser)
	e.POST("/notifications/read", s.notificationsRead, s.requireUser)
	e.GET("/notifications/moderators", s.notificationsModerators, s.requireUser)
	e.GET("/search", s.search, s.gateVisitors)
	e.GET("/settings/warnings", s.warningsShow, s.requireUser)
	e.POST("/settings/warnings", s.warningsSave, s.requireUser)

	// Syndication: Atom feeds and the read-only JSON API (docs/api.md).
	// Both show what a signed-out visitor sees, whoever asks, and each
	// client has HEARTH_API_RATE_LIMIT requests a minute of them. Errors
	// under /api/ are answered in JSON (handleError).
	e.GET("/feed.atom", s.siteFeed, s.limitClient)
	e.GET("/g/:slug/feed.atom", s.groupFeed, s.limitClient)
	e.GET("/t/:id/feed.atom", s.threadFeed, s.limitClient)
	e.GET("/api/v1/groups", s.apiGroups, s.limitClient)
	e.GET("/api/v1/groups/:slug/threads", s.apiGroupThreads, s.limitClient)
	e.GET("/api/v1/threads/:id", s.apiThreadShow, s.limitClient)

	// Safety: crisis resources (open to everyone) and the helpline list admins keep.
	e.GET("/crisis", s.crisis)
	e.GET("/browsing-safely", s.browsingSafely)

	// The site's own pages (admins edit them under Administration) and the
	// welcome a new member reaches after saving their recovery codes.
	e.GET("/about", s.sitePage(moderation.PageAbout))
	e.GET("/guidelines", s.sitePage(moderation.PageGuidelines))
	e.GET("/privacy", s.sitePage(moderation.PagePrivacy))
	e.GET("/terms", s.sitePage(moderation.PageTerms))
	e.GET("/welcome", s.welcome)
	e.GET("/admin/helplines", s.adminHelplines, s.requireAdmin)
	e.GET("/admin/helplines/new", s.adminHelplineNew, s.requireAdmin)
	e.POST("/admin/helplines", s.adminHelplineCreate, s.requireAdmin)
	e.GET("/admin/helplines/:id/edit", s.adminHelplineEdit, s.requireAdmin)
	e.POST("/admin/helplines/:id", s.adminHelplineUpdate, s.requireAdmin)
	e.POST("/admin/helplines/:id/delete", s.adminHelplineDelete, s.requireAdmin)

	// Safety: blocking members and taking breaks (breakGuard, installed
	// above, keeps a member on a whole-site break on the break page).
	e.POST("/u/:name/block", s.blockMember, s.requireUser)
	e.POST("/u/:name/unblock", s.unblockMember, s.requireUser)
	e.POST("/p/:id/block-author", s.blockAuthor, s.requireUser)
	e.POST("/settings/blocks/anonymous/:id/unblock", s.unblockAnonymous, s.requireUser)
	e.GET("/settings/blocks", s.settingsBlocks, s.requireUser)
	e.GET("/settings/breaks", s.settingsBreaks, s.requireUser)
	e.POST("/settings/breaks", s.settingsBreakStart, s.requireUser)
	e.POST("/settings/breaks/:id/end", s.settingsBreakEnd, s.requireUser)

	// Accounts: signup, login (with a two-factor step), recovery, the
	// member's settings and data, public profiles, and who moderates
	// (sanctionGate, installed above, keeps suspended and banned members to
	// their export, deletion, logout and the crisis page).
	e.GET("/signup", s.signupPage)
	e.POST("/signup", s.signup)
	e.GET("/login", s.loginPage)
	e.POST("/login", s.login)
	e.GET("/login/code", s.loginCodePage)
	e.POST("/login/code", s.loginCode)
	e.POST("/logout", s.logout)
	e.GET("/recover", s.recoverPage)
	e.POST("/recover", s.recoverAccount)
	e.GET("/goodbye", s.goodbye)
	e.GET("/u/:name", s.profile)
	e.GET("/settings", s.settingsIndex, s.requireUser)
	e.GET("/settings/password", s.settingsPasswordPage, s.requireUser)
	e.POST("/settings/password", s.settingsPassword, s.requireUser)
	e.GET("/settings/recovery-codes", s.settingsCodesPage, s.requireUser)
	e.POST("/settings/recovery-codes", s.settingsCodes, s.requireUser)
	e.POST("/settings/recovery-codes/download", s.settingsCodesDownload, s.requireUser)
	e.GET("/settings/sessions", s.settingsSessions, s.requireUser)
	e.POST("/settings/sessions/end", s.settingsSessionEnd, s.requireUser)
	e.POST("/settings/sessions/end-others", s.settingsSessionsEndOthers, s.requireUser)
	e.GET("/settings/totp", s.settingsTOTP, s.requireUser)
	e.GET("/settings/totp/qr.svg", s.settingsTOTPQR, s.requireUser)
	e.POST("/settings/totp/start", s.settingsTOTPStart, s.requireUser)
	e.POST("/settings/totp/confirm", s.settingsTOTPConfirm, s.requireUser)
	e.POST("/settings/totp/disable", s.settingsTOTPDisable, s.requireUser)
	e.GET("/settings/country", s.settingsCountryPage, s.requireUser)
	e.POST("/settings/country", s.settingsCountry, s.requireUser)
	e.GET("/settings/language", s.settingsLanguagePage, s.requireUser)
	e.POST("/settings/language", s.settingsLanguage, s.requireUser)
	e.GET("/settings/export", s.settingsExport, s.requireUser)
	e.GET("/settings/delete", s.settingsDeletePage, s.requireUser)
	e.POST("/settings/delete", s.settingsDelete, s.requireUser)
	e.GET("/admin/people", s.adminPeople, s.requireAdmin)
	e.POST("/admin/people/:id/role", s.adminPeopleRole, s.requireAdmin)

	// Moderation: reports, the queue, actions on posts, threads and members
	// (every one checked again in pkg/moderation through pkg/auth), the
	// audit log and the public moderation log, and members' notices.
	e.GET("/p/:id/report", s.reportForm, s.requireUser)
	e.POST("/p/:id/report", s.reportSubmit, s.requireUser)
	e.GET("/p/:id/reported", s.reportDone, s.requireUser)
	e.POST("/notices/:id/ack", s.ackNotice, s.requireUser)
	e.GET("/mod/log", s.modLog)
	e.GET("/mod", s.modQueue, s.requireStaff)
	e.GET("/mod/events", s.modEvents, s.requireStaff)
	e.GET("/mod/audit", s.modAudit, s.requireStaff)
	e.GET("/mod/posts/:id", s.modPost, s.requireStaff)
	e.POST("/mod/posts/:id/reveal", s.modPostReveal, s.requireStaff)
	e.GET("/mod/threads/:id", s.modThread, s.requireStaff)
	e.GET("/mod/users/:id", s.modUser, s.requireStaff)
	e.POST("/mod/items/:id/dismiss", s.modDismiss, s.requireStaff)
	e.POST("/mod/duty", s.modDuty, s.requireStaff)
	e.GET("/mod/items/:id", s.modItem, s.requireStaff)
	e.POST("/p/:id/remove", s.postAction("remove", s.deps.Moderation.Remove), s.requireStaff)
	e.POST("/p/:id/restore", s.postAction("restore", s.deps.Moderation.Restore), s.requireStaff)
	e.POST("/p/:id/redact", s.postAction("redact", s.deps.Moderation.RedactPost), s.requireStaff)
	e.POST("/p/:id/tags", s.modPostTags, s.requireStaff)
	e.POST("/p/:id/looked", s.postAction("looked", s.deps.Moderation.Looked), s.requireStaff)
	e.POST("/t/:id/lock", s.threadAction("lock", s.modLock), s.requireStaff)
	e.POST("/t/:id/unlock", s.threadAction("unlock", s.modUnlock), s.requireStaff)
	e.POST("/t/:id/pin", s.threadAction("pin", s.modPin), s.requireStaff)
	e.POST("/t/:id/unpin", s.threadAction("unpin", s.modUnpin), s.requireStaff)
	e.POST("/t/:id/redact", s.threadAction("thread-redact", s.modRedactThread), s.requireStaff)
	e.POST("/t/:id/move", s.threadAction("move", s.modMove), s.requireStaff)
	e.POST("/t/:id/tags", s.threadAction("thread-tags", s.modThreadTags), s.requireStaff)
	e.POST("/mod/users/:id/warn", s.sanctionAction("warn", s.deps.Moderation.Warn), s.requireStaff)
	e.POST("/mod/users/:id/suspend", s.sanctionAction("suspend", s.deps.Moderation.Suspend), s.requireStaff)
	e.POST("/mod/users/:id/ban", s.sanctionAction("ban", s.deps.Moderation.Ban), s.requireStaff)
	e.POST("/mod/users/:id/lift", s.sanctionAction("lift", s.deps.Moderation.Lift), s.requireStaff)

	// Care: private check-ins between a group's staff and a member (each
	// page refuses everyone else in pkg/moderation, through pkg/auth).
	e.GET("/mod/checkins", s.modCheckins, s.requireStaff)
	e.GET("/mod/checkins/new", s.checkinNew, s.requireStaff)
	e.POST("/mod/checkins", s.checkinCreate, s.requireStaff)
	e.GET("/checkins", s.checkinList, s.requireUser)
	e.GET("/checkins/:id", s.checkinShow, s.requireUser)
	e.POST("/checkins/:id/messages", s.checkinWrite, s.requireUser)
	e.POST("/checkins/:id/close", s.checkinClose, s.requireUser)
	e.POST("/checkins/:id/reopen", s.checkinReopen, s.requireUser)

	// Care: moderators looked after. Opening an item counts toward their
	// day; claiming shows the others who is looking at an item; stepping
	// away hands everything back with a note; their own limit and folding.
	e.POST("/mod/items/:id/claim", s.modClaim, s.requireStaff)
	e.POST("/mod/items/:id/release", s.modRelease, s.requireStaff)
	e.GET("/mod/step-away", s.modStepAwayPage, s.requireStaff)
	e.POST("/mod/step-away", s.modStepAway, s.requireStaff)
	e.POST("/mod/handovers/:id/dismiss", s.modHandoverDismiss, s.requireStaff)
	e.GET("/settings/moderation", s.settingsModeration, s.requireStaff)
	e.POST("/settings/moderation", s.settingsModerationSave, s.requireStaff)

	// Care: escalation to the safeguarding leads (appointed at
	// /admin/people), of a queue item, a check-in or a member, and the
	// leads' queue and instructions.
	e.POST("/mod/items/:id/escalate", s.escalate(moderation.EscalateItem), s.requireStaff)
	e.POST("/checkins/:id/escalate", s.escalate(moderation.EscalateCheckIn), s.requireStaff)
	e.POST("/mod/users/:id/escalate", s.escalate(moderation.EscalateMember), s.requireStaff)
	e.GET("/mod/escalations", s.modEscalations, s.requireStaff)
	e.GET("/mod/escalations/:id", s.modEscalation, s.requireStaff)
	e.POST("/mod/escalations/:id/resolve", s.modEscalationResolve, s.requireStaff)
	e.GET("/admin/escalation", s.adminEscalation, s.requireAdmin)
	e.POST("/admin/escalation", s.adminEscalationSave, s.requireAdmin)
	e.POST("/admin/people/:id/lead", s.adminPeopleLead, s.requireAdmin)

	// Peer support: peer supporters (appointed at /admin/people), the
	// groups they follow, and one-to-one support requests with their
	// private conversations (each page refuses everyone else in
	// pkg/moderation's Peer service).
	e.GET("/peer-supporters", s.peerAbout)
	e.POST("/admin/people/:id/peer", s.adminPeoplePeer, s.requireAdmin)
	e.GET("/peer", s.peerHome, s.requireUser)
	e.POST("/g/:slug/follow", s.groupFollow, s.requireUser)
	e.GET("/g/:slug/support", s.supportAsk, s.requireUser)
	e.POST("/g/:slug/support", s.supportCreate, s.requireUser)
	e.GET("/support", s.supportList, s.requireUser)
	e.GET("/support/:id", s.supportShow, s.requireUser)
	e.POST("/support/:id/accept", s.supportAccept, s.requireUser)
	e.POST("/support/:id/withdraw", s.supportWithdraw, s.requireUser)
	e.POST("/support/:id/messages", s.supportWrite, s.requireUser)
	e.GET("/support/:id/end", s.supportEndConfirm, s.requireUser)
	e.POST("/support/:id/end", s.supportEnd, s.requireUser)
	e.POST("/support/:id/report", s.supportReport, s.requireUser)
	e.POST("/support/:id/looked", s.supportLooked, s.requireStaff)

	// Administration: groups and site settings (people and helplines are
	// listed with accounts and safety above).
	e.GET("/admin", s.adminIndex, s.requireAdmin)
	e.GET("/admin/groups", s.adminGroups, s.requireAdmin)
	e.POST("/admin/groups", s.adminGroupCreate, s.requireAdmin)
	e.GET("/admin/groups/:slug", s.adminGroupEdit, s.requireAdmin)
	e.POST("/admin/groups/:slug", s.adminGroupUpdate, s.requireAdmin)
	e.GET("/admin/groups/:slug/archive", s.adminGroupArchiveConfirm, s.requireAdmin)
	e.POST("/admin/groups/:slug/archive", s.adminGroupArchive(true), s.requireAdmin)
	e.POST("/admin/groups/:slug/unarchive", s.adminGroupArchive(false), s.requireAdmin)
	e.GET("/admin/settings", s.adminSettings, s.requireAdmin)
	e.POST("/admin/settings", s.adminSettingsSave, s.requireAdmin)
	e.POST("/admin/settings/age", s.adminMinimumAge, s.requireAdmin)
	e.POST("/admin/settings/country", s.adminDefaultCountry, s.requireAdmin)
	e.GET("/admin/pages", s.adminPages, s.requireAdmin)
	e.GET("/admin/pages/:slug", s.adminPageEdit, s.requireAdmin)
	e.POST("/admin/pages/:slug", s.adminPageSave, s.requireAdmin)
	e.POST("/admin/pages/:slug/restore", s.adminPageRestore, s.requireAdmin)
	e.POST("/admin/tags", s.adminTagCreate, s.requireAdmin)
	e.POST("/admin/tags/:slug", s.adminTagUpdate, s.requireAdmin)

	// Administration: webhooks for on-call moderators (docs/webhooks.md).
	e.GET("/admin/webhooks", s.adminWebhooks, s.requireAdmin)
	e.POST("/admin/webhooks", s.adminWebhookCreate, s.requireAdmin)
	e.GET("/admin/webhooks/:id", s.adminWebhook, s.requireAdmin)
	e.POST("/admin/webhooks/:id", s.adminWebhookUpdate, s.requireAdmin)
	e.POST("/admin/webhooks/:id/enable", s.adminWebhookState(true), s.requireAdmin)
	e.POST("/admin/webhooks/:id/disable", s.adminWebhookState(false), s.requireAdmin)
	e.POST("/admin/webhooks/:id/test", s.adminWebhookPing, s.requireAdmin)
	e.GET("/admin/webhooks/:id/secret", s.adminWebhookSecretConfirm, s.requireAdmin)
	e.POST("/admin/webhooks/:id/secret", s.adminWebhookSecret, s.requireAdmin)
	e.GET("/admin/webhooks/:id/delete", s.adminWebhookDeleteConfirm, s.requireAdmin)
	e.POST("/admin/webhooks/:id/delete", s.adminWebhookDelete, s.requireAdmin)
}
