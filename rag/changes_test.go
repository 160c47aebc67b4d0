package rag

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/localembed"
)

// citedArticles returns the article ids of the passages found for q.
func citedArticles(t *testing.T, s *Service, q string, f answer.Filter) []string {
	t.Helper()
	res, err := s.Search(context.Background(), q, 10, f)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range res {
		if r.Chunk.Text == "" {
			t.Errorf("result %s has no text", r.Chunk.ID)
		}
		out = append(out, r.Chunk.ArticleID)
	}
	return out
}

// TestRefreshFollowsAnotherService: two Services on one database file (as
// two processes would be): what one ingests or removes, the other finds or
// stops finding after Refresh, by applying the logged changes only.
func TestRefreshFollowsAnotherService(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	writer := openTest(t, Config{DB: openDB(t, path)})
	arts := testArticles()
	if _, err := writer.Ingest(ctx, arts, IngestOptions{Scanned: []string{testOrigin}}); err != nil {
		t.Fatal(err)
	}
	reader := openTest(t, Config{DB: openDB(t, path)})
	if n, err := reader.Refresh(ctx); err != nil || n != 0 {
		t.Fatalf("refresh of an up-to-date reader = %d, %v; want 0", n, err)
	}

	const q = "What happened at the lighthouse auction?"
	added := corpus.Article{ID: "a4", Title: "Lighthouse sold", Source: "Coast Post", Origin: testOrigin, Hash: "h4",
		Published: time.Date(2025, 12, 4, 0, 0, 0, 0, time.UTC),
		Text:      "The old lighthouse was sold at auction to a marine charity.\nThe lighthouse auction raised money for the harbour."}
	if _, err := writer.Ingest(ctx, append(slices.Clone(arts), added), IngestOptions{Scanned: []string{testOrigin}}); err != nil {
		t.Fatal(err)
	}
	if got := citedArticles(t, reader, q, answer.Filter{}); slices.Contains(got, "a4") {
		t.Fatalf("reader found a4 before refreshing: %v", got)
	}
	n, err := reader.Refresh(ctx)
	if err != nil || n != 1 {
		t.Fatalf("Refresh = %d, %v; want the 1 change applied", n, err)
	}
	if got := citedArticles(t, reader, q, answer.Filter{}); len(got) == 0 || got[0] != "a4" {
		t.Fatalf("after refresh the reader finds %v; want a4 first", got)
	}
	if got := citedArticles(t, reader, q, answer.Filter{Sources: []string{"coast post"}}); !slices.Equal(got, []string{"a4"}) {
		t.Errorf("filtered to its source: %v, want [a4]", got)
	}
	if n, _ := reader.Refresh(ctx); n != 0 {
		t.Errorf("second refresh applied %d changes, want 0", n)
	}

	// Removed by the writer: the reader stops citing it.
	if _, err := writer.Ingest(ctx, arts, IngestOptions{Scanned: []string{testOrigin}}); err != nil {
		t.Fatal(err)
	}
	if _, err := reader.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if got := citedArticles(t, reader, q, answer.Filter{}); slices.Contains(got, "a4") {
		t.Fatalf("reader still cites removed a4: %v", got)
	}
	srcs, _ := reader.Sources(ctx)
	if len(srcs) != 3 || mustIndex(t, reader).size() != mustIndex(t, writer).size() {
		t.Errorf("reader holds %d articles, %d chunks; writer %d chunks", len(srcs), mustIndex(t, reader).size(), mustIndex(t, writer).size())
	}
}

// TestRefreshReplacesChangedArticle: an article edited by another process
// is replaced (old text gone, new found), not duplicated.
func TestRefreshReplacesChangedArticle(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	writer := openTest(t, Config{DB: openDB(t, path)})
	arts := testArticles()
	writer.Ingest(ctx, arts, IngestOptions{Scanned: []string{testOrigin}})
	reader := openTest(t, Config{DB: openDB(t, path)})
	before := mustIndex(t, reader).size()

	arts[2].Text = "The rowing club won the regatta on the river.\nSupporters cheered from the bridge."
	arts[2].Hash = "changed"
	if _, err := writer.Ingest(ctx, arts, IngestOptions{Scanned: []string{testOrigin}}); err != nil {
		t.Fatal(err)
	}
	if _, err := reader.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if got := citedArticles(t, reader, "Who won the regatta?", answer.Filter{}); len(got) == 0 || got[0] != "a3" {
		t.Errorf("edited article not found: %v", got)
	}
	res, _ := reader.Search(ctx, "football cup final goal", 10, answer.Filter{ArticleIDs: []string{"a3"}})
	for _, r := range res {
		if strings.Contains(r.Chunk.Text, "football") {
			t.Errorf("old text still retrievable: %q", r.Chunk.Text)
		}
	}
	if got := mustIndex(t, reader).size(); got != before {
		t.Errorf("reader holds %d chunks after the edit, want %d", got, before)
	}
}

// TestUnchangedReingestWritesNothing: files reported unchanged by their
// stamp are neither embedded nor logged, and the index is not touched.
func TestUnchangedReingestWritesNothing(t *testing.T) {
	ctx := context.Background()
	var embedded atomic.Int64
	s := openTest(t, Config{Embedder: countingEmbedder(&embedded)})
	arts := testArticles()
	stamps := map[string]corpus.Stamp{}
	for i, a := range arts {
		stamps[a.ID] = corpus.Stamp{Size: int64(len(a.Text)), ModTime: time.Unix(1_700_000_000+int64(i), 5)}
	}
	if _, err := s.Ingest(ctx, arts, IngestOptions{Scanned: []string{testOrigin}, Stamps: stamps}); err != nil {
		t.Fatal(err)
	}
	unchanged, err := s.UnchangedFiles(ctx, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range arts {
		if !unchanged(a.ID, stamps[a.ID]) {
			t.Fatalf("%s with its stored stamp is not unchanged", a.ID)
		}
		ids = append(ids, a.ID)
	}
	if unchanged("a1", corpus.Stamp{Size: 1, ModTime: stamps["a1"].ModTime}) {
		t.Error("a different size counts as unchanged")
	}
	if other, _ := s.UnchangedFiles(ctx, "/elsewhere"); other("a1", stamps["a1"]) {
		t.Error("a file in another folder counts as unchanged")
	}
	seq, _ := s.store.lastSeq(ctx)
	embedded.Store(0)
	rep, err := s.Ingest(ctx, nil, IngestOptions{Scanned: []string{testOrigin}, Unchanged: ids})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := s.store.lastSeq(ctx)
	if rep.Unchanged != 3 || rep.Removed != 0 || rep.Embedded != 0 || embedded.Load() != 0 || after != seq {
		t.Errorf("re-ingest = %+v, %d embedded, log %d→%d; want 3 unchanged and nothing written", rep, embedded.Load(), seq, after)
	}
}

// TestDimensionChangeReembeds: the same model name returning vectors of
// another length is found at ingest and every passage is re-embedded;
// questions then use the new vectors.
func TestDimensionChangeReembeds(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dim.db")
	s := openTest(t, Config{DB: openDB(t, path)})
	if _, err := s.Ingest(ctx, testArticles(), IngestOptions{Scanned: []string{testOrigin}}); err != nil {
		t.Fatal(err)
	}
	for _, dim := range []int{64, 0} { // configured, and learnt by asking the model
		emb := shortEmbedder(dim)
		s2 := openTest(t, Config{DB: openDB(t, path), Embedder: emb})
		if dim > 0 && s2.Unembedded() == 0 {
			t.Fatal("vectors of the old length count as embedded")
		}
		arts := testArticles()
		if dim == 0 {
			// Unconfigured, the length is learnt when an ingest embeds.
			arts = append(arts, corpus.Article{ID: "n1", Origin: testOrigin, Hash: "n1", Text: "A new article about the harbour."})
		}
		rep, err := s2.Ingest(ctx, arts, IngestOptions{Scanned: []string{testOrigin}})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Embedded != mustIndex(t, s2).size() {
			t.Errorf("dim %d: re-embedded %d of %d chunks", dim, rep.Embedded, mustIndex(t, s2).size())
		}
		if s2.Unembedded() != 0 {
			t.Errorf("dim %d: %d chunks left without a vector", dim, s2.Unembedded())
		}
		_, warnings, err := s2.retrieve(ctx, "What did Putin reject?", 5, answer.Filter{})
		if err != nil || len(warnings) > 0 {
			t.Errorf("dim %d: question after re-embedding: %v, warnings %v", dim, err, warnings)
		}
		// Back to the full length for the next round.
		if _, err := s.Ingest(ctx, testArticles(), IngestOptions{Scanned: []string{testOrigin}}); err != nil {
			t.Fatal(err)
		}
	}
}

// shortEmbedder is the local embedder under its own name, returning 64 of
// its 512 dimensions: a model that changed its vector length. dim is the
// configured length (0: learnt by asking).
func shortEmbedder(dim int) Embedder {
	local := LocalEmbedder()
	short := func(inner EmbedFunc) EmbedFunc {
		return func(ctx context.Context, texts []string) ([][]float32, error) {
			v, err := inner(ctx, texts)
			for i := range v {
				v[i] = localembed.Normalize(v[i][:64])
			}
			return v, err
		}
	}
	return Embedder{Name: local.Name, Dim: dim, Documents: short(local.Documents), Query: short(local.Query)}
}
