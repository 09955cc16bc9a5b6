package i18n

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"testing"
)

// TestNoKeyTwiceInAFile: a key written twice in one catalogue file is a
// mistake encoding/json would hide (the second wins). Load refuses a key
// translated in two files; this checks each file on its own.
func TestNoKeyTwiceInAFile(t *testing.T) {
	names, err := fs.Glob(files, "locales/*.json")
	if err != nil || len(names) == 0 {
		t.Fatalf("no catalogues: %v", err)
	}
	for _, n := range names {
		b, err := fs.ReadFile(files, n)
		if err != nil {
			t.Fatal(err)
		}
		for _, key := range keysTwice(t, b) {
			t.Errorf("%s: %q is written twice", n, key)
		}
	}
	twice := `{"messages": {"%d replies": {"one": "%d respuesta", "other": "%d respuestas"}, "Hide": "Ocultar", "%d replies": "x", "Reply": ["Responder"]}}`
	if got := keysTwice(t, []byte(twice)); len(got) != 1 || got[0] != "%d replies" {
		t.Errorf("keysTwice found %q in a file with one key twice", got)
	}
}

// keysTwice lists the keys that occur twice in one JSON object of b.
func keysTwice(t *testing.T, b []byte) []string {
	t.Helper()
	type level struct {
		keys    map[string]bool // nil for an array
		wantKey bool
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	var twice []string
	var open []*level
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return twice
		} else if err != nil {
			t.Fatal(err)
		}
		var top *level
		if len(open) > 0 {
			top = open[len(open)-1]
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{':
				open = append(open, &level{keys: map[string]bool{}, wantKey: true})
			case '[':
				open = append(open, &level{})
			default:
				open = open[:len(open)-1]
				if len(open) > 0 && open[len(open)-1].keys != nil {
					open[len(open)-1].wantKey = true
				}
			}
			continue
		case string:
			if top != nil && top.wantKey {
				if top.keys[v] {
					twice = append(twice, v)
				}
				top.keys[v], top.wantKey = true, false
				continue
			}
		}
		if top != nil && top.keys != nil {
			top.wantKey = true
		}
	}
}
