package feeds

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// outcome kinds for one feed entry.
const (
	outAdded = iota + 1
	outUpdated
	outUnchanged
	outDuplicate
	outSkipped
)

// outcome is what happened to one feed entry.
type outcome struct {
	kind    int
	link    string
	id      string // article id, when stored
	written bool   // an article file was written
	reason  string // for outSkipped
	retry   bool   // a transient failure: fetch this entry again next run
}

// fingerprint hashes the entry as the feed shows it; a change means the
// page is fetched again (the article may have been updated).
func fingerprint(it *gofeed.Item) string {
	h := sha256.New()
	for _, s := range []string{it.Title, it.Link, it.GUID, it.Published, it.Updated, it.Description, it.Content} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// handleItem fetches one entry's page (by lim) and stores the article. The
// error is only for failures that must stop the run (state, disk, ctx).
func (f *Fetcher) handleItem(ctx context.Context, lim limit, r *run, fr *FeedResult, base *url.URL, it *gofeed.Item) (outcome, error) {
	link, err := entryLink(it, base)
	if err != nil {
		return outcome{kind: outSkipped, link: strings.TrimSpace(it.Link), reason: "no http(s) link"}, nil
	}
	out := outcome{link: link}
	linkKey, err := CanonicalKey(link)
	if err != nil {
		out.kind, out.reason = outSkipped, "bad link"
		return out, nil
	}
	if !r.claim(linkKey) {
		out.kind = outUnchanged // another feed of this run carried the same link
		return out, nil
	}
	fp := fingerprint(it)
	prev, seen, err := f.st.entry(ctx, fr.URL, linkKey)
	if err != nil {
		return out, err
	}
	if seen && prev.fingerprint == fp {
		if prev.status == entrySkipped {
			out.kind = outUnchanged // skipped before for a lasting reason; the entry did not change
			return out, nil
		}
		if _, err := os.Stat(articlePath(f.cfg.Dir, prev.articleID)); err == nil {
			out.kind, out.id = outUnchanged, prev.articleID
			return out, nil
		}
	}

	d, aliases, skip, retry, err := f.buildDoc(ctx, lim, fr, link, it)
	if err != nil {
		return out, err
	}
	out.retry = retry
	now := f.cfg.Now()
	if skip != "" {
		out.kind, out.reason = outSkipped, skip
		if retry {
			return out, nil
		}
		return out, f.st.putEntry(ctx, fr.URL, linkKey, entryRow{fingerprint: fp, status: entrySkipped, reason: skip}, now)
	}
	aliases[linkKey] = aliasLink
	c, err := f.commitDoc(ctx, r, fr.URL, d, aliases)
	if err != nil {
		return out, err
	}
	out.kind, out.id, out.written = c.kind, c.id, c.written
	if retry {
		return out, nil // stored from the feed's text; try the page again next run
	}
	return out, f.st.putEntry(ctx, fr.URL, linkKey, entryRow{fingerprint: fp, articleID: c.id, status: entryStored}, now)
}

// buildDoc fetches the entry's page and builds the article, falling back to
// the feed's own text when the page cannot be fetched or read. skip is the
// reason when nothing can be stored; retry says the failure may pass.
// aliases maps canonical keys of other URLs seen for the article to their
// kind. An entry whose page or a redirect led to a refused address is
// skipped, its feed text not used, so nothing from it is stored under that
// URL. The error is only for a cancelled ctx.
func (f *Fetcher) buildDoc(ctx context.Context, lim limit, fr *FeedResult, link string, it *gofeed.Item) (d *doc, aliases map[string]string, skip string, retry bool, err error) {
	aliases = map[string]string{}
	var pg *page
	var problem string
	resp, ferr := f.get.fetch(ctx, lim, link, nil)
	switch {
	case ferr != nil:
		if ctx.Err() != nil {
			return nil, nil, "", false, ctx.Err()
		}
		if errors.Is(ferr, ErrTooLarge) {
			return nil, nil, "page too large (over " + fmt.Sprint(f.cfg.MaxBodyBytes) + " bytes)", false, nil
		}
		if errors.Is(ferr, ErrRefused) {
			f.log.Warn("entry refused", "feed", fr.URL, "url", link, "err", ferr)
			return nil, nil, reason(ferr), true, nil
		}
		problem, retry = "page "+reason(ferr), transient(ferr)
		f.log.Debug("page fetch failed", "url", link, "err", ferr)
	default:
		ok, mt := isHTML(resp.header.Get("Content-Type"), resp.body)
		if !ok {
			return nil, nil, "not HTML (" + mt + ")", false, nil
		}
		if k, err := CanonicalKey(resp.finalURL.String()); err == nil {
			aliases[k] = aliasLink
		}
		p, perr := extractPage(resp.body, resp.header.Get("Content-Type"), resp.finalURL)
		if perr != nil {
			problem = "page not readable"
			f.log.Debug("page extraction failed", "url", link, "err", perr)
			break
		}
		if reason := stubReason(strings.Join(p.paras, "\n\n"), f.cfg.MinTextChars); reason != "" {
			problem = reason
			break
		}
		pg = p
	}

	paras := []string(nil)
	if pg != nil {
		paras = pg.paras
	} else {
		feedParas := htmlToParagraphs(it.Content)
		if desc := htmlToParagraphs(it.Description); len(strings.Join(desc, " ")) > len(strings.Join(feedParas, " ")) {
			feedParas = desc
		}
		if reason := stubReason(strings.Join(feedParas, "\n\n"), f.cfg.MinTextChars); reason != "" {
			return nil, nil, problem + "; feed text " + reason, retry, nil
		}
		paras = feedParas
		f.log.Debug("stored from feed text", "url", link, "because", problem)
	}

	d = &doc{URL: link, Paras: paras, fetched: link}
	d.Title = cleanLine(it.Title)
	d.Author = itemAuthor(it)
	if t := itemTime(it); !t.IsZero() {
		d.Published = t
	}
	if pg != nil {
		if u, err := CleanURL(resp.finalURL.String(), nil); err == nil {
			d.URL, d.fetched = u, u
		}
		if pg.canonical != "" {
			d.URL = pg.canonical
		}
		if d.Title == "" {
			d.Title = pg.title
		}
		if d.Author == "" {
			d.Author = pg.byline
		}
		if d.Published.IsZero() {
			d.Published = pg.published
		}
		d.Source = pg.siteName
	}
	if d.Source == "" {
		d.Source = fr.Title
	}
	if d.Source == "" {
		if u, err := url.Parse(d.URL); err == nil {
			d.Source = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	if len(d.Paras) > 1 && strings.EqualFold(d.Paras[0], d.Title) {
		d.Paras = d.Paras[1:]
	}
	return d, aliases, "", retry, nil
}

// itemTime is the entry's publication time, else its update time.
func itemTime(it *gofeed.Item) time.Time {
	switch {
	case it.PublishedParsed != nil:
		return *it.PublishedParsed
	case it.UpdatedParsed != nil:
		return *it.UpdatedParsed
	}
	return time.Time{}
}

// itemAuthor returns the first author's name ("" for a bare e-mail address).
func itemAuthor(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if p != nil {
			if n := cleanLine(p.Name); n != "" && !strings.Contains(n, "@") {
				names = append(names, n)
			}
		}
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		for _, c := range it.DublinCoreExt.Creator {
			if n := cleanLine(c); n != "" && !strings.Contains(n, "@") {
				names = append(names, n)
			}
		}
	}
	return strings.Join(names, ", ")
}
