package safety

import (
	"slices"
	"strconv"
	"strings"
)

// literalIndex finds, in one pass over a text, every pre-filter set that
// has one of its literals in the text (Aho–Corasick). A prefilter is a list
// of sets of literals, and it passes when every set has a literal present;
// the index marks the sets themselves, so checking a prefilter costs one bit
// test per set however many literals the set holds ("blade" and "only way
// out" have hundreds). This matters because there are over a hundred
// patterns and most never match.
//
// While literals are added the trie keeps a map of edges per node; build
// turns it into a compact automaton (about 107,000 nodes for the pattern
// table and the guarded context expressions): the root's edges in a
// 256-entry table and every other node's edges as a sorted run in flat
// slices, with the failure links and output lists in flat slices too. The
// maps alone held about 9.5 MiB.
type literalIndex struct {
	// Only until build: literal ids, their lengths, the sets holding each
	// literal, and set ids by their contents.
	ids     map[string]int32
	lens    []int
	litSets [][]int32
	setIDs  map[string]int32
	trie    []acNode

	nsets    int
	root     [256]int32 // child of the root for each byte, 0 for none
	edgeAt   []int32    // node n's edges are edgeByte/edgeTo[edgeAt[n]:edgeAt[n+1]], sorted by byte
	edgeByte []byte
	edgeTo   []int32
	fail     []int32
	outAt    []int32  // node n's sets are outs[outAt[n]:outAt[n+1]]
	outs     []setOut // the sets with a literal ending at node n, directly or by suffix
}

// setOut says that the text up to the current node ends with a literal of
// set, the shortest such literal being minLen bytes long. Only the shortest
// matters for the spans: spans are disjoint, so a literal ending at i lies
// wholly inside a span only if that span holds i, and then a shorter
// literal ending at i lies inside it too.
type setOut struct {
	set, minLen int32
}

type acNode struct {
	next map[byte]int32
	fail int32
	out  []int32 // ids of the literals ending at this node, directly or by suffix
}

// idFilter is a prefilter in terms of the index's set ids: every set must
// be marked.
type idFilter []int32

func newLiteralIndex() *literalIndex {
	return &literalIndex{ids: make(map[string]int32), setIDs: make(map[string]int32), trie: []acNode{{next: map[byte]int32{}}}}
}

// add registers the sets of f and returns f in terms of their ids. Sets
// with the same literals share an id: whether a set is marked depends only
// on its literals.
func (x *literalIndex) add(f prefilter) idFilter {
	out := make(idFilter, 0, len(f))
	for _, set := range f {
		ids := make([]int32, 0, len(set))
		for _, lit := range set {
			id, ok := x.ids[lit]
			if !ok {
				id = int32(len(x.lens)) // #nosec G115 -- a few tens of thousands of literals at most
				x.ids[lit] = id
				x.lens = append(x.lens, len(lit))
				x.litSets = append(x.litSets, nil)
				x.insert(lit, id)
			}
			ids = append(ids, id)
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		var key strings.Builder
		for _, id := range ids {
			key.WriteString(strconv.Itoa(int(id)))
			key.WriteByte(',')
		}
		sid, ok := x.setIDs[key.String()]
		if !ok {
			sid = int32(x.nsets) // #nosec G115 -- a few thousand sets at most
			x.nsets++
			x.setIDs[key.String()] = sid
			for _, id := range ids {
				x.litSets[id] = append(x.litSets[id], sid)
			}
		}
		out = append(out, sid)
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
	linkFailures(x.trie)
	x.compact()
	x.trie, x.ids, x.lens, x.litSets, x.setIDs = nil, nil, nil, nil, nil
}

// linkFailures sets each trie node's failure link, breadth first, and adds
// to its literals those of the node it fails to.
func linkFailures(nodes []acNode) {
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
}

// compact lays the trie out in flat arrays: edges sorted by byte, the
// failure links, and each node's sets with the length of their shortest
// literal.
func (x *literalIndex) compact() {
	nodes := x.trie
	// Each node's literals become the sets holding them, each set once
	// with the length of its shortest literal ending there. minLen (that
	// length plus one, 0 for a set not seen yet) and order are scratch
	// space.
	minLen := make([]int32, x.nsets)
	var order []int32
	setsOf := func(lits []int32) []int32 {
		order = order[:0]
		for _, id := range lits {
			l := int32(x.lens[id]) + 1 // #nosec G115 -- literals are short
			for _, s := range x.litSets[id] {
				if minLen[s] == 0 {
					order = append(order, s)
					minLen[s] = l
				} else if l < minLen[s] {
					minLen[s] = l
				}
			}
		}
		return order
	}
	edges, outs := 0, 0
	for _, nd := range nodes {
		edges += len(nd.next)
		for _, s := range setsOf(nd.out) {
			minLen[s] = 0
		}
		outs += len(order)
	}
	x.root = [256]int32{}
	x.edgeAt = make([]int32, len(nodes)+1)
	x.edgeByte = make([]byte, 0, edges)
	x.edgeTo = make([]int32, 0, edges)
	x.fail = make([]int32, len(nodes))
	x.outAt = make([]int32, len(nodes)+1)
	x.outs = make([]setOut, 0, outs)
	var present [256]bool
	for n, nd := range nodes {
		x.edgeAt[n] = int32(len(x.edgeTo)) // #nosec G115 -- fewer edges than trie nodes
		x.outAt[n] = int32(len(x.outs))    // #nosec G115 -- a few hundred thousand outputs at most
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
		for _, s := range setsOf(nd.out) {
			x.outs = append(x.outs, setOut{set: s, minLen: minLen[s] - 1})
			minLen[s] = 0
		}
	}
	x.edgeAt[len(nodes)] = int32(len(x.edgeTo)) // #nosec G115 -- as above
	x.outAt[len(nodes)] = int32(len(x.outs))    // #nosec G115 -- as above
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

// bitset marks set ids.
type bitset []uint64

func (b bitset) set(id int32)      { b[id>>6] |= 1 << (uint(id) & 63) }        // #nosec G115 -- ids are non-negative indexes
func (b bitset) has(id int32) bool { return b[id>>6]&(1<<(uint(id)&63)) != 0 } // #nosec G115 -- ids are non-negative indexes

// scan returns the sets with a literal present in the whole text, and in
// each span those with a literal lying wholly inside it. Spans must be
// disjoint.
func (x *literalIndex) scan(text string, spans []span) (all bitset, per []bitset) {
	words := (x.nsets + 63) / 64
	// One allocation for every bitset: there are a few hundred sets, so a
	// bitset is a few words.
	buf := make(bitset, words*(len(spans)+1))
	all = buf[:words:words]
	per = make([]bitset, len(spans))
	for i := range per {
		per[i] = buf[(i+1)*words : (i+2)*words : (i+2)*words]
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
		for _, o := range x.outs[x.outAt[n]:x.outAt[n+1]] {
			all.set(o.set)
			// See setOut for why the shortest literal decides.
			start := i + 1 - int(o.minLen)
			for j, sp := range spans {
				if sp.start <= start && i < sp.end {
					per[j].set(o.set)
					break
				}
			}
		}
	}
	return all, per
}

func (f idFilter) allows(b bitset) bool {
	for _, set := range f {
		if !b.has(set) {
			return false
		}
	}
	return true
}
