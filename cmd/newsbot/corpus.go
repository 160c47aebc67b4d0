package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/rag"
	"github.com/newsbot/newsbot/rag/answer"
)

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
