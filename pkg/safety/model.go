package safety

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// model is a multinomial logistic regression over hashed features whose
// classes are the kinds of the labelled data: a crisis kind for each
// category of crisis example ("plan", "preparation", "self-harm-now"),
// concern kinds ("hopeless", "urge-resisted") and kinds of none
// ("recovery", "support-reply", "everyday"). Learning each kind apart lets
// the model tell a recovery story from self-harm now even where they share
// their words; the probability of a level is the sum over its kinds.
type model struct {
	classes []modelClass
	bias    []float32
	// rows maps a feature to its row of weights, -1 when the training data
	// never had it; table holds the rows, one weight a class each, as
	// bfloat16 (the top half of a float32: three significant digits are
	// plenty, and a row costs two bytes a class).
	rows  []int32
	table []uint16
	// meaning holds the weights of the meaning features (meaning.go) in
	// the order a passage lists them, a class's weight each, as float32:
	// every passage has all of them, and reading them in one run is
	// faster than looking up each row.
	meaning []float32
}

// modelClass is one kind: its name, "label/category", and its label's
// grade (0 none, 1 concern, 2 crisis).
type modelClass struct {
	name  string
	grade int
}

func bf16(x float32) uint16 {
	b := math.Float32bits(x)
	// round to nearest, ties to even
	return uint16((b + 0x7fff + (b>>16)&1) >> 16)
}

func fromBF16(h uint16) float32 { return math.Float32frombits(uint32(h) << 16) }

// pruneBelow is the weight too small to keep: a feature whose weights are
// all smaller adds under a thousandth to any logit.
const pruneBelow = 1e-3

// newModel compacts dense weights (one slice a class, 1 << featureBits
// long) into a model, dropping features whose weights are all below
// pruneBelow.
func newModel(classes []modelClass, bias []float32, dense [][]float32) *model {
	m := &model{classes: classes, bias: bias, rows: make([]int32, 1<<featureBits)}
	for i := range m.rows {
		m.rows[i] = -1
		used := false
		for k := range dense {
			used = used || math.Abs(float64(dense[k][i])) >= pruneBelow
		}
		if !used {
			continue
		}
		m.rows[i] = int32(len(m.table) / len(classes)) // #nosec G115 -- at most 1<<featureBits rows
		for k := range dense {
			m.table = append(m.table, bf16(dense[k][i]))
		}
	}
	m.gatherMeaning()
	return m
}

// gatherMeaning fills m.meaning from the rows of the meaning features.
func (m *model) gatherMeaning() {
	n := len(m.classes)
	idx := meaningFeatures()
	m.meaning = make([]float32, 0, 2*meaningDims*n)
	for d := range meaningDims {
		for _, f := range [2]uint32{idx[0][d], idx[1][d]} {
			for k := range n {
				m.meaning = append(m.meaning, m.weight(k, f))
			}
		}
	}
}

// weight is class k's weight of feature idx.
func (m *model) weight(k int, idx uint32) float32 {
	r := m.rows[idx]
	if r < 0 {
		return 0
	}
	return fromBF16(m.table[int(r)*len(m.classes)+k])
}

// logits returns each class's w·x + b into out.
func (m *model) logits(list []feature, out []float64) {
	n := len(m.classes)
	for k := range out {
		out[k] = float64(m.bias[k])
	}
	for _, f := range list {
		r := m.rows[f.idx]
		if r < 0 {
			continue
		}
		row := m.table[int(r)*n : int(r)*n+n]
		for k, h := range row {
			out[k] += float64(fromBF16(h) * f.val)
		}
	}
}

// addMeaningLogits adds the meaning features' w·x to out, as logits
// would, from the gathered weights.
func (m *model) addMeaningLogits(list []feature, out []float64) {
	n := len(m.classes)
	w := m.meaning[:len(list)*n]
	for j, f := range list {
		row := w[j*n : j*n+n]
		for k, x := range row {
			out[k] += float64(x * f.val)
		}
	}
}

// softmax turns logits into probabilities in place.
func softmax(z []float64) {
	top := math.Inf(-1)
	for _, x := range z {
		top = max(top, x)
	}
	sum := 0.0
	for i, x := range z {
		z[i] = math.Exp(x - top)
		sum += z[i]
	}
	for i := range z {
		z[i] /= sum
	}
}

// levels returns P(crisis) and P(concern or crisis) from class
// probabilities.
func (m *model) levels(p []float64) (crisis, concern float64) {
	for k, c := range m.classes {
		if c.grade == 2 {
			crisis += p[k]
		}
		if c.grade >= 1 {
			concern += p[k]
		}
	}
	return min(crisis, 1), min(concern, 1)
}

// probabilities returns P(crisis) and P(concern or crisis) for a text's
// features, the meaning features (if any) from list[meaningAt:] on, in the
// order addMeaning lists them.
func (m *model) probabilities(list []feature, meaningAt int) (crisis, concern float64) {
	var buf [32]float64
	p := buf[:0]
	if len(m.classes) > len(buf) {
		p = make([]float64, 0, len(m.classes))
	}
	p = p[:len(m.classes)]
	m.logits(list[:meaningAt], p)
	if rest := list[meaningAt:]; len(rest) > 0 {
		m.addMeaningLogits(rest, p)
	}
	softmax(p)
	return m.levels(p)
}

// The model file: a generated-code comment line, a line of metadata, then
// the magic, the feature bits, the number of classes, each class (grade
// byte, name length byte, name, bias float32), the number of rows, and each
// row as its feature (uint32) and a bfloat16 weight a class, little-endian.
const modelMagic = "HCM2"

// encodeModel writes m after the two comment lines; meta says how it was
// made.
func encodeModel(w io.Writer, m *model, meta string) error {
	var b bytes.Buffer
	b.WriteString("# Code generated by \"hearth crisis-train\"; DO NOT EDIT.\n")
	fmt.Fprintf(&b, "# %s\n", meta)
	b.WriteString(modelMagic)
	le := binary.LittleEndian
	b.Write(le.AppendUint32(le.AppendUint32(nil, featureBits), uint32(len(m.classes)))) // #nosec G115 -- at most 255 classes, checked on reading
	for k, c := range m.classes {
		if len(c.name) > 255 {
			return fmt.Errorf("crisis model: class name %q too long", c.name)
		}
		b.WriteByte(byte(c.grade))     // #nosec G115 -- a grade is 0, 1 or 2
		b.WriteByte(byte(len(c.name))) // #nosec G115 -- checked above: at most 255
		b.WriteString(c.name)
		b.Write(le.AppendUint32(nil, math.Float32bits(m.bias[k])))
	}
	n := len(m.classes)
	b.Write(le.AppendUint32(nil, uint32(len(m.table)/max(n, 1)))) // #nosec G115 -- at most 1<<featureBits rows
	for i, r := range m.rows {
		if r < 0 {
			continue
		}
		b.Write(le.AppendUint32(nil, uint32(i)))
		for _, h := range m.table[int(r)*n : int(r)*n+n] {
			b.Write(le.AppendUint16(nil, h))
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// decodeModel reads what encodeModel wrote.
func decodeModel(data []byte) (*model, error) {
	for range 2 {
		i := bytes.IndexByte(data, '\n')
		if len(data) == 0 || data[0] != '#' || i < 0 {
			return nil, errors.New("crisis model: missing header line")
		}
		data = data[i+1:]
	}
	r := &reader{data: data}
	if string(r.bytes(len(modelMagic))) != modelMagic {
		return nil, errors.New("crisis model: not a model file")
	}
	if bits := r.uint32(); r.err == nil && bits != featureBits {
		return nil, fmt.Errorf("crisis model: %d feature bits, this build reads %d", bits, featureBits)
	}
	n := int(r.uint32())
	if r.err == nil && (n == 0 || n > 255) {
		return nil, fmt.Errorf("crisis model: %d classes", n)
	}
	m := &model{rows: make([]int32, 1<<featureBits)}
	for k := 0; k < n && r.err == nil; k++ {
		grade := int(r.byte())
		name := string(r.bytes(int(r.byte())))
		m.classes = append(m.classes, modelClass{name: name, grade: grade})
		m.bias = append(m.bias, math.Float32frombits(r.uint32()))
		if grade > 2 && r.err == nil {
			r.err = fmt.Errorf("crisis model: class %q has grade %d", name, grade)
		}
	}
	m.readRows(r)
	switch {
	case r.err != nil:
		return nil, r.err
	case len(r.data) != 0:
		return nil, errors.New("crisis model: trailing bytes")
	}
	m.gatherMeaning()
	return m, nil
}

// readRows reads the rows of weights.
func (m *model) readRows(r *reader) {
	for i := range m.rows {
		m.rows[i] = -1
	}
	rows := int(r.uint32())
	if r.err != nil || rows > 1<<featureBits {
		if r.err == nil {
			r.err = fmt.Errorf("crisis model: %d rows", rows)
		}
		return
	}
	n := len(m.classes)
	m.table = make([]uint16, 0, rows*n)
	for i := 0; i < rows && r.err == nil; i++ {
		idx := r.uint32()
		if idx > featureMask || m.rows[idx] >= 0 {
			r.err = fmt.Errorf("crisis model: row of feature %d out of range or repeated", idx)
			return
		}
		m.rows[idx] = int32(i)
		for range n {
			m.table = append(m.table, r.uint16())
		}
	}
}

// reader reads little-endian values, remembering the first error.
type reader struct {
	data []byte
	err  error
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n > len(r.data) {
		if r.err == nil {
			r.err = errors.New("crisis model: truncated")
		}
		return nil
	}
	b := r.data[:n]
	r.data = r.data[n:]
	return b
}

func (r *reader) byte() byte {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *reader) uint16() uint16 {
	if b := r.bytes(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *reader) uint32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}
