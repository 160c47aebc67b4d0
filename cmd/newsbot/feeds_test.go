package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestIngestFromFeed(t *testing.T) {
	var srv *httptest.Server
	mux := http.NewServeMux()
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Herald</title>
<item><title>Lighthouse keeper retires after forty years</title><link>%s/story</link>
<pubDate>Mon, 01 Dec 2025 09:00:00 GMT</pubDate></item></channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		body := strings.Repeat("<p>The lighthouse keeper of Port Ellen retired on Sunday after forty years of service, the harbour board said. Residents gathered at the quay to thank him for guiding ships through winter storms.</p>", 3)
		fmt.Fprintf(w, `<html><head><title>Lighthouse keeper retires</title></head><body><nav>Home | World | Sport</nav><article><h1>Lighthouse keeper retires after forty years</h1>%s</article><footer>© Harbour Herald</footer></body></html>`, body)
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()

	c := newCLI(t, "")
	delete(c.env, "NEWSBOT_CORPUS") // feeds only
	c.env["NEWSBOT_FEEDS_DIR"] = t.TempDir()
	code, out, stderr := c.run("ingest", "--json", "--feed", srv.URL+"/rss")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Added    int `json:"added"`
		Embedded int `json:"embedded"`
		Feeds    []struct {
			Added int
			Err   string
		} `json:"feeds"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Added != 1 || len(rep.Feeds) != 1 || rep.Feeds[0].Added != 1 {
		t.Fatalf("ingest report = %s", out)
	}

	code, out, _ = c.run("ask", "--json", "How long did the lighthouse keeper serve?")
	if code != 0 || !strings.Contains(out, "forty years") || !strings.Contains(out, srv.URL+"/story") {
		t.Fatalf("ask after feed ingest: %s", out)
	}

	code, out, _ = c.run("ingest", "--json", "--feed", srv.URL+"/rss")
	json.Unmarshal([]byte(out), &rep)
	if code != 0 || rep.Added != 0 || rep.Embedded != 0 {
		t.Fatalf("second feed ingest = %s, want nothing new", out)
	}
}
