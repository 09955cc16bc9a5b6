package web

import (
	"fmt"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/i18n"
)

// The rules below are what a signed-out visitor sees, for the Atom feeds and
// the read API, which show every client that view whoever asks. They follow
// the visitor's thread page (thread.go), where the same placeholders stand in
// for posts a visitor may not read.

// anonymousName stands in for the author of an anonymous post, for every
// reader but the author.
var anonymousName = msg("Anonymous member")

// publicName is an author as a page, feed, notice or API response names
// them.
type publicName struct {
	// Name is the pseudonym, "former member", or "Anonymous member".
	Name string
	// Profile is true when Name has a public profile at /u/Name that may
	// be linked from here.
	Profile bool
	// Anonymous is true when Name stands in for a hidden author.
	Anonymous bool
	// Own is true for the author reading their own anonymous post, who
	// sees their pseudonym with a note that others do not.
	Own bool
}

// publicAuthor is the one place Hearth names the author of a thread, post
// or notice for a reader (readerID, 0 for visitors and for the feeds and
// the read API, which show what a visitor sees): the pseudonym, or "former
// member" when the account was deleted. An anonymous post's author is
// "Anonymous member", with no profile, for everyone but themself.
// Moderators learn who it was only by asking (modPost, audited), never
// from here.
func publicAuthor(p *i18n.Printer, name string, id *int64, anonymous bool, readerID int64) publicName {
	if anonymous {
		if readerID != 0 && id != nil && *id == readerID {
			return publicName{Name: nameOr(p, name, id), Own: true}
		}
		return publicName{Name: p.T(anonymousName), Anonymous: true}
	}
	return publicName{Name: nameOr(p, name, id), Profile: id != nil && name != ""}
}

// readerID is the signed-in member's id, 0 for a visitor.
func readerID(c echo.Context) int64 {
	if p := principal(c); p != nil {
		return p.User.ID
	}
	return 0
}

// visitorSeesThread reports whether a visitor may open a thread: held,
// removed and deleted threads are not found.
func visitorSeesThread(status string) bool {
	return status == forum.StatusVisible || status == forum.StatusRedacted
}

// visitorThread loads the thread named by the :id parameter if a visitor
// may open it, and is not found otherwise.
func (s *Server) visitorThread(c echo.Context) (forum.ThreadHead, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return forum.ThreadHead{}, err
	}
	h, err := s.deps.Forum.Thread(c.Request().Context(), id)
	if err != nil {
		return forum.ThreadHead{}, err
	}
	if !visitorSeesThread(h.Status) {
		return forum.ThreadHead{}, forum.ErrNotFound
	}
	return h, nil
}

// visitorText is what a visitor's thread page shows of a post.
type visitorText struct {
	// Body is true when the post's own words are shown.
	Body bool
	// Placeholder stands in for the words of a post a visitor may not read.
	Placeholder string
	// Folded is set for a crisis-level post no moderator has looked at
	// yet: its words are left out, and Warning names its automatic warning.
	Folded  bool
	Warning forum.Topic
}

// Placeholders of posts a visitor may not read, translated where shown.
var (
	placeholderRemoved     = msg("This post was removed by moderators.")
	placeholderDeleted     = msg("This post was deleted by its author.")
	placeholderUnavailable = msg("This post isn't available.")
)

// visitorPost is what a visitor sees of post p: its words only when it is
// visible and not folded (fold.go); a redacted post shows its redaction
// notice and nothing else.
// Held posts (waiting for a moderator, or hidden by members' reports) never
// reach a visitor at all; should one get here, its words stay out.
func visitorPost(p forum.Post) visitorText {
	switch p.Status {
	case forum.StatusVisible:
		if p.FoldedFor(0, false) {
			return visitorText{Placeholder: placeholderFolded, Folded: true, Warning: p.FoldTopic()}
		}
		return visitorText{Body: true}
	case forum.StatusRedacted:
		return visitorText{Placeholder: redactionText(p.StatusReason)}
	case forum.StatusRemoved:
		return visitorText{Placeholder: placeholderRemoved}
	case forum.StatusDeleted:
		return visitorText{Placeholder: placeholderDeleted}
	default:
		return visitorText{Placeholder: placeholderUnavailable}
	}
}

// redactionText is the notice that replaces a redacted post's words, in
// English: the page or feed showing it translates it, the moderator's
// reason read back as written (i18n.Printer.T).
func redactionText(reason string) string {
	if reason == "" {
		return msg("Redacted by moderators.")
	}
	return fmt.Sprintf(msg("Redacted by moderators: %s"), reason)
}

// visitorTags are the trigger warnings a visitor's page shows on a post:
// its own tags, and on an opening post its thread's as well; a folded
// post its automatic warning too.
func visitorTags(p forum.Post, threadTags forum.Tags) forum.Tags {
	tags := p.Tags
	if v := visitorPost(p); v.Folded {
		tags = foldTags(tags, v.Warning)
	}
	if p.ParentID == nil {
		return tags.Union(threadTags)
	}
	return tags
}
