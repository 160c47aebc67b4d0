package rag

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/localembed"
)

// Retrieval parameters.
const (
	// DefaultK is the number of passages retrieved when a request says 0.
	DefaultK = 5
	// MaxK caps k so a request cannot ask for the whole corpus.
	MaxK = 50
	// rrfK is the reciprocal-rank-fusion constant (Cormack et al. use 60).
	rrfK = 60
	// nearDuplicate is the similarity above which two passages are taken to
	// say the same thing (e.g. one wire story run by two outlets); only the
	// better-ranked one is kept.
	nearDuplicate = 0.9
	// expansionWeight is the BM25 weight of a related word relative to the
	// question's own words.
	expansionWeight = 0.3
	// queryEmbedTimeout bounds embedding a question with a remote model;
	// past it retrieval goes on with BM25 alone.
	queryEmbedTimeout = 15 * time.Second
)

// Search returns up to k passages for query, best first: vector and BM25
// rankings fused by reciprocal rank, near-duplicates removed. It returns
// answer.ErrEmptyQuestion or answer.ErrQuestionTooLong for a bad query, and no results
// (not an error) for an empty corpus.
func (s *Service) Search(ctx context.Context, query string, k int, f answer.Filter) ([]Result, error) {
	res, _, err := s.retrieve(ctx, query, k, f)
	return res, err
}

// retrieve is Search that also returns warnings about degraded retrieval.
func (s *Service) retrieve(ctx context.Context, query string, k int, f answer.Filter) ([]Result, []string, error) {
	query, err := checkQuestion(query)
	if err != nil {
		return nil, nil, err
	}
	k = clampK(k)
	ix := s.index()
	if len(ix.chunks) == 0 {
		return nil, nil, nil
	}
	allow := ix.allow(f)
	pool := max(4*k, 50)

	var warnings []string
	var vec []scored
	if ix.coll != nil {
		qctx, cancel := context.WithTimeout(ctx, queryEmbedTimeout)
		qv, err := s.cfg.Embedder.Query(qctx, []string{query})
		cancel()
		if err == nil && (len(qv) != 1 || len(qv[0]) == 0) {
			err = fmt.Errorf("embedder returned %d vectors", len(qv))
		}
		if err == nil {
			vec, err = ix.vectorSearch(ctx, qv[0], pool, allow)
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil, ctx.Err()
			}
			s.logger.Warn("vector search failed; using keyword search only", "err", err)
			warnings = append(warnings, "vector search failed, so passages were found by keyword search only")
			vec = nil
		}
	}
	lex := ix.lex.search(s.lex.queryTerms(query), allow, pool)

	fused := map[int]float64{}
	sim := map[int]float64{}
	for r, v := range vec {
		fused[v.doc] += 1.0 / float64(rrfK+r+1)
		sim[v.doc] = v.score
	}
	for r, l := range lex {
		fused[l.doc] += 1.0 / float64(rrfK+r+1)
	}
	order := make([]scored, 0, len(fused))
	for d, sc := range fused {
		order = append(order, scored{doc: d, score: sc})
	}
	sort.Slice(order, func(i, j int) bool {
		if order[i].score != order[j].score {
			return order[i].score > order[j].score
		}
		return order[i].doc < order[j].doc
	})

	var out []Result
	var kept []int
	for _, o := range order {
		if len(out) == k {
			break
		}
		if ix.duplicatesAny(o.doc, kept) {
			continue
		}
		kept = append(kept, o.doc)
		c := ix.chunks[o.doc]
		out = append(out, Result{
			Rank:       len(out) + 1,
			Chunk:      c.Chunk,
			Source:     ix.sources[c.ArticleID],
			Score:      o.score,
			Similarity: sim[o.doc],
		})
	}
	return out, warnings, nil
}

func clampK(k int) int {
	if k <= 0 {
		return DefaultK
	}
	return min(k, MaxK)
}

// duplicatesAny reports whether chunk d is a near-duplicate of one of kept
// from a different article (chunks of one article overlap by design).
func (ix *index) duplicatesAny(d int, kept []int) bool {
	c := ix.chunks[d]
	for _, k := range kept {
		o := ix.chunks[k]
		if o.ArticleID == c.ArticleID {
			continue
		}
		if c.Vector != nil && o.Vector != nil && localembed.Cosine(c.Vector, o.Vector) >= nearDuplicate {
			return true
		}
	}
	return false
}

// Result is one retrieved chunk.
type Result struct {
	Rank   int
	Chunk  Chunk
	Source answer.Source
	// Score is the fused score; larger is better.
	Score float64
	// Similarity is the cosine similarity to the query embedding (0 when
	// the chunk came from BM25 only).
	Similarity float64
}
