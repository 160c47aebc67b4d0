package feeds

import (
	"os"
	"strings"
	"testing"
	"time"
)

const htmlType = "text/html; charset=utf-8"

// TestPageFurnitureRemoved: navigation, ads, related links, comments and
// footer around the article do not end up in the stored text.
func TestPageFurnitureRemoved(t *testing.T) {
	s := newSite(t)
	paras := articleText(7, 6)
	s.set("/a", route{ctype: htmlType, body: articlePage(pageOpts{title: "Reservoir levels fall", paras: paras, siteName: "Daily Example"})})
	s.set("/feed", route{body: rss2("Daily Example", rssItem{title: "Reservoir levels fall", link: s.url("/a")})})
	f := newFetcher(t, testConfig(t))
	fetch(t, f, s.url("/feed"))
	d := byURL(t, stored(t, f.Dir()), s.url("/a"))
	text := d.text()
	for _, p := range paras {
		if !strings.Contains(text, p) {
			t.Errorf("article paragraph missing: %q", p)
		}
	}
	for _, junk := range []string{"Weather forecast navlink", "WidgetMart", "MegaLoans", "JoeBloggs", "Anon42",
		"Related stories", "Celebrity chef", "All rights reserved", "Privacy policy"} {
		if strings.Contains(text, junk) {
			t.Errorf("stored text contains page furniture %q:\n%s", junk, text)
		}
	}
	if len(d.Paras) != len(paras) {
		t.Errorf("stored %d paragraphs, want %d", len(d.Paras), len(paras))
	}
}

// TestSecondRunChangesNothing: feeds without validators are fetched again
// but their article pages are not, and no file is rewritten.
func TestSecondRunChangesNothing(t *testing.T) {
	s := newSite(t)
	var items []rssItem
	for i, p := range []string{"/n/1", "/n/2", "/n/3"} {
		s.set(p, route{ctype: htmlType, body: articlePage(pageOpts{title: "Story " + p, paras: articleText(uint64(20+i), 4), siteName: "N"})})
		items = append(items, rssItem{title: "Story " + p, link: s.url(p), date: "Fri, 30 May 2025 10:00:00 +0000"})
	}
	s.set("/feed", route{body: rss2("N", items...)})
	f := newFetcher(t, testConfig(t))
	if rep := fetch(t, f, s.url("/feed")); rep.Added != 3 {
		t.Fatalf("first run: %+v", rep)
	}
	before := snapshot(t, f.Dir())
	pageHits := s.hitCount("/n/1") + s.hitCount("/n/2") + s.hitCount("/n/3")

	// A new Fetcher on the same Dir: state must come from disk.
	f.Close()
	f2 := newFetcher(t, Config{Dir: f.Dir(), HostDelay: time.Millisecond})
	rep := fetch(t, f2, s.url("/feed"))
	if rep.Added != 0 || rep.Updated != 0 || rep.Unchanged != 3 || rep.HasChanges() {
		t.Errorf("second run: %+v", rep)
	}
	if got := s.hitCount("/n/1") + s.hitCount("/n/2") + s.hitCount("/n/3"); got != pageHits {
		t.Errorf("second run fetched pages again: %d hits, was %d", got, pageHits)
	}
	if after := snapshot(t, f.Dir()); !equalSnapshots(before, after) {
		t.Errorf("files changed on second run")
	}
}

func equalSnapshots(a, b map[string]fileState) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		w, ok := b[k]
		if !ok || v.data != w.data || !v.modTime.Equal(w.modTime) {
			return false
		}
	}
	return true
}

// TestNotModified: a feed answering 304 costs no page fetch and changes
// nothing.
func TestNotModified(t *testing.T) {
	s := newSite(t)
	s.set("/a", route{ctype: htmlType, body: articlePage(pageOpts{title: "A", paras: articleText(30, 4)})})
	s.set("/feed", route{etag: `"v1"`, body: rss2("F", rssItem{title: "A", link: s.url("/a")})})
	f := newFetcher(t, testConfig(t))
	fetch(t, f, s.url("/feed"))
	before := snapshot(t, f.Dir())
	total := s.totalHits()

	rep := fetch(t, f, s.url("/feed"))
	if !rep.Feeds[0].NotModified || rep.HasChanges() {
		t.Errorf("report = %+v", rep.Feeds[0])
	}
	if got := s.totalHits(); got != total+1 {
		t.Errorf("requests = %d, want only the feed (%d)", got, total+1)
	}
	if !equalSnapshots(before, snapshot(t, f.Dir())) {
		t.Error("files changed after 304")
	}
}

// TestUpdatedArticle: a changed entry and page rewrite the same file.
func TestUpdatedArticle(t *testing.T) {
	s := newSite(t)
	v1, v2 := articleText(40, 4), articleText(41, 5)
	s.set("/a", route{ctype: htmlType, body: articlePage(pageOpts{title: "Talks stall", paras: v1})})
	s.set("/feed", route{body: rss2("F", rssItem{title: "Talks stall", link: s.url("/a"), date: "Fri, 30 May 2025 10:00:00 +0000"})})
	f := newFetcher(t, testConfig(t))
	fetch(t, f, s.url("/feed"))
	first := stored(t, f.Dir())

	s.set("/a", route{ctype: htmlType, body: articlePage(pageOpts{title: "Talks collapse", paras: v2})})
	s.set("/feed", route{body: rss2("F", rssItem{title: "Talks collapse", link: s.url("/a"), date: "Fri, 30 May 2025 10:00:00 +0000"})})
	rep := fetch(t, f, s.url("/feed"))
	if rep.Updated != 1 || rep.Added != 0 || len(rep.ChangedIDs) != 1 {
		t.Fatalf("report = %+v", rep)
	}
	second := stored(t, f.Dir())
	if len(second) != 1 {
		t.Fatalf("%d files, want 1", len(second))
	}
	for name, d := range second {
		if _, ok := first[name]; !ok {
			t.Errorf("file %s is new; the update must replace the old file", name)
		}
		if d.Title != "Talks collapse" || d.text() != strings.Join(v2, "\n\n") {
			t.Errorf("stored title %q, text changed = %v", d.Title, d.text() == strings.Join(v2, "\n\n"))
		}
		if strings.Contains(d.text(), v1[0]) {
			t.Error("old text still stored")
		}
		if rep.ChangedIDs[0]+".md" != name {
			t.Errorf("ChangedIDs = %v, file %s", rep.ChangedIDs, name)
		}
	}
}

// TestSyndicatedDuplicate: the same story under two URLs on two hosts is
// stored once with both URLs.
// TestDifferentStoriesNotMerged: two articles sharing boilerplate
// sentences but not their story are stored separately.
// TestBrokenFeeds: each broken feed is reported with a reason, the good
// feed in the same run still ingests, and what an earlier run stored from
// the broken feed stays.
// endless streams a body that never ends until the client hangs up.
// TestSlowHostDoesNotBlockOthers: feeds on other hosts finish while one
// host hangs; the hanging one times out.
// TestPageProblems: entries whose pages cannot give an article are skipped
// with a reason, or stored from the feed's own text when it is a full text.
// TestLinksToOtherHosts: a feed whose items live on other hosts gets them
// all, with one request at a time per host.
func TestLinksToOtherHosts(t *testing.T) {
	feedSite, a, b := newSite(t), newSite(t), newSite(t)
	var items []rssItem
	for i := range 6 {
		host := a
		if i%2 == 1 {
			host = b
		}
		p := "/story/" + string(rune('a'+i))
		host.set(p, held(route{ctype: htmlType, body: articlePage(pageOpts{title: p, paras: articleText(uint64(200+i), 4), siteName: "Host"})}))
		items = append(items, rssItem{title: "Story " + p, link: host.url(p)})
	}
	feedSite.set("/one", held(route{body: rss2("Aggregator", items[:3]...)}))
	feedSite.set("/two", held(route{body: rss2("Aggregator 2", items[3:]...)}))
	cfg := testConfig(t)
	cfg.Concurrency = 2
	cfg.AllowNets = loopback // hosts a and b are other local servers
	f := newFetcher(t, cfg)
	rep := fetch(t, f, feedSite.url("/one"), feedSite.url("/two"))
	if rep.Added != 6 {
		t.Fatalf("report = %+v", rep)
	}
	docs := stored(t, f.Dir())
	for _, it := range items {
		byURL(t, docs, it.link)
	}
	for name, s := range map[string]*site{"feed host": feedSite, "host a": a, "host b": b} {
		if p := s.peak(); p != 1 {
			t.Errorf("%s saw %d requests at once, want 1", name, p)
		}
		s.mu.Lock()
		if !s.agents[DefaultUserAgent] || len(s.agents) != 1 {
			t.Errorf("%s saw user agents %v", name, s.agents)
		}
		s.mu.Unlock()
	}
}

// TestCanonicalAndTracking: tracking parameters and rel=canonical decide
// identity; the same article reached by two links is stored once, with the
// other page's URL recorded.
// TestDeletedFileIsRestored: an article file removed by hand comes back on
// the next run even though its entry did not change.
func TestDeletedFileIsRestored(t *testing.T) {
	s := newSite(t)
	s.set("/a", route{ctype: htmlType, body: articlePage(pageOpts{title: "A", paras: articleText(400, 4)})})
	s.set("/feed", route{body: rss2("F", rssItem{title: "A", link: s.url("/a")})})
	f := newFetcher(t, testConfig(t))
	fetch(t, f, s.url("/feed"))
	for name := range stored(t, f.Dir()) {
		if err := os.Remove(f.Dir() + "/" + name); err != nil {
			t.Fatal(err)
		}
	}
	if rep := fetch(t, f, s.url("/feed")); rep.Added != 1 {
		t.Errorf("report = %+v", rep.Feeds[0])
	}
	if n := len(stored(t, f.Dir())); n != 1 {
		t.Errorf("%d files, want 1", n)
	}
}

// TestFetchCancelled: a cancelled context stops the run with its error.
// TestSyndicatedCopySeenFirst: a copy whose rel=canonical names the
// original is stored under the original's URL, and the original's own page
// then replaces the copy's text and source.
// TestTransientPageFailureRetried: a page that fails with a 5xx is tried
// again on the next run (the feed's validators are not kept, so no 304
// hides it); a page that fails with a 404 stays skipped.
// TestSyndicationSameHost: two outlets on one host, the second carrying the
// first's story with a rel=canonical to it. Whatever the feed order, the
// story is stored once with the original's text and both URLs, and later
// changes to the copy never overwrite the original while changes to the
// original do.
