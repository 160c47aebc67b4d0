package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestDefaultDataHome(t *testing.T) {
	tests := []struct {
		goos string
		env  map[string]string
		want string // "" means an error
	}{
		{"linux", map[string]string{"HOME": "/home/u"}, "/home/u/.local/share/newsbot"},
		{"linux", map[string]string{"HOME": "/home/u", "XDG_DATA_HOME": "/data/xdg"}, "/data/xdg/newsbot"},
		{"linux", map[string]string{"HOME": "/home/u", "XDG_DATA_HOME": "relative"}, "/home/u/.local/share/newsbot"},
		{"freebsd", map[string]string{"HOME": "/home/u"}, "/home/u/.local/share/newsbot"},
		{"darwin", map[string]string{"HOME": "/Users/u", "XDG_DATA_HOME": "/x"}, "/Users/u/Library/Application Support/newsbot"},
		{"windows", map[string]string{"LocalAppData": `C:\Users\u\AppData\Local`}, filepath.Join(`C:\Users\u\AppData\Local`, "newsbot")},
		{"windows", map[string]string{"USERPROFILE": `C:\Users\u`}, filepath.Join(`C:\Users\u`, "AppData", "Local", "newsbot")},
		{"linux", map[string]string{}, ""},
		{"windows", map[string]string{"HOME": "/home/u"}, ""},
	}
	for _, tt := range tests {
		got, err := defaultDataHome(func(k string) string { return tt.env[k] }, tt.goos)
		if tt.want == "" {
			if err == nil {
				t.Errorf("%s %v: got %q, want an error", tt.goos, tt.env, got)
			}
			continue
		}
		if err != nil || got != filepath.FromSlash(tt.want) && got != tt.want {
			t.Errorf("%s %v: got %q, %v; want %q", tt.goos, tt.env, got, err, tt.want)
		}
	}
}

// sourcesJSON runs `sources --json`.
func sourcesJSON(t *testing.T, c *cli, args ...string) sourcesOutput {
	t.Helper()
	code, out, stderr := c.run(append([]string{"sources", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("sources: exit %d: %s", code, stderr)
	}
	var s sourcesOutput
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("sources --json: %v\n%s", err, out)
	}
	return s
}

// emptyDir fails the test when dir holds anything.
func emptyDir(t *testing.T, dir, when string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		t.Errorf("%s: %s was written to the current directory", when, e.Name())
	}
}

// TestFreshCloneUsesDataHome: with nothing configured (only HOME), `ask`
// answers from the shipped articles and writes its database under the
// per-user data home, nothing in the current directory; -v and sources
// say where the data is.
func TestFreshCloneUsesDataHome(t *testing.T) {
	cwd, home := t.TempDir(), t.TempDir()
	t.Chdir(cwd)
	c := &cli{t: t, env: map[string]string{"HOME": home, "LocalAppData": home}}
	code, out, stderr := c.run("ask", "What did the Kremlin reject?")
	if code != 0 || !strings.Contains(out, "reject") || !strings.Contains(out, "Sources:") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, stderr)
	}
	dataHome, err := defaultDataHome(c.getenv, runtime.GOOS)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dataHome, "newsbot.db")); err != nil {
		t.Errorf("no database in the data home: %v", err)
	}
	emptyDir(t, cwd, "ask")

	s := sourcesJSON(t, c)
	if s.Data.DataHome != dataHome || s.Data.Database != filepath.Join(dataHome, "newsbot.db") ||
		s.Data.FeedsDir != filepath.Join(dataHome, "feeds") || s.Data.DataHomeFrom != "default" || len(s.Articles) != 5 {
		t.Errorf("sources --json data = %+v, %d articles", s.Data, len(s.Articles))
	}
	code, _, stderr = c.run("-v", "sources")
	if code != 0 || !strings.Contains(stderr, "data home "+dataHome) {
		t.Errorf("-v sources: exit %d, stderr %q", code, stderr)
	}
	code, out, _ = c.run("ask", "--help")
	if code != 0 || !strings.Contains(out, "~/.local/share/newsbot") || !strings.Contains(out, "NEWSBOT_DATA") {
		t.Errorf("ask --help does not state the default data home:\n%s", out)
	}

	// --data moves everything; the flag works before the command too.
	other := filepath.Join(t.TempDir(), "elsewhere")
	s = sourcesJSON(t, c, "--data", other)
	if s.Data.Database != filepath.Join(other, "newsbot.db") || s.Data.DataHomeFrom != "--data" {
		t.Errorf("--data: %+v", s.Data)
	}
	if code, _, stderr := c.run("--data", other, "sources"); code != 0 {
		t.Errorf("--data before the command: exit %d: %s", code, stderr)
	}
	emptyDir(t, cwd, "sources")
}

// TestIngestDataSafety: the checks of issue 14 — ingest --db X run from
// another directory, an empty corpus folder, a missing one: nothing is
// deleted, the shipped articles are never mixed in, and nothing lands in
// the current directory.
func TestIngestDataSafety(t *testing.T) {
	corpusDir := writeNumberedCorpus(t, 6)
	home := t.TempDir()
	db := filepath.Join(t.TempDir(), "x.db")
	c := &cli{t: t, env: map[string]string{"HOME": home, "LocalAppData": home}}

	// A first ingest with the user's corpus.
	if code, _, stderr := c.run("ingest", "--db", db, "--corpus", corpusDir); code != 0 {
		t.Fatalf("first ingest: %s", stderr)
	}

	// From another directory, --db alone: nothing deleted, no demo articles.
	cwd := t.TempDir()
	t.Chdir(cwd)
	code, out, stderr := c.run("ingest", "--db", db)
	if code != 0 || !strings.Contains(stderr, "no corpus folder configured") {
		t.Errorf("ingest --db from elsewhere: exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(out, "Database "+db) {
		t.Errorf("ingest does not say where its database is: %q", out)
	}
	if n := len(sourcesJSON(t, c, "--db", db).Articles); n != 6 {
		t.Errorf("after ingest --db from another directory, %d stored, want 6", n)
	}

	// A missing corpus folder, and an empty one: errors that delete nothing.
	for _, dir := range []string{filepath.Join(cwd, "unmounted"), t.TempDir()} {
		code, _, stderr := c.run("--db", db, "ingest", "--corpus", dir)
		if code != exitFailure || !strings.Contains(stderr, "nothing was changed") {
			t.Errorf("ingest --corpus %s: exit %d, stderr %q", dir, code, stderr)
		}
		if n := len(sourcesJSON(t, c, "--db", db).Articles); n != 6 {
			t.Errorf("after ingest --corpus %s, %d stored, want 6", dir, n)
		}
	}
	emptyDir(t, cwd, "ingest")
	dataHome, _ := defaultDataHome(c.getenv, runtime.GOOS)
	if _, err := os.Stat(filepath.Join(dataHome, "newsbot.db")); err == nil {
		t.Error("a database was created in the data home although --db named another")
	}
}

// TestShippedArticlesNeverMixed: the demo articles fill a new database;
// the first ingest of the user's own corpus replaces them (no --prune
// needed), and they do not come back.
func TestShippedArticlesNeverMixed(t *testing.T) {
	c := &cli{t: t, env: map[string]string{"NEWSBOT_DATA": t.TempDir()}}
	if n := len(sourcesJSON(t, c).Articles); n != 5 {
		t.Fatalf("new database: %d articles, want the 5 shipped", n)
	}
	corpusDir := writeNumberedCorpus(t, 3)
	if code, _, stderr := c.run("ingest", "--corpus", corpusDir); code != 0 {
		t.Fatalf("ingest of the user's corpus: exit %d: %s", code, stderr)
	}
	s := sourcesJSON(t, c)
	if len(s.Articles) != 3 {
		t.Fatalf("after ingesting 3 own articles, %d stored (demo articles mixed in?)", len(s.Articles))
	}
	for _, a := range s.Articles {
		if !strings.HasPrefix(a.ID, "art") {
			t.Errorf("stored %s, not one of the user's articles", a.ID)
		}
	}
	if code, _, stderr := c.run("ingest"); code != 0 || len(sourcesJSON(t, c).Articles) != 3 {
		t.Errorf("ingest without a corpus: exit %d (%s), %d stored", code, stderr, len(sourcesJSON(t, c).Articles))
	}
}
