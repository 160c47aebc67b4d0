package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/schedule"
	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/corpus/feeds"
	"github.com/newsbot/newsbot/internal/secret"
	"github.com/newsbot/newsbot/internal/sqlitedb"
	"github.com/newsbot/newsbot/rag"
	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/llm"
)

// options are the settings shared by every subcommand, from flags with
// environment fallbacks.
type options struct {
	corpus    string
	corpusSet bool // given explicitly (flag or environment)
	db        string
	verbose   bool
	json      bool
	k         int
	source    string
	articles  stringList
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
	distract  string // folder of distractor articles (--distractors)
}

func defaultOptions(env Env) options {
	o := options{corpus: "./corpus", db: "./data/newsbot.db", feedsDir: "./data/feeds"}
	if v := env("NEWSBOT_FEEDS_DIR"); v != "" {
		o.feedsDir = v
	}
	if v := env("NEWSBOT_CORPUS"); v != "" {
		o.corpus = v
	}
	if v := env("NEWSBOT_DB"); v != "" {
		o.db = v
	}
	return o
}

// app holds what a subcommand run needs; the database and the service
// open on first use.
type app struct {
	opts   options
	env    Env
	stdout io.Writer
	stderr io.Writer
	logger *slog.Logger
	db     *sql.DB
	svc    *rag.Service
	// chat is the chat model client, nil in extractive mode.
	chat *llm.Client
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
		fmt.Fprintln(a.stderr, "newsbot: first run, indexing the corpus…")
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

// shippedOrigin is the origin of the articles embedded in the binary.
const shippedOrigin = "shipped"

// loadedCorpus is what one read of the configured article sources found.
type loadedCorpus struct {
	articles []corpus.Article
	errs     []rag.IngestError
	// keep holds the ids of files that failed to load, so ingest keeps
	// what it had stored for them.
	keep map[string]bool
	// scanned lists the origins read in full.
	scanned []string
}

// loadCorpus reads the configured article folder, or the shipped articles
// when the default folder does not exist, plus the articles fetched from
// feeds. Each article carries its origin (the folder's absolute path, or
// "shipped"), so ingest removes only what is gone from a folder it read.
func (a *app) loadCorpus() (loadedCorpus, error) {
	var lc loadedCorpus
	var lerrs []corpus.LoadError
	add := func(origin string, arts []corpus.Article, errs []corpus.LoadError) {
		for i := range arts {
			arts[i].Origin = origin
		}
		lc.articles = append(lc.articles, arts...)
		lerrs = append(lerrs, errs...)
		lc.scanned = append(lc.scanned, origin)
	}
	if _, err := os.Stat(a.opts.corpus); err != nil && !a.opts.corpusSet && errors.Is(err, fs.ErrNotExist) {
		a.logger.Info("corpus folder not found; using the shipped articles", "folder", a.opts.corpus)
		arts, errs := corpus.LoadFS(corpus.Shipped)
		add(shippedOrigin, arts, errs)
	} else {
		arts, errs, err := corpus.LoadDir(a.opts.corpus)
		if err != nil {
			return lc, fmt.Errorf("read corpus %s: %w", a.opts.corpus, err)
		}
		add(absPath(a.opts.corpus), arts, errs)
	}
	if st, err := os.Stat(a.opts.feedsDir); err == nil && st.IsDir() {
		fed, ferrs, err := corpus.LoadDir(a.opts.feedsDir)
		if err != nil {
			return lc, fmt.Errorf("read fetched articles %s: %w", a.opts.feedsDir, err)
		}
		add(absPath(a.opts.feedsDir), fed, ferrs)
	}
	lc.keep = map[string]bool{}
	for _, le := range lerrs {
		lc.errs = append(lc.errs, rag.IngestError{File: le.File, Error: le.Err.Error()})
		base := filepath.Base(le.File)
		lc.keep[strings.TrimSuffix(base, filepath.Ext(base))] = true
	}
	return lc, nil
}

// absPath returns path made absolute (as given when that fails).
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// ingest loads the corpus and brings the store in step with it.
func (a *app) ingest(ctx context.Context, svc *rag.Service) (rag.IngestReport, error) {
	lc, err := a.loadCorpus()
	if err != nil {
		return rag.IngestReport{}, err
	}
	opts := rag.IngestOptions{Scanned: lc.scanned, Keep: lc.keep, Prune: a.opts.prune}
	if isTerminal(a.stderr) {
		opts.Progress = func(done, total int) {
			fmt.Fprintf(a.stderr, "\rnewsbot: indexed %d/%d articles", done, total)
			if done == total {
				fmt.Fprintln(a.stderr)
			}
		}
	}
	rep, err := svc.Ingest(ctx, lc.articles, opts)
	if err != nil {
		return rep, err
	}
	rep.Errors = append(rep.Errors, lc.errs...)
	return rep, nil
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
	switch {
	case errors.Is(err, answer.ErrEmptyQuestion):
		return "the question is empty: ask something, e.g. newsbot ask \"What did the Kremlin reject?\""
	case errors.Is(err, answer.ErrQuestionTooLong):
		return fmt.Sprintf("the question is too long (at most %d characters)", answer.MaxQuestionLen)
	case errors.Is(err, rag.ErrTooManyRemovals):
		return err.Error() + "; nothing was changed (if the files are really gone, run newsbot ingest --prune)"
	case errors.Is(err, context.Canceled):
		return "interrupted"
	}
	return err.Error()
}

// ragConfig builds the service configuration from options and environment.
func (a *app) ragConfig() (rag.Config, error) {
	cfg := rag.Config{Logger: a.logger}
	mc, err := modelConfig(a.env, a.logger)
	if err != nil {
		return cfg, err
	}
	if mc.ChatModel == "" && mc.EmbedModel == "" {
		return cfg, nil
	}
	client, err := llm.New(mc)
	if err != nil {
		return cfg, fmt.Errorf("model configuration: %w", err)
	}
	if mc.ChatModel != "" {
		a.chat = client
		cfg.Chat = chatFunc(client)
		cfg.MaxContextTokens = client.PromptBudget()
	}
	if mc.EmbedModel != "" {
		name := "openai:" + mc.EmbedModel
		if mc.EmbedDimensions > 0 {
			name += fmt.Sprintf(":%d", mc.EmbedDimensions)
		}
		cfg.Embedder = rag.Embedder{Name: name, Dim: mc.EmbedDimensions, Documents: client.Embed}
	}
	return cfg, nil
}

// chatFunc adapts the model client to the answering service.
func chatFunc(c *llm.Client) rag.ChatFunc {
	return func(ctx context.Context, system, user string, onDelta func(string)) (rag.ChatReply, error) {
		r, err := c.Prompt(ctx, system, user, onDelta)
		out := rag.ChatReply{Text: r.Text, Truncated: r.Truncated}
		if u := r.Usage; u != nil {
			out.Usage = &answer.Usage{PromptTokens: u.PromptTokens, CompletionTokens: u.CompletionTokens, TotalTokens: u.TotalTokens}
		}
		return out, err
	}
}

// modelConfig reads the model settings from the environment.
func modelConfig(env Env, logger *slog.Logger) (llm.Config, error) {
	cfg := llm.Config{
		BaseURL:    env("OPENAI_BASE_URL"),
		APIKey:     secret.Secret(env("OPENAI_API_KEY")),
		ChatModel:  env("NEWSBOT_CHAT_MODEL"),
		EmbedModel: env("NEWSBOT_EMBED_MODEL"),
		Logger:     logger,
	}
	ints := []struct {
		key string
		dst *int
	}{
		{"NEWSBOT_EMBED_DIMENSIONS", &cfg.EmbedDimensions},
		{"NEWSBOT_MAX_CONTEXT_TOKENS", &cfg.MaxContextTokens},
		{"NEWSBOT_MAX_ANSWER_TOKENS", &cfg.MaxAnswerTokens},
	}
	for _, i := range ints {
		if v := env(i.key); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return cfg, fmt.Errorf("%s=%q: want a non-negative whole number", i.key, v)
			}
			*i.dst = n
		}
	}
	if v := env("NEWSBOT_MODEL_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return cfg, fmt.Errorf("NEWSBOT_MODEL_TIMEOUT=%q: want a duration such as 60s", v)
		}
		cfg.Timeout = d
	}
	return cfg, nil
}
