package web

import (
	"hearth/pkg/auth"
	"hearth/pkg/i18n"
	"hearth/pkg/moderation"
)

// shownTitle is a thread's title as a reader of p's language sees it. The
// title of a thread moderators redacted, or its author erased with their
// account, is a placeholder Hearth stores in English for every reader
// (moderation.RedactedTitle, auth.ErasedThreadTitle): it is shown in the
// reader's language. It is the placeholder only when it is exactly that
// text, so a member's own title is shown as written.
func shownTitle(p *i18n.Printer, title string) string {
	if title == auth.ErasedThreadTitle || title == moderation.RedactedTitle {
		return p.Exact(title)
	}
	return title
}
