package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"maps"
	"strings"
	"time"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/corpus/feeds"
	"github.com/newsbot/newsbot/rag"
)

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

func ingestFlags(fs *flag.FlagSet, o *options) {
	fs.BoolVar(&o.json, "json", false, "print JSON")
	fs.Var(&o.feeds, "feed", "fetch new articles from this RSS/Atom/JSON feed `URL` first (repeatable)\n[NEWSBOT_FEEDS]")
	fs.BoolVar(&o.prune, "prune", false, "allow removing more than half of a folder's stored articles")
}

// ingestOutput is the ingest report with the feed results, when feeds were
// fetched.
type ingestOutput struct {
	rag.IngestReport
	Feeds []feeds.FeedResult `json:"feeds,omitempty"`
	// Data says where the database and the folders read are.
	Data where `json:"data"`
}

func runIngest(ctx context.Context, a *app, args []string) error {
	if len(args) > 0 {
		return usagef("ingest takes no arguments (did you mean --corpus %s?)", args[0])
	}
	urls := []string(a.opts.feeds)
	if len(urls) == 0 && a.env("NEWSBOT_FEEDS") != "" {
		var err error
		if urls, err = feeds.ResolveFeeds(a.env("NEWSBOT_FEEDS")); err != nil {
			return fmt.Errorf("NEWSBOT_FEEDS: %w", err)
		}
	}
	out := ingestOutput{Data: a.opts.where()}
	if len(urls) > 0 {
		frep, err := a.fetchFeeds(ctx, urls)
		if err != nil {
			return err
		}
		out.Feeds = frep.Feeds
	}
	svc, err := a.service(ctx)
	if err != nil {
		return err
	}
	if out.IngestReport, err = a.ingest(ctx, svc); err != nil {
		return err
	}
	if a.opts.json {
		return writeJSON(a.stdout, out)
	}
	for _, f := range out.Feeds {
		fmt.Fprintln(a.stdout, f.Line())
	}
	rep := out.IngestReport
	fmt.Fprintf(a.stdout, "Database %s", out.Data.Database)
	if out.Data.Corpus != "" {
		fmt.Fprintf(a.stdout, ", corpus %s", out.Data.Corpus)
	}
	if out.Data.FeedsDir != "" {
		fmt.Fprintf(a.stdout, ", feeds %s", out.Data.FeedsDir)
	}
	fmt.Fprintln(a.stdout)
	fmt.Fprintf(a.stdout, "%d added, %d updated, %d unchanged, %d removed; %d chunks stored, %d embedded with %s\n",
		rep.Added, rep.Updated, rep.Unchanged, rep.Removed, rep.Chunks, rep.Embedded, svc.EmbedderName())
	for _, e := range rep.Errors {
		fmt.Fprintf(a.stdout, "skipped %s: %s\n", e.File, e.Error)
	}
	return nil
}

// newFetcher returns a feed fetcher writing into the feeds folder, with
// its state in the database, per-feed progress lines on a terminal, its
// address allowance and deadlines from the environment
// (NEWSBOT_FEEDS_ALLOW, NEWSBOT_FEED_PAGE_TIMEOUT, NEWSBOT_FEED_TIMEOUT,
// NEWSBOT_FEED_RUN_TIMEOUT).
func (a *app) newFetcher(ctx context.Context) (*feeds.Fetcher, error) {
	if a.opts.feedsDir == "" {
		return nil, usagef("no folder for fetched articles: set --data, NEWSBOT_DATA or --feeds-dir")
	}
	var progress io.Writer
	if isTerminal(a.stderr) {
		progress = a.stderr
	}
	db, err := a.database(ctx)
	if err != nil {
		return nil, err
	}
	cfg := feeds.Config{Dir: a.opts.feedsDir, DB: db, Logger: a.logger, Progress: progress}
	if cfg.AllowNets, cfg.AllowHosts, err = feeds.ParseAllowList(a.env("NEWSBOT_FEEDS_ALLOW")); err != nil {
		return nil, usagef("NEWSBOT_FEEDS_ALLOW: %v (want e.g. 127.0.0.0/8,::1,intranet.example)", err)
	}
	for _, d := range []struct {
		name string
		to   *time.Duration
	}{
		{"NEWSBOT_FEED_PAGE_TIMEOUT", &cfg.Timeout},
		{"NEWSBOT_FEED_TIMEOUT", &cfg.FeedTimeout},
		{"NEWSBOT_FEED_RUN_TIMEOUT", &cfg.RunTimeout},
	} {
		if v := a.env(d.name); v != "" {
			if *d.to, err = time.ParseDuration(v); err != nil || *d.to <= 0 {
				return nil, usagef("%s=%q: want a duration such as 30s", d.name, v)
			}
		}
	}
	f, err := feeds.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	return f, nil
}

// fetchFeeds fetches the feeds once into the feeds folder. A feed that
// fails is reported in its result; only a local failure is an error.
func (a *app) fetchFeeds(ctx context.Context, urls []string) (feeds.Report, error) {
	f, err := a.newFetcher(ctx)
	if err != nil {
		return feeds.Report{}, err
	}
	defer f.Close()
	rep, err := f.Fetch(ctx, urls)
	if err != nil {
		return rep, fmt.Errorf("fetch feeds: %w", err)
	}
	return rep, nil
}

// scanDir reads the article files under dir like corpus.LoadDir, except
// that files whose size and modification time match what the database
// holds for them (from the same folder) are not read again: their ids go
// to lc.unchanged. Every file's stamp goes to lc.stamps, so the database
// learns it. A re-ingest of an unchanged folder thus costs a stat per file.
func (a *app) scanDir(ctx context.Context, lc *loadedCorpus, dir string) ([]corpus.Article, []corpus.LoadError, error) {
	var unchanged func(string, corpus.Stamp) bool
	if a.svc != nil {
		var err error
		if unchanged, err = a.svc.UnchangedFiles(ctx, absPath(dir)); err != nil {
			return nil, nil, err
		}
	}
	sc, err := corpus.LoadDirSince(dir, unchanged)
	if err != nil {
		return nil, nil, err
	}
	lc.unchanged = append(lc.unchanged, sc.Unchanged...)
	if lc.stamps == nil {
		lc.stamps = map[string]corpus.Stamp{}
	}
	maps.Copy(lc.stamps, sc.Stamps)
	return sc.Articles, sc.Errors, nil
}
