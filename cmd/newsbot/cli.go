package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// Env looks up an environment variable; main passes os.Getenv, tests a map.
type Env func(key string) string

// usageError is a mistake in the command line (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

const usageText = `newsbot answers questions about news articles, citing every claim.

Usage:
  newsbot ask [--json] [-k N] [filters] QUESTION          answer a question
  newsbot search [--json] [-k N] [filters] QUERY          show the passages retrieved for a query
        filters: --source OUTLET, --article ID (repeatable), --from DATE, --to DATE
  newsbot sources [--json]                                list the stored articles
  newsbot ingest [--json] [--prune] [--feed URL]...       bring the index in step with the corpus
  newsbot brief [--json] [--since 24h | --from DATE --to DATE | --all]
                                                          the day's stories across outlets
  newsbot eval [--json] [--questions FILE | --wikiqa DIR | --multinews DIR | --rgb DIR | --grouping DIR]
                                                          measure retrieval and answer quality
  newsbot discord                                         run the Discord bot
  newsbot version [--json]                                program, Go and database schema versions

Common flags (environment variable in brackets):
  --corpus DIR   article folder [NEWSBOT_CORPUS] (default ./corpus, else the shipped articles)
  --db FILE      SQLite database [NEWSBOT_DB] (default ./data/newsbot.db)
  -v             verbose logs on stderr [NEWSBOT_LOG_LEVEL=debug]

Model settings (all optional; see .env.example): OPENAI_API_KEY, OPENAI_BASE_URL,
NEWSBOT_CHAT_MODEL, NEWSBOT_EMBED_MODEL. Without them newsbot works offline.
`

// command is one subcommand: it declares its flags on fs and runs with the
// positional arguments.
type command struct {
	flags func(fs *flag.FlagSet, o *options)
	run   func(ctx context.Context, a *app, args []string) error
}

var commands = map[string]command{
	"ask":     {flags: askFlags, run: runAsk},
	"search":  {flags: askFlags, run: runSearch},
	"sources": {flags: jsonFlag, run: runSources},
	"ingest":  {flags: ingestFlags, run: runIngest},
	"eval":    {flags: evalFlags, run: runEval},
	"brief":   {flags: briefFlags, run: runBrief},
	"discord": {flags: noFlags, run: runDiscord},
	"version": {flags: versionFlags, run: runVersion},
}

func noFlags(*flag.FlagSet, *options) {}

func jsonFlag(fs *flag.FlagSet, o *options) { fs.BoolVar(&o.json, "json", false, "print JSON") }

// Run executes the command line args and returns the exit code. Errors are
// printed to stderr as one line.
func Run(ctx context.Context, args []string, env Env, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, usageText)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	name := args[0]
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "newsbot: unknown command %q (try newsbot --help)\n", name)
		return exitUsage
	}
	o := defaultOptions(env)
	fs := flag.NewFlagSet("newsbot "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.corpus, "corpus", o.corpus, "article folder")
	fs.StringVar(&o.db, "db", o.db, "SQLite database file")
	fs.BoolVar(&o.verbose, "v", o.verbose, "verbose logs")
	cmd.flags(fs, &o)
	rest, err := parseInterleaved(fs, args[1:])
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usageText)
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "newsbot %s: %v\n", name, err)
		return exitUsage
	}
	o.corpusSet = isSet(fs, "corpus") || env("NEWSBOT_CORPUS") != ""

	a := &app{opts: o, env: env, stdout: stdout, stderr: stderr, logger: newLogger(stderr, o.verbose, env)}
	defer a.close()
	if err := cmd.run(ctx, a, rest); err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "newsbot %s: %v\n", name, err)
			return exitUsage
		}
		fmt.Fprintf(stderr, "newsbot %s: %s\n", name, userMessage(err))
		return exitFailure
	}
	return exitOK
}

// parseInterleaved parses flags that may appear before, between or after
// positional arguments ("ask 'a question' --json"), returning the
// positionals. A lone "--" ends flag parsing.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			set = true
		}
	})
	return set
}

// newLogger logs warnings (or everything with -v) as text on stderr.
func newLogger(w io.Writer, verbose bool, env Env) *slog.Logger {
	level := slog.LevelWarn
	if verbose || strings.EqualFold(env("NEWSBOT_LOG_LEVEL"), "debug") {
		level = slog.LevelDebug
	} else if strings.EqualFold(env("NEWSBOT_LOG_LEVEL"), "info") {
		level = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}
