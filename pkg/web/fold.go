package web

import (
	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// A crisis-level post is folded for other readers until a moderator has
// looked (forum.Post.FoldedFor): every view that shows a post's words to
// someone other than its author and its group's moderators asks foldFor
// (members) or visitorPost (visitors, feeds, the API) first, and shows the
// post's automatic warning and placeholderFolded instead of its words.

// placeholderFolded stands in for the words of a folded post.
var placeholderFolded = msg("This post is folded behind an automatic warning until a moderator has read it. Moderators have been told.")

// foldFor reports whether the request's reader sees post p folded, and
// the name of its warning when they do.
func foldFor(c echo.Context, p forum.Post, names map[string]string) (string, bool) {
	a := actor(c)
	var reader int64
	if a != nil {
		reader = a.ID
	}
	if !p.FoldedFor(reader, a != nil && auth.CanModerate(a, p.GroupID)) {
		return "", false
	}
	return foldLabel(p.FoldTopic(), names).Name, true
}

// folded reports whether the request's reader sees p folded.
func folded(c echo.Context, p forum.Post) bool {
	_, ok := foldFor(c, p, nil)
	return ok
}

// foldLabel is the automatic warning of a crisis about topic t, named as
// the trigger-warning vocabulary names it (suicide and self-harm are in
// the vocabulary), or by the topic's own name.
func foldLabel(t forum.Topic, names map[string]string) TagLabel {
	t = forum.FoldTopic(t)
	name := names[string(t)]
	if name == "" {
		name = t.Name()
	}
	return TagLabel{Slug: string(t), Name: name}
}

// foldTags adds the automatic warning of a folded post to tags.
func foldTags(tags forum.Tags, t forum.Topic) forum.Tags {
	return tags.Union(forum.MakeTags([]string{string(forum.FoldTopic(t))}))
}

// setFold folds post p (its tags are tags) for a reader who must not see
// its words yet: its body leaves the view, its automatic warning joins its
// tags, and the reader's choice for that warning (show and warn alike show
// the fold; hide hides it) sets the mode. Its author and moderators see it
// open, with a note that others see it folded. It returns the tags of a
// post it folded, with the warning, and "" otherwise.
func (pv *PostView) setFold(p forum.Post, tags forum.Tags, names map[string]string, prefs forum.Prefs, a *auth.Actor, moderator bool) forum.Tags {
	if !p.CrisisFolded || (p.Status != forum.StatusVisible && p.Status != forum.StatusHeld) {
		return ""
	}
	var reader int64
	if a != nil {
		reader = a.ID
	}
	name := foldLabel(p.FoldTopic(), names).Name
	switch {
	case p.FoldedFor(reader, moderator):
		pv.Fold, pv.Body = name, ""
		folded := foldTags(tags, p.FoldTopic())
		pv.Tags = labels(folded, names)
		pv.TagNames = tagText(pv.Tags)
		pv.Mode = forum.ModeShow
		if prefs.Mode(folded) == forum.ModeHide {
			pv.Mode = forum.ModeHide
		}
		return folded
	case reader != 0 && p.AuthorID != nil && *p.AuthorID == reader:
		pv.FoldedForOthers = name
	default:
		pv.FoldMod = name
	}
	return ""
}
