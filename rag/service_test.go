package rag

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/internal/sqlitedb"
	"github.com/newsbot/newsbot/rag/answer"
)

// testArticles is a small corpus: two outlets on one story and an unrelated
// article.
func testArticles() []corpus.Article {
	arts := []corpus.Article{
		{ID: "a1", Title: "Kremlin rejects plan", Source: "Wire One", Published: time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC),
			Text: "Putin firmly rejected key parts of the American peace plan on Tuesday.\nThe talks in Moscow lasted five hours.\nAides said some proposals do not fit us."},
		{ID: "a2", Title: "Talks end without deal", Source: "Daily Two", Published: time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC),
			Text: "Negotiators left Moscow without a breakthrough.\nThe meeting ran for nearly five hours in the Kremlin.\nUkraine's foreign minister said Kyiv would wait for a report."},
		{ID: "a3", Title: "Cup final", Source: "Sports Desk",
			Text: "The football club won the cup final with a late goal.\nFans celebrated in the city centre until midnight."},
	}
	for i := range arts {
		arts[i].Hash = "h-" + arts[i].Text
		arts[i].Origin = testOrigin
	}
	return arts
}

// testOrigin is the origin of testArticles.
const testOrigin = "/test/corpus"

// countingEmbedder wraps the local embedder and counts embedded texts.
func countingEmbedder(n *atomic.Int64) Embedder {
	e := LocalEmbedder()
	inner := e.Documents
	e.Documents = func(ctx context.Context, texts []string) ([][]float32, error) {
		n.Add(int64(len(texts)))
		return inner(ctx, texts)
	}
	return e
}

// openDB opens the database at path for the test's duration.
func openDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sqlitedb.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open database: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// openShipped returns a service on a new database holding the shipped
// articles.
func openShipped(t *testing.T) *Service {
	t.Helper()
	s := openTest(t, Config{})
	arts, err := corpus.LoadFS(corpus.Shipped)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Ingest(t.Context(), arts, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	return s
}

func openTest(t *testing.T, cfg Config) *Service {
	t.Helper()
	if cfg.DB == nil {
		cfg.DB = openDB(t, filepath.Join(t.TempDir(), "test.db"))
	}
	s, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestIngestRemovesOnlyWhatIsGoneFromAScannedOrigin: a folder that was
// not read (missing mount, another folder) loses nothing, and an ingest
// that would empty most of a folder is refused unless pruning.
func TestIngestRemovesOnlyWhatIsGoneFromAScannedOrigin(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, Config{})
	arts := testArticles()
	if _, err := s.Ingest(ctx, arts, IngestOptions{Scanned: []string{testOrigin}}); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		srcs, _ := s.Sources(ctx)
		return len(srcs)
	}

	// Other articles from another origin: the test corpus was not scanned.
	shipped := []corpus.Article{{ID: "s1", Title: "Shipped", Origin: "shipped", Hash: "s1", Text: "A shipped demo article about the harbour opening."}}
	rep, err := s.Ingest(ctx, shipped, IngestOptions{Scanned: []string{"shipped"}})
	if err != nil || rep.Removed != 0 || count() != 4 {
		t.Fatalf("ingest of another origin: %+v, %v, %d stored; want nothing removed", rep, err, count())
	}

	// The test corpus read empty: refused, nothing changed.
	rep, err = s.Ingest(ctx, shipped, IngestOptions{Scanned: []string{testOrigin, "shipped"}})
	if !errors.Is(err, ErrTooManyRemovals) || count() != 4 {
		t.Fatalf("emptied origin: %+v, %v, %d stored; want ErrTooManyRemovals and 4 stored", rep, err, count())
	}
	if !strings.Contains(err.Error(), "3 of the 3 articles stored from "+testOrigin) {
		t.Errorf("error %q does not say what would go", err)
	}

	// With Prune it goes through.
	rep, err = s.Ingest(ctx, shipped, IngestOptions{Scanned: []string{testOrigin, "shipped"}, Prune: true})
	if err != nil || rep.Removed != 3 || count() != 1 {
		t.Fatalf("pruned: %+v, %v, %d stored; want 3 removed", rep, err, count())
	}
}

// TestIngestMovedIDsAreNoRemoval: articles stored under their file names
// ("a1") that reappear under path ids ("news/a1", as folders are read now)
// are re-filed without --prune; the old ids go.
func TestIngestMovedIDsAreNoRemoval(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, Config{})
	arts := testArticles()
	if _, err := s.Ingest(ctx, arts, IngestOptions{Scanned: []string{testOrigin}}); err != nil {
		t.Fatal(err)
	}
	for i := range arts {
		arts[i].ID = "news/" + arts[i].ID
	}
	rep, err := s.Ingest(ctx, arts, IngestOptions{Scanned: []string{testOrigin}})
	if err != nil || rep.Added != 3 || rep.Removed != 3 {
		t.Fatalf("re-filed: %+v, %v; want 3 added, 3 removed, no error", rep, err)
	}
	srcs, _ := s.Sources(ctx)
	for _, src := range srcs {
		if !strings.HasPrefix(src.ID, "news/") {
			t.Errorf("old id %q still stored", src.ID)
		}
	}
}

func TestIngestIsIncremental(t *testing.T) {
	ctx := context.Background()
	var embedded atomic.Int64
	dbPath := filepath.Join(t.TempDir(), "news.db")
	s := openTest(t, Config{DB: openDB(t, dbPath), Embedder: countingEmbedder(&embedded)})
	arts := testArticles()

	rep, err := s.Ingest(ctx, arts, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 3 || rep.Chunks == 0 || rep.Embedded != rep.Chunks {
		t.Fatalf("first ingest = %+v, want 3 added and every chunk embedded", rep)
	}

	embedded.Store(0)
	rep, err = s.Ingest(ctx, arts, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Unchanged != 3 || rep.Added+rep.Updated+rep.Removed != 0 || embedded.Load() != 0 {
		t.Fatalf("re-ingest = %+v with %d texts embedded, want nothing embedded", rep, embedded.Load())
	}

	// Change one, drop one (but keep it when its file merely failed to load), drop another.
	arts[0].Text += "\nA new paragraph was added."
	arts[0].Hash = "changed"
	rep, err = s.Ingest(ctx, arts[:1], IngestOptions{Scanned: []string{testOrigin}, Keep: map[string]bool{"a2": true}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Updated != 1 || rep.Removed != 1 || int(embedded.Load()) != rep.Embedded || rep.Embedded == 0 {
		t.Fatalf("third ingest = %+v (embedded %d), want 1 updated, 1 removed", rep, embedded.Load())
	}
	srcs, _ := s.Sources(ctx)
	if len(srcs) != 2 {
		t.Fatalf("sources after removal = %d, want 2 (a1 and kept a2)", len(srcs))
	}

	// A new process sees the same data, and a new embedder re-embeds all.
	s.Close()
	embedded.Store(0)
	other := LocalEmbedder()
	other.Name += "-v2"
	inner := other.Documents
	other.Documents = func(ctx context.Context, texts []string) ([][]float32, error) {
		embedded.Add(int64(len(texts)))
		return inner(ctx, texts)
	}
	s2 := openTest(t, Config{DB: openDB(t, dbPath), Embedder: other})
	rep, err = s2.Ingest(ctx, arts[:2], IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Unchanged != 2 || int(embedded.Load()) != rep.Chunks {
		t.Fatalf("ingest with new embedder = %+v (embedded %d), want all %d chunks re-embedded", rep, embedded.Load(), rep.Chunks)
	}
}

func TestIngestFailureKeepsDatabaseUsable(t *testing.T) {
	ctx := context.Background()
	dbPath := filepath.Join(t.TempDir(), "news.db")
	calls := 0
	e := LocalEmbedder()
	inner := e.Documents
	e.Documents = func(ctx context.Context, texts []string) ([][]float32, error) {
		calls++
		if calls > 1 {
			return nil, errors.New("embedding server went away")
		}
		return inner(ctx, texts)
	}
	s := openTest(t, Config{DB: openDB(t, dbPath), Embedder: e})
	arts := testArticles()
	// Make each article its own batch by giving it many chunks.
	for i := range arts {
		arts[i].Text = strings.Repeat(arts[i].Text+"\n", 600)
	}
	if _, err := s.Ingest(ctx, arts, IngestOptions{}); err == nil {
		t.Fatal("ingest with a failing embedder succeeded")
	}
	s.Close()

	s2 := openTest(t, Config{DB: openDB(t, dbPath)})
	rep, err := s2.Ingest(ctx, arts, IngestOptions{})
	if err != nil {
		t.Fatalf("re-run after failure: %v", err)
	}
	if rep.Added+rep.Unchanged != 3 || rep.Added == 3 {
		t.Fatalf("re-run = %+v, want the first batch kept and the rest added", rep)
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, Config{})
	if res, err := s.Search(ctx, "anything", 5, answer.Filter{}); err != nil || len(res) != 0 {
		t.Fatalf("search on empty corpus = %v, %v; want no results, no error", res, err)
	}
	if _, err := s.Ingest(ctx, testArticles(), IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		query     string
		k         int
		filter    answer.Filter
		wantFirst string
		wantN     int
		wantErr   error
	}{
		{name: "relevant first", query: "Who rejected the peace plan?", k: 2, wantFirst: "a1", wantN: 2},
		{name: "k larger than corpus", query: "football cup final", k: 1000, wantFirst: "a3"},
		{name: "source filter", query: "five hours Moscow", k: 5, filter: answer.Filter{Sources: []string{"daily two"}}, wantFirst: "a2"},
		{name: "article filter", query: "five hours Moscow", k: 5, filter: answer.Filter{ArticleIDs: []string{"a1"}}, wantFirst: "a1"},
		// a3, the one about a cup final, is undated; a1 is a day too early.
		{name: "date filter excludes undated", query: "cup final", k: 5, filter: answer.Filter{From: time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)}, wantFirst: "a2", wantN: 1},
		{name: "date filter upper bound", query: "talks Moscow", k: 5, filter: answer.Filter{To: time.Date(2025, 12, 2, 12, 0, 0, 0, time.UTC)}, wantFirst: "a1", wantN: 1},
		{name: "empty query", query: "  ", wantErr: answer.ErrEmptyQuestion},
		{name: "punctuation only", query: "?!", wantErr: answer.ErrEmptyQuestion},
		{name: "huge query", query: strings.Repeat("talks ", 1000), wantErr: answer.ErrQuestionTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Search(ctx, tt.query, tt.k, tt.filter)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(res) == 0 || !strings.HasPrefix(res[0].Chunk.ArticleID, tt.wantFirst) {
				t.Fatalf("results = %+v, want first from %s", res, tt.wantFirst)
			}
			if tt.wantN > 0 && len(res) != tt.wantN {
				t.Errorf("got %d results, want %d", len(res), tt.wantN)
			}
			for i, r := range res {
				if r.Rank != i+1 {
					t.Errorf("result %d has rank %d", i, r.Rank)
				}
				if len(tt.filter.Sources) > 0 && r.Source.Source != "Daily Two" {
					t.Errorf("filtered result from %q", r.Source.Source)
				}
				if len(tt.filter.ArticleIDs) > 0 && r.Chunk.ArticleID != "a1" {
					t.Errorf("filtered result from %q", r.Chunk.ArticleID)
				}
				if f, p := tt.filter, r.Source.Published; (!f.From.IsZero() || !f.To.IsZero()) &&
					(p.IsZero() || p.Before(f.From) || (!f.To.IsZero() && p.After(f.To))) {
					t.Errorf("date-filtered result %q published %v, want within %v – %v", r.Chunk.ArticleID, p, f.From, f.To)
				}
			}
		})
	}
}

func TestSearchDropsNearDuplicatePassages(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, Config{})
	wire := "The central bank raised interest rates by half a point on Thursday to fight inflation."
	arts := []corpus.Article{
		{ID: "w1", Source: "Paper One", Text: wire, Hash: "1"},
		{ID: "w2", Source: "Paper Two", Text: wire, Hash: "2"},
		{ID: "w3", Source: "Paper Three", Text: "Economists said the central bank's decision on interest rates came as a surprise.", Hash: "3"},
	}
	if _, err := s.Ingest(ctx, arts, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	res, err := s.Search(ctx, "central bank interest rates", 2, answer.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, r := range res {
		got[r.Chunk.ArticleID] = true
	}
	if len(res) != 2 || !got["w3"] || (got["w1"] && got["w2"]) {
		t.Fatalf("results from %v: the syndicated copy crowded out the other article", got)
	}
}

// mustIndex returns s's in-memory index, building it if needed.
func mustIndex(tb testing.TB, s *Service) *index {
	tb.Helper()
	ix, err := s.loadedIndex(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return ix
}
