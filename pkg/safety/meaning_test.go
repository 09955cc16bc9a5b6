package safety

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"os"
	"strings"
	"testing"
)

// value is word i's value in dimension d.
func (v *vectors) value(i int32, d int) float32 {
	scale, vals := v.values(i)
	return float32(int8(vals[d])) * scale
}

func cosine(v *vectors, a, b string) float64 {
	i, ok1 := v.lookup(a)
	j, ok2 := v.lookup(b)
	if !ok1 || !ok2 {
		return math.NaN()
	}
	var dot, na, nb float64
	for d := range meaningDims {
		x, y := float64(v.value(i, d)), float64(v.value(j, d))
		dot += x * y
		na += x * x
		nb += y * y
	}
	return dot / math.Sqrt(na*nb)
}

// TestWordVectorsEmbedded: the embedded table decodes, holds the words
// forum posts use, and places words of like meaning together, which is
// what the model's meaning features rely on.
func TestWordVectorsEmbedded(t *testing.T) {
	v := sharedVectors()
	if len(v.start) < 40000 {
		t.Fatalf("%d words in the table, want at least 40000", len(v.start))
	}
	for i := range v.start {
		w := v.word(uint32(i))
		if j, ok := v.lookup(w); !ok || (j != int32(i) && v.word(uint32(j)) != w) {
			t.Fatalf("word %d, %q, is looked up as %d, %v", i, w, j, ok)
		}
	}
	if _, ok := v.lookup("qwertyzzz"); ok {
		t.Error("a word the table lacks was found")
	}
	for _, w := range []string{"tablets", "stockpiling", "overdose", "goodbye", "insurance", "gonna", "worthless", "tonight"} {
		if _, ok := v.contentWord(w); !ok {
			t.Errorf("%q is not a content word of the table", w)
		}
	}
	if _, ok := v.contentWord("the"); ok {
		t.Error(`"the" counts as a content word; the commonest words should be skipped`)
	}
	for _, c := range []struct{ word, near, far string }{
		{"tablets", "pills", "holiday"},
		{"stockpiling", "hoarding", "singing"},
		{"goodbye", "farewell", "spreadsheet"},
		{"worthless", "useless", "delicious"},
	} {
		near, far := cosine(v, c.word, c.near), cosine(v, c.word, c.far)
		if !(near > far+0.2) {
			t.Errorf("cosine(%s, %s) = %.2f, cosine(%s, %s) = %.2f: want the first well above the second", c.word, c.near, near, c.word, c.far, far)
		}
	}
}

// TestDecodeVectorsRefusesDamage: a damaged table is refused with a reason,
// never read as a shorter one.
func TestDecodeVectorsRefusesDamage(t *testing.T) {
	good := embeddedVectors[:12+1+3+4+meaningDims] // the header and the first word
	header := good[:4] + "\x01\x00\x00\x00" + good[8:12]
	one := header + good[12:]
	if _, err := decodeVectors(one); err != nil {
		t.Fatalf("a one-word table: %v", err)
	}
	for name, data := range map[string]string{
		"not a table":       "HWV0" + one[4:],
		"too short":         "HWV",
		"cut short":         one[:len(one)-1],
		"trailing bytes":    one + "x",
		"other dimensions":  header[:8] + "\x32\x00\x00\x00" + one[12:],
		"missing the words": header,
	} {
		if _, err := decodeVectors(data); err == nil {
			t.Errorf("%s: decoded without an error", name)
		} else if !strings.HasPrefix(err.Error(), "word vectors: ") {
			t.Errorf("%s: error %q does not say what it read", name, err)
		}
	}
}

// TestMeaningFeatures: a passage with content words gets a mean and a
// largest value for every dimension; one of function words only gets none.
func TestMeaningFeatures(t *testing.T) {
	count := func(text string) int {
		var f features
		f.extract(normalize(text), ruleResult{})
		n := 0
		for _, x := range f.list {
			for k := range 2 {
				for _, idx := range meaningFeatures()[k] {
					if x.idx == idx {
						n++
					}
				}
			}
		}
		return n
	}
	if n := count("i have been stockpiling my tablets in a drawer"); n != 2*meaningDims {
		t.Errorf("a passage with content words: %d meaning features, want %d", n, 2*meaningDims)
	}
	if n := count("and i was in it"); n != 0 {
		t.Errorf("a passage of function words: %d meaning features, want none", n)
	}
}

// TestAddMeaningByWordSharesTheWholePull: an explanation shares exactly the
// meaning features' pull among the words, so a word's share can be shown as
// its own.
func TestAddMeaningByWordSharesTheWholePull(t *testing.T) {
	var f features
	f.extract(normalize("i have been stockpiling my tablets in the drawer by the bed. tonight feels different"), ruleResult{})
	weight := func(idx uint32) float64 { return float64(idx%7) - 3 }
	want := 0.0
	for _, x := range f.list {
		for k := range 2 {
			for _, idx := range meaningFeatures()[k] {
				if x.idx == idx {
					want += weight(idx) * float64(x.val)
				}
			}
		}
	}
	got := 0.0
	shares := map[string]float64{}
	addMeaningByWord(shares, f.sents, weight)
	for w, v := range shares {
		if _, ok := sharedVectors().contentWord(w); !ok {
			t.Errorf("%q shares the pull but is not a content word", w)
		}
		got += v
	}
	if math.Abs(got-want) > 1e-3*max(1, math.Abs(want)) {
		t.Errorf("the words share %.4f, the features pull %.4f", got, want)
	}
}

// TestWordVectorsAreTheDocumentedFile: the embedded table is the file
// data/README.md says how to make, byte for byte.
func TestWordVectorsAreTheDocumentedFile(t *testing.T) {
	doc, err := os.ReadFile("data/README.md")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(embeddedVectors))
	if want := hex.EncodeToString(sum[:]); !strings.Contains(string(doc), "`"+want+"`") {
		t.Errorf("data/README.md does not give the embedded table's SHA-256, %s", want)
	}
}
