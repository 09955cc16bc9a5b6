package safety

// literalIndex finds, in one pass over a text, every pre-filter literal of
// every pattern (Aho–Corasick). Checking a pattern's prefilter then costs a
// few bit tests instead of a strings.Contains per literal, which matters
// because there are over a hundred patterns and most never match.
//
// While literals are added the trie keeps a map of edges per node; build
// turns it into a compact automaton (about 107,000 nodes for the pattern
// table and the guarded context expressions, up from 73,000 before pattern
// sets could hold more than 96 literals): the root's edges in a 256-entry table and every other node's
// edges as a sorted run in flat slices, with the failure links and output
// lists in flat slices too. The maps alone held about 9.5 MiB.
type literalIndex struct {
	ids  map[string]int32
	lens []int
	trie []acNode // only until build

	root     [256]int32 // child of the root for each byte, 0 for none
	edgeAt   []int32    // node n's edges are edgeByte/edgeTo[edgeAt[n]:edgeAt[n+1]], sorted by byte
	edgeByte []byte
	edgeTo   []int32
	fail     []int32
	outAt    []int32 // node n's literals are outIDs[outAt[n]:outAt[n+1]]
	outIDs   []int32
}

type acNode struct {
	next map[byte]int32
	fail int32
	out  []int32 // ids of the literals ending at this node, directly or by suffix
}

// idFilter is a prefilter over literal ids: every set needs one id present.
type idFilter [][]int32

func newLiteralIndex() *literalIndex {
	return &literalIndex{ids: make(map[string]int32), trie: []acNode{{next: map[byte]int32{}}}}
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
		nx, ok := x.trie[n].next[lit[i]]
		if !ok {
			nx = int32(len(x.trie)) // #nosec G115 -- a few hundred thousand trie nodes at most
			x.trie = append(x.trie, acNode{next: map[byte]int32{}})
			x.trie[n].next[lit[i]] = nx
		}
		n = nx
	}
	x.trie[n].out = append(x.trie[n].out, id)
}

// build computes the failure links and the compact automaton; call it once
// after the last add.
func (x *literalIndex) build() {
	nodes := x.trie
	queue := make([]int32, 0, len(nodes))
	for _, child := range nodes[0].next {
		nodes[child].fail = 0
		queue = append(queue, child)
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for c, child := range nodes[n].next {
			f := nodes[n].fail
			for {
				if nx, ok := nodes[f].next[c]; ok && nx != child {
					nodes[child].fail = nx
					break
				}
				if f == 0 {
					nodes[child].fail = 0
					break
				}
				f = nodes[f].fail
			}
			nodes[child].out = append(nodes[child].out, nodes[nodes[child].fail].out...)
			queue = append(queue, child)
		}
	}
	edges, outs := 0, 0
	for _, nd := range nodes {
		edges += len(nd.next)
		outs += len(nd.out)
	}
	x.root = [256]int32{}
	x.edgeAt = make([]int32, len(nodes)+1)
	x.edgeByte = make([]byte, 0, edges)
	x.edgeTo = make([]int32, 0, edges)
	x.fail = make([]int32, len(nodes))
	x.outAt = make([]int32, len(nodes)+1)
	x.outIDs = make([]int32, 0, outs)
	var present [256]bool
	for n, nd := range nodes {
		x.edgeAt[n] = int32(len(x.edgeTo)) // #nosec G115 -- fewer edges than trie nodes
		x.outAt[n] = int32(len(x.outIDs))  // #nosec G115 -- a few hundred thousand outputs at most
		present = [256]bool{}
		for c := range nd.next {
			present[c] = true
		}
		for c := range 256 {
			if present[c] {
				x.edgeByte = append(x.edgeByte, byte(c))
				x.edgeTo = append(x.edgeTo, nd.next[byte(c)])
				if n == 0 {
					x.root[c] = nd.next[byte(c)]
				}
			}
		}
		x.fail[n] = nd.fail
		x.outIDs = append(x.outIDs, nd.out...)
	}
	x.edgeAt[len(nodes)] = int32(len(x.edgeTo)) // #nosec G115 -- as above
	x.outAt[len(nodes)] = int32(len(x.outIDs))  // #nosec G115 -- as above
	x.trie = nil
}

// next is node n's child for byte c (n is not the root).
func (x *literalIndex) next(n int32, c byte) (int32, bool) {
	lo, hi := x.edgeAt[n], x.edgeAt[n+1]
	for hi-lo > 8 {
		mid := lo + (hi-lo)/2
		if x.edgeByte[mid] < c {
			lo = mid + 1
		} else {
			hi = mid + 1 // keep mid: it may be c
		}
	}
	for i := lo; i < hi; i++ {
		if x.edgeByte[i] == c {
			return x.edgeTo[i], true
		}
	}
	return 0, false
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
			if n == 0 {
				n = x.root[c]
				break
			}
			if nx, ok := x.next(n, c); ok {
				n = nx
				break
			}
			n = x.fail[n]
		}
		for _, id := range x.outIDs[x.outAt[n]:x.outAt[n+1]] {
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
