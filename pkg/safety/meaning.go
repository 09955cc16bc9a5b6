package safety

import (
	_ "embed"
	"errors"
	"fmt"
	"math"
	"strconv"
	"sync"
)

// Word meanings: every content word of a passage is looked up in a table
// of general-purpose English word vectors (GloVe, data/word-vectors.bin),
// and the passage's mean vector and its largest value in each dimension
// are features of the model. A linear weight on the mean is a score for
// every word in the table, including the many the labelled data never
// used: "stockpiling" scores near "hoarding", "tablets" near "pills". That
// is what lets the model read words nobody wrote into its training data.

//go:embed data/word-vectors.bin
var embeddedVectors string

// vectorsMagic starts a word-vector file: then the number of words and of
// dimensions (uint32 each), then each word as a length byte, the word, a
// float32 scale and one int8 a dimension (the value over the scale),
// little-endian. Words come in order of frequency.
const vectorsMagic = "HWV1"

// meaningDims is the number of dimensions the model reads; a table of
// another size is refused. accumulate reads four at a time, so it is a
// multiple of four.
const meaningDims = 100

// commonWords is how many of the table's most frequent words are skipped:
// function words ("the", "and", "to") carry no meaning of their own, and
// would pull every passage's mean toward the same point.
const commonWords = 100

// maxScale weighs the largest-value features against the mean ones.
const maxScale = 0.5

// vectors is a word-vector table. Words and values stay in the file's
// bytes, and the index holds no pointers, so the collector never scans it.
type vectors struct {
	// start is where each word's entry (its length byte) starts in data.
	start []uint32
	// slots is an open-addressing hash table of words: 0 is empty, k is
	// word k-1. It is at least twice as long as the table has words.
	slots []uint32
	data  string
}

// decodeVectors reads a word-vector file.
func decodeVectors(data string) (*vectors, error) {
	if len(data) < 12 || data[:4] != vectorsMagic {
		return nil, errors.New("word vectors: not a word-vector file")
	}
	n := int(le32(data, 4))
	if dims := le32(data, 8); dims != meaningDims {
		return nil, fmt.Errorf("word vectors: %d dimensions, this build reads %d", dims, meaningDims)
	}
	if n > len(data)/(2+4+meaningDims) {
		return nil, fmt.Errorf("word vectors: %d words cannot fit in %d bytes", n, len(data))
	}
	size := 1
	for size < 2*n {
		size <<= 1
	}
	v := &vectors{start: make([]uint32, n), slots: make([]uint32, size), data: data}
	p := 12
	for i := range n {
		if p >= len(data) {
			return nil, fmt.Errorf("word vectors: cut short at word %d of %d", i, n)
		}
		l := int(data[p])
		if p+1+l+4+meaningDims > len(data) {
			return nil, fmt.Errorf("word vectors: cut short at word %d of %d", i, n)
		}
		v.start[i] = uint32(p)                 // #nosec G115 -- the file is a few megabytes
		v.insert(data[p+1:p+1+l], uint32(i)+1) // #nosec G115 -- n is bounded by the file's size
		p += 1 + l + 4 + meaningDims
	}
	if p != len(data) {
		return nil, errors.New("word vectors: trailing bytes")
	}
	return v, nil
}

// insert puts word k-1 in the first free slot of its probe sequence; a
// word already there keeps its place.
func (v *vectors) insert(w string, k uint32) {
	mask := uint32(len(v.slots) - 1) // #nosec G115 -- a power of two that fits
	for i := hashString(fnvOffset, w) & mask; ; i = (i + 1) & mask {
		switch s := v.slots[i]; {
		case s == 0:
			v.slots[i] = k
			return
		case v.word(s-1) == w:
			return
		}
	}
}

// lookup returns a word's index in the table.
func (v *vectors) lookup(w string) (int32, bool) {
	mask := uint32(len(v.slots) - 1) // #nosec G115 -- a power of two that fits
	for i := hashString(fnvOffset, w) & mask; ; i = (i + 1) & mask {
		s := v.slots[i]
		if s == 0 {
			return 0, false
		}
		if v.word(s-1) == w {
			return int32(s - 1), true // #nosec G115 -- fewer words than fit an int32
		}
	}
}

// word is word i of the table.
func (v *vectors) word(i uint32) string {
	p := v.start[i]
	return v.data[p+1 : p+1+uint32(v.data[p])]
}

// values returns word i's scale and its values as stored.
func (v *vectors) values(i int32) (float32, string) {
	p := int(v.start[i])
	p += 1 + int(v.data[p])
	return math.Float32frombits(le32(v.data, p)), v.data[p+4 : p+4+meaningDims]
}

// accumulate adds word i's vector to sum and raises top to it.
func (v *vectors) accumulate(i int32, sum, top *[meaningDims]float32) {
	scale, vals := v.values(i)
	vals = vals[:meaningDims]
	for d := 0; d < meaningDims; d += 4 {
		// Four at a time: the loop's bookkeeping was a third of its cost.
		x0 := float32(int8(vals[d])) * scale   // #nosec G115 -- the byte is a signed value by the file's format
		x1 := float32(int8(vals[d+1])) * scale // #nosec G115 -- as above
		x2 := float32(int8(vals[d+2])) * scale // #nosec G115 -- as above
		x3 := float32(int8(vals[d+3])) * scale // #nosec G115 -- as above
		sum[d], sum[d+1], sum[d+2], sum[d+3] = sum[d]+x0, sum[d+1]+x1, sum[d+2]+x2, sum[d+3]+x3
		top[d], top[d+1], top[d+2], top[d+3] = max(top[d], x0), max(top[d+1], x1), max(top[d+2], x2), max(top[d+3], x3)
	}
}

// sharedVectors is the embedded table, read once.
var sharedVectors = sync.OnceValue(func() *vectors {
	v, err := decodeVectors(embeddedVectors)
	if err != nil {
		panic(err) // the embedded file is part of the build
	}
	return v
})

// meaningFeatures are the hashed indices of the mean and largest-value
// features, a dimension each.
var meaningFeatures = sync.OnceValue(func() (idx [2][meaningDims]uint32) {
	for k, kind := range [2]string{"mean", "max"} {
		for d := range meaningDims {
			idx[k][d] = finish(hashString(hashByte(hashString(hashByte(fnvOffset, nsMeaning), kind), ' '), strconv.Itoa(d)))
		}
	}
	return idx
})

// contentWord returns a token's row in the table, or false for a word the
// table lacks or one of its common words.
func (v *vectors) contentWord(w string) (int32, bool) {
	i, ok := v.lookup(w)
	return i, ok && i >= commonWords
}

// addMeaning adds the mean of the passage's content words' vectors and the
// largest value of each dimension, dimension by dimension, the mean first
// (model.gatherMeaning reads the weights in this order). They have no
// names: an explanation shares their pull among words (addMeaningByWord). A
// passage without a content word in the table adds nothing.
func (f *features) addMeaning(sents []sentence) {
	v := sharedVectors()
	var sum, top [meaningDims]float32
	for d := range top {
		top[d] = float32(math.Inf(-1))
	}
	n := 0
	for _, s := range sents {
		for _, t := range s.toks {
			if i, ok := v.contentWord(t.word); ok {
				v.accumulate(i, &sum, &top)
				n++
			}
		}
	}
	if n == 0 {
		return
	}
	idx := meaningFeatures()
	for d := range meaningDims {
		f.list = append(f.list, feature{idx[0][d], sum[d] / float32(n)}, feature{idx[1][d], top[d] * maxScale})
	}
}

// addMeaningByWord shares the meaning features' pull among the passage's
// content words, adding each word's share to into, for an explanation:
// the mean's pull in proportion to each word's value in each dimension,
// each dimension's largest value's pull to the word that holds it (the
// first, on a tie). weight is a feature's pull per unit.
func addMeaningByWord(into map[string]float64, sents []sentence, weight func(idx uint32) float64) {
	v := sharedVectors()
	var best [meaningDims]float32
	var holder [meaningDims]string
	for d := range best {
		best[d] = float32(math.Inf(-1))
	}
	n := 0
	for _, s := range sents {
		for _, t := range s.toks {
			i, ok := v.contentWord(t.word)
			if !ok {
				continue
			}
			n++
			scale, vals := v.values(i)
			for d := range meaningDims {
				if x := float32(int8(vals[d])) * scale; x > best[d] { // #nosec G115 -- the byte is a signed value by the file's format
					best[d], holder[d] = x, t.word
				}
			}
		}
	}
	if n == 0 {
		return
	}
	idx := meaningFeatures()
	var mean [meaningDims]float64
	for d := range meaningDims {
		mean[d] = weight(idx[0][d]) / float64(n)
		into[holder[d]] += weight(idx[1][d]) * maxScale * float64(best[d])
	}
	for _, s := range sents {
		for _, t := range s.toks {
			i, ok := v.contentWord(t.word)
			if !ok {
				continue
			}
			scale, vals := v.values(i)
			share := 0.0
			for d := range meaningDims {
				share += mean[d] * float64(float32(int8(vals[d]))*scale) // #nosec G115 -- as above
			}
			into[t.word] += share
		}
	}
}

// le32 is the little-endian uint32 at s[p:p+4].
func le32(s string, p int) uint32 {
	return uint32(s[p]) | uint32(s[p+1])<<8 | uint32(s[p+2])<<16 | uint32(s[p+3])<<24
}
