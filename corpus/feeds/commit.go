package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"slices"
	"strings"

	"github.com/newsbot/newsbot/corpus/text"
)

// committed is what commitDoc did.
type committed struct {
	kind    int // outAdded, outUpdated, outUnchanged or outDuplicate
	id      string
	written bool
}

// loadCache reads every article's dedup signature into memory for a run.
func (f *Fetcher) loadCache(ctx context.Context) error {
	rows, err := f.st.articles(ctx)
	if err != nil {
		return err
	}
	f.commit.Lock()
	defer f.commit.Unlock()
	f.cache = rows
	return nil
}

// commitDoc stores d. Under one lock it decides whether d is
//   - an article already stored (same canonical URL, or its feed link): its
//     file is rewritten if the bytes differ (updated), else left alone
//     (unchanged);
//   - a syndicated copy of a stored article: a page whose rel=canonical
//     names a stored article it was never a link of, a URL already recorded
//     as a copy, or a new URL whose text is near-identical to a stored
//     article's. The copy's URL is added to that article's "urls"
//     (duplicate) and the article's text is left alone;
//   - new: written (added).
//
// An article already stored or confirmed earlier in the same run by another
// entry is left alone, so two entries for one article do not overwrite each
// other; unless it was stored from a page that named it as canonical and
// this is that canonical page.
//
// aliases maps canonical keys of other URLs of d (feed link, redirect
// target) to their kind. Errors come from the disk or the state database.
func (f *Fetcher) commitDoc(ctx context.Context, r *run, feedURL string, d *doc, aliases map[string]string) (committed, error) {
	f.commit.Lock()
	defer f.commit.Unlock()
	key, err := CanonicalKey(d.URL)
	if err != nil {
		return committed{}, fmt.Errorf("store %s: %w", d.URL, err)
	}
	fetchedKey := key
	if d.fetched != "" {
		fetchedKey = mustKey(d.fetched)
	}
	// copied: the page names another page as the article's address (not
	// merely a variant of its own URL): it is a copy of that article.
	copied := fetchedKey != key && !samePage(key, fetchedKey)

	id, kind, found, err := f.st.lookup(ctx, key)
	if err != nil {
		return committed{}, err
	}
	if !found {
		// The feed link may already be stored as an article of its own
		// (stored from the feed's text when its page failed, or before the
		// page grew a rel=canonical): that article is the one to update.
		for _, k := range sortedKeys(aliases) {
			if id, kind, found, err = f.st.lookup(ctx, k); err != nil {
				return committed{}, err
			}
			if found {
				aliases[key] = aliasLink
				break
			}
		}
	}
	if found && kind == aliasCopy {
		return committed{kind: outUnchanged, id: id}, nil
	}
	if found && copied {
		linked, err := f.linkedTo(ctx, id, aliases)
		if err != nil {
			return committed{}, err
		}
		if !linked {
			return f.addCopy(ctx, id, []string{d.fetched}, aliases)
		}
	}
	if fromCopy, done := r.ids[id]; found && done && (!fromCopy || copied) {
		if err := f.st.addAliases(ctx, id, aliases); err != nil {
			return committed{}, err
		}
		return committed{kind: outUnchanged, id: id}, nil
	}

	text := d.text()
	set := shingles(text)
	row := articleRow{id: id, key: key, url: d.URL, textHash: textHash(text), sig: minhash(set), feed: feedURL}
	if found {
		if c, ok := f.cached(id); ok {
			row.key = c.key
		}
	} else {
		if dupID, ok := f.findDuplicate(row, set); ok {
			urls := []string{d.URL}
			if copied {
				urls = append(urls, d.fetched)
			}
			return f.addCopy(ctx, dupID, urls, aliases)
		}
		row.id = ArticleID(key)
		if copied {
			// Stored from a copy before its original: the copy's URLs stay
			// copies, so the copy's later versions never replace the
			// original's text once the original has been fetched.
			for k := range aliases {
				aliases[k] = aliasCopy
			}
		}
	}
	// Keep the syndicated URLs already recorded in the file.
	old, oldBytes, err := f.readDoc(row.id)
	if err != nil {
		return committed{}, err
	}
	if old != nil {
		d.URLs = old.URLs
	}
	if copied && !found && !slices.Contains(d.URLs, d.fetched) {
		d.URLs = append(d.URLs, d.fetched)
	}
	data := d.render()
	out := outAdded
	switch {
	case oldBytes != nil && bytes.Equal(oldBytes, data):
		out = outUnchanged
	case oldBytes != nil:
		out = outUpdated
	}
	if out != outUnchanged {
		if err := writeAtomic(f.cfg.Dir, row.id+".md", data); err != nil {
			return committed{}, err
		}
	}
	if err := f.st.saveArticle(ctx, row, aliases, f.cfg.Now()); err != nil {
		return committed{}, err
	}
	f.remember(row)
	r.ids[row.id] = copied
	return committed{kind: out, id: row.id, written: out != outUnchanged}, nil
}

// linkedTo reports whether one of the alias keys is already the article's
// own key or one of its feed links (so the page is that article, not a
// copy of it).
func (f *Fetcher) linkedTo(ctx context.Context, id string, aliases map[string]string) (bool, error) {
	for _, k := range sortedKeys(aliases) {
		got, kind, found, err := f.st.lookup(ctx, k)
		if err != nil {
			return false, err
		}
		if found && got == id && kind != aliasCopy {
			return true, nil
		}
	}
	return false, nil
}

// findDuplicate returns the stored article whose text is the same story as
// set: identical normalised text, or shingle Jaccard ≥ dupThreshold (MinHash
// narrows the candidates, the stored file's text confirms).
func (f *Fetcher) findDuplicate(row articleRow, set map[uint64]struct{}) (string, bool) {
	if len(set) == 0 {
		return "", false
	}
	best, bestSim := "", 0.0
	for i := range f.cache {
		c := &f.cache[i]
		if c.textHash == row.textHash {
			return c.id, true
		}
		if c.sig.similarity(&row.sig) < candidateThreshold {
			continue
		}
		old, _, err := f.readDoc(c.id)
		if err != nil || old == nil {
			continue
		}
		if sim := text.Jaccard(shingles(old.text()), set); sim >= dupThreshold && sim > bestSim {
			best, bestSim = c.id, sim
		}
	}
	return best, best != ""
}

// addCopy records urls as syndicated copies of the stored article id:
// they are added to the file's "urls", and they and the entry's other URLs
// (aliases) map to id as copies from now on.
func (f *Fetcher) addCopy(ctx context.Context, id string, urls []string, aliases map[string]string) (committed, error) {
	c := committed{kind: outDuplicate, id: id}
	old, _, err := f.readDoc(id)
	if err != nil {
		return c, err
	}
	if old != nil {
		changed := false
		for _, u := range urls {
			if u != "" && u != old.URL && !slices.Contains(old.URLs, u) {
				old.URLs = append(old.URLs, u)
				changed = true
			}
		}
		if changed {
			if err := writeAtomic(f.cfg.Dir, id+".md", old.render()); err != nil {
				return c, err
			}
			c.written = true
		}
	}
	all := map[string]string{}
	for k := range aliases {
		all[k] = aliasCopy
	}
	for _, u := range urls {
		if k, err := CanonicalKey(u); err == nil {
			all[k] = aliasCopy
		}
	}
	if err := f.st.addAliases(ctx, id, all); err != nil {
		return c, err
	}
	return c, nil
}

// readDoc reads and parses the article file for id; nil, nil, nil when it
// does not exist. A file that does not parse is returned as bytes only (it
// will be overwritten).
func (f *Fetcher) readDoc(id string) (*doc, []byte, error) {
	b, err := os.ReadFile(articlePath(f.cfg.Dir, id))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read article %s: %w", id, err)
	}
	d, err := parseDoc(b)
	if err != nil {
		return nil, b, nil
	}
	return d, b, nil
}

func (f *Fetcher) cached(id string) (articleRow, bool) {
	for _, c := range f.cache {
		if c.id == id {
			return c, true
		}
	}
	return articleRow{}, false
}

// remember puts row into the in-memory cache, replacing its older version.
func (f *Fetcher) remember(row articleRow) {
	for i := range f.cache {
		if f.cache[i].id == row.id {
			f.cache[i] = row
			return
		}
	}
	f.cache = append(f.cache, row)
}

// samePage reports whether two canonical keys differ only in their query
// (e.g. "/story?from=rss" and "/story"): the same page, not a copy.
func samePage(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	if err1 != nil || err2 != nil {
		return false
	}
	return strings.EqualFold(strings.TrimPrefix(ua.Host, "www."), strings.TrimPrefix(ub.Host, "www.")) &&
		ua.Path == ub.Path
}

// mustKey is CanonicalKey for a URL already cleaned by CleanURL (which
// cannot fail for it); it falls back to the URL itself.
func mustKey(u string) string {
	if k, err := CanonicalKey(u); err == nil {
		return k
	}
	return u
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
