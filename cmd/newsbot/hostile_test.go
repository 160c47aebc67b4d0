//go:build unix

package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
)

// TestIngestSkipsFIFO: a FIFO named like an article in the corpus does not
// hang ingest; it is named in the output and the other files are indexed.
func TestIngestSkipsFIFO(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "good.txt"), []byte("Harbour talks ended without a deal on Tuesday.\nBoth sides said contacts would continue.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "x.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	c := newCLI(t, dir)
	code, out, stderr := c.run("ingest")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "1 added") || !strings.Contains(out, "skipped "+fifo+": not a regular file") {
		t.Errorf("ingest output:\n%s", out)
	}
}

// TestIngestFeedAllowance: a feed's entry pointing at another local server
// is refused and named in the output unless NEWSBOT_FEEDS_ALLOW covers it.
func TestIngestFeedAllowance(t *testing.T) {
	var internalHits atomic.Int32
	internal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		internalHits.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><body><article><h1>Admin</h1>`+strings.Repeat("<p>The internal admin page lists the harbour board's private accounts and its staff rota for the winter season.</p>", 4)+`</article></body></html>`)
	}))
	defer internal.Close()
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>
<item><title>Admin</title><link>%s/admin</link></item></channel></rss>`, internal.URL)
	}))
	defer feed.Close()

	c := newCLI(t, "")
	delete(c.env, "NEWSBOT_CORPUS") // feeds only
	c.env["NEWSBOT_FEEDS_DIR"] = t.TempDir()
	code, out, stderr := c.run("ingest", "--feed", feed.URL+"/rss")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if internalHits.Load() != 0 || !strings.Contains(out, "refused "+internal.URL+"/admin: loopback address") {
		t.Errorf("internal hits %d; output:\n%s", internalHits.Load(), out)
	}

	c.env["NEWSBOT_FEEDS_ALLOW"] = "127.0.0.0/8,::1"
	code, out, stderr = c.run("ingest", "--feed", feed.URL+"/rss")
	if code != 0 || internalHits.Load() != 1 || !strings.Contains(out, "1 new") {
		t.Errorf("with NEWSBOT_FEEDS_ALLOW: exit %d, internal hits %d; output:\n%s%s", code, internalHits.Load(), out, stderr)
	}

	c.env["NEWSBOT_FEEDS_ALLOW"] = "127.0.0.0/99"
	if code, _, stderr = c.run("ingest", "--feed", feed.URL+"/rss"); code == 0 || !strings.Contains(stderr, "NEWSBOT_FEEDS_ALLOW") {
		t.Errorf("bad NEWSBOT_FEEDS_ALLOW: exit %d: %s", code, stderr)
	}
}
