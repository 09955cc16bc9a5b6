package safety

// literalIndex finds, in one pass over a text, every pre-filter literal of
// every pattern (Aho–Corasick). Checking a pattern's prefilter then costs a
// few bit tests instead of a strings.Contains per literal, which matters
// because there are over a hundred patterns and most never match.
type literalIndex struct {
	ids   map[string]int32
	lens  []int
	nodes []acNode
}

type acNode struct {
	next map[byte]int32
	fail int32
	out  []int32 // ids of the literals ending at this node, directly or by suffix
}

// idFilter is a prefilter over literal ids: every set needs one id present.
type idFilter [][]int32

func newLiteralIndex() *literalIndex {
	return &literalIndex{ids: make(map[string]int32), nodes: []acNode{{next: map[byte]int32{}}}}
}

// add registers the literals of f and returns f in terms of their ids.
func (x *literalIndex) add(f prefilter) idFilter {
	out := make(idFilter, 0, len(f))
	for _, set := range f {
		ids := make([]int32, 0, len(set))
		for _, lit := range set {
			id, ok := x.ids[lit]
			if !ok {
				id = int32(len(x.lens)) // #nosec G115 -- a few thousand literals at most
				x.ids[lit] = id
				x.lens = append(x.lens, len(lit))
				x.insert(lit, id)
			}
			ids = append(ids, id)
		}
		out = append(out, ids)
	}
	return out
}

func (x *literalIndex) insert(lit string, id int32) {
	n := int32(0)
	for i := 0; i < len(lit); i++ {
		nx, ok := x.nodes[n].next[lit[i]]
		if !ok {
			nx = int32(len(x.nodes)) // #nosec G115 -- a few thousand trie nodes at most
			x.nodes = append(x.nodes, acNode{next: map[byte]int32{}})
			x.nodes[n].next[lit[i]] = nx
		}
		n = nx
	}
	x.nodes[n].out = append(x.nodes[n].out, id)
}

// build computes the failure links; call it once after the last add.
func (x *literalIndex) build() {
	queue := make([]int32, 0, len(x.nodes))
	for _, child := range x.nodes[0].next {
		x.nodes[child].fail = 0
		queue = append(queue, child)
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for c, child := range x.nodes[n].next {
			f := x.nodes[n].fail
			for {
				if nx, ok := x.nodes[f].next[c]; ok && nx != child {
					x.nodes[child].fail = nx
					break
				}
				if f == 0 {
					x.nodes[child].fail = 0
					break
				}
				f = x.nodes[f].fail
			}
			x.nodes[child].out = append(x.nodes[child].out, x.nodes[x.nodes[child].fail].out...)
			queue = append(queue, child)
		}
	}
}

// bitset marks literal ids.
type bitset []uint64

func (b bitset) set(id int32)      { b[id>>6] |= 1 << (uint(id) & 63) }        // #nosec G115 -- ids are non-negative indexes
func (b bitset) has(id int32) bool { return b[id>>6]&(1<<(uint(id)&63)) != 0 } // #nosec G115 -- ids are non-negative indexes

// scan returns the literals present in the whole text and in each span.
func (x *literalIndex) scan(text string, spans []span) (all bitset, per []bitset) {
	words := (len(x.lens) + 63) / 64
	all = make(bitset, words)
	per = make([]bitset, len(spans))
	for i := range per {
		per[i] = make(bitset, words)
	}
	n := int32(0)
	for i := 0; i < len(text); i++ {
		c := text[i]
		for {
			if nx, ok := x.nodes[n].next[c]; ok {
				n = nx
				break
			}
			if n == 0 {
				break
			}
			n = x.nodes[n].fail
		}
		for _, id := range x.nodes[n].out {
			all.set(id)
			// A literal counts for a span only when it lies wholly inside;
			// spans are few and disjoint.
			start := i + 1 - x.lens[id]
			for j, sp := range spans {
				if sp.start <= start && i < sp.end {
					per[j].set(id)
					break
				}
			}
		}
	}
	return all, per
}

func (f idFilter) allows(b bitset) bool {
	for _, set := range f {
		ok := false
		for _, id := range set {
			if b.has(id) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
