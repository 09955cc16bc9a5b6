package forum

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"time"

	"hearth/pkg/markup"
)

// maxMentions bounds how many members one post can notify by name.
const maxMentions = 10

// Writer is the member writing, with what the web layer decided about them
// through hearth/pkg/auth: Moderator when they moderate the group concerned
// (their posts are never held and they may write in locked threads).
type Writer struct {
	ID        int64
	Moderator bool
	// Staff is any moderator or admin, of this group or not: a member's
	// block never refuses their replies.
	Staff bool
}

// PostWrite is a new post, and for a new thread (ThreadID 0) the thread
// too, as the store writes it once the posting rules have allowed it.
type PostWrite struct {
	GroupID  int64
	ThreadID int64
	AuthorID int64
	Title    string
	BodyMD   string
	BodyHTML string
	Tags     Tags
	IdemKey  string
	// Screening opens a wellbeing queue item for a crisis, and is kept on
	// the post (its level, topic and not-screened reason).
	Screening Screening
	// Folded folds the post for other readers until a moderator has looked
	// (foldOnWrite).
	Folded bool
	// Anonymous posts as "Anonymous member" (Draft.Anonymous).
	Anonymous   bool
	MentionKeys []string
	Now         time.Time
	// ReadPage asks for the page the post lands on with its writes
	// (PostTx.InsertPost, Posted.Page).
	ReadPage bool
}

// Posted is the outcome of a new post.
type Posted struct {
	Post Post
	// Duplicate is true when the idempotency key had been used already:
	// Post is the first submission's post and nothing new was written.
	Duplicate bool
	// Screening is the crisis assessment of what was written.
	Screening Screening
	// Page is PageOf's cursor for the new post, read with its writes,
	// when Paged is true; otherwise PageOf reads it.
	Page  string
	Paged bool
}

// Held reports whether the post waits for a moderator.
func (p Posted) Held() bool { return p.Post.Status == StatusHeld }

// EditWrite is the new text of an edited post.
type EditWrite struct {
	Title     string
	BodyMD    string
	BodyHTML  string
	Tags      Tags
	Screening Screening
	// Folded is whether the post is folded for other readers after the
	// edit (foldOnWrite of the post as read in the write).
	Folded bool
	Now    time.Time
}

// prepared is a draft that passed validation, rendered and screened.
type prepared struct {
	draft     Draft
	tags      Tags
	html      string
	screening Screening
}

// prepare validates d (with a title when withTitle), renders its Markdown
// once and screens it for crisis language. With facts, it also asks the
// posting rules about the draft before it is written: a refusal of the
// whole form comes back as it is, one about a field joins the validation
// messages.
func (s *Service) prepare(ctx context.Context, d Draft, withTitle bool, facts *Facts) (prepared, error) {
	v := &ValidationError{}
	if withTitle {
		CheckEncoding(v, "title", d.Title)
	}
	CheckEncoding(v, "body", d.Body)
	d = CleanDraft(d)
	if withTitle {
		validateTitle(v, d.Title)
	}
	validateBody(v, d.Body)
	// Most replies carry no tags: only a draft that names some needs the
	// vocabulary to check them against.
	var vocab []Tag
	var err error
	if len(d.Tags) > 0 {
		if vocab, err = s.store.Tags(ctx); err != nil {
			return prepared{}, fmt.Errorf("tags: %w", err)
		}
	}
	tags := validateTags(v, d.Tags, vocab)
	if facts != nil {
		facts.Drafted, facts.Tags, facts.Anonymous = true, tags, d.Anonymous
		if r := Decide(*facts).Refusal; r != nil {
			if r.Field() == "" {
				return prepared{}, r
			}
			v.Add(r.Field(), r.Message())
		}
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

// decide asks the posting rules about f inside a write's transaction,
// reading the writer's earlier posts only when pre-moderation needs them.
func decide(tx PostTx, f Facts) (Decision, error) {
	d := Decide(f)
	if d.Allowed() && NeedsPrior(f) {
		n, err := tx.VisiblePosts(f.Writer.ID, f.Group.ID)
		if err != nil {
			return Decision{}, err
		}
		f.Prior = n
		d = Decide(f)
	}
	return d, d.Err()
}

// write runs one new post's transaction: place reads the facts, the
// posting rules decide, and the post is written. A repeated idempotency
// key gives back the first post: the key's unique index refuses the
// second insert (ErrConflict), or the rules refuse what they let through
// the first time, and either way the first post is looked up then, so a
// first submission, by far the commonest, costs no lookup.
func (s *Service) write(ctx context.Context, act Act, w PostWrite, place func(tx PostTx) (Facts, *Post, error)) (Posted, error) {
	var res Posted
	hold := s.holdFirst(ctx)
	err := s.store.Posting(ctx, func(tx PostTx) error {
		res = Posted{}
		f, parent, err := place(tx)
		if err != nil {
			return err
		}
		f.OffHoursHold = hold
		d, err := decide(tx, f)
		if err != nil {
			return err
		}
		w.GroupID = f.Group.ID
		var keys PageKeys
		res.Post, keys, res.Paged, err = tx.InsertPost(w, d.Status, parent)
		res.Page = keys.page(res.Post.SortKey)
		return err
	})
	if err != nil && w.IdemKey != "" && (errors.Is(err, ErrConflict) || !mayHaveLanded(err)) {
		if p, found, e := s.store.PostByIdem(ctx, w.AuthorID, w.IdemKey); e == nil && found {
			return Posted{Post: p, Duplicate: true}, nil
		}
	} else if err != nil && w.IdemKey != "" {
		// The commit may have landed before the failure (a connection
		// lost while its acknowledgment was on the way): the key says
		// whether it did, and then the post is the member's success.
		if p, found, e := s.store.PostByIdem(context.WithoutCancel(ctx), w.AuthorID, w.IdemKey); e == nil && found {
			s.publishPost(p, w.Screening, false)
			return Posted{Post: p}, nil
		}
	}
	if err == nil && !res.Duplicate {
		s.publishPost(res.Post, w.Screening, false)
	}
	return res, goneIfMissing(act, err)
}

// mayHaveLanded reports whether a failed write may still have committed:
// anything but the posting rules or validation refusing it, which are
// decided before anything is written.
func mayHaveLanded(err error) bool {
	if _, ok := AsRefusal(err); ok {
		return false
	}
	if _, ok := AsValidation(err); ok {
		return false
	}
	return !errors.Is(err, ErrNotFound) && !errors.Is(err, ErrForbidden) && !errors.Is(err, ErrLocked)
}

// boundIdem is the key a new post is stored under: the form's
// idempotency key bound to where the post goes (place) and what it says,
// or "" when the form sent no usable key. The same form sent twice (a
// double click, a resend after a timeout) finds its first post; a
// different post sent with the same key (a form reused from the browser's
// history, or crafted) is a new post, not a duplicate of the first.
func boundIdem(key, place string, d Draft) string {
	key = CleanIdemKey(key)
	if key == "" {
		return ""
	}
	h := sha256.New()
	for _, part := range []string{key, place, d.Title, d.Body} {
		// Each part with its length, so no two different lists of parts
		// hash the same text.
		fmt.Fprintf(h, "%d:%s", len(part), part)
	}
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil))
}

// goneIfMissing turns a row found missing while writing (the thread, group
// or post removed meanwhile) into the posting rules' refusal for it.
func goneIfMissing(act Act, err error) error {
	if err == nil {
		return nil
	}
	if _, ok := AsRefusal(err); !ok && errors.Is(err, ErrNotFound) {
		return fmt.Errorf("%w: %w", &Refusal{Rule: RuleGone, Act: act}, err)
	}
	return err
}

// StartThread opens a thread in g with its first post.
func (s *Service) StartThread(ctx context.Context, g Group, w Writer, d Draft, idem string) (Posted, error) {
	f := Facts{Act: ActStart, Writer: w, Group: g}
	p, err := s.prepare(ctx, d, true, &f)
	if err != nil {
		return Posted{}, err
	}
	res, err := s.write(ctx, ActStart, PostWrite{
		GroupID: g.ID, AuthorID: w.ID, Title: p.draft.Title, BodyMD: p.draft.Body, BodyHTML: p.html, Tags: p.tags,
		IdemKey: boundIdem(idem, fmt.Sprintf("group %d", g.ID), p.draft), Screening: p.screening, Folded: foldOnWrite(false, p.screening),
		Anonymous: p.draft.Anonymous, MentionKeys: s.mentionKeys(p.draft.Body), Now: s.now(),
	}, func(tx PostTx) (Facts, *Post, error) {
		cur, err := tx.Group(g.ID)
		return Facts{Act: ActStart, Writer: w, Group: cur, Drafted: true, Tags: p.tags, Anonymous: p.draft.Anonymous}, nil, err
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
	p, err := s.prepare(ctx, d, false, nil)
	if err != nil {
		return Posted{}, err
	}
	res, err := s.write(ctx, ActReply, PostWrite{
		ThreadID: threadID, AuthorID: w.ID, BodyMD: p.draft.Body, BodyHTML: p.html, Tags: p.tags,
		IdemKey: boundIdem(idem, fmt.Sprintf("thread %d parent %d", threadID, parentID), p.draft), Screening: p.screening, Folded: foldOnWrite(false, p.screening),
		Anonymous: p.draft.Anonymous, MentionKeys: s.mentionKeys(p.draft.Body), Now: s.now(), ReadPage: true,
	}, func(tx PostTx) (Facts, *Post, error) {
		th, g, parent, blocked, err := tx.ReplyPlace(threadID, parentID, w.ID)
		return Facts{Act: ActReply, Writer: w, Group: g, Thread: th, ParentID: parentID, Parent: parent, Blocked: blocked,
			Drafted: true, Tags: p.tags, Anonymous: p.draft.Anonymous}, parent, err
	})
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
	p, err := s.prepare(ctx, d, opening, nil)
	if err != nil {
		return Posted{}, err
	}
	e := EditWrite{Title: p.draft.Title, BodyMD: p.draft.Body, BodyHTML: p.html, Tags: p.tags, Screening: p.screening, Now: s.now()}
	var out Post
	err = s.store.Posting(ctx, func(tx PostTx) error {
		cur, th, g, err := tx.EditPlace(post.ID)
		if err != nil {
			return err
		}
		if err := Decide(Facts{Act: ActEdit, Writer: w, Group: g, Thread: th, Post: cur, Drafted: true, Tags: p.tags}).Err(); err != nil {
			return err
		}
		if cur.Version != version {
			return fmt.Errorf("post %d is at version %d, edit from %d: %w", cur.ID, cur.Version, version, ErrConflict)
		}
		e.Folded = foldOnWrite(cur.CrisisFolded, e.Screening)
		out, err = tx.SaveEdit(cur, th, e)
		return err
	})
	if err != nil {
		return Posted{}, fmt.Errorf("edit post %d: %w", post.ID, goneIfMissing(ActEdit, err))
	}
	s.publishPost(out, p.screening, true)
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
	v := &ValidationError{}
	CheckEncoding(v, "title", d.Title)
	CheckEncoding(v, "body", d.Body)
	if err := v.OrNil(); err != nil {
		return Preview{}, err
	}
	d = CleanDraft(d)
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
