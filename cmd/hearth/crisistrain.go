package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"hearth/pkg/safety"
)

// modelFile is where crisis-train writes the model by default.
const modelFile = "pkg/safety/crisis_model.bin"

// cmdCrisisTrain trains the crisis model on the labelled data (the blocks
// and background of pkg/safety/testdata by default; never its holdout sets)
// and writes the model file the detector embeds. The same data and seed
// give the same file, byte for byte.
func cmdCrisisTrain(_ context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("crisis-train", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	opt := safety.DefaultTrainOptions
	fs.Uint64Var(&opt.Seed, "seed", opt.Seed, "seed of the training order")
	out := fs.String("o", modelFile, "model `FILE` to write")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: hearth crisis-train [-seed N] [-o FILE] [DIR-or-FILE...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{defaultData}
	}
	c, err := safety.LoadCorpus(paths...)
	if err != nil {
		return err
	}
	exs := c.Train()
	var names []string
	for _, b := range c.Blocks {
		if len(b) > 0 {
			names = append(names, b[0].Block)
		}
	}
	meta := fmt.Sprintf("seed=%d examples=%d blocks=%s background=%d", opt.Seed, len(exs), strings.Join(names, ","), len(c.Background))
	var buf bytes.Buffer
	if err := safety.Train(exs, opt).Write(&buf, meta); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil { // #nosec G306 -- a source file of the repository
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "crisis-train: %s: %d bytes, %s\n", *out, buf.Len(), meta)
	return err
}
