package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"hearth/pkg/forum"
	"hearth/pkg/safety"
)

// levelNames are the levels as crisis-eval -lines prints them.
var levelNames = map[forum.Level]string{forum.LevelNone: "none", forum.LevelConcern: "concern", forum.LevelCrisis: "crisis"}

// scoreLines prints, for every line of a plain text file, the level, the
// two probabilities, the topic and immediacy, and why.
func scoreLines(w io.Writer, d *safety.Detector, path string) error {
	f, err := os.Open(path) // #nosec G304 -- a file the operator names
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		a := d.Assess(line)
		level := levelNames[a.Level]
		if a.NotScreened != "" {
			level = "not screened (" + a.NotScreened + ")"
		}
		extra := ""
		if a.Topic != "" {
			extra = " " + string(a.Topic)
		}
		if a.Immediate {
			extra += " immediate"
		}
		if _, err := fmt.Fprintf(w, "%-7s p=%.2f concern=%.2f%s %q\n    %s\n", level, a.Score, a.Concern, extra, a.Matches, line); err != nil {
			return err
		}
	}
	return sc.Err()
}
