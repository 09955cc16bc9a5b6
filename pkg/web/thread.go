package web

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/markup"
)

// threadShow is a thread: the opening post, then the replies in
// conversation order, one page at a time. It makes the same handful of
// queries whatever the thread's size: the thread with its group, the page
// of posts with names, the tag vocabulary, the page's reactions, and for
// members their tag preferences, subscription and unread count.
func (s *Server) threadShow(c echo.Context) error {
	h, err := s.visibleThread(c)
	if err != nil {
		return err
	}
	ctx, id := c.Request().Context(), h.ID
	if b, name, err := s.threadBreak(c, h); err != nil {
		return err
	} else if b != nil {
		return s.renderBreak(c, b, name)
	}
	blocked, err := s.blockedSet(c)
	if err != nil {
		return err
	}
	viewer := viewerFor(c, h.GroupID)
	conv, err := s.deps.Forum.Conversation(ctx, h, viewer, c.QueryParam("after"), c.QueryParam("before"))
	if err != nil {
		return err
	}
	vocab, names, err := s.vocab(c)
	if err != nil {
		return err
	}
	prefs, err := s.prefs(c)
	if err != nil {
		return err
	}
	byPost, err := s.reactionsByPost(ctx, h, conv.Posts, blocked)
	if err != nil {
		return err
	}
	v := ThreadPageView{
		Base:      s.base(c, isolate(shownTitle(s.printer(c), h.Title))),
		Thread:    threadInfo(h, names),
		First:     conv.First,
		SignedIn:  principal(c) != nil,
		Back:      c.Request().URL.RequestURI(),
		Reactions: forum.ReactionKinds,
	}
	v.Feed = &FeedLink{Title: s.tr(c, "New posts in this thread"), URL: feedPath("/t/" + itoa(id))}
	if prefs.Mode(h.Tags) == forum.ModeHide {
		v.HiddenTags = tagText(v.Thread.Tags)
	}
	v.NextURL, v.PrevURL = pageLinks(id, conv)
	gate := s.replyGate(c, h)
	canReply := gate.ok
	v.LockNotice, v.Refusal = gate.notices(h)
	if err := s.memberThreadParts(c, &v, canReply && h.GroupAllowAnonymous, canReply, vocab); err != nil {
		return err
	}
	if viewer.Moderator {
		v.ModThread = &ModControls{ThreadID: h.ID, GroupID: h.GroupID, Locked: h.Locked, Pinned: h.Pinned, Status: h.Status}
	}
	views := postViews.Get().(*[]PostView)
	defer putPostViews(views)
	for _, p := range conv.Posts {
		pv := s.postView(c, h, p, names, prefs, viewer, canReply, byPost[p.ID])
		if v.HiddenTags != "" && pv.Mode == forum.ModeHide && !s.onTagBreak(c, p.Tags.Union(h.Tags)) {
			// The reader already chose to open this hidden thread: its
			// tagged posts stay folded, but behind one click, not two.
			pv.Mode = forum.ModeWarn
		}
		pv.Blocked = forum.HidesAuthor(blocked, p.AuthorID, p.Anonymous)
		pv.flags()
		*views = append(*views, pv)
	}
	v.Posts = *views
	v.FirstUnread, v.Live = s.firstUnread(c, conv.Posts), s.threadLive(h, conv.Posts)
	if err := s.threadPeer(c, h, &v, conv.Posts); err != nil {
		return err
	}
	if v.PostHTML, err = s.postFragments(v.Lang, v.Posts, v.Back, id); err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageThread, v)
}

// pageLinks are the addresses of the pages after and before conv in thread
// id, "" where there is none.
func pageLinks(id int64, conv forum.Conversation) (next, prev string) {
	if conv.Next != "" {
		next = threadURL(id, conv.Next)
	}
	if conv.Prev != "" {
		prev = "/t/" + itoa(id) + "?before=" + url.QueryEscape(conv.Prev)
	}
	return next, prev
}

// postViews holds the slices a thread page builds its posts' views in:
// about 20 KB a page, the largest thing it allocated. The page is written
// whole before its handler returns, so nothing holds them after.
var postViews = sync.Pool{New: func() any {
	s := make([]PostView, 0, forum.PostsPerPage)
	return &s
}}

// putPostViews empties views, so the pool keeps no member's page alive,
// and gives it back.
func putPostViews(views *[]PostView) {
	clear(*views)
	*views = (*views)[:0]
	postViews.Put(views)
}

// reactionsByPost reads the reactions to the page's visible and held posts,
// by post, leaving out those of members the reader blocked, so an author
// never sees a blocked member's name.
func (s *Server) reactionsByPost(ctx context.Context, h forum.ThreadHead, posts []forum.PostRow, blocked map[int64]bool) (map[int64][]forum.ReactionRow, error) {
	ids := make([]int64, 0, len(posts))
	for _, p := range posts {
		if p.Status == forum.StatusVisible || p.Status == forum.StatusHeld {
			ids = append(ids, p.ID)
		}
	}
	reactions, err := s.deps.Forum.ReactionsFor(ctx, h, ids)
	if err != nil {
		return nil, err
	}
	// Counted first, so that every post's reactions are a part of one
	// slice, in the order read.
	counts := make(map[int64]int, len(ids))
	kept := 0
	for _, r := range reactions {
		if !blocked[r.UserID] {
			counts[r.PostID]++
			kept++
		}
	}
	all := make([]forum.ReactionRow, 0, kept)
	byPost := make(map[int64][]forum.ReactionRow, len(counts))
	for id, n := range counts {
		byPost[id], all = all[len(all):len(all):len(all)+n], all[:len(all)+n]
	}
	for _, r := range reactions {
		if !blocked[r.UserID] {
			byPost[r.PostID] = append(byPost[r.PostID], r)
		}
	}
	return byPost, nil
}

// memberThreadParts fills in what a thread page shows a signed-in member
// only: whether they follow or muted it, the reply form when they may
// reply, and the crisis panel a post of theirs just asked for.
func (s *Server) memberThreadParts(c echo.Context, v *ThreadPageView, offerAnonymous, canReply bool, vocab []forum.Tag) error {
	p := principal(c)
	if p == nil {
		return nil
	}
	st, err := s.members.Following(c.Request().Context(), memberKey(p), v.Thread.ID, s.deps.Forum.Subscription)
	if err != nil {
		return err
	}
	v.Following, v.Muted = st == forum.SubFollow, st == forum.SubMute
	if canReply {
		if v.ReplyForm, err = s.blankReplyForm(v.Lang, v.Thread.ID, vocab, offerAnonymous); err != nil {
			return err
		}
	}
	v.CrisisPanel = s.crisisPanel(c, s.popCare(c))
	return nil
}

// postFragments renders each post of a thread page with the "post"
// template in language lang, reusing a rendering from the fragment cache when every input
// to it is the same.
func (s *Server) postFragments(lang string, posts []PostView, back string, threadID int64) ([]template.HTML, error) {
	out := make([]template.HTML, len(posts))
	for i := range posts {
		f := postFragment{PostView: posts[i], Back: back, ThreadID: threadID, Lang: lang}
		k := s.fragKeys.key(&f)
		if h, ok := s.frags.Get(k); ok {
			out[i] = h
			continue
		}
		h, err := s.render.Fragment(pageThread, lang, "post", f)
		if err != nil {
			return nil, err
		}
		s.frags.Put(k, h)
		out[i] = h
	}
	return out, nil
}

// blankReplyForm is the reply form under a thread, in language lang. It is the same for
// every member who may reply, apart from its idempotency key, so its
// fields are rendered once per thread and tag vocabulary and kept in the
// fragment cache.
func (s *Server) blankReplyForm(lang string, threadID int64, vocab []forum.Tag, offerAnonymous bool) (*ComposeForm, error) {
	f := &ComposeForm{Action: "/t/" + itoa(threadID) + "/replies", Tags: tagChoices(vocab, nil), Submit: msg("Post reply"),
		OfferAnonymous: offerAnonymous}
	k := s.fragKeys.formKey(lang, f)
	h, ok := s.frags.Get(k)
	if !ok {
		var err error
		if h, err = s.render.Fragment(pageThread, lang, "composer-fields", f); err != nil {
			return nil, err
		}
		s.frags.Put(k, h)
	}
	f.Fields, f.Idem = h, newIdemKey()
	return f, nil
}

// canSeeThread hides held threads from all but their author and the
// group's moderators, and removed or deleted threads from all but
// moderators.
func canSeeThread(c echo.Context, h forum.ThreadHead) error {
	a := actor(c)
	switch h.Status {
	case forum.StatusHeld:
		if !auth.CanViewHeld(a, authorOf(h.AuthorID), h.GroupID) {
			return forum.ErrNotFound
		}
	case forum.StatusRemoved, forum.StatusDeleted:
		if !auth.CanModerate(a, h.GroupID) {
			return forum.ErrNotFound
		}
	}
	return nil
}

// replyGate is whether the reader may reply in a thread and, when a
// member may not, the sentence shown instead of the reply form.
type replyGate struct {
	ok      bool
	refusal string
	// locked is set when the refusal is the thread's lock, which the
	// thread page shows in its banner.
	locked bool
}

// notices are the thread page's lock banner, shown to everyone, and the
// sentence in place of the reply form: a lock is said once, in the banner.
func (g replyGate) notices(h forum.ThreadHead) (lock, refusal string) {
	if g.locked {
		return forum.LockNotice(h.Thread), ""
	}
	return forum.LockNotice(h.Thread), g.refusal
}

// replyGate asks the posting rules whether the reader may reply in h (not
// in an archived group, not in a locked thread unless they moderate it),
// then whether they may post at all (a sanction, a break they chose).
// Visitors are invited to log in instead.
func (s *Server) replyGate(c echo.Context, h forum.ThreadHead) replyGate {
	a := actor(c)
	if a == nil {
		return replyGate{}
	}
	if r := forum.Decide(h.Facts(forum.ActReply, writerFor(c, h.GroupID))).Refusal; r != nil {
		return replyGate{refusal: r.Message(), locked: r.Rule == forum.RuleLocked}
	}
	if err := auth.CanPost(a, time.Now()); err != nil {
		return replyGate{refusal: sanctionText(s.printer(c), err)}
	}
	if r := s.breakRefusal(c, h.GroupID, h.Tags); r != "" {
		return replyGate{refusal: r}
	}
	return replyGate{ok: true}
}

func authorOf(id *int64) int64 {
	if id == nil {
		return 0
	}
	return *id
}

// threadInfo is the header of a thread's pages.
func threadInfo(h forum.ThreadHead, names map[string]string) ThreadInfo {
	return ThreadInfo{ID: h.ID, Title: h.Title, Tags: labels(h.Tags, names), Locked: h.Locked, Pinned: h.Pinned,
		Held: h.Status == forum.StatusHeld, Redacted: h.Status == forum.StatusRedacted,
		GroupSlug: h.GroupSlug, GroupName: h.GroupName}
}

// postView decides how one post shows for the reader: its indent, its
// status placeholder, its trigger-warning mode, its links and reactions.
func (s *Server) postView(c echo.Context, h forum.ThreadHead, p forum.PostRow, names map[string]string, prefs forum.Prefs,
	viewer forum.Viewer, canReply bool, reactions []forum.ReactionRow) PostView {
	a := actor(c)
	author := authorOf(p.AuthorID)
	own := a != nil && author != 0 && a.ID == author
	who := publicAuthor(s.printer(c), p.AuthorName, p.AuthorID, p.Anonymous, readerID(c))
	pv := PostView{
		ID: p.ID, Opening: p.ParentID == nil, Indent: min(p.Depth, forum.MaxIndent),
		AuthorName: who.Name, AuthorKnown: who.Profile, Anonymous: who.Anonymous, OwnAnonymous: who.Own,
		CreatedAt: p.CreatedAt, EditedAt: p.EditedAt, Created: timeText(s.printer(c), p.CreatedAt, time.Now()),
	}
	if p.EditedAt != nil {
		pv.EditedExact = s.printer(c).Date(*p.EditedAt)
	}
	if p.Depth > forum.MaxIndent {
		pv.ReplyingTo = publicAuthor(s.printer(c), p.ParentAuthorName, p.ParentAuthorID, p.ParentAnonymous, readerID(c)).Name
	}
	tags := p.Tags
	if pv.Opening {
		tags = tags.Union(h.Tags)
	}
	pv.setBody(p, viewer.Moderator)
	pv.Mode = forum.ModeShow
	if pv.Placeholder == "" {
		pv.Tags = labels(tags, names)
		pv.TagNames = tagText(pv.Tags)
		pv.Mode = prefs.Mode(tags)
		if s.onTagBreak(c, tags) {
			pv.Mode = forum.ModeHide
		}
		if folded := pv.setFold(p.Post, tags, names, prefs, a, viewer.Moderator); folded != "" && s.onTagBreak(c, folded) {
			pv.Mode = forum.ModeHide
		}
		if own && pv.Mode == forum.ModeWarn {
			// Authors read their own words open, the warning above them;
			// a tag they chose to hide, or are on a break from, stays so.
			pv.Mode, pv.OwnWarned = forum.ModeShow, true
		}
	}
	live := p.Status == forum.StatusVisible || (p.Status == forum.StatusHeld && own)
	pv.CanReply = canReply && (live || p.Status == forum.StatusRedacted || p.Status == forum.StatusDeleted)
	pv.CanQuote = canReply && live && pv.Fold == ""
	if own && forum.Editable(p.Status) && auth.CanEditPost(a, author) {
		pv.CanEdit = forum.Decide(editFacts(h, p.Post, forum.Writer{ID: a.ID, Moderator: viewer.Moderator})).Allowed()
		pv.CanDelete = true
	}
	pv.CanReact = a != nil && !own && p.Status == forum.StatusVisible && pv.Fold == ""
	pv.CanReport = a != nil && !own && p.Status == forum.StatusVisible
	pv.CanBlockAuthor = a != nil && !own && p.Anonymous && p.AuthorID != nil && p.Status == forum.StatusVisible
	pv.setReactions(reactions, a, own)
	if viewer.Moderator {
		pv.Mod = &ModControls{PostID: p.ID, ThreadID: h.ID, GroupID: h.GroupID, Status: p.Status,
			Locked: h.Locked, Pinned: h.Pinned, IsOpening: pv.Opening, Folded: p.CrisisFolded, Anonymous: p.Anonymous && !own}
	}
	return pv
}

// setBody is the post's words as the reader may see them, or the
// placeholder standing in for them (in English; the page translates it):
// moderators still see what they removed.
func (pv *PostView) setBody(p forum.PostRow, moderator bool) {
	switch p.Status {
	case forum.StatusVisible:
		pv.Body = markup.Stored(p.BodyHTML)
	case forum.StatusHeld:
		pv.Held, pv.Body = true, markup.Stored(p.BodyHTML)
	case forum.StatusRemoved:
		if moderator {
			pv.Removed, pv.Body = true, markup.Stored(p.BodyHTML)
		} else {
			pv.Placeholder = placeholderRemoved
		}
	case forum.StatusRedacted:
		pv.Placeholder = redactionText(p.StatusReason)
	case forum.StatusDeleted:
		pv.Placeholder = placeholderDeleted
	default:
		pv.Placeholder = placeholderUnavailable
	}
}

// setReactions sets the post's reaction buttons, marking the reader's own,
// and for the post's author who reacted how; other readers learn only that
// people responded.
func (pv *PostView) setReactions(reactions []forum.ReactionRow, a *auth.Actor, own bool) {
	// Indexed like forum.ReactionKinds, and allocated only for a post that
	// has reactions: most of a page's posts have none from the reader.
	var mine []bool
	var by [][]string
	for _, r := range reactions {
		k := slices.IndexFunc(forum.ReactionKinds, func(rk forum.ReactionKind) bool { return rk.Kind == r.Kind })
		if a != nil && r.UserID == a.ID {
			if k >= 0 {
				if mine == nil {
					mine = make([]bool, len(forum.ReactionKinds))
				}
				mine[k] = true
			}
		} else {
			pv.PeopleReact = true
		}
		if own && k >= 0 {
			if by == nil {
				by = make([][]string, len(forum.ReactionKinds))
			}
			by[k] = append(by[k], r.UserName)
		}
	}
	if pv.CanReact {
		pv.Reactions = reactionButtons
		if mine != nil {
			pv.Reactions = make([]ReactionView, len(forum.ReactionKinds))
			for i, k := range forum.ReactionKinds {
				pv.Reactions[i] = ReactionView{Kind: k.Kind, Label: k.Label, Mine: mine[i]}
			}
		}
	}
	if own {
		for i, names := range by {
			if len(names) > 0 {
				pv.ReactedBy = append(pv.ReactedBy, ReactionGroup{Label: forum.ReactionKinds[i].Label, Names: names})
			}
		}
		pv.PeopleReact = false
	}
}

// reactionButtons are the reaction buttons of a post the reader has not
// reacted to, the same on every such post: shared, so never changed.
var reactionButtons = func() []ReactionView {
	out := make([]ReactionView, 0, len(forum.ReactionKinds))
	for _, k := range forum.ReactionKinds {
		out = append(out, ReactionView{Kind: k.Kind, Label: k.Label})
	}
	return out
}()

// visibleThread loads the thread named by the :id parameter, refusing one
// the member may not see (as not found).
func (s *Server) visibleThread(c echo.Context) (forum.ThreadHead, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return forum.ThreadHead{}, err
	}
	h, err := s.deps.Forum.Thread(c.Request().Context(), id)
	if err != nil {
		return forum.ThreadHead{}, err
	}
	if err := canSeeThread(c, h); err != nil {
		return forum.ThreadHead{}, err
	}
	return h, nil
}

// firstUnread records the member's visit and returns the first post on the
// page written by someone else since their last visit (0 for none, for
// visitors, and on a first visit). A visit that cannot be recorded costs
// only the link.
func (s *Server) firstUnread(c echo.Context, posts []forum.PostRow) int64 {
	p := principal(c)
	if p == nil || s.deps.Activity == nil {
		return 0
	}
	since, err := s.visit(c.Request().Context(), p)
	if err != nil {
		s.log.WarnContext(c.Request().Context(), "thread page: visit not recorded", "err", err)
		return 0
	}
	if since.IsZero() {
		return 0
	}
	for _, r := range posts {
		if r.Status == forum.StatusVisible && r.CreatedAt.After(since) && authorOf(r.AuthorID) != p.User.ID {
			return r.ID
		}
	}
	return 0
}
