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

// Search implements forum.PostingStore. The index (migration 0013) holds
// only visible posts; the status conditions here hold the line again, so
// nothing removed, redacted, deleted or held is ever found even if an index
// row were stale.
func (s *Forum) Search(ctx context.Context, q forum.SearchQuery) ([]forum.SearchHit, error) {
	if len(q.Terms) == 0 || q.Limit <= 0 {
		return nil, nil
	}
	var tx *gorm.DB
	if s.db.Dialect == migrations.Postgres {
		text := strings.Join(q.Terms, " ")
		tx = s.db.read(ctx).Table("post_search s").
			Select(searchColumns+", ts_rank(s.document, plainto_tsquery('english', ?)) AS rank", text).
			Joins("JOIN posts p ON p.id = s.post_id").
			Where("s.document @@ plainto_tsquery('english', ?)", text).
			Order("rank DESC, p.id DESC")
	} else {
		tx = s.db.read(ctx).Table("post_search").
			Select(searchColumns+", bm25(post_search, 4.0, 1.0) AS rank").
			Joins("JOIN posts p ON p.id = post_search.rowid").
			Where("post_search MATCH ?", ftsQuery(q.Terms)).
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
