package safety

import (
	"strings"
	"testing"
)

func TestEvaluateCounts(t *testing.T) {
	in := "label\ttext\n" +
		"crisis\tI want to die.\n" +
		"crisis\tI bought a rope today.\n" +
		"crisis\tThe weather is nice.\n" + // a false negative on purpose
		"none\tThis exam is killing me.\n" +
		"none\tI want to kill myself.\n" + // a false positive on purpose
		"\n" +
		"none\tToday was fine.\r\n"
	m, err := Evaluate(NewDetector(), strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if m.N != 6 || m.TP != 2 || m.FN != 1 || m.FP != 1 || m.TN != 2 {
		t.Fatalf("counts %+v", m)
	}
	if m.Precision != 2.0/3 || m.Recall != 2.0/3 {
		t.Errorf("precision %v recall %v", m.Precision, m.Recall)
	}
	if len(m.Misclassified) != 2 || m.Misclassified[0].Line != 4 || m.Misclassified[0].Label != LabelCrisis ||
		m.Misclassified[1].Line != 6 || m.Misclassified[1].Text != "I want to kill myself." {
		t.Errorf("misclassified %+v", m.Misclassified)
	}
}

func TestEvaluateErrors(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"empty", "", "empty input"},
		{"bad header", "label,text\ncrisis\tx\n", "line 1: header"},
		{"header columns swapped", "text\tlabel\n", "line 1: header"},
		{"unknown label", "label\ttext\ncrisis\tI want to die\nmaybe\tsomething\n", `line 3: unknown label "maybe"`},
		{"missing tab", "label\ttext\ncrisis I want to die\n", "line 2: missing tab"},
		{"empty text", "label\ttext\nnone\t   \n", "line 2: empty text"},
	}
	for _, c := range cases {
		_, err := Evaluate(NewDetector(), strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to contain %q", c.name, err, c.want)
		}
	}
}

func TestEvaluateHeaderOnly(t *testing.T) {
	m, err := Evaluate(NewDetector(), strings.NewReader("\uFEFFlabel\ttext\n"))
	if err != nil {
		t.Fatal(err)
	}
	if m.N != 0 || m.Precision != 0 || m.Recall != 0 || m.F1 != 0 {
		t.Errorf("empty set: %+v", m)
	}
	if got, want := m.String(), "crisis-eval: n=0 precision=0.000 recall=0.000 f1=0.000"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestMetricsString(t *testing.T) {
	m := Metrics{N: 58, TP: 29, FP: 1, FN: 0, TN: 28, Precision: 29.0 / 30, Recall: 1}
	m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	if got, want := m.String(), "crisis-eval: n=58 precision=0.967 recall=1.000 f1=0.983"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
