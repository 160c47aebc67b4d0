package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/internal/sqlitedb"
)

// wantOwners are the packages that own tables in the database.
var wantOwners = map[string]int{"rag": 4, "corpus/feeds": 1, "bot": 2, "bot/schedule": 1}

func TestVersionOfFreshDatabase(t *testing.T) {
	c := newCLI(t, "../../corpus")
	code, out, stderr := c.run("version", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var v versionOutput
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if v.Version == "" || v.Go != runtime.Version() || v.Database != c.env["NEWSBOT_DB"] {
		t.Errorf("version = %+v", v)
	}
	if fmt.Sprint(v.Schema) != fmt.Sprint(wantOwners) {
		t.Errorf("schema = %v, want %v", v.Schema, wantOwners)
	}

	code, out, _ = c.run("version")
	if code != 0 || !strings.Contains(out, "schema bot 2, bot/schedule 1, corpus/feeds 1, rag 4") ||
		!strings.Contains(out, "database "+c.env["NEWSBOT_DB"]) {
		t.Fatalf("exit %d, output %q", code, out)
	}
	if code, _, _ := c.run("version", "extra"); code != 2 {
		t.Errorf("version with an argument: exit %d, want 2", code)
	}
}

// oldRows fills a database built with the DDL of before migrations: every
// table gets rows, including ones the new code must not touch.
var (
	oldMainRows = []string{
		`INSERT INTO meta (key, value) VALUES ('last_ingest', '2025-12-02T10:00:00Z'), ('embedder', 'old-model')`,
		`INSERT INTO articles (id, title, source, url, author, published, published_from, path, hash, text, ingested_at)
			VALUES ('a1', 'Harbour reopens', 'Coast Times', 'https://c.test/a1', 'A. Reporter', 1764669600, 'front matter', '/old/a1.md', 'h1', 'The harbour reopened.', 1764669700),
			       ('a2', 'Undated', 'Wire', '', '', NULL, '', '/old/a2.txt', 'h2', 'No date here.', 1764669800)`,
		`INSERT INTO chunks (id, article_id, idx, text, start_off, end_off, sentences)
			VALUES ('a1#0', 'a1', 0, 'The harbour reopened.', 0, 21, '[{"start":0,"end":21}]'), ('a2#0', 'a2', 0, 'No date here.', 0, 13, '[{"start":0,"end":13}]')`,
		`INSERT INTO embeddings (chunk_id, model, dim, vector) VALUES ('a1#0', 'old-model', 2, x'0000803f00000000'), ('a2#0', 'old-model', 2, x'000000000000803f')`,
		`INSERT INTO feedback_answers (id, created_at, guild_id, channel_id, user_id, question, answer, chunk_ids, mode, refused)
			VALUES ('ans1', '2025-12-02T10:00:00.123Z', 'g1', 'c1', 'u1', 'When did the harbour reopen?', 'On Monday [1].', '["a1#0"]', 'extractive', 0)`,
		`INSERT INTO feedback (answer_id, user_id, vote, question, answer, chunk_ids, guild_id, channel_id, message_id, created_at, updated_at)
			VALUES ('ans1', 'u2', 1, 'When did the harbour reopen?', 'On Monday [1].', '["a1#0"]', 'g1', 'c1', 'm1', '2025-12-02T10:01:00Z', '2025-12-02T10:02:00Z')`,
		`INSERT INTO brief_subscriptions (guild_id, channel_id, at, tz, created_by, created_at)
			VALUES ('g1', 'c1', '08:00', 'Europe/Berlin', 'u1', 1764669600000)`,
		`INSERT INTO brief_deliveries (subscription_id, local_date, state, nonce, scheduled_at, briefing, attempts, claimed_at, posted_at, last_error)
			VALUES (1, '2025-12-02', 'posted', 'b1-20251202', 1764658800000, '{"mode":"extractive"}', 1, 1764658800500, 1764658801000, NULL)`,
		`INSERT INTO briefing_parts (key, part, posted_at) VALUES ('b1-20251202', 0, 1764658801), ('b1-20251202', 1, 1764658802)`,
	}
	oldStateRows = []string{
		`INSERT INTO feeds (url, etag, last_modified, title, checked_at, last_error)
			VALUES ('https://c.test/rss', '"v7"', 'Tue, 02 Dec 2025 09:00:00 GMT', 'Coast Times', '2025-12-02T09:00:00Z', ''),
			       ('https://broken.test/rss', '', '', '', '2025-12-02T09:00:00Z', 'HTTP 404')`,
		`INSERT INTO articles (id, key, url, text_hash, minhash, feed, first_seen, last_fetched)
			VALUES ('c.test_0123456789abcdef', 'c.test/a1', 'https://c.test/a1', 'th1', x'00112233', 'https://c.test/rss', '2025-12-01T09:00:00Z', '2025-12-02T09:00:00Z')`,
		`INSERT INTO aliases (key, article_id, kind) VALUES ('m.test/a1', 'c.test_0123456789abcdef', 'copy'), ('c.test/go/a1', 'c.test_0123456789abcdef', 'link')`,
		`INSERT INTO entries (feed, link, fingerprint, article_id, status, reason, seen_at)
			VALUES ('https://c.test/rss', 'c.test/a1', 'fp1', 'c.test_0123456789abcdef', 'stored', '', '2025-12-02T09:00:00Z'),
			       ('https://c.test/rss', 'c.test/paywall', 'fp2', '', 'skipped', 'text too short', '2025-12-02T09:00:00Z')`,
	}
	// The tables of each file, and where their rows live now.
	mainTables  = []string{"meta", "articles", "chunks", "embeddings", "feedback_answers", "feedback", "brief_subscriptions", "brief_deliveries", "briefing_parts"}
	stateTables = map[string]string{"feeds": "feed_sources", "articles": "feed_articles", "aliases": "feed_aliases", "entries": "feed_entries"}
)

// buildOld creates a database at path with the DDL in ddlFile and rows.
func buildOld(t *testing.T, path, ddlFile string, rows []string) {
	t.Helper()
	ddl, err := os.ReadFile(ddlFile)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sqlitedb.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range append([]string{string(ddl)}, rows...) {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
}

// dump returns every row of table as text, sorted, with its columns (all
// of them, or the ones named), and fails on an empty table (a table the
// test did not fill proves nothing). Later migrations may add columns:
// rows are compared on the columns the old table had.
func dump(t *testing.T, db *sql.DB, table string, only ...string) ([]string, []string) {
	t.Helper()
	sel := "*"
	if len(only) > 0 {
		sel = strings.Join(only, ", ")
	}
	rows, err := db.Query(`SELECT ` + sel + ` FROM ` + table)
	if err != nil {
		t.Fatalf("read %s: %v", table, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%q", vals))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("table %s is empty", table)
	}
	slices.Sort(out)
	return out, cols
}

// TestUpgradeKeepsEveryRow opens a newsbot.db and a feeds state.db made by
// the version before migrations through the new code and checks that every
// row survived, the feed state moved into newsbot.db, state.db was kept as
// state.db.migrated, and every owner's schema version is recorded.
func TestUpgradeKeepsEveryRow(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "newsbot.db")
	feedsDir := filepath.Join(dir, "feeds")
	buildOld(t, dbPath, "testdata/newsbot_v0.sql", oldMainRows)
	buildOld(t, filepath.Join(feedsDir, "state.db"), "../../corpus/feeds/testdata/state_v0.sql", oldStateRows)

	before, beforeCols := map[string][]string{}, map[string][]string{}
	old, err := sqlitedb.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, tbl := range mainTables {
		before[tbl], beforeCols[tbl] = dump(t, old, tbl)
	}
	old.Close()
	if old, err = sqlitedb.Open(ctx, filepath.Join(feedsDir, "state.db")); err != nil {
		t.Fatal(err)
	}
	for from, to := range stateTables {
		before[to], beforeCols[to] = dump(t, old, from)
	}
	old.Close()

	// Open everything the way newsbot does.
	opts := defaultOptions(func(string) string { return "" })
	opts.db, opts.feedsDir = dbPath, feedsDir
	a := &app{opts: opts, env: func(string) string { return "" }, stdout: os.Stdout, stderr: os.Stderr, logger: slog.New(slog.DiscardHandler)}
	defer a.close()
	svc, err := a.service(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if srcs, _ := svc.Sources(ctx); len(srcs) != 2 {
		t.Errorf("the service sees %d of the 2 stored articles", len(srcs))
	}
	f, err := a.newFetcher(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	db, err := a.database(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := newBriefingPoster(ctx, db); err != nil {
		t.Fatal(err)
	}

	for tbl, want := range before {
		if got, _ := dump(t, db, tbl, beforeCols[tbl]...); !slices.Equal(got, want) {
			t.Errorf("%s after the upgrade:\n%s\nwant\n%s", tbl, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	if _, err := os.Stat(filepath.Join(feedsDir, "state.db")); !os.IsNotExist(err) {
		t.Errorf("state.db is still in the feeds folder (%v)", err)
	}
	if _, err := os.Stat(filepath.Join(feedsDir, "state.db.migrated")); err != nil {
		t.Errorf("state.db was not kept as state.db.migrated: %v", err)
	}
	a.close()
	a.db, a.svc = nil, nil

	c := &cli{t: t, env: map[string]string{"NEWSBOT_DB": dbPath, "NEWSBOT_FEEDS_DIR": feedsDir}}
	code, out, stderr := c.run("version", "--json")
	var v versionOutput
	if err := json.Unmarshal([]byte(out), &v); code != 0 || err != nil {
		t.Fatalf("version: exit %d, %v: %s", code, err, stderr)
	}
	if fmt.Sprint(v.Schema) != fmt.Sprint(wantOwners) {
		t.Errorf("schema after the upgrade = %v, want %v", v.Schema, wantOwners)
	}
}
