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
	// exitStrict: with ask --strict, the model could not be used and the
	// answer quotes the articles instead.
	exitStrict = 3
)

// Env looks up an environment variable; main passes os.Getenv, tests a map.
type Env func(key string) string

// usageError is a mistake in the command line (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// exitError ends a run with a chosen exit code after its output was
// written; msg, when not empty, is printed on stderr.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

// command is one subcommand: it declares its flags on fs and runs with the
// positional arguments.
type command struct {
	// usage is the synopsis after "newsbot ", summary one line for the
	// overview, about a paragraph for `newsbot CMD --help`.
	usage, summary, about string
	examples              []string
	flags                 func(fs *flag.FlagSet, o *options)
	run                   func(ctx context.Context, a *app, args []string) error
}

// commandOrder is the order of the overview in `newsbot --help`.
var commandOrder = []string{"ask", "search", "sources", "ingest", "brief", "eval", "discord", "version"}

var commands = map[string]command{
	"ask": {
		usage: "ask [flags] QUESTION", summary: "answer a question, citing every claim",
		about: "Answers from the stored articles (indexing them first on a new database). With a chat model\n" +
			"configured the answer streams as it is written, then is checked: every [n] must be backed by\n" +
			"its passage. The question may be at most 2000 bytes.",
		examples: []string{`newsbot ask "What did the Kremlin reject?"`, `newsbot ask --json -k 3 --source Reuters "How long did the meeting last?"`,
			`newsbot --data /srv/newsbot ask --timeout 30s --strict "Who met Putin?"`},
		flags: askFlags, run: runAsk,
	},
	"search": {
		usage: "search [flags] QUERY", summary: "show the passages retrieved for a query",
		about:    "Shows what retrieval (vectors and BM25, fused) finds, without writing an answer.",
		examples: []string{`newsbot search -k 3 "Kremlin talks"`, `newsbot search --json --from 2025-12-01 "peace plan"`},
		flags:    searchFlags, run: runSearch,
	},
	"sources": {
		usage: "sources [--json]", summary: "list the stored articles and where the data lives",
		examples: []string{"newsbot sources", "newsbot --data /srv/newsbot sources --json"},
		flags:    jsonFlag, run: runSources,
	},
	"ingest": {
		usage: "ingest [flags]", summary: "bring the index in step with the corpus and feeds",
		about: "Reads the corpus folder (--corpus) and the fetched articles (the feeds folder in the data home),\n" +
			"after fetching feeds when --feed or NEWSBOT_FEEDS names some. An article is removed only when\n" +
			"the folder it came from was read and its file is gone. A missing or empty corpus folder is an\n" +
			"error that changes nothing; removing more than half of a folder's articles needs --prune.",
		examples: []string{"newsbot ingest --corpus ~/news", "newsbot ingest --feed https://example.com/rss.xml --json"},
		flags:    ingestFlags, run: runIngest,
	},
	"brief": {
		usage: "brief [--json] [--since 24h | --from DATE --to DATE | --all]", summary: "the period's stories across outlets",
		about:    "Merges the period's articles into stories and shows where the outlets disagree.",
		examples: []string{"newsbot brief", "newsbot brief --from 2025-12-01 --to 2025-12-03", "newsbot brief --all --json"},
		flags:    briefFlags, run: runBrief,
	},
	"eval": {
		usage: "eval [--json] [--questions FILE | --wikiqa DIR | --multinews DIR | --rgb DIR | --grouping DIR | --distractors DIR | --bbc DIR]", summary: "measure retrieval and answer quality",
		examples: []string{"newsbot eval", "newsbot eval --json --questions my-questions.json"},
		flags:    evalFlags, run: runEval,
	},
	"discord": {
		usage: "discord", summary: "run the Discord bot",
		about:    "Needs DISCORD_TOKEN; see .env.example for the other DISCORD_* settings.",
		examples: []string{"newsbot discord     # with DISCORD_TOKEN in the environment"},
		flags:    noFlags, run: runDiscord,
	},
	"version": {
		usage: "version [--json]", summary: "program, Go and database schema versions",
		examples: []string{"newsbot version --json"},
		flags:    versionFlags, run: runVersion,
	},
}

func noFlags(*flag.FlagSet, *options) {}

func jsonFlag(fs *flag.FlagSet, o *options) { fs.BoolVar(&o.json, "json", false, "print JSON") }

// globalFlags declares the flags every command takes, before or after its
// name. Their defaults come from the environment (see defaultOptions);
// empty path defaults are filled in from the data home after parsing.
func globalFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.data, "data", o.data, "data `DIR`: the database and fetched articles [NEWSBOT_DATA]\n(default "+dataHomeHelp+")")
	fs.StringVar(&o.db, "db", o.db, "SQLite database `FILE` [NEWSBOT_DB] (default DIR/newsbot.db)")
	fs.StringVar(&o.corpus, "corpus", o.corpus, "article `folder` to ingest [NEWSBOT_CORPUS] (default none: the shipped\ndemo articles for a new database)")
	fs.StringVar(&o.feedsDir, "feeds-dir", o.feedsDir, "`folder` for fetched feed articles [NEWSBOT_FEEDS_DIR] (default DIR/feeds)")
	fs.BoolVar(&o.verbose, "v", o.verbose, "verbose: debug logs and where the data lives, on stderr")
}

// globalValueFlags are the global flags that take a value, for finding
// the command name after them.
var globalValueFlags = map[string]bool{"data": true, "db": true, "corpus": true, "feeds-dir": true}

// Run executes the command line args and returns the exit code. Errors are
// printed to stderr as one line.
func Run(ctx context.Context, args []string, env Env, stdout, stderr io.Writer) int {
	pre, name, post, help := splitCommand(args)
	if name == "help" && len(post) > 0 {
		name, post, help = post[0], nil, true
	}
	if name == "" || name == "help" {
		writeOverview(stdout)
		if name == "" && !help {
			return exitUsage
		}
		return exitOK
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "newsbot: unknown command %q (try newsbot --help)\n", name)
		return exitUsage
	}
	o := defaultOptions(env)
	fs := newFlagSet(name, cmd, &o)
	if help {
		writeCommandHelp(stdout, name, cmd, defaultOptions(env))
		return exitOK
	}
	rest, err := parseInterleaved(fs, append(pre, post...))
	if errors.Is(err, flag.ErrHelp) {
		writeCommandHelp(stdout, name, cmd, defaultOptions(env))
		return exitOK
	}
	if err == nil {
		err = resolvePaths(&o, fs, env)
	}
	if err == nil {
		err = o.parseEnvLimits(fs, env)
	}
	if err != nil {
		fmt.Fprintf(stderr, "newsbot %s: %v (see newsbot %s --help)\n", name, err, name)
		return exitUsage
	}

	a := &app{cmd: name, opts: o, env: env, stdout: stdout, stderr: stderr, logger: newLogger(stderr, o.verbose, env, name)}
	a.width = terminalWidth(stdout, env)
	defer a.close()
	if o.verbose {
		fmt.Fprintf(stderr, "newsbot: %s\n", o.where())
	}
	if err := cmd.run(ctx, a, rest); err != nil {
		var ue usageError
		var ee exitError
		switch {
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "newsbot %s: %v\n", name, err)
			return exitUsage
		case errors.As(err, &ee):
			if ee.msg != "" {
				fmt.Fprintf(stderr, "newsbot %s: %s\n", name, ee.msg)
			}
			return ee.code
		}
		fmt.Fprintf(stderr, "newsbot %s: %s\n", name, userMessage(err))
		return exitFailure
	}
	return exitOK
}

// splitCommand finds the command name in args: the first argument that is
// not a flag or a global flag's value. pre holds the flags before it,
// post everything after. help is set when -h/--help comes before it.
func splitCommand(args []string) (pre []string, name string, post []string, help bool) {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			if i+1 < len(args) {
				return args[:i], args[i+1], args[i+2:], help
			}
			return args[:i], "", nil, help
		}
		if !strings.HasPrefix(arg, "-") || arg == "-" {
			return args[:i], arg, args[i+1:], help
		}
		flagName, _, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		switch {
		case flagName == "h" || flagName == "help":
			help = true
		case globalValueFlags[flagName] && !hasValue:
			i++ // skip the value
		}
	}
	return args, "", nil, help
}

// newFlagSet declares the global and the command's flags for command name.
func newFlagSet(name string, cmd command, o *options) *flag.FlagSet {
	fs := flag.NewFlagSet("newsbot "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	globalFlags(fs, o)
	cmd.flags(fs, o)
	return fs
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

// newLogger logs errors (everything with -v) as text on stderr. On the
// terminal, model retries and fallbacks are not logged: the answer says
// what happened, in one line. The bot, a service, logs warnings too.
// NEWSBOT_LOG_LEVEL (debug, info, warn, error) overrides both.
func newLogger(w io.Writer, verbose bool, env Env, cmd string) *slog.Logger {
	level := slog.LevelError
	if cmd == "discord" {
		level = slog.LevelWarn
	}
	switch strings.ToLower(env("NEWSBOT_LOG_LEVEL")) {
	case "debug":
		level = slog.LevelDebug
	case "info":
		level = slog.LevelInfo
	case "warn", "warning":
		level = slog.LevelWarn
	case "error":
		level = slog.LevelError
	}
	if verbose {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}
