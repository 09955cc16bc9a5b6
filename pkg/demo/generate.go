package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// Options size the demo data set.
type Options struct {
	// Groups is how many groups the forum should have in the end; the
	// default groups are used first and extra ones created as needed.
	Groups int
	// Threads and Posts are how many to add (posts include opening posts).
	Threads, Posts int
	// Members is how many member accounts to add.
	Members int
	// Seed makes the content deterministic.
	Seed uint64
	// Password is every demo member's password.
	Password string
	// Uniform gives every thread the same number of posts and bodies of
	// about 400 characters (the shape used to compare forums).
	Uniform bool
	// Now anchors the timestamps (the zero value means the start of today).
	Now time.Time
	// UnreadNotices gives the least active member that many unread
	// notifications, one in each of as many threads they follow.
	UnreadNotices int
}

// DefaultPassword is the demo members' password unless one is given.
const DefaultPassword = "hearth-demo-password"

// Defaults is the size of `hearth seed-demo` without flags.
func Defaults() Options {
	return Options{Groups: 8, Threads: 5000, Posts: 200000, Members: 2000, Seed: 1, Password: DefaultPassword}
}

// BenchShape is the data set `make bench` uses: 5 groups, 2,000 threads of
// 50 posts (100,000 posts), 200 members, Markdown of about 400 characters,
// and a member with (nearly) 2,000 unread notifications.
func BenchShape() Options {
	return Options{Groups: 5, Threads: 2000, Posts: 100000, Members: 200, Seed: 1, Password: DefaultPassword, Uniform: true,
		UnreadNotices: 2000}
}

// Validate reports options that cannot make a forum.
func (o Options) Validate() error {
	switch {
	case o.Groups < 1 || o.Groups > len(topics)*8:
		return fmt.Errorf("groups must be between 1 and %d", len(topics)*8)
	case o.Members < 1:
		return fmt.Errorf("members must be at least 1")
	case o.Threads < 0 || o.Posts < o.Threads:
		return fmt.Errorf("posts (%d) must be at least threads (%d): every thread has an opening post", o.Posts, o.Threads)
	case o.Posts > 0 && o.Threads == 0:
		return fmt.Errorf("posts need threads")
	case len(o.Password) < auth.PasswordMinLen:
		return fmt.Errorf("password must be at least %d characters", auth.PasswordMinLen)
	}
	return nil
}

// gen draws all content from one seeded generator, so the same options give
// the same forum.
type gen struct {
	o   Options
	rng *rand.Rand
}

func newGen(o Options) *gen {
	// #nosec G404 -- demo content must be reproducible from --seed; nothing here is secret.
	return &gen{o: o, rng: rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))}
}

func (g *gen) pick(xs []string) string { return xs[g.rng.IntN(len(xs))] }

func (g *gen) chance(p float64) bool { return g.rng.Float64() < p }

// between returns an int in [lo, hi].
func (g *gen) between(lo, hi int) int { return lo + g.rng.IntN(hi-lo+1) }

// pseudonyms returns n distinct, valid pseudonyms not in taken (keys).
func (g *gen) pseudonyms(n int, taken map[string]bool) []string {
	out := make([]string, 0, n)
	for tries := 0; len(out) < n; tries++ {
		var name string
		adj, noun, word := g.pick(nameAdjectives), g.pick(nameNouns), g.pick(nameWords)
		switch g.rng.IntN(7) {
		case 0:
			name = strings.ToUpper(adj[:1]) + adj[1:] + strings.ToUpper(noun[:1]) + noun[1:]
		case 1:
			name = adj + "_" + noun
		case 2:
			name = adj + "." + noun + fmt.Sprint(g.between(1, 99))
		case 3:
			name = word + "_" + noun
		case 4:
			name = strings.ToUpper(word[:1]) + word[1:] + fmt.Sprint(g.between(70, 99))
		case 5:
			name = noun + "-" + word
		default:
			name = adj + noun + fmt.Sprint(g.between(1, 9))
		}
		if tries > 50*n+1000 {
			// The banks are exhausted for this n: fall back to numbered names.
			name = fmt.Sprintf("%s_%s_%d", adj, noun, len(out)+tries)
		}
		display, key, err := auth.NormalizePseudonym(name)
		if err != nil || taken[key] {
			continue
		}
		taken[key] = true
		out = append(out, display)
	}
	return out
}

// title returns a thread title for t.
func (g *gen) title(t *topic) string {
	return g.pick(extraTitlePrefixes) + g.pick(t.titles)
}

// bodyLength is the target length of a body in characters.
func (g *gen) bodyLength() int {
	if g.o.Uniform {
		return g.between(220, 520)
	}
	switch r := g.rng.Float64(); {
	case r < 0.30:
		return g.between(40, 200)
	case r < 0.75:
		return g.between(200, 500)
	case r < 0.95:
		return g.between(500, 1200)
	default:
		return g.between(1200, 2600)
	}
}

var (
	questions = []string{
		"Has anyone else felt like this?", "How do you get through days like this?", "Does it get easier?",
		"Any advice would be welcome, or just company.", "I'd love to hear what has helped you.", "Is this normal?",
	}
	markdownBits = []string{
		"It was *small*, but it mattered.", "**You are allowed to rest.**", "I keep telling myself: *one thing at a time*.",
		"It's ~~silly~~ okay to be proud of that.", "Today's score: **7/10**, which is a lot better than last week.",
	}
)

// tagsFor picks one or two of t's trigger warnings.
func (g *gen) tagsFor(t *topic) forum.Tags {
	slugs := []string{g.pick(t.tags)}
	if len(t.tags) > 1 && g.chance(0.25) {
		slugs = append(slugs, g.pick(t.tags))
	}
	return forum.MakeTags(slugs)
}

// postCounts splits total posts among threads: every thread gets at least
// one; with Uniform every thread gets the same; otherwise a long tail of
// busy threads and many short ones.
func (g *gen) postCounts(threads, total int) []int {
	counts := make([]int, threads)
	if threads == 0 {
		return counts
	}
	if g.o.Uniform {
		for i := range counts {
			counts[i] = total / threads
		}
		for i := 0; i < total%threads; i++ {
			counts[i]++
		}
		return counts
	}
	weights := make([]float64, threads)
	var sum float64
	for i := range weights {
		// Pareto-like: most threads are short, a few run long.
		u := g.rng.Float64()*0.98 + 0.02
		weights[i] = 1 / (u * u)
		sum += weights[i]
	}
	extra := total - threads
	given := 0
	for i := range counts {
		c := int(float64(extra) * weights[i] / sum)
		counts[i] = 1 + c
		given += c
	}
	for i := 0; given < extra; i = (i + 1) % threads {
		counts[i]++
		given++
	}
	return counts
}

// parentIndex chooses what post k of a thread answers: the opening post or
// one of the recent replies, so conversations nest a few levels deep.
func (g *gen) parentIndex(k int, depths []int) int {
	if k == 1 || g.chance(0.45) {
		return 0
	}
	lo := max(1, k-6)
	p := g.between(lo, k-1)
	if depths[p] >= 7 {
		return 0
	}
	return p
}

// reactionKinds are the supportive reactions (migration 0012).
var reactionKinds = []string{"thinking", "hear", "metoo", "helped"}

// reportReason is a report reason key (migration 0010) with the queue weight
// the moderation service gives it (pkg/moderation ReportReasons; a test
// keeps the two in step).
type reportReason struct {
	key    string
	weight int
}

// reportReasons are the reasons demo reports use (no wellbeing concerns:
// demo posts carry no crisis language).
var reportReasons = []reportReason{{"trigger", 15}, {"other", 15}, {"spam", 10}, {"harmful", 30}}
