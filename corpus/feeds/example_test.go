package feeds_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsbot/newsbot/corpus/feeds"
	"github.com/newsbot/newsbot/internal/sqlitedb"
)

// Fetch a feed twice: the first run stores the article, the second finds
// nothing new, so the corpus ingest that follows embeds nothing.
func Example() {
	para := strings.Repeat("The regional council approved the harbour budget on Tuesday after a long debate. ", 4)
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Example</title>
<item><title>Harbour budget approved</title><link>%s/story?utm_source=rss</link>
<pubDate>Fri, 30 May 2025 10:00:00 +0000</pubDate></item></channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<html><head><meta property="og:site_name" content="Example Times"></head>
<body><nav>Home | World</nav><article><p>%s</p><p>%s</p></article></body></html>`, para, para)
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()

	dir, _ := os.MkdirTemp("", "feeds")
	defer os.RemoveAll(dir)
	db, err := sqlitedb.Open(context.Background(), filepath.Join(dir, "newsbot.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	f, err := feeds.New(feeds.Config{Dir: filepath.Join(dir, "feeds"), DB: db, HostDelay: -1})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	for range 2 {
		rep, err := f.Fetch(context.Background(), []string{srv.URL + "/feed"})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("added %d, updated %d, unchanged %d, re-ingest needed: %v\n",
			rep.Added, rep.Updated, rep.Unchanged, rep.HasChanges())
	}
	// Output:
	// added 1, updated 0, unchanged 0, re-ingest needed: true
	// added 0, updated 0, unchanged 1, re-ingest needed: false
}
