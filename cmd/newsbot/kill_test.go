package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMain lets a test run this binary as newsbot itself (for the kill
// test below) when NEWSBOT_TEST_RUN_MAIN is set.
func TestMain(m *testing.M) {
	if os.Getenv("NEWSBOT_TEST_RUN_MAIN") == "1" {
		args := strings.Split(os.Getenv("NEWSBOT_TEST_ARGS"), "\x1f")
		os.Exit(Run(context.Background(), args, os.Getenv, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestKilledIngestRecovers kills a real newsbot process in the middle of an
// ingest and checks that the database opens and a re-run completes.
func TestKilledIngestRecovers(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a process")
	}
	dir := t.TempDir()
	for i := 0; i < 400; i++ {
		var b strings.Builder
		for s := 0; s < 60; s++ {
			fmt.Fprintf(&b, "Report %d says the council approved budget line %d for roads and schools. ", i, s)
		}
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)), []byte(b.String()), 0o644)
	}
	db := filepath.Join(t.TempDir(), "kill.db")

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "NEWSBOT_TEST_RUN_MAIN=1", "NEWSBOT_TEST_ARGS=ingest\x1f--json",
		"NEWSBOT_CORPUS="+dir, "NEWSBOT_DB="+db)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the first articles are committed, then kill mid-ingest.
	deadline := time.Now().Add(60 * time.Second)
	for {
		if committedArticles(db) >= 5 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("ingest never started writing: %s", stderr.String())
		}
		time.Sleep(5 * time.Millisecond) // polling a database another process writes
	}
	cmd.Process.Kill()
	err := cmd.Wait()
	if err == nil {
		t.Skip("ingest finished before it could be killed")
	}

	c := &cli{t: t, env: map[string]string{"NEWSBOT_DB": db, "NEWSBOT_CORPUS": dir}}
	code, out, errOut := c.run("ingest", "--json")
	if code != 0 {
		t.Fatalf("re-run after kill: exit %d: %s", code, errOut)
	}
	var rep struct{ Added, Unchanged, Chunks int }
	json.Unmarshal([]byte(out), &rep)
	if rep.Added+rep.Unchanged != 400 || rep.Unchanged == 0 || rep.Added == 0 {
		t.Fatalf("re-run = %+v, want the killed run's articles kept and the rest added", rep)
	}
	// Every stored article, the killed run's included, is in the change
	// log once (written in the article's own transaction), so any process
	// following the log sees all of them.
	check, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	var articles, logged, unlogged int
	check.QueryRow(`SELECT COUNT(*) FROM articles`).Scan(&articles)
	check.QueryRow(`SELECT COUNT(*) FROM changes`).Scan(&logged)
	check.QueryRow(`SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article_id FROM changes)`).Scan(&unlogged)
	if articles != 400 || logged != 400 || unlogged != 0 {
		t.Errorf("%d articles, %d change-log entries, %d articles not logged; want 400, 400, 0", articles, logged, unlogged)
	}
}

// committedArticles counts the articles another process has committed to
// the database at path (0 while it does not exist yet).
func committedArticles(path string) int {
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		return 0
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM articles").Scan(&n); err != nil {
		return 0
	}
	return n
}
