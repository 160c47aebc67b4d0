package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"
)

// run is the state shared by the feeds of one Fetch call.
type run struct {
	mu   sync.Mutex
	seen map[string]bool // entry link keys already handled in this run
	// ids holds the article ids stored or confirmed in this run, true when
	// the text came from a syndicated copy; guarded by Fetcher.commit.
	ids map[string]bool
	// end is the run's deadline (Config.RunTimeout).
	end time.Time
}

// claim reports whether key is handled for the first time in this run.
func (r *run) claim(key string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.seen[key] {
		return false
	}
	r.seen[key] = true
	return true
}

// Fetch fetches every feed in feedURLs (duplicates ignored), up to
// Config.Concurrency at a time, and stores their articles in Config.Dir.
// A feed that fails (HTTP error, timeout, invalid XML...) is logged,
// recorded in its FeedResult.Err and skipped; the others still run and
// nothing stored is removed. Requests are bounded per page, per feed and
// per run (Config.Timeout, FeedTimeout, RunTimeout); what a deadline cut
// short is reported as a timeout. The returned error is non-nil only when the
// run itself could not go on: ctx ended, or the state database or the
// directory failed. The Report then holds the feeds finished so far.
func (f *Fetcher) Fetch(ctx context.Context, feedURLs []string) (Report, error) {
	f.runMu.Lock()
	defer f.runMu.Unlock()

	var urls []string
	dup := map[string]bool{}
	for _, u := range feedURLs {
		u = strings.TrimSpace(u)
		if u != "" && !dup[u] {
			dup[u] = true
			urls = append(urls, u)
		}
	}
	if err := f.loadCache(ctx); err != nil {
		return Report{}, err
	}
	f.get.resetFailures()

	r := &run{seen: map[string]bool{}, ids: map[string]bool{}, end: time.Now().Add(f.cfg.RunTimeout)}
	results := make([]FeedResult, len(urls))
	done := make([]bool, len(urls))
	var (
		errMu    sync.Mutex
		fatalErr error
	)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(f.cfg.Concurrency, max(len(urls), 1)) {
		wg.Go(func() {
			for i := range jobs {
				fr, err := f.fetchFeed(ctx, r, urls[i])
				if err != nil {
					errMu.Lock()
					if fatalErr == nil {
						fatalErr = err
					}
					errMu.Unlock()
					cancel()
					continue
				}
				results[i], done[i] = fr, true
				f.progress(&fr)
			}
		})
	}
send:
	for i := range urls {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break send
		}
	}
	close(jobs)
	wg.Wait()

	var rep Report
	for i := range urls {
		if done[i] {
			rep.add(results[i])
		}
	}
	f.log.Info("feeds fetched", "feeds", len(urls), "failed", rep.Failed, "added", rep.Added,
		"updated", rep.Updated, "unchanged", rep.Unchanged, "duplicates", rep.Duplicates, "skipped", rep.Skipped)
	if fatalErr != nil {
		return rep, fmt.Errorf("fetch feeds: %w", fatalErr)
	}
	if err := ctx.Err(); err != nil {
		return rep, fmt.Errorf("fetch feeds: %w", err)
	}
	return rep, nil
}

// fetchFeed fetches and stores one feed. Feed-level failures go into the
// result; the error is only for failures that must stop the run.
func (f *Fetcher) fetchFeed(ctx context.Context, r *run, feedURL string) (FeedResult, error) {
	fr := FeedResult{URL: feedURL}
	lim := limit{at: r.end, why: "run deadline"}
	if end := time.Now().Add(f.cfg.FeedTimeout); end.Before(lim.at) {
		lim = limit{at: end, why: "feed deadline"}
	}
	// Requests to the feed's own origin go out unchecked; entries and
	// redirects elsewhere must reach public or allowed addresses.
	ctx = withFeedOrigin(ctx, feedURL)
	fail := func(msg string, err error) (FeedResult, error) {
		if ctx.Err() != nil {
			return fr, ctx.Err()
		}
		fr.Err = msg
		f.log.Warn("feed skipped", "url", feedURL, "err", err)
		if serr := f.st.saveFeedError(ctx, feedURL, err.Error(), f.cfg.Now()); serr != nil {
			return fr, serr
		}
		return fr, nil
	}

	etag, lastMod, err := f.st.feedValidators(ctx, feedURL)
	if err != nil {
		return fr, err
	}
	hdr := http.Header{}
	hdr.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5")
	if etag != "" {
		hdr.Set("If-None-Match", etag)
	}
	if lastMod != "" {
		hdr.Set("If-Modified-Since", lastMod)
	}
	resp, err := f.get.fetch(ctx, lim, feedURL, hdr)
	if err != nil {
		return fail(reason(err), err)
	}
	if resp.status == http.StatusNotModified {
		fr.NotModified = true
		return fr, f.st.saveFeed(ctx, feedURL, etag, lastMod, "", "", f.cfg.Now())
	}
	feed, err := parseFeed(resp.body)
	if err != nil {
		return fail("invalid feed", fmt.Errorf("parse feed %s: %w", feedURL, err))
	}
	fr.Title = cleanLine(feed.Title)

	base := resp.finalURL
	retry := false
	for i, item := range feed.Items {
		if i >= f.cfg.MaxItemsPerFeed {
			break
		}
		out, err := f.handleItem(ctx, lim, r, &fr, base, item)
		if err != nil {
			return fr, err
		}
		retry = retry || out.retry
		switch out.kind {
		case outAdded:
			fr.Added++
		case outUpdated:
			fr.Updated++
		case outUnchanged:
			fr.Unchanged++
		case outDuplicate:
			fr.Duplicates++
		case outSkipped:
			fr.Skipped = append(fr.Skipped, Skip{URL: out.link, Reason: out.reason})
			f.log.Debug("entry skipped", "feed", feedURL, "url", out.link, "reason", out.reason)
		}
		if out.written {
			fr.ChangedIDs = append(fr.ChangedIDs, out.id)
		}
	}
	// With an entry to retry (its page failed for a reason that may pass),
	// forget the validators so the next run gets the feed again instead of
	// a 304.
	newETag, newLastMod := resp.header.Get("ETag"), resp.header.Get("Last-Modified")
	if retry {
		newETag, newLastMod = "", ""
	}
	f.log.Info("feed fetched", "url", feedURL, "added", fr.Added, "updated", fr.Updated,
		"unchanged", fr.Unchanged, "duplicates", fr.Duplicates, "skipped", len(fr.Skipped))
	return fr, f.st.saveFeed(ctx, feedURL, newETag, newLastMod, fr.Title, "", f.cfg.Now())
}

// entryLink returns the entry's article link, cleaned and resolved against
// the feed's URL.
func entryLink(item *gofeed.Item, base *url.URL) (string, error) {
	cands := []string{item.Link}
	cands = append(cands, item.Links...)
	if g := strings.TrimSpace(item.GUID); strings.HasPrefix(g, "http://") || strings.HasPrefix(g, "https://") {
		cands = append(cands, g)
	}
	for _, c := range cands {
		if strings.TrimSpace(c) == "" {
			continue
		}
		if u, err := CleanURL(c, base); err == nil {
			return u, nil
		}
	}
	return "", errors.New("entry has no http(s) link")
}

// parseFeed parses an RSS, Atom or JSON Feed document. gofeed panics on some
// malformed documents (null JSON Feed items or authors, mmcdole/gofeed#355);
// such a panic is returned as an error, so one broken feed cannot stop the
// process.
func parseFeed(body []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			feed, err = nil, fmt.Errorf("malformed feed: %v", p)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(body))
}
