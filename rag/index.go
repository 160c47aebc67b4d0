package rag

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"

	"github.com/newsbot/newsbot/rag/answer"
	"github.com/philippgille/chromem-go"
)

// index is the in-memory search structure built from the store: a
// chromem-go collection for vectors and a BM25 index for words. It is
// immutable once built; ingest builds a new one and swaps it in.
type index struct {
	coll    *chromem.Collection // nil when no chunk has a vector
	vectors int                 // documents in coll
	chunks  []indexedChunk
	byID    map[string]int // chunk id → position in chunks
	sources map[string]answer.Source
	lex     *bm25
}

// errNoEmbeddingFunc guards against chromem-go ever embedding by itself:
// we always query with precomputed vectors.
var errNoEmbeddingFunc = errors.New("chromem-go must not embed: vectors are precomputed")

// buildIndex builds the indexes from stored chunks; tokens tokenizes text
// for BM25.
func buildIndex(ctx context.Context, chunks []indexedChunk, sources map[string]answer.Source, tokens func(string) []string) (*index, error) {
	ix := &index{chunks: chunks, byID: make(map[string]int, len(chunks)), sources: sources}
	docs := make([]chromem.Document, 0, len(chunks))
	toks := make([][]string, len(chunks))
	for i, c := range chunks {
		ix.byID[c.ID] = i
		toks[i] = tokens(c.Text)
		if c.Vector == nil {
			continue
		}
		docs = append(docs, chromem.Document{
			ID: c.ID,
			Metadata: map[string]string{
				"article_id": c.ArticleID,
				"source":     strings.ToLower(sources[c.ArticleID].Source),
			},
			Embedding: c.Vector,
			Content:   c.Text,
		})
	}
	ix.lex = newBM25(toks)
	if len(docs) == 0 {
		return ix, nil
	}
	db := chromem.NewDB()
	coll, err := db.CreateCollection("chunks", nil, func(context.Context, string) ([]float32, error) {
		return nil, errNoEmbeddingFunc
	})
	if err != nil {
		return nil, fmt.Errorf("create vector collection: %w", err)
	}
	if err := coll.AddDocuments(ctx, docs, runtime.GOMAXPROCS(0)); err != nil {
		return nil, fmt.Errorf("build vector index: %w", err)
	}
	ix.coll, ix.vectors = coll, len(docs)
	return ix, nil
}

// allow returns a predicate over chunk positions for f, or nil when f
// restricts nothing.
func (ix *index) allow(f answer.Filter) func(int) bool {
	if len(f.ArticleIDs) == 0 && len(f.Sources) == 0 && f.From.IsZero() && f.To.IsZero() {
		return nil
	}
	ids := map[string]bool{}
	for _, id := range f.ArticleIDs {
		ids[id] = true
	}
	okArticle := map[string]bool{}
	for id, src := range ix.sources {
		ok := len(ids) == 0 || ids[id]
		if ok && len(f.Sources) > 0 {
			ok = false
			for _, s := range f.Sources {
				if strings.EqualFold(strings.TrimSpace(s), src.Source) {
					ok = true
					break
				}
			}
		}
		if ok && (!f.From.IsZero() || !f.To.IsZero()) {
			p := src.Published
			ok = !p.IsZero() && (f.From.IsZero() || !p.Before(f.From)) && (f.To.IsZero() || !p.After(f.To))
		}
		okArticle[id] = ok
	}
	return func(i int) bool { return okArticle[ix.chunks[i].ArticleID] }
}

// vectorSearch returns up to n chunk positions nearest to qv that allow
// accepts, with their cosine similarity. chromem-go errors when asked for
// more results than it holds, so n is clamped; with a filter the whole
// collection is ranked (the scan costs the same) and filtered here.
func (ix *index) vectorSearch(ctx context.Context, qv []float32, n int, allow func(int) bool) ([]scored, error) {
	if ix.coll == nil || n <= 0 {
		return nil, nil
	}
	if allow != nil || n > ix.vectors {
		n = ix.vectors
	}
	res, err := ix.coll.QueryEmbedding(ctx, qv, n, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("vector search: %w", err)
	}
	out := make([]scored, 0, len(res))
	for _, r := range res {
		i, ok := ix.byID[r.ID]
		if !ok || (allow != nil && !allow(i)) {
			continue
		}
		out = append(out, scored{doc: i, score: float64(r.Similarity)})
	}
	return out, nil
}
