package feeds

import (
	"context"
	"database/sql"
	"fmt"
	"html"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsbot/newsbot/internal/sqlitedb"
)

// route is one resource served by a test site.
type route struct {
	ctype   string
	body    string
	status  int
	etag    string // when set, If-None-Match with it gets a 304
	handler http.HandlerFunc
}

// site is a local web server with mutable routes that counts requests and
// records the most requests it ever had in flight at once.
type site struct {
	srv *httptest.Server

	mu          sync.Mutex
	routes      map[string]route
	hits        map[string]int
	agents      map[string]bool
	inflight    int
	maxInflight int
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{routes: map[string]route{}, hits: map[string]int{}, agents: map[string]bool{}}
	s.srv = httptest.NewServer(s)
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	s.agents[r.UserAgent()] = true
	s.inflight++
	s.maxInflight = max(s.maxInflight, s.inflight)
	rt, ok := s.routes[r.URL.Path]
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.inflight--
		s.mu.Unlock()
	}()
	switch {
	case !ok:
		http.NotFound(w, r)
	case rt.handler != nil:
		rt.handler(w, r)
	case rt.etag != "" && r.Header.Get("If-None-Match") == rt.etag:
		w.WriteHeader(http.StatusNotModified)
	default:
		if rt.etag != "" {
			w.Header().Set("ETag", rt.etag)
		}
		if rt.ctype != "" {
			w.Header().Set("Content-Type", rt.ctype)
		}
		if rt.status != 0 {
			w.WriteHeader(rt.status)
		}
		fmt.Fprint(w, rt.body)
	}
}

// held returns rt served after a pause, so that requests a client sends at
// once overlap at the site and show in its peak. (rt.etag is not honoured.)
func held(rt route) route {
	return route{handler: func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(30 * time.Millisecond):
		case <-r.Context().Done():
			return
		}
		if rt.handler != nil {
			rt.handler(w, r)
			return
		}
		if rt.ctype != "" {
			w.Header().Set("Content-Type", rt.ctype)
		}
		if rt.status != 0 {
			w.WriteHeader(rt.status)
		}
		fmt.Fprint(w, rt.body)
	}}
}

func (s *site) set(path string, rt route) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.routes[path] = rt
}

func (s *site) url(path string) string { return s.srv.URL + path }

func (s *site) hitCount(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *site) totalHits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, v := range s.hits {
		n += v
	}
	return n
}

func (s *site) peak() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxInflight
}

// vocabulary for generated article text: random word sequences give two
// different articles almost no shared 5-shingles.
var vocabulary = strings.Fields(`minister council harbour budget election river
	drought vaccine tariff railway court senator protest refinery wildfire ceasefire
	treaty parliament coalition inflation harvest pipeline airport stadium museum
	reservoir hospital university factory shipyard embassy festival glacier satellite
	border summit negotiator governor mayor farmer teacher nurse engineer pilot
	said announced warned confirmed rejected approved delayed expanded reduced
	promised questioned welcomed criticised reported estimated argued insisted
	northern southern eastern western coastal rural urban national regional local
	new old major minor early late record modest sharp steady sudden gradual
	on in at for with after before during across against under over between
	the a its their this that several many few most some every each another`)

// articleText returns n paragraphs of deterministic pseudo-random prose.
func articleText(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, seed*7+1))
	paras := make([]string, n)
	for i := range paras {
		var sentences []string
		for range 3 {
			k := 14 + r.IntN(8)
			w := make([]string, k)
			for j := range w {
				w[j] = vocabulary[r.IntN(len(vocabulary))]
			}
			w[k/2] += ","
			s := strings.Join(w, " ")
			sentences = append(sentences, strings.ToUpper(s[:1])+s[1:]+".")
		}
		paras[i] = strings.Join(sentences, " ")
	}
	return paras
}

// pageOpts shapes a generated article page.
type pageOpts struct {
	title     string
	paras     []string
	canonical string
	siteName  string
	published string // RFC3339, as article:published_time
	byline    string
}

// articlePage renders a news page with navigation, ads, a related-links
// box and reader comments around the article.
func articlePage(o pageOpts) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\">")
	fmt.Fprintf(&b, "<title>%s | %s</title>", html.EscapeString(o.title), html.EscapeString(o.siteName))
	if o.canonical != "" {
		fmt.Fprintf(&b, `<link rel="canonical" href="%s">`, o.canonical)
	}
	if o.siteName != "" {
		fmt.Fprintf(&b, `<meta property="og:site_name" content="%s">`, html.EscapeString(o.siteName))
	}
	if o.published != "" {
		fmt.Fprintf(&b, `<meta property="article:published_time" content="%s">`, o.published)
	}
	b.WriteString(`</head><body>
<header class="site-header"><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather forecast navlink</a></li></ul></nav></header>
<div class="ad-banner advertisement" id="ad-top">ADVERTISEMENT: Buy cheap widgets today at WidgetMart</div>
<main><article class="article">`)
	fmt.Fprintf(&b, "<h1>%s</h1>", html.EscapeString(o.title))
	if o.byline != "" {
		fmt.Fprintf(&b, `<p class="byline">By %s</p>`, html.EscapeString(o.byline))
	}
	b.WriteString(`<div class="article-body">`)
	for i, p := range o.paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
		if i == 1 {
			b.WriteString(`<div class="ad-slot sponsor">Sponsored: Try MegaLoans instant credit</div>`)
		}
	}
	b.WriteString(`</div></article>
<aside class="related sidebar"><h3>Related stories</h3><ul><li><a href="/x">Celebrity chef opens floating cafe</a></li>
<li><a href="/y">Ten tips for a better garden</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Great article, first comment from reader JoeBloggs!</p></div>
<div class="comment"><p>I totally disagree with this, wake up people, says reader Anon42.</p></div></section>
</main><footer class="site-footer"><p>Copyright 2025 Example News Group. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> <a href="/terms">Terms</a></p></footer></body></html>`)
	return b.String()
}

// testConfig is a Config for tests: tiny host delay, short timeout.
func testConfig(t *testing.T) Config {
	t.Helper()
	return Config{
		Dir:       t.TempDir(),
		HostDelay: time.Millisecond,
		Timeout:   5 * time.Second,
		Now:       func() time.Time { return time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC) },
	}
}

// loopback allows every local address, for tests whose feeds link to
// another local test server (not their own origin).
var loopback = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}

// testDB opens the database kept next to dir (so a second Fetcher on the
// same dir sees the first one's state) for the test's duration.
func testDB(t *testing.T, dir string) *sql.DB {
	t.Helper()
	db, err := sqlitedb.Open(context.Background(), filepath.Clean(dir)+".db")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// newFetcher returns a Fetcher closed at the end of the test, on the
// database of cfg.Dir when cfg.DB is nil.
func newFetcher(t *testing.T, cfg Config) *Fetcher {
	t.Helper()
	if cfg.DB == nil {
		cfg.DB = testDB(t, cfg.Dir)
	}
	f, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func fetch(t *testing.T, f *Fetcher, feeds ...string) Report {
	t.Helper()
	rep, err := f.Fetch(context.Background(), feeds)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	return rep
}

// stored reads every article file in dir back, keyed by file name.
func stored(t *testing.T, dir string) map[string]*doc {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*doc{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		d, err := parseDoc(b)
		if err != nil {
			t.Fatalf("%s: %v\n%s", p, err, b)
		}
		out[filepath.Base(p)] = d
	}
	return out
}

// byURL finds the stored article whose url is u.
func byURL(t *testing.T, docs map[string]*doc, u string) *doc {
	t.Helper()
	for _, d := range docs {
		if d.URL == u {
			return d
		}
	}
	var have []string
	for _, d := range docs {
		have = append(have, d.URL)
	}
	sort.Strings(have)
	t.Fatalf("no article with url %s; have %v", u, have)
	return nil
}

// snapshot records each article file's bytes and modification time.
type fileState struct {
	data    string
	modTime time.Time
}

func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	out := map[string]fileState{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = fileState{string(b), st.ModTime()}
	}
	return out
}

// rssItem is one item for the feed builders.
type rssItem struct {
	title, link, date, desc, content, author string
}

func rss2(title string, items ...rssItem) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>%s</title><link>http://example.invalid/</link><description>test</description>`, html.EscapeString(title))
	for _, it := range items {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><guid>%s</guid>", html.EscapeString(it.title), html.EscapeString(it.link), html.EscapeString(it.link))
		if it.date != "" {
			fmt.Fprintf(&b, "<pubDate>%s</pubDate>", it.date)
		}
		if it.author != "" {
			fmt.Fprintf(&b, "<dc:creator>%s</dc:creator>", html.EscapeString(it.author))
		}
		fmt.Fprintf(&b, "<description>%s</description>", html.EscapeString(it.desc))
		if it.content != "" {
			fmt.Fprintf(&b, "<content:encoded><![CDATA[%s]]></content:encoded>", it.content)
		}
		b.WriteString("</item>")
	}
	b.WriteString("</channel></rss>")
	return b.String()
}
