package feeds

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// slowLoris answers with an HTML page one byte every 200 ms until the
// client hangs up (or 30 s pass).
func slowLoris(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", htmlType)
	fl, _ := w.(http.Flusher)
	for range 150 {
		if _, err := w.Write([]byte("<")); err != nil {
			return
		}
		if fl != nil {
			fl.Flush()
		}
		select {
		case <-r.Context().Done():
			return
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// TestDeadlines: a feed whose pages trickle in is cut off at the feed's or
// the run's deadline, its entries reported as timed out and not fetched
// once the deadline has passed, while another feed's entries are stored.
func TestDeadlines(t *testing.T) {
	cases := []struct {
		name string
		set  func(*Config)
		why  string
	}{
		{"run deadline", func(c *Config) { c.RunTimeout = time.Second }, "run deadline"},
		{"feed deadline", func(c *Config) { c.FeedTimeout = 600 * time.Millisecond }, "feed deadline"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			slow, fast := newSite(t), newSite(t)
			var slowItems, fastItems []rssItem
			for i := range 5 {
				p := fmt.Sprintf("/slow/%d", i)
				slow.set(p, route{handler: slowLoris})
				slowItems = append(slowItems, rssItem{title: "Slow " + p, link: slow.url(p), desc: "A teaser."})
			}
			for i := range 2 {
				p := fmt.Sprintf("/fast/%d", i)
				fast.set(p, route{ctype: htmlType, body: articlePage(pageOpts{title: "Fast " + p, paras: articleText(uint64(800+i), 4)})})
				fastItems = append(fastItems, rssItem{title: "Fast " + p, link: fast.url(p)})
			}
			slow.set("/rss", route{body: rss2("Slow", slowItems...)})
			fast.set("/rss", route{body: rss2("Fast", fastItems...)})

			cfg := testConfig(t)
			cfg.Timeout = 5 * time.Second // longer than the deadline under test
			cfg.Concurrency = 2
			tc.set(&cfg)
			f := newFetcher(t, cfg)
			rep := fetch(t, f, slow.url("/rss"), fast.url("/rss"))

			sr, fr := rep.Feeds[0], rep.Feeds[1]
			if fr.Added != 2 || fr.Err != "" {
				t.Errorf("fast feed = %+v, want its 2 entries stored", fr)
			}
			if sr.Err != "" || len(sr.Skipped) != 5 {
				t.Fatalf("slow feed = %+v, want its 5 entries skipped", sr)
			}
			for _, s := range sr.Skipped {
				if !strings.HasPrefix(s.Reason, "page timeout ("+tc.why+")") {
					t.Errorf("skip %s: %q, want a timeout at the %s", s.URL, s.Reason, tc.why)
				}
			}
			if n := slow.totalHits() - slow.hitCount("/rss"); n != 1 {
				t.Errorf("slow pages requested %d times, want 1 (none after the deadline)", n)
			}
			if !strings.Contains(sr.Line(), "5× timeout") {
				t.Errorf("progress line %q", sr.Line())
			}
		})
	}
}

// TestRunDeadlineFailsFeedsNotStarted: feeds still waiting when the run's
// deadline passes fail as timed out; Fetch itself returns no error.
func TestRunDeadlineFailsFeedsNotStarted(t *testing.T) {
	slow := newSite(t)
	slow.set("/p", route{handler: slowLoris})
	slow.set("/rss", route{body: rss2("Slow", rssItem{title: "Slow", link: slow.url("/p")})})
	other := newSite(t)
	other.set("/rss", route{body: rss2("Other")})
	cfg := testConfig(t)
	cfg.Concurrency = 1
	cfg.RunTimeout = 500 * time.Millisecond
	f := newFetcher(t, cfg)
	rep := fetch(t, f, slow.url("/rss"), other.url("/rss"))
	if len(rep.Feeds) != 2 || rep.Feeds[1].Err != "timeout (run deadline)" || other.totalHits() != 0 {
		t.Errorf("report = %+v", rep)
	}
}

func TestNegativeDeadlinesAreInvalid(t *testing.T) {
	for _, set := range []func(*Config){
		func(c *Config) { c.FeedTimeout = -1 },
		func(c *Config) { c.RunTimeout = -1 },
	} {
		cfg := testConfig(t)
		set(&cfg)
		if _, err := New(cfg); err == nil {
			t.Error("New accepted a negative deadline")
		}
	}
}
