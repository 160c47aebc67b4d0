package feeds

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// writeLegacyState creates dir/state.db with the DDL of before the move
// and one row in each table.
func writeLegacyState(t *testing.T, dir string) {
	t.Helper()
	ddl, err := os.ReadFile("testdata/state_v0.sql")
	if err != nil {
		t.Fatal(err)
	}
	old := testDB(t, filepath.Join(dir, "state")) // dir/state.db
	for _, q := range []string{string(ddl),
		`INSERT INTO feeds (url, etag, last_modified, title, checked_at, last_error) VALUES ('https://x.test/rss', '"v1"', 'Mon, 01 Dec 2025 09:00:00 GMT', 'X News', '2025-12-01T09:00:00Z', '')`,
		`INSERT INTO articles (id, key, url, text_hash, minhash, feed, first_seen, last_fetched) VALUES ('x_1', 'x.test/a', 'https://x.test/a', 'h1', x'0102', 'https://x.test/rss', '2025-12-01T09:00:00Z', '2025-12-01T09:00:00Z')`,
		`INSERT INTO aliases (key, article_id, kind) VALUES ('y.test/a', 'x_1', 'copy')`,
		`INSERT INTO entries (feed, link, fingerprint, article_id, status, reason, seen_at) VALUES ('https://x.test/rss', 'x.test/a', 'fp', 'x_1', 'stored', '', '2025-12-01T09:00:00Z')`,
	} {
		if _, err := old.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestLegacyStateIsImportedOnce(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeLegacyState(t, dir)
	db := testDB(t, dir)
	f := newFetcher(t, Config{Dir: dir, DB: db})

	etag, lastMod, err := f.st.feedValidators(ctx, "https://x.test/rss")
	if err != nil || etag != `"v1"` || lastMod == "" {
		t.Fatalf("validators after import = %q, %q, %v", etag, lastMod, err)
	}
	id, kind, found, err := f.st.lookup(ctx, "y.test/a")
	if err != nil || !found || id != "x_1" || kind != aliasCopy {
		t.Fatalf("alias after import = %q %q %v %v", id, kind, found, err)
	}
	e, ok, err := f.st.entry(ctx, "https://x.test/rss", "x.test/a")
	if err != nil || !ok || e.status != entryStored || e.articleID != "x_1" {
		t.Fatalf("entry after import = %+v %v %v", e, ok, err)
	}
	arts, err := f.st.articles(ctx)
	if err != nil || len(arts) != 1 || arts[0].key != "x.test/a" || arts[0].textHash != "h1" {
		t.Fatalf("articles after import = %+v, %v", arts, err)
	}

	if _, err := os.Stat(filepath.Join(dir, "state.db")); !os.IsNotExist(err) {
		t.Errorf("state.db still in place after the import (%v)", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "state.db.migrated")); err != nil {
		t.Errorf("state.db was not kept as state.db.migrated: %v", err)
	}

	// A state.db that reappears is not imported over existing state.
	writeLegacyState(t, dir)
	newFetcher(t, Config{Dir: dir, DB: db})
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM feed_entries`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("feed_entries has %d rows (%v), want the 1 imported once", n, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "state.db")); err != nil {
		t.Errorf("a state.db not imported was moved: %v", err)
	}
}
