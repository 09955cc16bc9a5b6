package store

import (
	"context"
	"database/sql"
	"strings"

	"gorm.io/gorm"

	"hearth/migrations"
	"hearth/pkg/forum"
)

// searchColumns is the allowlisted select list of search hits (the rank is
// dialect-specific and added by the caller).
const searchColumns = "p.id AS post_id, p.thread_id, t.title, p.body_md, p.tags AS post_tags, t.tags AS thread_tags, " +
	"p.author_id, a.username AS author_name, g.slug AS group_slug, g.name AS group_name, " +
	"(p.parent_id IS NULL) AS is_opening, p.created_at, p.group_id, p.crisis_folded, p.crisis_topic, p.anonymous"

// searchCandidates is how many of the newest matching posts a search
// ranks: five times the most a reader can page through (forum.SearchMaxPages
// of forum.SearchPerPage), leaving room for the filters applied after. A
// common word matches a tenth of a million posts; ranking every match cost
// seconds a query, and the newest thousand cost milliseconds.
const searchCandidates = 1000

// Search implements forum.PostingStore. It ranks the newest
// searchCandidates matches (in the group, when one is chosen) by
// relevance. The index (migration 0013) holds only visible posts; the
// status conditions here hold the line again, so nothing removed,
// redacted, deleted or held is ever found even if an index row were stale.
func (s *Forum) Search(ctx context.Context, q forum.SearchQuery) ([]forum.SearchHit, error) {
	if len(q.Terms) == 0 || q.Limit <= 0 {
		return nil, nil
	}
	if s.db.Dialect != migrations.Postgres {
		return s.searchSQLite(ctx, q)
	}
	text := strings.Join(q.Terms, " ")
	newest := "SELECT ps.post_id FROM post_search ps WHERE ps.document @@ plainto_tsquery('english', ?) ORDER BY ps.post_id DESC LIMIT ?"
	args := []any{text, searchCandidates}
	if q.GroupID > 0 {
		newest = "SELECT ps.post_id FROM post_search ps JOIN posts pp ON pp.id = ps.post_id WHERE ps.document @@ plainto_tsquery('english', ?) AND pp.group_id = ? ORDER BY ps.post_id DESC LIMIT ?"
		args = []any{text, q.GroupID, searchCandidates}
	}
	tx := s.db.read(ctx).Table("("+newest+") c", args...).
		Select(searchColumns+", ts_rank(s.document, plainto_tsquery('english', ?)) AS rank", text).
		Joins("JOIN post_search s ON s.post_id = c.post_id").
		Joins("JOIN posts p ON p.id = s.post_id").
		Order("rank DESC, p.id DESC")
	var hits []forum.SearchHit
	if err := searchFilters(tx, q).Limit(q.Limit + 1).Offset(q.Offset).Find(&hits).Error; err != nil {
		return nil, translate(err)
	}
	return hits, nil
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

// searchCandidate is a match as the index holds it, with its relevance.
type searchCandidate struct {
	id    int64
	score float64
}

// searchSQLite ranks the newest searchCandidates matches in the FTS5
// index alone, and then reads the rows of only as many of the best as the
// page needs (searchHits). Joining every candidate to its post, thread,
// group and author before ranking was a third of a search's time.
//
// bm25 also counts, once a search, every match of each word in the whole
// index (its rarity weight), so a common word's search costs more as the
// forum grows: at a million posts, most of a search's time.
func (s *Forum) searchSQLite(ctx context.Context, q forum.SearchQuery) ([]forum.SearchHit, error) {
	match := ftsQuery(q.Terms)
	// The oldest of the newest candidates bounds the rowids FTS5 reads;
	// with fewer matches, every match is ranked.
	oldest := "SELECT post_search.rowid FROM post_search WHERE post_search MATCH ? ORDER BY post_search.rowid DESC LIMIT 1 OFFSET ?"
	from := "post_search"
	args := []any{match, match, searchCandidates - 1}
	if q.GroupID > 0 {
		oldest = "SELECT post_search.rowid FROM post_search JOIN posts pp ON pp.id = post_search.rowid WHERE post_search MATCH ? AND pp.group_id = ? ORDER BY post_search.rowid DESC LIMIT 1 OFFSET ?"
		from = "post_search JOIN posts pp ON pp.id = post_search.rowid AND pp.group_id = ?"
		args = []any{q.GroupID, match, match, q.GroupID, searchCandidates - 1}
	}
	var cands []searchCandidate
	// #nosec G202 -- the query text is this function's constants.
	err := scanRows(s.db.read(ctx), "SELECT post_search.rowid, bm25(post_search, 4.0, 1.0) AS rank FROM "+from+
		" WHERE post_search MATCH ? AND post_search.rowid >= COALESCE(("+oldest+"), 0) ORDER BY rank, post_search.rowid DESC", args, func(r *sql.Rows) error {
		var c searchCandidate
		if err := r.Scan(&c.id, &c.score); err != nil {
			return err
		}
		cands = append(cands, c)
		return nil
	})
	if err != nil {
		return nil, translate(err)
	}
	return s.searchHits(ctx, q, cands)
}

// searchHits reads the rows of the best candidates, in rank order, that
// pass q's filters: the offset's and a page and one more.
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
				h.Rank = c.score
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
