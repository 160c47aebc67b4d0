package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestBriefShippedCorpus(t *testing.T) {
	c := newCLI(t, "../../corpus")
	code, out, stderr := c.run("brief", "--json", "--all")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var b struct {
		Mode    string `json:"mode"`
		Stories []struct {
			Headline      string   `json:"headline"`
			Summary       string   `json:"summary"`
			ArticleIDs    []string `json:"article_ids"`
			Citations     []struct{ N int }
			Disagreements []struct {
				Topic  string
				Claims []struct {
					ArticleID string `json:"article_id"`
					Quote     string
				}
			}
		} `json:"stories"`
	}
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	if b.Mode != "extractive" || len(b.Stories) != 1 {
		t.Fatalf("briefing has %d stories in mode %q, want the five articles as one story", len(b.Stories), b.Mode)
	}
	s := b.Stories[0]
	if len(s.ArticleIDs) != 5 || s.Headline == "" || !strings.Contains(s.Summary, "[1]") || len(s.Citations) < 3 {
		t.Errorf("story = %+v", s)
	}
	if len(s.Disagreements) == 0 || len(s.Disagreements[0].Claims) < 2 {
		t.Errorf("no disagreement found between the outlets: %+v", s.Disagreements)
	}
	code, out, stderr = c.run("brief", "--all")
	if code != 0 || !strings.Contains(out, "Where sources differ:") || !strings.Contains(out, "Sources:") || !strings.Contains(out, "   [1] ") {
		t.Errorf("text briefing: exit %d (%s)\n%s", code, stderr, out)
	}
	// The shipped articles name no outlet: readers see the copyright
	// holder or a short title, never a file id.
	if id := regexp.MustCompile(`\d{3}_[0-9a-f]{16}`).FindString(out); id != "" {
		t.Errorf("the briefing shows the file id %s as an outlet:\n%s", id, out)
	}
}

func TestBriefNothingNew(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "old.md"), []byte("---\ntitle: Old news\npublished: 2020-01-01\n---\nThe bridge over the river was opened by the mayor in a short ceremony on a cold morning.\n"), 0o644)
	c := newCLI(t, dir)
	code, out, stderr := c.run("brief", "--since", "24h")
	if code != 0 || !strings.Contains(out, "Nothing new since") {
		t.Fatalf("exit %d, out %q, stderr %q", code, out, stderr)
	}
	if code, _, stderr = c.run("brief", "--from", "2025-13-01"); code != 2 {
		t.Errorf("bad date: exit %d (%s), want 2", code, stderr)
	}
}
