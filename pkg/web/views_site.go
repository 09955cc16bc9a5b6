package web

import "hearth/pkg/moderation"

// SitePageView is one of the site's own pages (about, guidelines, privacy,
// terms) as everyone reads it.
type SitePageView struct {
	Base
	Page moderation.SitePage
	// MinimumAge is shown with the terms of use, which refer to it.
	MinimumAge int
}

// WelcomeView is the page a new member reaches after saving their
// recovery codes.
type WelcomeView struct {
	Base
}

// AdminPagesView lists the site pages for admins.
type AdminPagesView struct {
	Base
	Pages []moderation.SitePage
}

// AdminPageView is the editor of one site page. Body is the text as saved
// or as typed in a refused form.
type AdminPageView struct {
	Base
	Page   moderation.SitePage
	Body   string
	Errors FormErrors
	// RestoreError is set when the restore form came back unconfirmed.
	RestoreError string
}
