package main

import (
	"context"
	"fmt"

	"hearth/pkg/app"
	"hearth/pkg/config"
	"hearth/pkg/forum"
	"hearth/pkg/markup"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// cmdRerender renders every post's Markdown, every group's guidelines and
// every edited site page again with the current policy (after a change to
// pkg/markup), posts in batches, storing only the HTML that changed. Redacted and deleted posts keep their
// placeholder text.
func cmdRerender(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("unexpected argument %q", args[0])
	}
	cfg, err := config.Load(e.lookup)
	if err != nil {
		return err
	}
	log := newLogger(e.stderr, cfg.LogLevel, cfg.LogFormat)
	db, err := app.OpenDB(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	svc := forum.NewService(store.NewForum(db), forum.WithRenderer(markup.New()))
	st, err := svc.Rerender(ctx, func(st forum.RerenderStats) {
		fmt.Fprintf(e.stderr, "rerender: %d posts read, %d changed\n", st.Posts, st.PostsChanged)
	})
	if err != nil {
		return err
	}
	pages, pagesChanged, err := moderation.NewService(store.NewModeration(db), markup.New()).RerenderSitePages(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "rerender: %d posts (%d changed, %d refused by the renderer and left as they were), %d groups (%d changed), %d edited site pages (%d changed)\n",
		st.Posts, st.PostsChanged, st.PostsFailed, st.Groups, st.GroupsChanged, pages, pagesChanged)
	return nil
}
