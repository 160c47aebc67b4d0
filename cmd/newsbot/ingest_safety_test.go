package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeNumberedCorpus writes n small articles into a new folder and returns it.
func writeNumberedCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		body := fmt.Sprintf("---\ntitle: Harbour report %d\n---\nThe harbour authority in town %d reported that %d ships docked this week after the storm.\n", i, i, i+3)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("art%02d.md", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// storedCount returns how many articles `sources --json` lists.
func storedCount(t *testing.T, c *cli) int {
	t.Helper()
	code, out, stderr := c.run("sources", "--json")
	if code != 0 {
		t.Fatalf("sources: exit %d: %s", code, stderr)
	}
	var srcs struct{ Articles []json.RawMessage }
	if err := json.Unmarshal([]byte(out), &srcs); err != nil {
		t.Fatalf("sources --json: %v\n%s", err, out)
	}
	return len(srcs.Articles)
}

// TestIngestNeverSilentlyDeletes: the reproductions of issue "A year of
// news" — a missing corpus folder falling back to the shipped articles, an
// empty (unmounted) folder, a folder that is not there — delete nothing.
func TestIngestNeverSilentlyDeletes(t *testing.T) {
	corpusDir := writeNumberedCorpus(t, 6)
	c := newCLI(t, corpusDir)
	if code, _, stderr := c.run("ingest"); code != 0 {
		t.Fatalf("first ingest: %s", stderr)
	}
	if n := storedCount(t, c); n != 6 {
		t.Fatalf("%d stored, want 6", n)
	}

	// No corpus configured: the user's articles stay, and the shipped
	// demo articles are not mixed in.
	delete(c.env, "NEWSBOT_CORPUS")
	if code, _, stderr := c.run("ingest"); code != 0 {
		t.Fatalf("ingest without a corpus: exit %d: %s", code, stderr)
	}
	if n := storedCount(t, c); n != 6 {
		t.Errorf("after an ingest without a corpus folder, %d stored, want the user's 6 (none deleted, no demo articles mixed in)", n)
	}

	// A folder that is not there: an error, nothing deleted.
	c.env["NEWSBOT_CORPUS"] = corpusDir
	before := storedCount(t, c)
	code, _, stderr := c.run("ingest", "--corpus", corpusDir+"-unmounted")
	if code == 0 || !strings.Contains(stderr, "does not exist") || storedCount(t, c) != before {
		t.Errorf("ingest of a missing folder: exit %d (%s), %d stored (was %d)", code, stderr, storedCount(t, c), before)
	}

	// An empty folder (an unmounted volume): nothing deleted.
	empty := t.TempDir()
	code, _, stderr = c.run("ingest", "--corpus", empty)
	if code != 0 && !strings.Contains(stderr, "--prune") {
		t.Errorf("empty folder: exit %d, stderr %q", code, stderr)
	}
	if n := storedCount(t, c); n != before {
		t.Errorf("after ingesting an empty folder, %d stored, want %d", n, before)
	}

	// Emptying the real folder is refused without --prune, allowed with it.
	for i := range 6 {
		os.Remove(filepath.Join(corpusDir, fmt.Sprintf("art%02d.md", i)))
	}
	code, _, stderr = c.run("ingest")
	if code != 1 || !strings.Contains(stderr, "--prune") || storedCount(t, c) != before {
		t.Fatalf("emptied folder: exit %d, stderr %q, %d stored (was %d)", code, stderr, storedCount(t, c), before)
	}
	if code, _, stderr = c.run("ingest", "--prune"); code != 0 || storedCount(t, c) != before-6 {
		t.Fatalf("--prune: exit %d (%s), %d stored, want %d", code, stderr, storedCount(t, c), before-6)
	}
}
