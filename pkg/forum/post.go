package forum

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"time"

	"hearth/pkg/markup"
)

// ErrBadParent means a reply names a parent post that is not in its thread
// (or that the member cannot see).
var ErrBadParent = errors.New("parent post is not in this thread")

// maxMentions bounds how many members one post can notify by name.
const maxMentions = 10

// Writer is the member writing, with what the web layer decided about them
// through hearth/pkg/auth: Moderator when they moderate the group concerned
// (their posts are never held and they may reply to locked threads).
type Writer struct {
	ID        int64
	Moderator bool
}

// PostWrite is a new post, and for a new thread (ThreadID 0) the thread
// too, as the store saves it in one transaction with its counters, queue
// items, subscription and notifications.
type PostWrite struct {
	GroupID  int64
	ThreadID int64
	// ParentID is the post a reply answers; 0 answers the opening post.
	ParentID    int64
	AuthorID    int64
	Moderator   bool
	Title       string
	BodyMD      string
	BodyHTML    string
	Tags        Tags
	IdemKey     string
	Screening   Screening
	MentionKeys []string
	Now         time.Time
}

// Posted is the outcome of a new post.
type Posted struct {
	Post Post
	// Duplicate is true when the idempotency key had been used already:
	// Post is the first submission's post and nothing new was written.
	Duplicate bool
	// Screening is the crisis assessment of what was written.
	Screening Screening
}

// Held reports whether the post waits for a moderator.
func (p Posted) Held() bool { return p.Post.Status == StatusHeld }

// EditWrite is an edit of a post by its author.
type EditWrite struct {
	PostID    int64
	AuthorID  int64
	Moderator bool
	// Version is the version the member started editing from.
	Version   int
	Title     string
	BodyMD    string
	BodyHTML  string
	Tags      Tags
	Screening Screening
	Now       time.Time
}

// prepared is a draft that passed validation, rendered and screened.
type prepared struct {
	draft     Draft
	tags      Tags
	html      string
	screening Screening
}

// prepare validates d (with a title when withTitle), renders its Markdown
// once and screens it for crisis language.
func (s *Service) prepare(ctx context.Context, d Draft, withTitle, requireTag bool) (prepared, error) {
	d = CleanDraft(d)
	v := &ValidationError{}
	if withTitle {
		validateTitle(v, d.Title)
	}
	validateBody(v, d.Body)
	vocab, err := s.store.Tags(ctx)
	if err != nil {
		return prepared{}, fmt.Errorf("tags: %w", err)
	}
	tags := validateTags(v, d.Tags, vocab)
	if requireTag && tags.Empty() && v.Fields["trigger_warnings"] == "" {
		v.Add("trigger_warnings", "This group asks for at least one trigger-warning tag on every thread. Please choose the one that fits best.")
	}
	var html template.HTML
	if v.Fields["body"] == "" {
		if html, err = s.md.Render(d.Body); err != nil {
			if !errors.Is(err, markup.ErrTooLong) && !errors.Is(err, markup.ErrTooComplex) {
				return prepared{}, fmt.Errorf("render: %w", err)
			}
			v.Add("body", err.Error())
		}
	}
	if err := v.OrNil(); err != nil {
		return prepared{}, err
	}
	text := d.Body
	if withTitle {
		text = d.Title + "\n\n" + d.Body
	}
	return prepared{draft: d, tags: tags, html: string(html), screening: s.Screen(text)}, nil
}

func (s *Service) mentionKeys(body string) []string {
	var keys []string
	for _, name := range Mentions(body, maxMentions) {
		if k := s.nameKey(name); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

// StartThread opens a thread in g with its first post.
func (s *Service) StartThread(ctx context.Context, g Group, w Writer, d Draft, idem string) (Posted, error) {
	if g.Archived {
		return Posted{}, fmt.Errorf("group %s is archived: %w", g.Slug, ErrLocked)
	}
	p, err := s.prepare(ctx, d, true, g.RequireTag)
	if err != nil {
		return Posted{}, err
	}
	res, err := s.store.CreatePost(ctx, PostWrite{
		GroupID: g.ID, AuthorID: w.ID, Moderator: w.Moderator, Title: p.draft.Title,
		BodyMD: p.draft.Body, BodyHTML: p.html, Tags: p.tags, IdemKey: CleanIdemKey(idem),
		Screening: p.screening, MentionKeys: s.mentionKeys(p.draft.Body), Now: s.now(),
	})
	if err != nil {
		return Posted{}, fmt.Errorf("start thread in %s: %w", g.Slug, err)
	}
	res.Screening = p.screening
	return res, nil
}

// Reply adds a reply to thread threadID answering parentID (0 for the
// opening post).
func (s *Service) Reply(ctx context.Context, threadID int64, w Writer, parentID int64, d Draft, idem string) (Posted, error) {
	p, err := s.prepare(ctx, d, false, false)
	if err != nil {
		return Posted{}, err
	}
	res, err := s.store.CreatePost(ctx, PostWrite{
		ThreadID: threadID, ParentID: parentID, AuthorID: w.ID, Moderator: w.Moderator,
		BodyMD: p.draft.Body, BodyHTML: p.html, Tags: p.tags, IdemKey: CleanIdemKey(idem),
		Screening: p.screening, MentionKeys: s.mentionKeys(p.draft.Body), Now: s.now(),
	})
	if errors.Is(err, ErrBadParent) {
		v := &ValidationError{}
		v.Add("parent_id", "The post you are replying to isn't part of this thread. Your reply has not been posted; your text is still here.")
		return Posted{}, v
	}
	if err != nil {
		return Posted{}, fmt.Errorf("reply to thread %d: %w", threadID, err)
	}
	res.Screening = p.screening
	return res, nil
}

// Edit replaces the text of post (and, for an opening post, its thread's
// title) written by w, keeping the previous version as a revision. version
// is the version the member edited; when the post has moved on since, Edit
// returns ErrConflict and changes nothing.
func (s *Service) Edit(ctx context.Context, post PostRow, w Writer, version int, d Draft) (Posted, error) {
	opening := post.ParentID == nil
	p, err := s.prepare(ctx, d, opening, false)
	if err != nil {
		return Posted{}, err
	}
	out, err := s.store.EditPost(ctx, EditWrite{
		PostID: post.ID, AuthorID: w.ID, Moderator: w.Moderator, Version: version,
		Title: p.draft.Title, BodyMD: p.draft.Body, BodyHTML: p.html, Tags: p.tags,
		Screening: p.screening, Now: s.now(),
	})
	if err != nil {
		return Posted{}, fmt.Errorf("edit post %d: %w", post.ID, err)
	}
	return Posted{Post: out, Screening: p.screening}, nil
}

// Delete marks w's post deleted: its text, tags, reactions and earlier
// versions are removed and a placeholder keeps the thread's shape.
func (s *Service) Delete(ctx context.Context, postID int64, w Writer) (Post, error) {
	p, err := s.store.DeletePost(ctx, postID, w.ID, s.now())
	if err != nil {
		return Post{}, fmt.Errorf("delete post %d: %w", postID, err)
	}
	return p, nil
}

// Preview is a draft rendered as it would be posted, without saving it.
type Preview struct {
	HTML      template.HTML
	Screening Screening
}

// Preview renders and screens a draft. Validation problems come back as a
// *ValidationError; an empty body previews as nothing.
func (s *Service) Preview(d Draft) (Preview, error) {
	d = CleanDraft(d)
	v := &ValidationError{}
	if utf8Len(d.Body) > BodyMax {
		validateBody(v, d.Body)
		return Preview{}, v
	}
	html, err := s.md.Render(d.Body)
	if err != nil {
		if errors.Is(err, markup.ErrTooLong) || errors.Is(err, markup.ErrTooComplex) {
			v.Add("body", err.Error())
			return Preview{}, v
		}
		return Preview{}, fmt.Errorf("preview: %w", err)
	}
	text := d.Body
	if d.Title != "" {
		text = d.Title + "\n\n" + d.Body
	}
	return Preview{HTML: html, Screening: s.Screen(text)}, nil
}

// Post returns a post with its author's name.
func (s *Service) Post(ctx context.Context, id int64) (PostRow, error) {
	p, err := s.store.PostRow(ctx, id)
	if err != nil {
		return PostRow{}, fmt.Errorf("post %d: %w", id, err)
	}
	return p, nil
}

// Revisions lists a post's earlier versions, newest first (moderators only;
// the web layer checks).
func (s *Service) Revisions(ctx context.Context, postID int64) ([]Revision, error) {
	rs, err := s.store.Revisions(ctx, postID)
	if err != nil {
		return nil, fmt.Errorf("revisions of post %d: %w", postID, err)
	}
	return rs, nil
}
