package demo

import (
	"fmt"
	"hash/fnv"
	"strings"

	"hearth/pkg/forum"
	"hearth/pkg/markup"
)

// body is a post body: its Markdown, its rendered HTML and the tags it
// needs.
type body struct {
	md, html string
	tags     forum.Tags
}

// block is Markdown that stands on its own (a paragraph, a list, a quote
// or a code block, possibly led by a paragraph) with its rendered HTML. A
// body is blocks separated by blank lines, and its HTML is their HTML
// joined: Hearth's renderer keeps no state from one block to the next
// (link reference definitions aside, which demo bodies do not use), so
// each block is rendered once however many bodies carry it. Composer
// checks that against a whole render every checkEvery bodies.
type block struct{ md, html string }

// checkEvery is how often a composed body is rendered whole and compared.
const checkEvery = 997

// composer makes distinct post bodies from pools of rendered blocks.
type composer struct {
	g     *gen
	r     *markup.Renderer
	pools map[string][]block
	// seen holds a hash of every body given out, so that no body repeats.
	seen map[uint64]struct{}
	// blocks counts the blocks rendered; bodies counts the bodies composed.
	blocks, bodies int
}

func newComposer(g *gen, r *markup.Renderer) *composer {
	return &composer{g: g, r: r, pools: map[string][]block{}, seen: map[uint64]struct{}{}}
}

// distinct is how many different bodies the composer has given out.
func (c *composer) distinct() int { return len(c.seen) }

// body returns a body for a post in topic t that no earlier post of this
// run has. A drawn body that repeats one is drawn again; with the pools'
// size that is rare, and after 50 draws the repeat is kept.
func (c *composer) body(t *topic, opening, tagged bool) (body, error) {
	var md, html string
	for try := 0; ; try++ {
		var err error
		if md, html, err = c.compose(t, opening, tagged); err != nil {
			return body{}, err
		}
		f := fnv.New64a()
		_, _ = f.Write([]byte(md))
		h := f.Sum64()
		if _, dup := c.seen[h]; !dup || try >= 50 {
			c.seen[h] = struct{}{}
			break
		}
	}
	c.bodies++
	if c.bodies%checkEvery == 1 {
		whole, err := c.r.Render(md)
		if err != nil {
			return body{}, fmt.Errorf("render demo body: %w", err)
		}
		if string(whole) != html {
			return body{}, fmt.Errorf("demo body's blocks render differently from the whole body:\n%s", md)
		}
	}
	b := body{md: md, html: html}
	if tagged {
		b.tags = c.g.tagsFor(t)
	}
	return b, nil
}

// compose draws a body: an opening (or a reply's first words), a heavier
// paragraph when tagged, then paragraphs, at most one list, one quote and
// one code block until the length is reached, then a question or a
// closing line.
func (c *composer) compose(t *topic, opening, tagged bool) (md, html string, err error) {
	g := c.g
	var parts []block
	n := 0
	add := func(kind string) {
		if err != nil {
			return
		}
		var b block
		if b, err = c.pick(t, kind); err == nil {
			parts = append(parts, b)
			n += len(b.md) + 2
		}
	}
	if opening {
		add("open")
	} else {
		add("reply")
	}
	if tagged && len(t.heavy) > 0 {
		add("heavy")
	}
	target := g.bodyLength()
	used := map[string]bool{}
	once := func(kind string) bool {
		if used[kind] {
			return false
		}
		used[kind] = true
		add(kind)
		return true
	}
	for n < target-60 && err == nil {
		switch r := g.rng.Float64(); {
		case r < 0.40:
			add("early")
		case r < 0.62:
			add("late")
		case r < 0.74 && once("list"):
		case r < 0.86 && !opening && once("quote"):
		case r < 0.93 && once("code"):
		default:
			add("early")
		}
	}
	if opening {
		add("question")
	} else if g.chance(0.7) {
		add("closer")
	}
	if err != nil {
		return "", "", err
	}
	var mb, hb strings.Builder
	for i, b := range parts {
		if i > 0 {
			mb.WriteString("\n\n")
		}
		mb.WriteString(b.md)
		hb.WriteString(b.html)
	}
	return mb.String(), hb.String(), nil
}

// pick returns a block of the given kind for topic t, making its pool on
// first use.
func (c *composer) pick(t *topic, kind string) (block, error) {
	key := kind
	if topical[kind] {
		key = kind + "/" + t.slug
	}
	p, ok := c.pools[key]
	if !ok {
		var err error
		if p, err = c.fill(t, kind); err != nil {
			return block{}, err
		}
		c.pools[key] = p
	}
	return p[c.g.rng.IntN(len(p))], nil
}

// topical are the kinds whose pools differ by topic.
var topical = map[string]bool{"open": true, "heavy": true, "early": true, "quote": true}

// poolSizes is how many distinct blocks each kind's pool holds at most
// (kinds drawn from few phrases hold fewer).
var poolSizes = map[string]int{
	"open": 48, "reply": 96, "heavy": 24, "early": 320, "late": 256, "list": 128, "quote": 48, "code": 96,
	"question": len(questions), "closer": len(closers),
}

// fill makes the distinct blocks of a pool, each rendered once.
func (c *composer) fill(t *topic, kind string) ([]block, error) {
	size := poolSizes[kind]
	var out []block
	have := map[string]bool{}
	for tries := 0; len(out) < size && tries < 40*size; tries++ {
		md := c.draw(t, kind)
		if have[md] {
			continue
		}
		have[md] = true
		html, err := c.r.Render(md)
		if err != nil {
			return nil, fmt.Errorf("render demo block: %w", err)
		}
		out = append(out, block{md: md, html: string(html)})
		c.blocks++
	}
	return out, nil
}

// draw writes one block of the given kind.
func (c *composer) draw(t *topic, kind string) string {
	g := c.g
	switch kind {
	case "open":
		return g.pick(t.openings) + " " + g.sentence(t)
	case "reply":
		if g.chance(0.4) {
			return g.pick(replyOpeners)
		}
		return g.pick(replyOpeners) + " " + g.reflection()
	case "heavy":
		return g.pick(t.heavy) + " " + g.sentence(t)
	case "early":
		return g.pair(t)
	case "late":
		switch g.rng.IntN(4) {
		case 0:
			return g.reflection() + " " + g.pick(suggestions)
		case 1:
			return g.pick(suggestions) + " I found " + g.pick(links) + " useful for this."
		case 2:
			return g.pick(markdownBits) + " " + g.reflection()
		default:
			return g.reflection() + " " + g.composed()
		}
	case "list":
		return g.list()
	case "quote":
		return "> " + g.sentence(t) + "\n\n" + g.pick(quoteReplies)
	case "code":
		return g.code()
	case "question":
		return g.pick(questions)
	default:
		return g.pick(closers)
	}
}

// quoteReplies follow a quoted line.
var quoteReplies = []string{
	"This part especially. I could have written it myself.", "Reading this made me feel less strange about my own weeks.",
	"I'm keeping this line somewhere I can see it.", "Yes. This is exactly how it goes for me too.",
	"Thank you for putting it into words.",
}

// sentence is a sentence about the writer's life: one of the topic's own,
// or one composed from fragments.
func (g *gen) sentence(t *topic) string {
	if g.chance(0.3) {
		return g.pick(t.experiences)
	}
	return g.composed()
}

// pair is two sentences that neither start nor end alike.
func (g *gen) pair(t *topic) string {
	a, b := g.sentence(t), g.sentence(t)
	for i := 0; i < 8 && (a[:12] == b[:12] || a[len(a)-12:] == b[len(b)-12:]); i++ {
		b = g.sentence(t)
	}
	return a + " " + b
}

// composed joins a time, something done and how it went.
func (g *gen) composed() string {
	return g.pick(whens) + " " + g.pick(actions) + ", " + g.pick(afters)
}

// reflection is a gentle thought passed on.
func (g *gen) reflection() string { return g.pick(thoughts) + " " + g.pick(truths) }

// list is a short introduction and two to four different items.
func (g *gen) list() string {
	items := []string{g.pick(listIntros), ""}
	seen := map[string]bool{}
	for k := g.between(2, 4); len(seen) < k; {
		it := g.pick(listItems)
		if !seen[it] {
			seen[it] = true
			items = append(items, "- "+it)
		}
	}
	return strings.Join(items, "\n")
}

// code is an introduction and a fenced block: a day's routine or a week's
// mood log.
func (g *gen) code() string {
	lines := []string{}
	if g.chance(0.5) {
		start := g.rng.IntN(len(codeTimes) - 2)
		for i, k := start, g.between(3, 4); i < len(codeTimes) && len(lines) < k; i++ {
			lines = append(lines, codeTimes[i]+"  "+g.pick(codeTasks))
		}
	} else {
		start := g.rng.IntN(len(codeDays) - 2)
		for i, k := start, g.between(3, 4); i < len(codeDays) && len(lines) < k; i++ {
			lines = append(lines, fmt.Sprintf("%s  %d/10  %s", codeDays[i], g.between(3, 8), g.pick(codeMoods)))
		}
	}
	return g.pick(codeIntros) + "\n\n```\n" + strings.Join(lines, "\n") + "\n```"
}
