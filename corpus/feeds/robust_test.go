package feeds

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestBrokenFeeds(t *testing.T) {
	cases := []struct {
		name  string
		feed  route
		cfg   func(*Config)
		wants string
	}{
		{"404", route{status: http.StatusNotFound, body: "gone"}, nil, "HTTP 404"},
		{"500", route{status: http.StatusInternalServerError, body: "oops"}, nil, "HTTP 500"},
		{"invalid XML", route{ctype: "application/rss+xml", body: `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>broken</ti`}, nil, "invalid feed"},
		{"HTML instead of a feed", route{ctype: htmlType, body: "<html><body><p>not a feed</p></body></html>"}, nil, "invalid feed"},
		// gofeed dereferences null JSON Feed items and authors (mmcdole/gofeed#355).
		{"JSON Feed with a null item", route{ctype: "application/feed+json", body: `{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[null]}`}, nil, "invalid feed"},
		{"JSON Feed with a null author", route{ctype: "application/feed+json", body: `{"version":"https://jsonfeed.org/version/1.1","title":"x","authors":[null],"items":[]}`}, nil, "invalid feed"},
		{"slow host", route{handler: func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done() // never answers; the client's timeout ends it
		}}, func(c *Config) { c.Timeout = 300 * time.Millisecond }, "timeout"},
		{"endless body", route{handler: endless}, func(c *Config) { c.MaxBodyBytes = 64 << 10 }, "too large"},
		{"redirect loop", route{handler: func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, r.URL.Path, http.StatusFound)
		}}, nil, "too many redirects"},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			good, bad := newSite(t), newSite(t)
			good.set("/g", route{ctype: htmlType, body: articlePage(pageOpts{title: "Good", paras: articleText(uint64(70+i), 4)})})
			good.set("/feed", route{body: rss2("Good", rssItem{title: "Good", link: good.url("/g")})})
			bad.set("/old", route{ctype: htmlType, body: articlePage(pageOpts{title: "Old", paras: articleText(uint64(80+i), 4)})})
			bad.set("/feed", route{body: rss2("Bad", rssItem{title: "Old", link: bad.url("/old")})})
			bad.set("/feedx", route{handler: func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/feed", http.StatusFound) }})

			cfg := testConfig(t)
			if tc.cfg != nil {
				tc.cfg(&cfg)
			}
			f := newFetcher(t, cfg)
			badURL := bad.url("/feed")
			if tc.name == "redirect loop" {
				badURL = bad.url("/feedx")
			}
			if rep := fetch(t, f, badURL); rep.Added != 1 {
				t.Fatalf("setup run: %+v", rep)
			}
			// Now the bad feed breaks.
			if tc.name == "redirect loop" {
				bad.set("/feedx", tc.feed)
			} else {
				bad.set("/feed", tc.feed)
			}
			var progress bytes.Buffer
			f.cfg.Progress = &progress
			rep := fetch(t, f, badURL, good.url("/feed"))
			if rep.Failed != 1 || rep.Added != 1 {
				t.Errorf("report: failed %d added %d, want 1 and 1", rep.Failed, rep.Added)
			}
			if got := rep.Feeds[0].Err; !strings.Contains(got, tc.wants) {
				t.Errorf("bad feed Err = %q, want it to mention %q", got, tc.wants)
			}
			if !strings.Contains(progress.String(), "feed "+badURL+" : failed") ||
				!strings.Contains(progress.String(), "feed "+good.url("/feed")+" : 1 new") {
				t.Errorf("progress:\n%s", progress.String())
			}
			docs := stored(t, f.Dir())
			byURL(t, docs, good.url("/g"))
			byURL(t, docs, bad.url("/old")) // earlier article kept
		})
	}
}

func endless(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/rss+xml")
	chunk := bytes.Repeat([]byte("<item><title>spam</title></item>"), 256)
	for r.Context().Err() == nil {
		if _, err := w.Write(chunk); err != nil {
			return
		}
	}
}

func TestSlowHostDoesNotBlockOthers(t *testing.T) {
	slow, fast := newSite(t), newSite(t)
	// The slow host hangs until the client gives up; the fast host counts
	// the article pages it serves while the slow request is in flight. (The
	// count is taken as each page is served: the slow handler itself may
	// only notice the client left after Fetch has returned.)
	var (
		mu        sync.Mutex
		hanging   bool
		whileHung int
	)
	slow.set("/feed", route{handler: func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hanging = true
		mu.Unlock()
		<-r.Context().Done() // the client's timeout ends it
		mu.Lock()
		hanging = false
		mu.Unlock()
	}})
	var feeds []string
	for i := range 3 {
		p := "/f" + string(rune('a'+i))
		page := articlePage(pageOpts{title: p, paras: articleText(uint64(90+i), 4)})
		fast.set(p+"/page", held(route{handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", htmlType)
			fmt.Fprint(w, page)
			mu.Lock()
			defer mu.Unlock()
			if hanging {
				whileHung++
			}
		}}))
		fast.set(p, held(route{body: rss2("Fast", rssItem{title: p, link: fast.url(p + "/page")})}))
		feeds = append(feeds, fast.url(p))
	}
	cfg := testConfig(t)
	// Long enough for the fast feeds to finish on a loaded machine while
	// the slow one hangs; a fetcher that waits for the slow host first
	// fetches them only after this has passed.
	cfg.Timeout = 2 * time.Second
	f := newFetcher(t, cfg)
	rep := fetch(t, f, append([]string{slow.url("/feed")}, feeds...)...)
	if rep.Added != 3 || rep.Failed != 1 || rep.Feeds[0].Err != "timeout" {
		t.Errorf("report = %+v", rep)
	}
	mu.Lock()
	defer mu.Unlock()
	if whileHung != 3 {
		t.Errorf("the fast host served %d of 3 article pages while the slow host hung, want all 3", whileHung)
	}
	if p := fast.peak(); p != 1 {
		t.Errorf("fast host saw %d requests at once, want 1", p)
	}
}

func TestPageProblems(t *testing.T) {
	full := articleText(100, 4)
	fullHTML := "<p>" + strings.Join(full, "</p><p>") + "</p>"
	cases := []struct {
		name     string
		page     route
		content  string // feed item's content:encoded
		desc     string
		skip     string // wanted skip reason fragment; "" means stored
		wantText []string
	}{
		{"oversized page", route{handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", htmlType)
			chunk := bytes.Repeat([]byte("<p>filler text</p>"), 512)
			for r.Context().Err() == nil {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		}}, fullHTML, "", "too large", nil},
		{"declared oversized page", route{handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", htmlType)
			w.Header().Set("Content-Length", "999999999")
			w.Write([]byte("<p>x</p>"))
		}}, "", "", "too large", nil},
		{"pdf", route{ctype: "application/pdf", body: "%PDF-1.4 binary"}, "", "summary", "not HTML (application/pdf)", nil},
		{"paywall stub", route{ctype: htmlType, body: articlePage(pageOpts{title: "Paid", paras: []string{
			"The opening paragraph of the story sits here in front of the wall.",
			"Subscribe to continue reading. Already a subscriber? Sign in.",
		}})}, "", "A teaser.", "paywall stub", nil},
		{"404 page, short feed summary", route{status: 404, body: "nope"}, "", "Only a short teaser.", "page HTTP 404; feed text too short", nil},
		{"404 page, full feed content", route{status: 404, body: "nope"}, fullHTML, "Teaser.", "", full},
		{"paywall stub, full feed content", route{ctype: htmlType, body: articlePage(pageOpts{title: "Paid", paras: []string{
			"Subscribe to continue reading.",
		}})}, fullHTML, "", "", full},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newSite(t)
			s.set("/p", tc.page)
			s.set("/feed", route{body: rss2("F", rssItem{title: "Item", link: s.url("/p"), desc: tc.desc, content: tc.content})})
			cfg := testConfig(t)
			cfg.MaxBodyBytes = 256 << 10
			f := newFetcher(t, cfg)
			rep := fetch(t, f, s.url("/feed"))
			docs := stored(t, f.Dir())
			if tc.skip != "" {
				if len(docs) != 0 || len(rep.Feeds[0].Skipped) != 1 {
					t.Fatalf("want skipped; report %+v, %d files", rep.Feeds[0], len(docs))
				}
				if got := rep.Feeds[0].Skipped[0]; !strings.Contains(got.Reason, tc.skip) || got.URL != s.url("/p") {
					t.Errorf("skip = %+v, want reason containing %q", got, tc.skip)
				}
				return
			}
			if rep.Added != 1 {
				t.Fatalf("report = %+v", rep.Feeds[0])
			}
			d := byURL(t, docs, s.url("/p"))
			if d.text() != strings.Join(tc.wantText, "\n\n") {
				t.Errorf("text = %q", d.text())
			}
		})
	}
}

func TestFetchCancelled(t *testing.T) {
	s := newSite(t)
	s.set("/feed", route{handler: func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }})
	f := newFetcher(t, testConfig(t))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := f.Fetch(ctx, []string{s.url("/feed")}); err == nil {
		t.Error("Fetch with a cancelled context returned nil error")
	}
}

func TestTransientPageFailureRetried(t *testing.T) {
	full := articleText(800, 4)
	cases := []struct {
		name       string
		status     int
		content    string
		first      func(Report) bool
		wantSecond func(Report) bool
		pageHits   int // page requests after both runs
	}{
		{"503, short summary: skipped then added", 503, "",
			func(r Report) bool { return r.Skipped == 1 },
			func(r Report) bool { return r.Added == 1 }, 2},
		{"503, full feed text: stored from feed then updated from page", 503, "<p>" + strings.Join(full, "</p><p>") + "</p>",
			func(r Report) bool { return r.Added == 1 },
			func(r Report) bool { return r.Updated == 1 }, 2},
		{"404: skipped, not asked again", 404, "",
			func(r Report) bool { return r.Skipped == 1 },
			func(r Report) bool { return r.Feeds[0].NotModified && !r.HasChanges() }, 1},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newSite(t)
			s.set("/p", route{status: tc.status, body: "unavailable"})
			s.set("/feed", route{etag: `"e1"`, body: rss2("F", rssItem{title: "P", link: s.url("/p"), desc: "Teaser.", content: tc.content})})
			f := newFetcher(t, testConfig(t))
			if rep := fetch(t, f, s.url("/feed")); !tc.first(rep) {
				t.Fatalf("first run: %+v", rep.Feeds[0])
			}
			page := articleText(uint64(810+i), 5)
			s.set("/p", route{ctype: htmlType, body: articlePage(pageOpts{title: "P", paras: page})})
			rep := fetch(t, f, s.url("/feed"))
			if !tc.wantSecond(rep) {
				t.Errorf("second run: %+v", rep.Feeds[0])
			}
			if got := s.hitCount("/p"); got != tc.pageHits {
				t.Errorf("page requests = %d, want %d", got, tc.pageHits)
			}
			if tc.status == 503 {
				if d := byURL(t, stored(t, f.Dir()), s.url("/p")); d.text() != strings.Join(page, "\n\n") {
					t.Errorf("stored text is not the page's")
				}
			}
		})
	}
}

// TestDeadHostGivesUp: after a few timeouts in a row a host is not asked
// again during the run; its entries are skipped as "host unavailable" and
// retried next run.
func TestDeadHostGivesUp(t *testing.T) {
	feedSite, dead := newSite(t), newSite(t)
	var items []rssItem
	for i := range 6 {
		p := "/s/" + string(rune('a'+i))
		dead.set(p, route{handler: func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }})
		items = append(items, rssItem{title: p, link: dead.url(p)})
	}
	feedSite.set("/feed", route{body: rss2("F", items...)})
	cfg := testConfig(t)
	cfg.Timeout = 100 * time.Millisecond
	cfg.AllowNets = loopback // the dead host is another local server
	f := newFetcher(t, cfg)
	rep := fetch(t, f, feedSite.url("/feed"))
	if got := dead.totalHits(); got != maxHostFailures {
		t.Errorf("dead host got %d requests, want %d", got, maxHostFailures)
	}
	skips := rep.Feeds[0].Skipped
	if len(skips) != 6 || !strings.Contains(skips[5].Reason, "host unavailable") {
		t.Errorf("skipped = %+v", skips)
	}
}
