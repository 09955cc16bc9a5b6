package safety

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMeasureCounts(t *testing.T) {
	scored := []Scored{
		{Example: Example{Line: 2, Label: LabelCrisis}, Score: 0.9, Concern: 0.95},
		{Example: Example{Line: 3, Label: LabelCrisis}, Score: 0.2, Concern: 0.8},  // concern, not crisis
		{Example: Example{Line: 4, Label: LabelConcern}, Score: 0.1, Concern: 0.6}, // found at concern
		{Example: Example{Line: 5, Label: LabelConcern}, Score: 0.6, Concern: 0.3}, // a crisis verdict is a concern too
		{Example: Example{Line: 6, Label: LabelNone}, Score: 0.1, Concern: 0.1},
		{Example: Example{Line: 7, Label: LabelNone}, Score: 0.1, Concern: 0.7},
	}
	r := Measure(scored, 0.5, 0.5)
	if c := r.Crisis; c.N != 6 || c.TP != 1 || c.FN != 1 || c.FP != 1 || c.TN != 3 || c.Precision != 0.5 || c.Recall != 0.5 {
		t.Errorf("crisis %+v", c)
	}
	if k := r.Concern; k.TP != 4 || k.FN != 0 || k.FP != 1 || k.TN != 1 || k.Precision != 0.8 || k.Recall != 1 {
		t.Errorf("concern %+v", k)
	}
	if m := r.Crisis.Misclassified; len(m) != 2 || m[0].Line != 3 || m[1].Line != 5 {
		t.Errorf("misclassified %+v", m)
	}
}

func TestReadExamplesErrors(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"empty", "", "empty input"},
		{"bad header", "label,text\ncrisis\tx\n", "line 1: header"},
		{"header columns swapped", "text\tlabel\n", "line 1: header"},
		{"unknown label", "label\ttext\ncrisis\tI want to die\nmaybe\tsomething\n", `line 3: unknown label "maybe"`},
		{"concern in a two-label file", "label\ttext\nconcern\tso tired\n", `line 2: unknown label "concern"`},
		{"missing tab", "label\ttext\ncrisis I want to die\n", "line 2: missing tab"},
		{"missing category", "label\tcategory\ttext\ncrisis\tI want to die\n", "line 2: missing tab"},
		{"empty text", "label\ttext\nnone\t   \n", "line 2: empty text"},
	}
	for _, c := range cases {
		_, err := ReadExamples(strings.NewReader(c.in), "x")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to contain %q", c.name, err, c.want)
		}
	}
}

func TestReadExamples(t *testing.T) {
	exs, err := ReadExamples(strings.NewReader("\uFEFFlabel\tcategory\ttext\r\nconcern\thopeless\tso tired of it all\r\n\nnone\teveryday\tnice walk\n"), "K")
	if err != nil {
		t.Fatal(err)
	}
	if len(exs) != 2 || exs[0] != (Example{Block: "K", Line: 2, Label: LabelConcern, Category: "hopeless", Text: "so tired of it all"}) || exs[1].Line != 4 {
		t.Errorf("examples %+v", exs)
	}
	exs, err = ReadExamples(strings.NewReader("label\ttext\nnone\thello\n"), "A")
	if err != nil || len(exs) != 1 || !exs[0].Coarse {
		t.Errorf("two-label file: %+v, %v", exs, err)
	}
}

func TestReportString(t *testing.T) {
	m := Metrics{N: 58, TP: 29, FP: 1, FN: 0, TN: 28, Precision: 29.0 / 30, Recall: 1}
	m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	r := Report{Crisis: m, Concern: Metrics{N: 58}}
	want := "crisis-eval: n=58 precision=0.967 recall=1.000 f1=0.983\ncrisis-eval concern: n=58 precision=0.000 recall=0.000 f1=0.000"
	if got := r.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// TestLoadCorpus: files become blocks, a .blocks file splits one, the
// background is training only and a holdout directory never trained on.
func TestLoadCorpus(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("old.tsv", "label\ttext\ncrisis\ta\nnone\tb\nnone\tc\n")
	write("old.blocks", "A 2 3\nB 4 4\n")
	write("blocks/K.tsv", "label\tcategory\ttext\nconcern\tx\td\n")
	write("background.tsv", "label\tcategory\ttext\nnone\teveryday\te\n")
	write("holdout/ordinary.tsv", "label\tcategory\ttext\nnone\teveryday\tf\n")
	c, err := LoadCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range c.Blocks {
		names = append(names, b[0].Block+":"+b[0].Text)
	}
	if strings.Join(names, " ") != "K:d A:a B:c" || len(c.Blocks[1]) != 2 {
		t.Errorf("blocks %v", names)
	}
	if len(c.Background) != 1 || len(c.Holdouts) != 1 || c.Holdouts[0][0].Block != "ordinary" || len(c.Train()) != 5 {
		t.Errorf("background %v, holdouts %v", c.Background, c.Holdouts)
	}
	write("old.blocks", "A 2 3\n")
	if _, err := LoadCorpus(dir); err == nil || !strings.Contains(err.Error(), "covers 2 of 3") {
		t.Errorf("a .blocks file missing a line: %v", err)
	}
}
