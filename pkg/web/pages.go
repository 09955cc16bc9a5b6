package web

import "github.com/labstack/echo/v4"

// Page names a page template: its path below templates/pages without
// ".html". Handlers name pages only by these constants, through
// renderPage and Renderer.Fragment; a test checks that each names a
// parsed template, that each is used, and that every template under
// pages/ has one.
type Page string

// The pages, by area.
const (
	pageHome     Page = "home"
	pageError    Page = "error"
	pageOutage   Page = "outage"
	pageCrisis   Page = "crisis"
	pageBreak    Page = "break"
	pageBrowsing Page = "browsing"
	pageSite     Page = "site/page"
	pageWelcome  Page = "site/welcome"
	pageGroup    Page = "group/show"
	pageThread   Page = "thread/show"
	pageSearch   Page = "search/index"
	pageWaiting  Page = "waiting/index"

	pagePeer        Page = "peer/index"
	pagePeerAbout   Page = "peer/about"
	pageSupportAsk  Page = "support/new"
	pageSupportList Page = "support/index"
	pageSupportShow Page = "support/show"
	pageSupportEnd  Page = "support/end"

	pageCompose        Page = "compose/form"
	pageComposePreview Page = "compose/preview"
	pagePostHistory    Page = "post/history"
	pageReportNew      Page = "report/new"
	pageReportDone     Page = "report/done"

	pageProfile       Page = "profile/show"
	pageNotifications Page = "notifications/index"
	pageModNotices    Page = "notifications/moderators"

	pageCheckIn     Page = "checkin/show"
	pageCheckIns    Page = "checkin/index"
	pageCheckInNew  Page = "checkin/new"
	pageModCheckIns Page = "mod/checkins"

	pageModEscalate     Page = "mod/escalate"
	pageModEscalations  Page = "mod/escalations"
	pageModEscalation   Page = "mod/escalation"
	pageAdminEscalation Page = "admin/escalation"

	pageSignup     Page = "account/signup"
	pageLogin      Page = "account/login"
	pageLoginCode  Page = "account/login_code"
	pageRecover    Page = "account/recover"
	pageCodes      Page = "account/codes"
	pageGoodbye    Page = "account/goodbye"
	pageSanctioned Page = "account/sanctioned"
	pageThrottled  Page = "account/throttled"

	pageSettings           Page = "settings/index"
	pageSettingsBlocks     Page = "settings/blocks"
	pageSettingsBreaks     Page = "settings/breaks"
	pageSettingsHelping    Page = "settings/helping"
	pageSettingsCodes      Page = "settings/codes"
	pageSettingsCountry    Page = "settings/country"
	pageSettingsLanguage   Page = "settings/language"
	pageSettingsDelete     Page = "settings/delete"
	pageConfirm            Page = "confirm"
	pageSettingsPassword   Page = "settings/password"
	pageSettingsSessions   Page = "settings/sessions"
	pageSettingsTOTP       Page = "settings/totp"
	pageSettingsWarnings   Page = "settings/warnings"
	pageSettingsModeration Page = "settings/moderation"

	pageModQueue    Page = "mod/queue"
	pageModItem     Page = "mod/item"
	pageModStepAway Page = "mod/step-away"
	pageModPost     Page = "mod/post"
	pageModHandled  Page = "mod/handled"
	pageModUser     Page = "mod/user"
	pageModLog      Page = "mod/log"
	pageModAudit    Page = "mod/audit"

	pageAdmin             Page = "admin/index"
	pageAdminGroups       Page = "admin/groups"
	pageAdminGroupEdit    Page = "admin/groups_edit"
	pageAdminHelplines    Page = "admin/helplines"
	pageAdminHelplineForm Page = "admin/helpline-form"
	pageAdminPeople       Page = "admin/people"
	pageAdminSettings     Page = "admin/settings"
	pageAdminPages        Page = "admin/pages"
	pageAdminPageEdit     Page = "admin/page_edit"

	pageAdminWebhooks       Page = "admin/webhooks"
	pageAdminWebhook        Page = "admin/webhook"
	pageAdminWebhookSecret  Page = "admin/webhook_secret" // #nosec G101 -- a template name, not a credential
	pageAdminWebhookConfirm Page = "admin/webhook_confirm"
)

// renderPage renders page p with view v as the response, with status code.
func renderPage(c echo.Context, code int, p Page, v any) error {
	return c.Render(code, string(p), v)
}
