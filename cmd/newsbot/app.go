package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/schedule"
	"github.com/newsbot/newsbot/corpus/feeds"
	"github.com/newsbot/newsbot/internal/sqlitedb"
	"github.com/newsbot/newsbot/rag"
	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/llm"
)

// options are the settings shared by every subcommand, from flags with
// environment fallbacks.
type options struct {
	// data is the data home; dataFrom says how it was chosen.
	data, dataFrom string
	corpus         string
	corpusSet      bool // given explicitly (flag or environment)
	db             string
	verbose        bool
	json           bool
	k              int
	source         string
	articles       stringList
	// ask
	timeout time.Duration
	strict  bool
	// feeds
	feeds    stringList
	feedsDir string
	// brief
	since    time.Duration
	from, to string
	all      bool
	// ingest
	prune bool
	// eval
	questions string
	wikiqa    string
	multinews string
	rgb       string
	grouping  string
	distract  string // folder of distractor articles (--distractors)
	bbc       string // BBC corpus folder to ask a question set of (--bbc)
}

// defaultAskTimeout bounds a CLI answer, retrieval to the last token.
const defaultAskTimeout = 2 * time.Minute

// defaultOptions returns the options the environment sets. Paths left
// empty are filled in from the data home by resolvePaths.
func defaultOptions(env Env) options {
	o := options{
		data:     env("NEWSBOT_DATA"),
		corpus:   env("NEWSBOT_CORPUS"),
		db:       env("NEWSBOT_DB"),
		feedsDir: env("NEWSBOT_FEEDS_DIR"),
		timeout:  defaultAskTimeout,
	}
	if d, err := time.ParseDuration(env("NEWSBOT_ASK_TIMEOUT")); err == nil && d > 0 {
		o.timeout = d // a bad value is reported by parseEnvLimits
	}
	return o
}

// parseEnvLimits reads NEWSBOT_ASK_TIMEOUT unless --timeout was given.
func (o *options) parseEnvLimits(fs *flag.FlagSet, env Env) error {
	if v := env("NEWSBOT_ASK_TIMEOUT"); v != "" && !isSet(fs, "timeout") {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return usagef("NEWSBOT_ASK_TIMEOUT=%q: want a duration such as 2m", v)
		}
		o.timeout = d
	}
	if o.timeout <= 0 {
		return usagef("--timeout must be positive, e.g. 2m")
	}
	return nil
}

// app holds what a subcommand run needs; the database and the service
// open on first use.
type app struct {
	// cmd is the subcommand being run.
	cmd    string
	opts   options
	env    Env
	stdout io.Writer
	stderr io.Writer
	logger *slog.Logger
	db     *sql.DB
	svc    *rag.Service
	// chat is the chat model client, nil in extractive mode.
	chat *llm.Client
	// chatErr is the last error of the chat model, for the one line that
	// says why an answer fell back to quoting.
	chatErrMu sync.Mutex
	chatErr   error
	// width is the column at which human output wraps.
	width int
}

func (a *app) close() {
	if a.svc != nil {
		a.svc.Close()
	}
	if a.db != nil {
		if err := a.db.Close(); err != nil {
			a.logger.Warn("close database", "err", err)
		}
	}
}

// migrations are every owner of tables in the database, each applying its
// own numbered migrations.
var migrations = []struct {
	owner   string
	migrate func(context.Context, *sql.DB) error
}{
	{rag.Owner, rag.Migrate},
	{feeds.Owner, feeds.Migrate},
	{bot.Owner, bot.Migrate},
	{schedule.Owner, schedule.Migrate},
}

// database opens the database file once for every package of this run and
// brings every owner's tables up to date, so all of them report a schema
// version from the first run on.
func (a *app) database(ctx context.Context) (*sql.DB, error) {
	if a.db != nil {
		return a.db, nil
	}
	db, err := sqlitedb.Open(ctx, a.opts.db)
	if err != nil {
		return nil, err
	}
	for _, m := range migrations {
		if err := m.migrate(ctx, db); err != nil {
			db.Close()
			return nil, fmt.Errorf("database %s: %w", a.opts.db, err)
		}
	}
	a.db = db
	return db, nil
}

// service opens the store and indexes, configured from the environment.
func (a *app) service(ctx context.Context) (*rag.Service, error) {
	if a.svc != nil {
		return a.svc, nil
	}
	cfg, err := a.ragConfig()
	if err != nil {
		return nil, err
	}
	if cfg.DB, err = a.database(ctx); err != nil {
		return nil, err
	}
	cfg.IndexOnDemand = a.cmd == "ingest" // never searches: see rag.Config
	svc, err := rag.Open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	a.svc = svc
	return svc, nil
}

// ready returns the service, ingesting the corpus first if nothing has
// ever been ingested (so the first `ask` on a fresh clone just works) or
// the embedder changed since the last ingest.
func (a *app) ready(ctx context.Context) (*rag.Service, error) {
	svc, err := a.service(ctx)
	if err != nil {
		return nil, err
	}
	empty, err := svc.Empty(ctx)
	if err != nil {
		return nil, err
	}
	switch {
	case empty:
		fmt.Fprintf(a.stderr, "newsbot: first run, indexing the articles into %s…\n", absPath(a.opts.db))
	case svc.Unembedded() > 0:
		fmt.Fprintf(a.stderr, "newsbot: the embedder is now %s; re-embedding %d passages…\n", svc.EmbedderName(), svc.Unembedded())
	}
	if empty || svc.Unembedded() > 0 {
		rep, err := a.ingest(ctx, svc)
		if err != nil {
			return nil, err
		}
		for _, e := range rep.Errors {
			fmt.Fprintf(a.stderr, "newsbot: skipped %s: %s\n", e.File, e.Error)
		}
	}
	return svc, nil
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// userMessage turns an error into the one line a user sees.
func userMessage(err error) string {
	var le *llm.Error
	switch {
	case errors.Is(err, answer.ErrEmptyQuestion):
		return "the question is empty: ask something, e.g. newsbot ask \"What did the Kremlin reject?\""
	case errors.Is(err, answer.ErrQuestionTooLong):
		return fmt.Sprintf("the question is too long (at most %d bytes; a letter outside ASCII takes 2 to 4)", answer.MaxQuestionLen)
	case errors.Is(err, rag.ErrTooManyRemovals):
		return err.Error() + "; nothing was changed (if the files are really gone, run newsbot ingest --prune)"
	case errors.Is(err, context.Canceled):
		return "interrupted"
	case errors.As(err, &le):
		return modelProblem(le)
	}
	return err.Error()
}

// tty reports whether stdout is a terminal.
func (a *app) tty() bool {
	_, _, ok := termSize(a.stdout)
	return ok
}

// height is stdout's row count, 0 when it is not a terminal.
func (a *app) height() int {
	_, rows, _ := termSize(a.stdout)
	return rows
}
