package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"
	"gorm.io/gorm"

	"hearth/migrations"
	"hearth/pkg/forum"
)

// searchColumns is the allowlisted select list of search hits; their rank
// is set from the candidates' order (searchHits).
const searchColumns = "p.id AS post_id, p.thread_id, t.title, p.body_md, p.tags AS post_tags, t.tags AS thread_tags, " +
	"p.author_id, a.username AS author_name, g.slug AS group_slug, g.name AS group_name, " +
	"(p.parent_id IS NULL) AS is_opening, p.created_at, p.group_id, p.crisis_folded, p.crisis_topic, p.anonymous"

// searchCandidates is how many of the newest matching posts a search
// orders: five times the most a reader can page through (forum.SearchMaxPages
// of forum.SearchPerPage), leaving room for the filters applied after.
const searchCandidates = 1000

// Search implements forum.PostingStore. Of the newest searchCandidates
// matches (in the group, when one is chosen), the opening posts whose
// title holds every word come first, then the rest, newest first in each. Only
// the index is read for that order, so a search costs the same whether a
// word is in a thousand posts or a million: relevance scores (bm25,
// ts_rank) count every match of every word in the whole index, and at a
// million posts they were most of a search's time. The index (migration
// 0013) holds only visible posts; the status conditions here hold the line
// again, so nothing removed, redacted, deleted or held is ever found even
// if an index row were stale.
func (s *Forum) Search(ctx context.Context, q forum.SearchQuery) ([]forum.SearchHit, error) {
	if len(q.Terms) == 0 || q.Limit <= 0 {
		return nil, nil
	}
	var (
		cands []searchCandidate
		err   error
	)
	if s.db.Dialect == migrations.Postgres {
		cands, err = s.candidatesPostgres(ctx, q)
	} else {
		cands, err = s.candidatesSQLite(ctx, q)
	}
	if err != nil {
		return nil, translate(err)
	}
	// Title matches first; the candidates come newest first, and a stable
	// sort keeps that order within each part.
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].inTitle && !cands[j].inTitle })
	return s.searchHits(ctx, q, cands)
}

// searchFilters joins a search's posts (p) to their thread, group and
// author, and keeps only what q may show.
func searchFilters(tx *gorm.DB, q forum.SearchQuery) *gorm.DB {
	tx = tx.Joins("JOIN threads t ON t.id = p.thread_id").
		Joins("JOIN groups g ON g.id = p.group_id").
		Joins("LEFT JOIN users a ON a.id = p.author_id").
		Where("p.status = ? AND t.status IN ?", forum.StatusVisible, []string{forum.StatusVisible, forum.StatusRedacted})
	if q.GroupID > 0 {
		tx = tx.Where("p.group_id = ?", q.GroupID)
	}
	for _, slug := range q.HideTags {
		tx = tx.Where("p.tags NOT LIKE ? AND t.tags NOT LIKE ?", forum.Pattern(slug), forum.Pattern(slug))
	}
	return tx
}

// searchCandidate is a match as the index holds it: its post and whether
// its title holds every word.
type searchCandidate struct {
	id      int64
	inTitle bool
}

// candidatesPostgres reads the newest matches from the tsvector index,
// newest first; the title is the document's weight A (migration 0013).
//
// It runs as an unnamed statement (pgx.QueryExecModeExec), planned for
// its words each time, and on the reader pool without GORM, whose
// placeholders would take the mode for an argument. A cached prepared
// statement turns to a generic plan after five runs, and no one plan
// suits every word: a common word is found soonest by walking the newest
// posts, a rare one through the GIN index, and the generic plan read
// every match of a common word (a search's database time fell from 19 to
// 6 ms at 100,000 posts without it).
func (s *Forum) candidatesPostgres(ctx context.Context, q forum.SearchQuery) ([]searchCandidate, error) {
	args := []any{pgx.QueryExecModeExec, strings.Join(q.Terms, " "), searchCandidates}
	join, inGroup := "", ""
	if q.GroupID > 0 {
		join, inGroup = " JOIN posts pp ON pp.id = ps.post_id", " AND pp.group_id = $3"
		args = append(args, q.GroupID)
	}
	rows, err := s.db.rsql.QueryContext(ctx, "SELECT ps.post_id, ts_filter(ps.document, '{a}') @@ plainto_tsquery('english', $1) "+
		"FROM post_search ps"+join+" WHERE ps.document @@ plainto_tsquery('english', $1)"+inGroup+" ORDER BY ps.post_id DESC LIMIT $2", args...)
	if err != nil {
		return nil, err
	}
	return readCandidates(rows)
}

// candidatesSQLite reads the newest matches from the FTS5 index, newest
// first, then which of them match in the title column: two walks of the
// index in rowid order that stop at the oldest candidate.
func (s *Forum) candidatesSQLite(ctx context.Context, q forum.SearchQuery) ([]searchCandidate, error) {
	match := ftsQuery(q.Terms)
	query := "SELECT post_search.rowid, 0 FROM post_search WHERE post_search MATCH ? ORDER BY post_search.rowid DESC LIMIT ?"
	args := []any{match, searchCandidates}
	if q.GroupID > 0 {
		query = "SELECT post_search.rowid, 0 FROM post_search JOIN posts pp ON pp.id = post_search.rowid AND pp.group_id = ? " +
			"WHERE post_search MATCH ? ORDER BY post_search.rowid DESC LIMIT ?"
		args = []any{q.GroupID, match, searchCandidates}
	}
	db := s.db.read(ctx)
	cands, err := scanCandidates(db, query, args)
	if err != nil || len(cands) == 0 {
		return cands, err
	}
	at := make(map[int64]int, len(cands))
	for i, c := range cands {
		at[c.id] = i
	}
	err = scanRows(db, "SELECT post_search.rowid FROM post_search WHERE post_search MATCH ? AND post_search.rowid >= ?",
		[]any{"{title} : (" + match + ")", cands[len(cands)-1].id}, func(r *sql.Rows) error {
			var id int64
			if err := r.Scan(&id); err != nil {
				return err
			}
			if i, ok := at[id]; ok {
				cands[i].inTitle = true
			}
			return nil
		})
	return cands, err
}

// scanCandidates runs a query of a post's id and whether its title
// matched, through GORM.
func scanCandidates(db *gorm.DB, query string, args []any) ([]searchCandidate, error) {
	rows, err := db.Raw(query, args...).Rows()
	if err != nil {
		return nil, err
	}
	return readCandidates(rows)
}

// readCandidates reads and closes rows of a post's id and whether its
// title matched.
func readCandidates(rows *sql.Rows) ([]searchCandidate, error) {
	defer func() { _ = rows.Close() }()
	var cands []searchCandidate
	for rows.Next() {
		var c searchCandidate
		if err := rows.Scan(&c.id, &c.inTitle); err != nil {
			return nil, fmt.Errorf("scan search candidate: %w", err)
		}
		cands = append(cands, c)
	}
	return cands, rows.Err()
}

// searchHits reads the rows of the candidates, in their order, that pass
// q's filters: the offset's and a page and one more.
func (s *Forum) searchHits(ctx context.Context, q forum.SearchQuery, cands []searchCandidate) ([]forum.SearchHit, error) {
	want := q.Offset + q.Limit + 1
	var hits []forum.SearchHit
	for len(cands) > 0 && len(hits) < want {
		// Ask for a few more than are missing, so a filter that leaves
		// some out rarely costs another turn.
		n := min(len(cands), 2*(want-len(hits))+8)
		ids := make([]int64, n)
		for i, c := range cands[:n] {
			ids[i] = c.id
		}
		var rows []forum.SearchHit
		tx := s.db.read(ctx).Table("posts p").Select(searchColumns+", 0 AS rank").Where("p.id IN ?", ids)
		if err := searchFilters(tx, q).Find(&rows).Error; err != nil {
			return nil, translate(err)
		}
		byID := make(map[int64]forum.SearchHit, len(rows))
		for _, h := range rows {
			byID[h.PostID] = h
		}
		for _, c := range cands[:n] {
			if h, ok := byID[c.id]; ok {
				if c.inTitle {
					h.Rank = 1
				}
				hits = append(hits, h)
			}
		}
		cands = cands[n:]
	}
	if len(hits) <= q.Offset {
		return nil, nil
	}
	return hits[q.Offset:min(len(hits), want)], nil
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
