package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"hearth/pkg/app"
	"hearth/pkg/config"
	"hearth/pkg/demo"
)

// cmdSeedDemo fills the configured database with demo content.
func cmdSeedDemo(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("seed-demo", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	d := demo.Defaults()
	groups := fs.Int("groups", d.Groups, "groups the forum should have (default groups first, then new ones)")
	threads := fs.Int("threads", d.Threads, "threads to add")
	posts := fs.Int("posts", d.Posts, "posts to add, opening posts included")
	members := fs.Int("members", d.Members, "member accounts to add")
	seed := fs.Uint64("seed", d.Seed, "random seed: the same seed gives the same content")
	password := fs.String("password", d.Password, "password of every demo member")
	bench := fs.Bool("bench-shape", false, "the benchmark data set: 5 groups, 2,000 threads of 50 posts, 200 members, ~400-character posts (other flags override)")
	scale := fs.Int("scale", 1, "multiply the threads, posts and members of the shape (--bench-shape --scale 10: 1,000,000 posts)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: hearth seed-demo [flags]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	o := d
	if *bench {
		o = demo.BenchShape()
	}
	if *scale < 1 || *scale > 100 {
		return fmt.Errorf("--scale must be between 1 and 100")
	}
	o.Threads, o.Posts, o.Members = o.Threads**scale, o.Posts**scale, o.Members**scale
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "groups":
			o.Groups = *groups
		case "threads":
			o.Threads = *threads
		case "posts":
			o.Posts = *posts
		case "members":
			o.Members = *members
		case "seed":
			o.Seed = *seed
		case "password":
			o.Password = *password
		}
	})
	if err := o.Validate(); err != nil {
		return err
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

	st, err := demo.Seed(ctx, db.SQL(), string(db.Dialect), o, e.stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "seed-demo: added %d members, %d threads, %d posts (%d with trigger warnings), %d reactions, %d follows, %d open reports; %d groups in use (%d new)\n",
		st.Members, st.Threads, st.Posts, st.Tagged, st.Reactions, st.Subscriptions, st.Reports, st.Groups, st.GroupsCreated)
	fmt.Fprintf(e.stdout, "seed-demo: %s in %.1fs: %.0f posts/s (%d distinct bodies composed of %d blocks, each rendered once)\n",
		st.Dialect, st.Elapsed.Seconds(), st.PostsPerSecond(), st.DistinctBodies, st.Blocks)
	fmt.Fprintf(e.stdout, "seed-demo: members sign in with the password %q, for example: %s\n", o.Password, strings.Join(st.SampleMembers, ", "))
	if st.BusiestThreadID > 0 {
		fmt.Fprintf(e.stdout, "seed-demo: busiest thread: /t/%d (%d posts)\n", st.BusiestThreadID, st.BusiestThreadPosts)
		fmt.Fprintf(e.stdout, "seed-demo: threads /t/%d to /t/%d\n", st.FirstThreadID, st.LastThreadID)
	}
	if st.UnreadMember != "" {
		fmt.Fprintf(e.stdout, "seed-demo: %s has %d unread notifications\n", st.UnreadMember, st.UnreadNotices)
	}
	return nil
}
