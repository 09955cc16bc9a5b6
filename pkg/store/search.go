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
// two inside doubled the time PostgreSQL took to plan a search, which is
// planned for its words each time (searchQuery). A hit's rank is set by
// the part it was read in (Search).
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
	var from, match, order string
	args := []any{strings.Join(q.Terms, " ")}
	switch {
	case pg && titles:
		// The title's index (migration 0044) holds visible threads only.
		from = "threads t JOIN posts p ON p.id = t.first_post_id"
		match = "to_tsvector('english'::regconfig, t.title) @@ plainto_tsquery('english', ?) AND t.status = 'visible'"
		order = "p.id"
	case pg:
		from = "post_search ps JOIN posts p ON p.id = ps.post_id JOIN threads t ON t.id = p.thread_id"
		match = "ps.document @@ plainto_tsquery('english', ?)"
		order = "ps.post_id"
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
	b.WriteString("SELECT " + searchColumns + " FROM " + from + " WHERE " + match + " AND p.status = ? AND t.status IN (?, ?)")
	args = append(args, forum.StatusVisible, forum.StatusVisible, forum.StatusRedacted)
	if q.GroupID > 0 {
		b.WriteString(" AND p.group_id = ?")
		args = append(args, q.GroupID)
	}
	for _, slug := range q.HideTags {
		b.WriteString(" AND p.tags NOT LIKE ? AND t.tags NOT LIKE ?")
		args = append(args, forum.Pattern(slug), forum.Pattern(slug))
	}
	b.WriteString(" ORDER BY " + order + " DESC LIMIT ?")
	args = append(args, limit)
	rows, err := s.searchQuery(ctx, pg && !titles, fmt.Sprintf(searchNames, b.String()), args)
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

// searchQuery runs a search's statement, reported to the reader's logger
// like every other. When planned (the matches of every post, on
// PostgreSQL) it runs as an unnamed statement (pgx.QueryExecModeExec),
// planned for its words each time, on the reader pool without GORM, whose
// placeholders would take the mode for an argument. A cached prepared statement turns to a generic plan after
// five runs, and no one plan suits every word: a common word is found
// soonest by walking the newest posts, a rare one through the GIN index,
// and a generic plan read every match of a common word. The titles' index
// suits every word, so their statement is prepared once and kept.
func (s *Forum) searchQuery(ctx context.Context, planned bool, query string, args []any) (*sql.Rows, error) {
	if planned {
		return tracedQuery(s.db.read(ctx), s.db.rsql, numbered(query), append([]any{pgx.QueryExecModeExec}, args...))
	}
	return queryRows(s.db.read(ctx), query, args)
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
