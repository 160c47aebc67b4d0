package rag

import (
	"context"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsbot/newsbot/rag/answer"
)

// TestPlistRoundTrip: compressed postings give back every document and
// count as added, in order, whatever the documents' order (reused numbers
// go backwards), gaps and counts.
func TestPlistRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var want []posting
	var l plist
	add := func(doc, tf int32) {
		l.push(doc, tf)
		want = append(want, posting{doc, tf})
	}
	add(0, 1)
	add(math.MaxInt32, 1)
	add(0, math.MaxInt32)
	add(5, 2)
	for range 10_000 {
		doc := int32(rng.IntN(1 << 20))
		if rng.IntN(4) > 0 { // mostly ascending, as at start-up
			doc = want[len(want)-1].doc + int32(rng.IntN(300))
		}
		tf := int32(1)
		if rng.IntN(5) == 0 {
			tf = int32(rng.IntN(1000)) + 1
		}
		add(doc, tf)
	}
	if got := l.decode(); !slices.Equal(got, want) || int(l.n) != len(want) {
		t.Fatalf("decoded %d postings (n %d), want %d; first difference at %d", len(got), l.n, len(want), firstDiff(got, want))
	}
	if per := float64(len(l.data)) / float64(l.n); per > 3 {
		t.Errorf("%.2f bytes a posting, want ≤ 3", per)
	}
}

func firstDiff(a, b []posting) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestIndexFindsChunksByArticle: with no map from chunk id to slot, a chunk
// is found through the article its id names, and a chunk whose id names
// no article (or another) through the small map kept for those; removing
// an article forgets both kinds.
func TestIndexFindsChunksByArticle(t *testing.T) {
	ix, err := newIndex(0)
	if err != nil {
		t.Fatal(err)
	}
	v := func(x float32) []float32 { return []float32{x, float32(math.Sqrt(float64(1 - x*x)))} }
	ix.putArticle(answer.Source{ID: "news#2025"})
	ix.putArticle(answer.Source{ID: "b"})
	for _, c := range []struct{ art, id string }{{"news#2025", "news#2025#0"}, {"news#2025", "news#2025#1"}, {"b", "b#0"}, {"b", "odd-one"}, {"b", "news#2025#7"}} {
		if err := ix.addChunk(c.art, storedChunk{id: c.id, terms: []string{"port"}, vec: v(0.6)}); err != nil {
			t.Fatal(err)
		}
		if got, ok := ix.lookup(c.id); !ok || got != c.art {
			t.Errorf("lookup(%q) = %q, %v; want %q", c.id, got, ok, c.art)
		}
	}
	if len(ix.odd) != 2 {
		t.Errorf("odd ids kept: %v, want odd-one and news#2025#7", ix.odd)
	}
	// Re-adding a chunk replaces it.
	if err := ix.addChunk("b", storedChunk{id: "odd-one", vec: v(0.8)}); err != nil {
		t.Fatal(err)
	}
	if ix.size() != 5 || ix.vectors != 5 {
		t.Errorf("size %d, vectors %d after replacing a chunk; want 5, 5", ix.size(), ix.vectors)
	}
	res, err := ix.vectorSearch(context.Background(), v(0.8), 1, nil)
	if err != nil || len(res) != 1 || ix.slots[res[0].doc].id != "odd-one" {
		t.Fatalf("vector search = %v, %v; want odd-one", res, err)
	}
	if err := ix.replaceArticle("b", nil, nil); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"b#0", "odd-one", "news#2025#7"} {
		if _, ok := ix.lookup(id); ok {
			t.Errorf("%s still found after its article went", id)
		}
	}
	if len(ix.odd) != 0 || ix.size() != 2 {
		t.Errorf("odd %v, size %d after removing b", ix.odd, ix.size())
	}
}

// TestArenaLeftWhenMostlyDead: start-up puts the vectors in one arena;
// once more than half of them are gone the rest get their own memory
// (chromem-go's documents included), so the arena is not kept for a few
// vectors, and searches still find the survivors.
func TestArenaLeftWhenMostlyDead(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "arena.db")
	writer := openTest(t, Config{DB: openDB(t, path)})
	arts := testArticles()
	if _, err := writer.Ingest(ctx, arts, IngestOptions{Scanned: []string{testOrigin}}); err != nil {
		t.Fatal(err)
	}
	reader := openTest(t, Config{DB: openDB(t, path)})
	ix := mustIndex(t, reader)
	if ix.arena == nil || ix.arenaLive != ix.vectors || ix.vectors == 0 || len(ix.arena) != ix.vectors*ix.dim {
		t.Fatalf("arena of %d floats, %d live, %d vectors of %d: want every vector in it", len(ix.arena), ix.arenaLive, ix.vectors, ix.dim)
	}
	arena := ix.arena
	// Keep only a3: a1 and a2 hold most chunks.
	if _, err := writer.Ingest(ctx, arts[2:], IngestOptions{Scanned: []string{testOrigin}, Prune: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := reader.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	ix = mustIndex(t, reader)
	if ix.arena != nil || ix.arenaLive != 0 {
		t.Fatalf("arena kept (%d floats, %d live) with most of it dead", len(ix.arena), ix.arenaLive)
	}
	clear(arena) // nothing may still read the old arena
	if got := citedArticles(t, reader, "Who won the cup final?", answer.Filter{}); len(got) == 0 || got[0] != "a3" {
		t.Fatalf("after leaving the arena, search found %v; want a3", got)
	}
	qv, err := reader.cfg.Embedder.Query(ctx, []string{"The football club won the cup final with a late goal."})
	if err != nil {
		t.Fatal(err)
	}
	res, err := ix.coll.QueryEmbedding(ctx, qv[0], 1, nil, nil)
	if err != nil || len(res) != 1 || res[0].Similarity < 0.5 {
		t.Fatalf("chromem-go query after leaving the arena = %v, %v; want a3's chunk, similar", res, err)
	}
}
