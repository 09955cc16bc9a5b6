package safety

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Labels used in evaluation and training files.
const (
	LabelCrisis  = "crisis"
	LabelConcern = "concern"
	LabelNone    = "none"
)

// maxEvalLine bounds one line of an evaluation file; long posts fit easily.
const maxEvalLine = 1 << 20

// Example is one labelled text of a data file.
type Example struct {
	Block    string // the block it belongs to (a file, or a part of one)
	Line     int    // line number in its file, counting the header as 1
	Label    string // LabelCrisis, LabelConcern or LabelNone
	Category string // what kind of example it is ("plan", "recovery"); may be empty
	Text     string
	// Coarse: the file has two labels, crisis and none, so a "none" may be
	// what a three-label file calls a concern.
	Coarse bool
}

// grade orders the labels: none 0, concern 1, crisis 2.
func grade(label string) int {
	switch label {
	case LabelCrisis:
		return 2
	case LabelConcern:
		return 1
	}
	return 0
}

// ReadExamples reads a tab-separated file with the header "label<TAB>text"
// (labels crisis and none) or "label<TAB>category<TAB>text" (labels crisis,
// concern and none). Blank lines are skipped. Errors name the offending line.
func ReadExamples(r io.Reader, block string) ([]Example, error) {
	var out []Example
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxEvalLine)
	line, columns := 0, 0
	for sc.Scan() {
		line++
		raw := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			switch strings.TrimPrefix(raw, "\uFEFF") {
			case "label\ttext":
				columns = 2
			case "label\tcategory\ttext":
				columns = 3
			default:
				return nil, fmt.Errorf("line 1: header must be \"label<TAB>text\" or \"label<TAB>category<TAB>text\", got %q", raw)
			}
			continue
		}
		if strings.TrimSpace(raw) == "" {
			continue
		}
		ex, err := parseExample(raw, columns)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		ex.Block, ex.Line, ex.Coarse = block, line, columns == 2
		out = append(out, ex)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("line %d: longer than %d bytes", line+1, maxEvalLine)
		}
		return nil, fmt.Errorf("reading line %d: %w", line+1, err)
	}
	if line == 0 {
		return nil, errors.New("empty input, expected a \"label<TAB>text\" header")
	}
	return out, nil
}

func parseExample(raw string, columns int) (Example, error) {
	parts := strings.SplitN(raw, "\t", columns)
	if len(parts) < columns {
		return Example{}, errors.New("missing tab between label and text")
	}
	ex := Example{Label: strings.TrimSpace(parts[0]), Text: parts[columns-1]}
	if columns == 3 {
		ex.Category = strings.TrimSpace(parts[1])
	}
	switch {
	case ex.Label == LabelCrisis || ex.Label == LabelNone:
	case ex.Label == LabelConcern && columns == 3:
	case columns == 3:
		return Example{}, fmt.Errorf("unknown label %q (want %q, %q or %q)", ex.Label, LabelCrisis, LabelConcern, LabelNone)
	default:
		return Example{}, fmt.Errorf("unknown label %q (want %q or %q)", ex.Label, LabelCrisis, LabelNone)
	}
	if strings.TrimSpace(ex.Text) == "" {
		return Example{}, errors.New("empty text")
	}
	return ex, nil
}

// Corpus is labelled data organised for training and honest measurement.
type Corpus struct {
	// Blocks are the units of leave-one-block-out cross-validation, each
	// written at one time by one author.
	Blocks [][]Example
	// Background are everyday posts used only for training, never held out.
	Background []Example
	// Holdouts are sets never trained on, scored by the whole model.
	Holdouts [][]Example
}

// Train is every example a model is trained on: the blocks and the
// background.
func (c Corpus) Train() []Example {
	var out []Example
	for _, b := range c.Blocks {
		out = append(out, b...)
	}
	return append(out, c.Background...)
}

// LoadCorpus reads data files and directories. A directory contributes its
// *.tsv files and those of its subdirectories "blocks" and "holdout" (other
// subdirectories hold other data). A file is one block named
// after it, unless a file of the same name ending in ".blocks" beside it
// splits it (lines "NAME FIRST LAST", line numbers of the file); a file
// whose name starts with "background" is training data only, and a file in
// a directory named "holdout" is never trained on.
func LoadCorpus(paths ...string) (Corpus, error) {
	var files []string
	for _, p := range paths {
		found, err := dataFiles(p)
		if err != nil {
			return Corpus{}, err
		}
		files = append(files, found...)
	}
	var c Corpus
	for _, f := range files {
		if err := c.add(f); err != nil {
			return Corpus{}, err
		}
	}
	if len(c.Blocks) == 0 && len(c.Holdouts) == 0 {
		return Corpus{}, fmt.Errorf("no labelled .tsv files in %s", strings.Join(paths, ", "))
	}
	return c, nil
}

func dataFiles(p string) ([]string, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{p}, nil
	}
	var out []string
	for _, dir := range []string{p, filepath.Join(p, "blocks"), filepath.Join(p, "holdout")} {
		found, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	sort.Strings(out)
	return out, nil
}

func (c *Corpus) add(path string) error {
	f, err := os.Open(path) // #nosec G304 -- a data file the operator names
	if err != nil {
		return err
	}
	defer f.Close()
	name := strings.TrimSuffix(filepath.Base(path), ".tsv")
	exs, err := ReadExamples(f, name)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	switch {
	case filepath.Base(filepath.Dir(path)) == "holdout":
		c.Holdouts = append(c.Holdouts, exs)
	case strings.HasPrefix(name, "background"):
		c.Background = append(c.Background, exs...)
	default:
		parts, err := splitBlocks(strings.TrimSuffix(path, ".tsv")+".blocks", exs)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		c.Blocks = append(c.Blocks, parts...)
	}
	return nil
}

// splitBlocks splits a file's examples by its ".blocks" file, if any.
func splitBlocks(path string, exs []Example) ([][]Example, error) {
	data, err := os.ReadFile(path) // #nosec G304 -- beside a data file the operator names
	if errors.Is(err, os.ErrNotExist) {
		return [][]Example{exs}, nil
	}
	if err != nil {
		return nil, err
	}
	var out [][]Example
	used := 0
	for i, row := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Fields(row)
		if len(f) != 3 {
			return nil, fmt.Errorf("%s line %d: want NAME FIRST LAST", path, i+1)
		}
		first, err1 := strconv.Atoi(f[1])
		last, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || first > last {
			return nil, fmt.Errorf("%s line %d: bad line range", path, i+1)
		}
		var part []Example
		for _, ex := range exs {
			if ex.Line >= first && ex.Line <= last {
				ex.Block = f[0]
				part = append(part, ex)
			}
		}
		used += len(part)
		out = append(out, part)
	}
	if used != len(exs) {
		return nil, fmt.Errorf("%s covers %d of %d examples", path, used, len(exs))
	}
	return out, nil
}
