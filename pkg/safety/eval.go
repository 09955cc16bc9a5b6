package safety

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Labels used in evaluation files.
const (
	LabelCrisis = "crisis"
	LabelNone   = "none"
)

// maxEvalLine bounds one line of an evaluation file; long posts fit easily.
const maxEvalLine = 1 << 20

// Misclassified is one example the detector got wrong, kept so that a
// developer can see the errors behind the numbers.
type Misclassified struct {
	Line  int     // line number in the input, counting the header as 1
	Label string  // the expected label, LabelCrisis or LabelNone
	Text  string  // the example as written in the file
	Score float64 // the detector's score for it
}

// Metrics summarises a detector's performance on a labelled set, with
// "crisis" as the positive class.
type Metrics struct {
	N, TP, FP, FN, TN int
	// Precision, Recall and F1 are 0 when undefined (no predicted or no
	// actual positives), so that an empty result never looks perfect.
	Precision, Recall, F1 float64
	// Misclassified lists false negatives and false positives in file order.
	Misclassified []Misclassified
}

// String returns the one-line summary printed by `hearth crisis-eval`.
func (m Metrics) String() string {
	return fmt.Sprintf("crisis-eval: n=%d precision=%.3f recall=%.3f f1=%.3f", m.N, m.Precision, m.Recall, m.F1)
}

// Evaluate runs d over a tab-separated file with the header "label<TAB>text"
// and one example per line, labelled "crisis" or "none". Blank lines are
// skipped. Errors name the offending line.
func Evaluate(d *Detector, r io.Reader) (Metrics, error) {
	var m Metrics
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxEvalLine)
	line := 0
	for sc.Scan() {
		line++
		raw := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			raw = strings.TrimPrefix(raw, "\uFEFF")
			if raw != "label\ttext" {
				return Metrics{}, fmt.Errorf("crisis-eval: line 1: header must be \"label<TAB>text\", got %q", raw)
			}
			continue
		}
		if strings.TrimSpace(raw) == "" {
			continue
		}
		label, text, ok := strings.Cut(raw, "\t")
		if !ok {
			return Metrics{}, fmt.Errorf("crisis-eval: line %d: missing tab between label and text", line)
		}
		label = strings.TrimSpace(label)
		if label != LabelCrisis && label != LabelNone {
			return Metrics{}, fmt.Errorf("crisis-eval: line %d: unknown label %q (want %q or %q)", line, label, LabelCrisis, LabelNone)
		}
		if strings.TrimSpace(text) == "" {
			return Metrics{}, fmt.Errorf("crisis-eval: line %d: empty text", line)
		}
		a := d.Assess(text)
		want := label == LabelCrisis
		m.N++
		switch {
		case want && a.Crisis:
			m.TP++
		case want:
			m.FN++
		case a.Crisis:
			m.FP++
		default:
			m.TN++
		}
		if want != a.Crisis {
			m.Misclassified = append(m.Misclassified, Misclassified{Line: line, Label: label, Text: text, Score: a.Score})
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return Metrics{}, fmt.Errorf("crisis-eval: line %d: longer than %d bytes", line+1, maxEvalLine)
		}
		return Metrics{}, fmt.Errorf("crisis-eval: reading line %d: %w", line+1, err)
	}
	if line == 0 {
		return Metrics{}, errors.New("crisis-eval: empty input, expected a \"label<TAB>text\" header")
	}
	m.Precision = ratio(m.TP, m.TP+m.FP)
	m.Recall = ratio(m.TP, m.TP+m.FN)
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
	return m, nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
