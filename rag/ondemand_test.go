package rag

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/rag/answer"
)

// TestIndexOnDemandIngestsWithoutBuilding: a Service opened for ingest
// only never builds its in-memory index, yet reports the same chunks,
// sources and unembedded count as one that did; the first search builds
// it, with every article stored so far.
func TestIndexOnDemandIngestsWithoutBuilding(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lazy.db")
	lazy := openTest(t, Config{DB: openDB(t, path), IndexOnDemand: true})
	if lazy.current() != nil {
		t.Fatal("Open built the index")
	}
	arts := testArticles()
	rep, err := lazy.Ingest(ctx, arts, IngestOptions{Scanned: []string{testOrigin}})
	if err != nil {
		t.Fatal(err)
	}
	if lazy.current() != nil {
		t.Fatal("a first ingest built the index")
	}
	rep2, err := lazy.Ingest(ctx, arts, IngestOptions{Scanned: []string{testOrigin}})
	if err != nil || lazy.current() != nil {
		t.Fatalf("unchanged re-ingest: %v, index built: %v", err, lazy.current() != nil)
	}
	eager := openTest(t, Config{DB: openDB(t, path)})
	if rep.Chunks != mustIndex(t, eager).size() || rep2.Chunks != rep.Chunks || rep2.Unchanged != 3 || rep2.Embedded != 0 {
		t.Errorf("lazy reports %+v then %+v; the index holds %d chunks", rep, rep2, mustIndex(t, eager).size())
	}
	lazySrcs, err := lazy.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	eagerSrcs, _ := eager.Sources(ctx)
	if !slices.Equal(lazySrcs, eagerSrcs) {
		t.Errorf("sources from the store %+v, from the index %+v", lazySrcs, eagerSrcs)
	}
	if n, err := lazy.Refresh(ctx); n != 0 || err != nil || lazy.current() != nil {
		t.Errorf("Refresh before the index is built = %d, %v (built: %v)", n, err, lazy.current() != nil)
	}
	if lazy.Unembedded() != 0 || lazy.current() != nil {
		t.Errorf("Unembedded = %d (built: %v)", lazy.Unembedded(), lazy.current() != nil)
	}

	// Another process adds an article; the lazy service's first search
	// sees it without a Refresh.
	added := corpus.Article{ID: "a4", Title: "Lighthouse sold", Source: "Coast Post", Origin: testOrigin, Hash: "h4",
		Text: "The old lighthouse was sold at auction to a marine charity."}
	if _, err := eager.Ingest(ctx, append(slices.Clone(arts), added), IngestOptions{Scanned: []string{testOrigin}}); err != nil {
		t.Fatal(err)
	}
	if got := citedArticles(t, lazy, "Who bought the lighthouse?", answer.Filter{}); len(got) == 0 || got[0] != "a4" {
		t.Errorf("first search of the lazy service cites %v, want a4 first", got)
	}
	if lazy.current() == nil {
		t.Fatal("a search did not build the index")
	}
	// Built, it follows the log like any other.
	if _, err := eager.Ingest(ctx, arts, IngestOptions{Scanned: []string{testOrigin}}); err != nil {
		t.Fatal(err)
	}
	if n, err := lazy.Refresh(ctx); n != 1 || err != nil {
		t.Errorf("Refresh after a removal = %d, %v; want 1", n, err)
	}
	if got := citedArticles(t, lazy, "Who bought the lighthouse?", answer.Filter{}); slices.Contains(got, "a4") {
		t.Errorf("removed a4 still cited: %v", got)
	}
}

// TestIndexOnDemandFindsDimensionChange: without its index, an ingest
// still finds vectors of another length (from the store) and re-embeds.
func TestIndexOnDemandFindsDimensionChange(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dim.db")
	s := openTest(t, Config{DB: openDB(t, path)})
	if _, err := s.Ingest(ctx, testArticles(), IngestOptions{Scanned: []string{testOrigin}}); err != nil {
		t.Fatal(err)
	}
	emb := shortEmbedder(64)
	lazy := openTest(t, Config{DB: openDB(t, path), Embedder: emb, IndexOnDemand: true})
	chunks := mustIndex(t, s).size()
	if n := lazy.Unembedded(); n != chunks {
		t.Fatalf("Unembedded = %d, want all %d (stored vectors have 512 dimensions)", n, chunks)
	}
	rep, err := lazy.Ingest(ctx, testArticles(), IngestOptions{Scanned: []string{testOrigin}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Embedded != chunks || lazy.Unembedded() != 0 || lazy.current() != nil {
		t.Errorf("re-embedded %d of %d, %d left, index built %v", rep.Embedded, chunks, lazy.Unembedded(), lazy.current() != nil)
	}
}
