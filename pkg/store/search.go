package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"hearth/migrations"
	"hearth/pkg/forum"
)

// searchColumns is the allowlisted select list of a search's matches (p,
// a post, and t, its thread), read newest first with their limit before
// searchNames adds the names of their group and author: joining those
// two inside doubled the time PostgreSQL took to plan a search of the
// posts, which is planned for its words each time (searchPostsPG). A
// hit's rank is set by the part it was read in (Search).
const searchColumns = "p.id AS post_id, p.thread_id, t.title, p.body_md, p.tags AS post_tags, t.tags AS thread_tags, " +
	"p.author_id, (p.parent_id IS NULL) AS is_opening, p.created_at, p.group_id, p.crisis_folded, p.crisis_topic, p.anonymous"

// searchNames reads the matches x with their group's and author's names,
// in searchHitDest's order.
const searchNames = "SELECT x.post_id, x.thread_id, x.title, x.body_md, x.post_tags, x.thread_tags, x.author_id, " +
	"COALESCE(a.username, ''), g.slug, g.name, x.is_opening, x.created_at, x.group_id, x.crisis_folded, x.crisis_topic, x.anonymous " +
	"FROM (%s) x JOIN groups g ON g.id = x.group_id LEFT JOIN users a ON a.id = x.author_id ORDER BY x.post_id DESC"

// searchHitDest is where a row of searchNames goes.
func searchHitDest(h *forum.SearchHit) []any {
	return []any{&h.PostID, &h.ThreadID, &h.Title, &h.BodyMD, &h.PostTags, &h.ThreadTags, &h.AuthorID,
		&h.AuthorName, &h.GroupSlug, &h.GroupName, &h.IsOpening, &h.CreatedAt, &h.GroupID, &h.CrisisFolded, &h.CrisisTopic, &h.Anonymous}
}

// Search implements forum.PostingStore. The opening posts whose thread's
// title holds every word come first, then every other match, newest first
// in each part. Each part is read from an index in that order and stops
// at the rows the page needs (its offset, the page and one more), with
// q's filters in the same statement, so a search costs about the same
// whether a word is in a thousand posts or a million: relevance scores
// (bm25, ts_rank) count every match of every word in the whole index. The
// index (migration 0013) holds only visible posts, and the titles' indexes
// (migrations 0044 and 0045) only visible threads; the status conditions
// here hold the line again, so nothing removed, redacted, deleted or held
// is ever found even if an index row were stale.
func (s *Forum) Search(ctx context.Context, q forum.SearchQuery) ([]forum.SearchHit, error) {
	if len(q.Terms) == 0 || q.Limit <= 0 {
		return nil, nil
	}
	want := q.Offset + q.Limit + 1
	hits, err := s.searchPart(ctx, q, true, want)
	if err != nil {
		return nil, translate(err)
	}
	titled := make(map[int64]bool, len(hits))
	for i := range hits {
		hits[i].Rank = 1
		titled[hits[i].PostID] = true
	}
	if len(hits) < want {
		// Every title match is in hits, so of the newest want matches at
		// least want - len(hits) are not title matches: enough to fill
		// the rest.
		rest, err := s.searchPart(ctx, q, false, want)
		if err != nil {
			return nil, translate(err)
		}
		for _, h := range rest {
			if len(hits) == want {
				break
			}
			if !titled[h.PostID] {
				hits = append(hits, h)
			}
		}
	}
	if len(hits) <= q.Offset {
		return nil, nil
	}
	return hits[q.Offset:min(len(hits), want)], nil
}

// searchPart reads the newest limit matches of q that it may show, newest
// first: the opening posts titled with every word when titles is set,
// else every match.
func (s *Forum) searchPart(ctx context.Context, q forum.SearchQuery, titles bool, limit int) ([]forum.SearchHit, error) {
	pg := s.db.Dialect == migrations.Postgres
	if pg && !titles {
		return s.searchPostsPG(ctx, q, limit)
	}
	var from, match, order string
	args := []any{strings.Join(q.Terms, " ")}
	switch {
	case pg && titles:
		// The title's index (migration 0044) holds visible threads only.
		// The threads are sorted before their opening posts are read, so
		// a word in many titles costs a read of the posts the page needs,
		// not of every one (OFFSET 0 keeps the sort below the join).
		from = "(SELECT t.id, t.first_post_id, t.title, t.tags, t.status FROM threads t " +
			"WHERE to_tsvector('english'::regconfig, t.title) @@ plainto_tsquery('english', ?) AND t.status = 'visible' " +
			"ORDER BY t.first_post_id DESC OFFSET 0) t JOIN posts p ON p.id = t.first_post_id"
		match, order = "TRUE", "t.first_post_id"
	case titles:
		// The titles' index (migration 0045) holds the opening posts of
		// visible threads only.
		from = "title_search JOIN posts p ON p.id = title_search.rowid JOIN threads t ON t.id = p.thread_id"
		match, order = "title_search MATCH ?", "title_search.rowid"
		args[0] = ftsQuery(q.Terms)
	default:
		from = "post_search JOIN posts p ON p.id = post_search.rowid JOIN threads t ON t.id = p.thread_id"
		match, order = "post_search MATCH ?", "post_search.rowid"
		args[0] = ftsQuery(q.Terms)
	}
	var b strings.Builder
	b.WriteString("SELECT " + searchColumns + " FROM " + from + " WHERE " + match)
	args = searchFilters(&b, q, args)
	b.WriteString(" ORDER BY " + order + " DESC LIMIT ?")
	args = append(args, limit)
	return s.searchHits(queryRows(s.db.read(ctx), fmt.Sprintf(searchNames, b.String()), args))
}

// searchFilters writes q's conditions on a match (p, its post, and t, its
// thread) to b, each after an AND, and returns args with theirs.
func searchFilters(b *strings.Builder, q forum.SearchQuery, args []any) []any {
	b.WriteString(" AND p.status = ? AND t.status IN (?, ?)")
	args = append(args, forum.StatusVisible, forum.StatusVisible, forum.StatusRedacted)
	if q.GroupID > 0 {
		b.WriteString(" AND p.group_id = ?")
		args = append(args, q.GroupID)
	}
	for _, slug := range q.HideTags {
		b.WriteString(" AND p.tags NOT LIKE ? AND t.tags NOT LIKE ?")
		args = append(args, forum.Pattern(slug), forum.Pattern(slug))
	}
	return args
}

// searchPostsPG reads the newest limit posts matching q on PostgreSQL in
// two statements. The first finds their ids (searchIDsPG). The second
// reads the columns the page shows for those ids, prepared once and kept;
// it tests the statuses again, so a post removed between the two is not
// shown.
//
// A search narrowed to a group first reads only the newest searchWindow
// documents, and asks the GIN index for the word and the group together
// (migration 47) only when they hold fewer than limit matches. The
// planner takes a word's posts to be spread evenly over the groups, so it
// would walk every document newest first for a word common elsewhere and
// absent from the group: a second at a million posts. The window bounds
// that walk. When the newest documents hold less than a page of the word
// in the group, the word is rare enough there for the index, which costs
// in proportion to the word's posts in the group (the walk costs in
// inverse proportion).
func (s *Forum) searchPostsPG(ctx context.Context, q forum.SearchQuery, limit int) ([]forum.SearchHit, error) {
	ids, err := s.searchIDsPG(ctx, q, limit, searchNewest)
	if err == nil && q.GroupID > 0 && len(ids) < limit {
		ids, err = s.searchIDsPG(ctx, q, limit, searchIndexed)
	}
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	return s.searchHits(tracedQuery(s.db.read(ctx), s.db.rsql, searchRowsPG,
		[]any{ids, forum.StatusVisible, forum.StatusVisible, forum.StatusRedacted}))
}

// searchWindow is how many of the newest documents a search narrowed to a
// group reads before it asks the index: a few milliseconds of reading,
// which finds a page of a word in one post of five hundred. Either way
// costs at most a few tens of milliseconds at a million posts, where the
// index alone took half a second for a word common in the group, and
// the walk alone a second for a word absent from it.
var searchWindow = 10000

// searchRead is how searchIDsPG reads a search's documents.
type searchRead int

const (
	// searchNewest lets the planner choose for an unnarrowed search, and
	// reads only the newest searchWindow documents for a narrowed one.
	searchNewest searchRead = iota
	// searchIndexed reads every match through the GIN index and sorts
	// them: ordered by an expression, the matches cannot be read by
	// walking the primary key.
	searchIndexed
)

// searchIDsPG reads the ids of the newest limit posts matching q, newest
// first, as searchPostsPG says. It is planned for its words each time, as
// an unnamed statement (pgx.QueryExecModeExec): a common word is found
// soonest by walking the newest documents, a rare one through the GIN
// index, and a cached generic plan would read every match of a common
// word. It names one table and tests the rest of q for each match in a
// lateral subquery of its post and thread (LIMIT 1 keeps it one), which
// PostgreSQL plans in half the time of the join of the posts, threads,
// groups and authors whose columns the page shows, and always as a probe
// of each match: as a join it could be planned as a merge with every
// post.
func (s *Forum) searchIDsPG(ctx context.Context, q forum.SearchQuery, limit int, how searchRead) ([]int64, error) {
	terms := strings.Join(q.Terms, " ")
	from, order := "post_search ps", "ps.post_id"
	args := []any{pgx.QueryExecModeExec}
	switch {
	case how == searchIndexed:
		order = "ps.post_id + 0"
	case q.GroupID > 0:
		from = "(SELECT post_id, document FROM post_search ORDER BY post_id DESC LIMIT ?) ps"
		args = append(args, searchWindow)
	}
	var b strings.Builder
	b.WriteString("SELECT ps.post_id FROM " + from + ", LATERAL (SELECT 1 FROM posts p JOIN threads t ON t.id = p.thread_id " +
		"WHERE p.id = ps.post_id")
	args = searchFilters(&b, q, args)
	b.WriteString(" LIMIT 1) shown WHERE ")
	if q.GroupID > 0 {
		// A query of stop words alone is empty, and the group's lexeme
		// alone would match every post in the group.
		b.WriteString("ps.document @@ (plainto_tsquery('english', ?) && ?::tsquery) AND numnode(plainto_tsquery('english', ?)) > 0")
		args = append(args, terms, migrations.SearchGroupLexeme(q.GroupID), terms)
	} else {
		b.WriteString("ps.document @@ plainto_tsquery('english', ?)")
		args = append(args, terms)
	}
	b.WriteString(" ORDER BY " + order + " DESC LIMIT ?")
	args = append(args, limit)
	var ids []int64
	rows, err := tracedQuery(s.db.read(ctx), s.db.rsql, numbered(b.String()), args)
	err = eachRow(rows, err, func(r *sql.Rows) error {
		var id int64
		if err := r.Scan(&id); err != nil {
			return fmt.Errorf("scan search match: %w", err)
		}
		ids = append(ids, id)
		return nil
	})
	return ids, err
}

// searchRowsPG reads the matches whose ids are $1 (searchPostsPG).
var searchRowsPG = numberPlaceholders(fmt.Sprintf(searchNames, "SELECT "+searchColumns+
	" FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.id = ANY(?) AND p.status = ? AND t.status IN (?, ?)"))

// searchHits reads the rows of searchNames.
func (s *Forum) searchHits(rows *sql.Rows, err error) ([]forum.SearchHit, error) {
	var hits []forum.SearchHit
	err = eachRow(rows, err, func(r *sql.Rows) error {
		var h forum.SearchHit
		if err := r.Scan(searchHitDest(&h)...); err != nil {
			return fmt.Errorf("scan search hit: %w", err)
		}
		hits = append(hits, h)
		return nil
	})
	return hits, err
}

// ftsQuery turns search words into an FTS5 query that requires every word:
// each is a quoted string, so nothing a member types is read as an FTS5
// operator.
func ftsQuery(terms []string) string {
	parts := make([]string, 0, len(terms))
	for _, t := range terms {
		parts = append(parts, `"`+strings.ReplaceAll(t, `"`, `""`)+`"`)
	}
	return strings.Join(parts, " ")
}
