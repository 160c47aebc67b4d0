package rag

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/rag/chunk"
)

// TestArticleVectors: each embedded article gets the normalized mean of
// its chunks' vectors; unknown ids are left out.
func TestArticleVectors(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, Config{})
	arts := testArticles()
	// A long article: several chunks, so the mean is not one chunk's vector.
	arts[0].Text = strings.Repeat(arts[0].Text+"\n", 12)
	if _, err := s.Ingest(ctx, arts, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	got, err := s.ArticleVectors(ctx, []string{"a1", "a2", "nope"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["nope"] != nil {
		t.Fatalf("vectors for %d ids (nope: %v), want a1 and a2", len(got), got["nope"] != nil)
	}
	chunks := chunk.Article(arts[0])
	if len(chunks) < 2 {
		t.Fatalf("a1 has %d chunks, want several", len(chunks))
	}
	texts := make([]string, len(chunks))
	for i, c := range chunks {
		texts[i] = c.Text
	}
	vecs, err := LocalEmbedder().Documents(ctx, texts)
	if err != nil {
		t.Fatal(err)
	}
	want := make([]float64, len(vecs[0]))
	for _, v := range vecs {
		for k, x := range v {
			want[k] += float64(x)
		}
	}
	var norm float64
	for _, x := range want {
		norm += x * x
	}
	norm = math.Sqrt(norm)
	a1 := got["a1"]
	if len(a1) != len(want) {
		t.Fatalf("a1 vector of length %d, want %d", len(a1), len(want))
	}
	for k := range want {
		if d := math.Abs(float64(a1[k]) - want[k]/norm); d > 1e-5 {
			t.Fatalf("a1[%d] = %v, want the normalized mean %v", k, a1[k], want[k]/norm)
		}
	}
	if none, err := s.ArticleVectors(ctx, nil); err != nil || len(none) != 0 {
		t.Errorf("ArticleVectors(nil) = %d vectors, %v; want none", len(none), err)
	}
}
