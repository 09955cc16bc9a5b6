package store

import (
	"context"
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
	var tx *gorm.DB
	if s.db.Dialect == migrations.Postgres {
		text := strings.Join(q.Terms, " ")
		newest := "SELECT ps.post_id FROM post_search ps WHERE ps.document @@ plainto_tsquery('english', ?) ORDER BY ps.post_id DESC LIMIT ?"
		args := []any{text, searchCandidates}
		if q.GroupID > 0 {
			newest = "SELECT ps.post_id FROM post_search ps JOIN posts pp ON pp.id = ps.post_id WHERE ps.document @@ plainto_tsquery('english', ?) AND pp.group_id = ? ORDER BY ps.post_id DESC LIMIT ?"
			args = []any{text, q.GroupID, searchCandidates}
		}
		tx = s.db.read(ctx).Table("("+newest+") c", args...).
			Select(searchColumns+", ts_rank(s.document, plainto_tsquery('english', ?)) AS rank", text).
			Joins("JOIN post_search s ON s.post_id = c.post_id").
			Joins("JOIN posts p ON p.id = s.post_id").
			Order("rank DESC, p.id DESC")
	} else {
		match := ftsQuery(q.Terms)
		// The oldest of the newest candidates bounds the rowids FTS5
		// reads; with fewer matches, every match is ranked.
		oldest := "SELECT post_search.rowid FROM post_search WHERE post_search MATCH ? ORDER BY post_search.rowid DESC LIMIT 1 OFFSET ?"
		args := []any{match, searchCandidates - 1}
		if q.GroupID > 0 {
			oldest = "SELECT post_search.rowid FROM post_search JOIN posts pp ON pp.id = post_search.rowid WHERE post_search MATCH ? AND pp.group_id = ? ORDER BY post_search.rowid DESC LIMIT 1 OFFSET ?"
			args = []any{match, q.GroupID, searchCandidates - 1}
		}
		tx = s.db.read(ctx).Table("post_search").
			Select(searchColumns+", bm25(post_search, 4.0, 1.0) AS rank").
			Joins("JOIN posts p ON p.id = post_search.rowid").
			Where("post_search MATCH ?", match).
			Where("post_search.rowid >= COALESCE(("+oldest+"), 0)", args...).
			Order("rank, p.id DESC")
	}
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
	var hits []forum.SearchHit
	if err := tx.Limit(q.Limit + 1).Offset(q.Offset).Find(&hits).Error; err != nil {
		return nil, translate(err)
	}
	return hits, nil
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
