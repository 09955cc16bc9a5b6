package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"

	"hearth/pkg/app"
	"hearth/pkg/auth"
	"hearth/pkg/config"
	"hearth/pkg/store"
)

// maxPasswordLine bounds what is read from standard input.
const maxPasswordLine = 64 << 10

// cmdCreateAdmin creates the admin NAME, or promotes the existing member
// NAME, with the password read as one line from standard input.
func cmdCreateAdmin(ctx context.Context, e *env, args []string) error {
	if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
		return errors.New("usage: hearth create-admin NAME (the password is read as one line from standard input)")
	}
	password, err := readPasswordLine(e.stdin)
	if err != nil {
		return err
	}
	cfg, err := config.Load(e.lookup)
	if err != nil {
		return err
	}
	log := newLogger(e.stderr, cfg.LogLevel, cfg.LogFormat)
	secret, err := config.LoadSecret(cfg)
	if err != nil {
		return err
	}
	db, err := app.OpenDB(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	hasher, err := auth.NewHasher(auth.DefaultParams, max(2, runtime.NumCPU()))
	if err != nil {
		return err
	}
	svc := auth.NewService(store.NewAuth(db), hasher, secret)
	created, err := svc.CreateAdmin(ctx, args[0], password)
	if err != nil {
		return err
	}
	name := strings.TrimSpace(args[0])
	if created {
		fmt.Fprintf(e.stdout, "create-admin: created admin %s\n", name)
	} else {
		fmt.Fprintf(e.stdout, "create-admin: %s is now an admin with the password given; their sessions were ended\n", name)
	}
	return nil
}

// readPasswordLine reads one line, without its line ending.
func readPasswordLine(r io.Reader) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(r, maxPasswordLine)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password: %w", err)
	}
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	if line == "" {
		return "", errors.New("no password on standard input: pipe it in as one line, for example: hearth create-admin NAME < password.txt")
	}
	return line, nil
}
