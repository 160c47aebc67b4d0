package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// cli runs newsbot with args against a private database and returns the
// exit code, stdout and stderr.
type cli struct {
	t   *testing.T
	env map[string]string
}

func newCLI(t *testing.T, corpusDir string) *cli {
	t.Helper()
	return &cli{t: t, env: map[string]string{
		"NEWSBOT_DATA":   t.TempDir(),
		"NEWSBOT_DB":     filepath.Join(t.TempDir(), "newsbot.db"),
		"NEWSBOT_CORPUS": corpusDir,
	}}
}

func (c *cli) run(args ...string) (int, string, string) {
	c.t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, func(k string) string { return c.env[k] }, &out, &errb)
	return code, out.String(), errb.String()
}

type askJSON struct {
	Question  string   `json:"question"`
	Answer    string   `json:"answer"`
	Mode      string   `json:"mode"`
	Refused   bool     `json:"refused"`
	Status    string   `json:"status"`
	Flags     []string `json:"flags"`
	Citations []struct {
		N         int    `json:"n"`
		ArticleID string `json:"article_id"`
		Title     string `json:"title"`
		ChunkID   string `json:"chunk_id"`
		Quote     string `json:"quote"`
	} `json:"citations"`
}

func TestAskShippedCorpus(t *testing.T) {
	c := newCLI(t, "../../corpus")
	code, out, stderr := c.run("ask", "What did the Kremlin reject?", "--json")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var ans askJSON
	if err := json.Unmarshal([]byte(out), &ans); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if ans.Mode != "extractive" || ans.Refused || !strings.Contains(strings.ToLower(ans.Answer), "reject") {
		t.Fatalf("answer = %+v", ans)
	}
	if ans.Status != "answered" || ans.Flags == nil {
		t.Errorf("status %q, flags %v: want answered with an empty flag list", ans.Status, ans.Flags)
	}
	byN := map[int]bool{}
	for _, c := range ans.Citations {
		byN[c.N] = true
		if c.Quote == "" || c.Title == "" || !strings.HasPrefix(c.ChunkID, c.ArticleID+"#") {
			t.Errorf("incomplete citation %+v", c)
		}
		raw, err := os.ReadFile(filepath.Join("../../corpus", c.ArticleID+".txt"))
		if err != nil || !bytes.Contains(raw, []byte(c.Quote)) {
			t.Errorf("quote %q is not in article %s", c.Quote, c.ArticleID)
		}
	}
	markers := regexp.MustCompile(`\[(\d+)\]`).FindAllStringSubmatch(ans.Answer, -1)
	if len(markers) == 0 {
		t.Fatal("answer has no citation markers")
	}
	for _, m := range markers {
		n := 0
		for _, r := range m[1] {
			n = n*10 + int(r-'0')
		}
		if !byN[n] {
			t.Errorf("marker [%d] has no citation", n)
		}
	}

	// Human output lists the sources; a second run reuses the index.
	code, out, stderr = c.run("ask", "-k", "3", "How long did the meeting last?")
	if code != 0 || !strings.Contains(out, "Sources:") || !strings.Contains(out, "five") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if strings.Contains(stderr, "indexing") {
		t.Error("second run indexed the corpus again")
	}

	code, out, _ = c.run("ask", "--json", "What is the capital of France?")
	if code != 0 || !strings.Contains(out, `"refused": true`) || !strings.Contains(out, `"status": "refused"`) {
		t.Fatalf("off-topic question: exit %d, %s", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	c := newCLI(t, "../../corpus")
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{}, 2, ""},
		{[]string{"frobnicate"}, 2, "unknown command"},
		{[]string{"ask"}, 2, "missing question"},
		{[]string{"ask", "--nope", "q"}, 2, "flag provided but not defined"},
		{[]string{"ask", "-k", "-1", "q"}, 2, "-k must be at least 1"},
		{[]string{"ask", "???"}, 1, "question is empty"},
		{[]string{"ask", strings.Repeat("why ", 600)}, 1, "too long"},
		{[]string{"sources", "extra"}, 2, "no arguments"},
		{[]string{"--help"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, stderr := c.run(tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.msg) || strings.Count(stderr, "\n") > 2 {
				t.Errorf("stderr %q, want one line containing %q", stderr, tt.msg)
			}
		})
	}
}

func TestIngestReportsBadFilesAndIsIncremental(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.md", "---\ntitle: Harbour reopens\nsource: Coast Times\npublished: 2025-03-01\n---\nThe harbour reopened on Monday after the storm. Fishing boats returned the same day.\n")
	write("binary.txt", "\x00\x01\x02 binary")
	write("latin1.txt", "caf\xe9 au lait was served.")
	write("broken.md", "---\ntitle: no end\nThe body.\n")
	write("empty.txt", "")
	c := newCLI(t, dir)

	code, out, stderr := c.run("ingest", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Added, Unchanged, Embedded int
		Errors                     []struct{ File, Error string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Added != 1 || len(rep.Errors) != 4 {
		t.Fatalf("report = %+v, want 1 added and 4 errors", rep)
	}
	for _, e := range rep.Errors {
		if e.File == "" || e.Error == "" {
			t.Errorf("error without file or reason: %+v", e)
		}
	}
	code, out, _ = c.run("ingest", "--json")
	json.Unmarshal([]byte(out), &rep)
	if code != 0 || rep.Unchanged != 1 || rep.Embedded != 0 {
		t.Fatalf("re-ingest: exit %d, %+v, want nothing embedded", code, rep)
	}
	code, out, _ = c.run("sources")
	if code != 0 || !strings.Contains(out, "Harbour reopens — Coast Times, 2025-03-01") {
		t.Fatalf("sources: %q", out)
	}
}

func TestSearchFilters(t *testing.T) {
	c := newCLI(t, "../../corpus")
	code, out, stderr := c.run("search", "--json", "--article", "003_33d437cb89f075d5", "Witkoff")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct {
		Results []struct {
			ArticleID string `json:"article_id"`
		}
	}
	json.Unmarshal([]byte(out), &res)
	if len(res.Results) == 0 {
		t.Fatal("no results")
	}
	for _, r := range res.Results {
		if r.ArticleID != "003_33d437cb89f075d5" {
			t.Errorf("result from %s despite --article", r.ArticleID)
		}
	}
	// Only 001 and 003 state their date (2 Dec 2025) in the text.
	code, out, _ = c.run("search", "--json", "--from", "2025-12-01", "--to", "2025-12-02", "-k", "50", "talks")
	json.Unmarshal([]byte(out), &res)
	for _, r := range res.Results {
		if r.ArticleID != "001_fd4392d4b61ba167" && r.ArticleID != "003_33d437cb89f075d5" {
			t.Errorf("result from %s is outside the date range", r.ArticleID)
		}
	}
	if code != 0 || len(res.Results) == 0 {
		t.Fatalf("date-filtered search: exit %d, %s", code, out)
	}
	if code, _, _ := c.run("search", "--from", "yesterday", "talks"); code != 2 {
		t.Errorf("bad --from: exit %d, want 2", code)
	}
}

func (c *cli) getenv(k string) string { return c.env[k] }
