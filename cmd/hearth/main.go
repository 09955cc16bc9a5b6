package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"

	// The moderation hours are kept in an admin's time zone; the zone
	// database is built in so a host or image without one still reads it.
	_ "time/tzdata"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.LookupEnv))
}

// command is one subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what every subcommand gets: standard streams and the environment.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	lookup         func(string) (string, bool)
}

var commands map[string]command

func init() {
	commands = map[string]command{
		"serve":        {"start the web server (default)", cmdServe},
		"migrate":      {"apply pending database migrations", cmdMigrate},
		"version":      {"print the version", cmdVersion},
		"crisis-eval":  {"measure the crisis-language detector on a labelled TSV file, or cross-validate it (-cv)", cmdCrisisEval},
		"crisis-train": {"train the crisis-language model on pkg/safety/testdata and write pkg/safety/crisis_model.bin", cmdCrisisTrain},
		"seed-demo":    {"fill the database with demo content (flags for size; --bench-shape)", cmdSeedDemo},
		"create-admin": {"create or promote an admin: hearth create-admin NAME (password on stdin)", cmdCreateAdmin},
		"rerender":     {"re-render every post, group guidelines and site page with the current Markdown policy", cmdRerender},
		"backup":       {"copy the SQLite database to a new FILE, safe while serving: hearth backup FILE", cmdBackup},
		"restore":      {"replace the SQLite database with a backup (stop Hearth first): hearth restore FILE", cmdRestore},
		"healthcheck":  {"exit 0 when the server at HEARTH_ADDR answers GET /readyz (or PATH) with 200; for container health checks", cmdHealthcheck},
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, lookup func(string) (string, bool)) int {
	name := "serve"
	if len(args) > 0 && (len(args[0]) == 0 || args[0][0] != '-') {
		name, args = args[0], args[1:]
	}
	if name == "help" || name == "-h" || name == "--help" {
		usage(stdout)
		return 0
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "hearth: unknown command %q\n\n", name)
		usage(stderr)
		return 2
	}
	if err := cmd.run(ctx, &env{stdin: stdin, stdout: stdout, stderr: stderr, lookup: lookup}, args); err != nil {
		fmt.Fprintf(stderr, "hearth %s: %v\n", name, err)
		return 1
	}
	return 0
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: hearth COMMAND [arguments]")
	fmt.Fprintln(w)
	for _, n := range sortedCommandNames() {
		fmt.Fprintf(w, "  %-14s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Settings are read from HEARTH_* environment variables; see README.md.")
}

func sortedCommandNames() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	for i := 1; i < len(names); i++ {
		for j := i; j > 0 && names[j] < names[j-1]; j-- {
			names[j], names[j-1] = names[j-1], names[j]
		}
	}
	return names
}

func newLogger(w io.Writer, level slog.Level, format string) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func cmdVersion(_ context.Context, e *env, _ []string) error {
	fmt.Fprintf(e.stdout, "hearth %s\n", version)
	return nil
}
