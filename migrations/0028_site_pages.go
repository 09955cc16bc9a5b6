package migrations

// First impressions: the site's own pages, members' visits and recent
// activity.
//
// site_pages holds the pages admins edit at /admin/pages (about,
// guidelines, privacy, terms): the Markdown source and the sanitised HTML
// rendered from it when it was saved, so reading a page renders nothing. A
// page without a row shows Hearth's default text; restoring the default
// deletes the row. updated_by is kept for the admin page, and cleared if
// that admin's account goes (the audit log keeps who did what).
//
// member_visits lets the home page mark what is new since a member's last
// visit: seen_at is when they last opened it, since_at the start of the
// window now called "new" (the seen_at of their previous visit, one that
// ended more than an hour before the current one began). It goes with the
// account.
//
// threads_activity lists the newest activity across every group for the
// home page without reading every thread.
var step0028SitePages = sqlStep(28, "site pages, member visits, recent activity",
	`CREATE TABLE site_pages (
		slug TEXT PRIMARY KEY,
		source TEXT NOT NULL,
		html TEXT NOT NULL,
		updated_at {{TS}} NOT NULL,
		updated_by {{BIGINT}} REFERENCES users (id) ON DELETE SET NULL
	)`,
	`CREATE TABLE member_visits (
		user_id {{BIGINT}} PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
		seen_at {{TS}} NOT NULL,
		since_at {{TS}}
	)`,
	`CREATE INDEX threads_activity ON threads (last_post_at, id)`,
)
