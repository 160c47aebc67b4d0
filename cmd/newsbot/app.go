package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
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
	// retireShipped lists the stored demo articles to remove now that the
	// user has articles of their own.
	retireShipped []string
	// notes are said once on stderr.
	notes []string
	// unchanged and stamps: see scanDir.
	unchanged []string
	stamps    map[string]corpus.Stamp
}

// errNoArticles marks a configured corpus folder that is missing or holds
// no articles: most likely an unmounted volume, so nothing is changed.
var errNoArticles = errors.New("no articles")

// loadCorpus reads the configured article folder and the articles fetched
// from feeds. The shipped demo articles are read only when the user has
// none of their own (no corpus configured, no fetched articles) and the
// database holds nothing else. Each article carries its origin (the
// folder's absolute path, or "shipped"), so ingest removes only what is
// gone from a folder it read. A configured folder that is missing, or
// empty without --prune, is an error wrapping errNoArticles.
func (a *app) loadCorpus(ctx context.Context, svc *rag.Service) (loadedCorpus, error) {
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
	own := false
	if a.opts.corpusSet {
		dir := absPath(a.opts.corpus)
		st, err := os.Stat(dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return lc, fmt.Errorf("corpus folder %s does not exist (not mounted?): %w; nothing was changed", dir, errNoArticles)
		case err != nil:
			return lc, fmt.Errorf("read corpus %s: %w", dir, err)
		case !st.IsDir():
			return lc, fmt.Errorf("corpus %s is not a folder", dir)
		}
		seen := len(lc.unchanged)
		arts, errs, err := a.scanDir(ctx, &lc, dir)
		if err != nil {
			return lc, fmt.Errorf("read corpus %s: %w", dir, err)
		}
		if len(arts) == 0 && len(errs) == 0 && len(lc.unchanged) == seen && !a.opts.prune {
			return lc, fmt.Errorf("corpus folder %s holds no .txt or .md files (an unmounted volume?): %w; nothing was changed "+
				"(if you emptied it on purpose, run newsbot ingest --prune)", dir, errNoArticles)
		}
		add(dir, arts, errs)
		own = true
	}
	if st, err := os.Stat(a.opts.feedsDir); a.opts.feedsDir != "" && err == nil && st.IsDir() {
		seen := len(lc.unchanged)
		fed, ferrs, err := a.scanDir(ctx, &lc, a.opts.feedsDir)
		if err != nil {
			return lc, fmt.Errorf("read fetched articles %s: %w", a.opts.feedsDir, err)
		}
		add(absPath(a.opts.feedsDir), fed, ferrs)
		own = own || len(fed) > 0 || len(lc.unchanged) > seen
	}
	shipped, shippedErrs := corpus.LoadFS(corpus.Shipped)
	stored, err := svc.Sources(ctx)
	if err != nil {
		return lc, err
	}
	storedShipped, onlyShipped := shippedStored(stored, shipped)
	switch {
	case own:
		present := map[string]bool{}
		for _, art := range lc.articles {
			present[art.ID] = true
		}
		for _, id := range lc.unchanged {
			present[id] = true
		}
		for _, id := range storedShipped {
			if !present[id] {
				lc.retireShipped = append(lc.retireShipped, id)
			}
		}
	case len(stored) == 0 || onlyShipped:
		a.logger.Info("no corpus configured; using the shipped demo articles")
		add(shippedOrigin, shipped, shippedErrs)
	default:
		lc.notes = append(lc.notes, "no corpus folder configured (--corpus or NEWSBOT_CORPUS): the stored articles were kept as they are")
	}
	lc.keep = map[string]bool{}
	for _, le := range lerrs {
		lc.errs = append(lc.errs, rag.IngestError{File: le.File, Error: le.Err.Error()})
		base := filepath.Base(le.File)
		lc.keep[strings.TrimSuffix(base, filepath.Ext(base))] = true
	}
	return lc, nil
}

// shippedStored returns the ids of stored articles that are shipped demo
// articles, and whether every stored article is one.
func shippedStored(stored []answer.Source, shipped []corpus.Article) (ids []string, only bool) {
	isShipped := map[string]bool{}
	for _, s := range shipped {
		isShipped[s.ID] = true
	}
	for _, s := range stored {
		if isShipped[s.ID] {
			ids = append(ids, s.ID)
		}
	}
	return ids, len(stored) > 0 && len(ids) == len(stored)
}

// absPath returns path made absolute (as given when that fails).
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// ingest loads the corpus and brings the store in step with it. Demo
// articles stored before the user had articles of their own are removed
// first, so the two are never mixed.
func (a *app) ingest(ctx context.Context, svc *rag.Service) (rag.IngestReport, error) {
	lc, err := a.loadCorpus(ctx, svc)
	if err != nil {
		return rag.IngestReport{}, err
	}
	for _, n := range lc.notes {
		if a.cmd == "ingest" {
			fmt.Fprintf(a.stderr, "newsbot: %s\n", n)
		} else {
			a.logger.Info(n) // e.g. every feed poll of the bot: not worth a line each time
		}
	}
	retired := 0
	if len(lc.retireShipped) > 0 {
		keep := map[string]bool{}
		for _, art := range lc.articles {
			keep[art.ID] = true
		}
		for _, id := range lc.unchanged {
			keep[id] = true
		}
		rep, err := svc.Ingest(ctx, nil, rag.IngestOptions{Scanned: []string{shippedOrigin}, Keep: keep, Prune: true})
		if err != nil {
			return rep, fmt.Errorf("remove the demo articles: %w", err)
		}
		retired = rep.Removed
		a.logger.Info("removed the shipped demo articles", "n", retired)
	}
	opts := rag.IngestOptions{Scanned: lc.scanned, Keep: lc.keep, Prune: a.opts.prune, Unchanged: lc.unchanged, Stamps: lc.stamps}
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
	rep.Removed += retired
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

// modelProblem says in one line what went wrong with the model server.
func modelProblem(e *llm.Error) string {
	switch {
	case errors.Is(e, llm.ErrUnauthorized):
		return fmt.Sprintf("the model server %s refused the API key (check OPENAI_API_KEY)", e.Host)
	case errors.Is(e, llm.ErrUnavailable):
		return fmt.Sprintf("the model server %s is unreachable (check OPENAI_BASE_URL and that the server runs): %s", e.Host, e.Detail)
	case errors.Is(e, llm.ErrNotFound):
		return fmt.Sprintf("the model server %s answered 404: check the model name and that OPENAI_BASE_URL ends in /v1", e.Host)
	}
	return e.Error()
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
		cfg.Chat = a.chatFunc(client)
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

// chatFunc adapts the model client to the answering service, keeping
// the last error for the answer's one-line explanation.
func (a *app) chatFunc(c *llm.Client) rag.ChatFunc {
	return func(ctx context.Context, system, user string, onDelta func(string)) (rag.ChatReply, error) {
		r, err := c.Prompt(ctx, system, user, onDelta)
		if err != nil {
			a.chatErrMu.Lock()
			a.chatErr = err
			a.chatErrMu.Unlock()
		}
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
		{"NEWSBOT_MAX_ANSWER_BYTES", &cfg.MaxAnswerBytes},
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
	if v := env("NEWSBOT_MODEL_RETRIES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return cfg, fmt.Errorf("NEWSBOT_MODEL_RETRIES=%q: want a non-negative whole number", v)
		}
		cfg.MaxRetries = n
		if n == 0 {
			cfg.MaxRetries = -1 // llm.Config: negative means never
		}
	}
	if v := env("NEWSBOT_MODEL_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return cfg, fmt.Errorf("NEWSBOT_MODEL_TIMEOUT=%q: want a duration such as 60s", v)
		}
		cfg.Timeout = d
	}
	if v := env("NEWSBOT_CHAT_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return cfg, fmt.Errorf("NEWSBOT_CHAT_TIMEOUT=%q: want a duration such as 2m", v)
		}
		cfg.ChatTimeout = d
	}
	return cfg, nil
}

// lastChatErr returns the chat model's last error, nil when none.
func (a *app) lastChatErr() error {
	a.chatErrMu.Lock()
	defer a.chatErrMu.Unlock()
	return a.chatErr
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
