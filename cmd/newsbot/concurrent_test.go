package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestConcurrentIngestsApplyOnce runs two real newsbot ingests of the same
// folder into one database at the same time: both succeed, the database
// holds every article once with all its chunks and vectors, each article
// was applied (and logged) once, and the two reports add up.
func TestConcurrentIngestsApplyOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	const n = 300
	dir := t.TempDir()
	for i := range n {
		var b strings.Builder
		for s := range 60 {
			fmt.Fprintf(&b, "Report %d says the council approved budget line %d for roads and schools. ", i, s)
		}
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)), []byte(b.String()), 0o644)
	}
	db := filepath.Join(t.TempDir(), "two.db")
	type result struct {
		rep    struct{ Added, Updated, Unchanged, Removed int }
		stderr string
		err    error
	}
	start := func() (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "NEWSBOT_TEST_RUN_MAIN=1", "NEWSBOT_TEST_ARGS=ingest\x1f--json",
			"NEWSBOT_CORPUS="+dir, "NEWSBOT_DB="+db)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd, &out, &errOut
	}
	// Both start at once: each finds the database empty and sets out to
	// add every article.
	c1, out1, err1 := start()
	c2, out2, err2 := start()
	var res [2]result
	for i, c := range []struct {
		cmd      *exec.Cmd
		out, err *bytes.Buffer
	}{{c1, out1, err1}, {c2, out2, err2}} {
		res[i].err = c.cmd.Wait()
		res[i].stderr = c.err.String()
		json.Unmarshal(c.out.Bytes(), &res[i].rep)
		if res[i].err != nil {
			t.Fatalf("ingest %d: %v: %s", i+1, res[i].err, res[i].stderr)
		}
	}
	a, b := res[0].rep, res[1].rep
	t.Logf("reports: %+v, %+v", a, b)
	if a.Added+b.Added != n || a.Added+a.Unchanged != n || b.Added+b.Unchanged != n || a.Updated+b.Updated+a.Removed+b.Removed != 0 {
		t.Errorf("reports %+v and %+v: want the %d articles added once between them", a, b, n)
	}
	check, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	var articles, logged, maxSeq, chunks, vectors, badChunks int
	check.QueryRow(`SELECT COUNT(*) FROM articles`).Scan(&articles)
	check.QueryRow(`SELECT COUNT(*), MAX(seq) FROM changes`).Scan(&logged, &maxSeq)
	check.QueryRow(`SELECT COUNT(*) FROM chunks`).Scan(&chunks)
	check.QueryRow(`SELECT COUNT(*) FROM embeddings`).Scan(&vectors)
	// Chunks of an article are numbered 0..k-1 once each.
	check.QueryRow(`SELECT COUNT(*) FROM (SELECT article_id FROM chunks GROUP BY article_id
		HAVING COUNT(*) != MAX(idx) + 1 OR COUNT(DISTINCT idx) != COUNT(*))`).Scan(&badChunks)
	if articles != n || logged != n || maxSeq != n {
		t.Errorf("%d articles, %d logged, last change %d: want %d each (every article applied once)", articles, logged, maxSeq, n)
	}
	if chunks == 0 || vectors != chunks || badChunks != 0 {
		t.Errorf("%d chunks, %d vectors, %d articles with missing or repeated chunks", chunks, vectors, badChunks)
	}
}
