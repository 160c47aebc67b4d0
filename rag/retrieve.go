package rag

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/chunk"
	"github.com/newsbot/newsbot/rag/localembed"
)

// Retrieval parameters.
const (
	// DefaultK is the number of passages retrieved when a request says 0.
	DefaultK = 5
	// ExtractiveK is the number retrieved for an offline answer when a
	// request says 0: the extractive answerer reads every sentence of them
	// and picks one, and among thousands of unrelated articles the reports
	// that state or confirm the answer are not always in the first five.
	ExtractiveK = 8
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
	// focusFloor is the share of its fused score that a passage naming
	// none of the question's focus words keeps (see focusCover): among
	// thousands of unrelated articles, a passage that shares only the
	// question's common words ("talks", "refused") must not outrank one
	// about what the question names ("Zelensky").
	focusFloor = 0.5
	// rerankPool is how many of the best fused passages are read and
	// re-ranked by the question's word pairs they hold.
	rerankPool = 20
	// pairBonus is the share of its score a passage gains when it holds
	// every word pair of the question side by side: among thousands of
	// articles, "White House press secretary" is that phrase, not "house"
	// in one sentence and "secretary" in another.
	pairBonus = 1.0
	// pairWindow is how far apart two words may stand and still count as
	// side by side (one word between: "peace plan", "plan for peace").
	pairWindow = 2
)

// Search returns up to k passages for query, best first: vector and BM25
// rankings fused by reciprocal rank, the best of them re-ranked by the
// question's word pairs they hold side by side, near-duplicates removed. It returns
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
	ix, err := s.loadedIndex(ctx)
	if err != nil {
		return nil, nil, err
	}
	if ix.size() == 0 {
		return nil, nil, nil
	}
	pool := max(4*k, 50)

	var warnings []string
	var qv []float32
	ix.mu.RLock()
	hasVectors := ix.vectors > 0
	ix.mu.RUnlock()
	var qerr error
	if hasVectors {
		qctx, cancel := context.WithTimeout(ctx, queryEmbedTimeout)
		v, err := s.cfg.Embedder.Query(qctx, []string{query})
		cancel()
		if err == nil && (len(v) != 1 || len(v[0]) == 0) {
			err = fmt.Errorf("embedder returned %d vectors", len(v))
		}
		if err == nil {
			qv = v[0]
		}
		qerr = err
	}
	qterms := s.lex.queryTerms(query)
	focus := focusTerms(s.lex, query)

	// Rank under the read lock; the texts of the few chunks kept are read
	// from the store afterwards.
	type pick struct {
		id  string
		src answer.Source
		sc  scored
		sim float64
	}
	var picks []pick
	ix.mu.RLock()
	allow := ix.allow(f)
	var vec []scored
	if qerr == nil && qv != nil {
		vec, qerr = ix.vectorSearch(ctx, qv, pool, allow)
	}
	if qerr != nil {
		ix.mu.RUnlock()
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		s.logger.Warn("vector search failed; using keyword search only", "err", qerr)
		warnings = append(warnings, "vector search failed, so passages were found by keyword search only")
		vec = nil
		ix.mu.RLock()
		allow = ix.allow(f)
	}
	var allowFn func(int) bool
	if allow != nil {
		allowFn = allow.has
	}
	lex := ix.lex.search(qterms, allowFn, pool)
	// Equal scores (the same story filed twice) are ranked by chunk id, so
	// that the ranking does not depend on the order the chunks were
	// indexed in.
	ix.byScoreThenID(vec)
	ix.byScoreThenID(lex)

	fused := map[int]float64{}
	sim := map[int]float64{}
	vecWeight := cmp.Or(s.cfg.Embedder.RankWeight, 1)
	for r, v := range vec {
		fused[v.doc] += vecWeight / float64(rrfK+r+1)
		sim[v.doc] = v.score
	}
	for r, l := range lex {
		fused[l.doc] += 1.0 / float64(rrfK+r+1)
	}
	if len(focus) > 0 {
		cover := ix.focusCover(focus, fused)
		for d := range fused {
			fused[d] *= focusFloor + (1-focusFloor)*cover[d]
		}
	}
	order := make([]scored, 0, len(fused))
	for d, sc := range fused {
		order = append(order, scored{doc: d, score: sc})
	}
	ix.byScoreThenID(order)
	// The best of the pool are read and re-ranked by how many of the
	// question's word pairs they hold side by side (pairBonus); a bonus
	// only raises a score, so they stay ahead of the rest.
	ranked := make(map[int]string, len(order)) // the chunk each slot held when ranked
	for _, o := range order {
		ranked[o.doc] = ix.slots[o.doc].id
	}
	ix.mu.RUnlock()

	top := order[:min(len(order), rerankPool)]
	ids := make([]string, len(top))
	for i, o := range top {
		ids[i] = ranked[o.doc]
	}
	texts, err := s.store.chunks(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	if pairs := queryPairs(qterms, s.lex.tokens(query)); len(pairs) > 0 {
		for i := range top {
			if c, ok := texts[ids[i]]; ok {
				top[i].score *= 1 + pairBonus*pairShare(pairs, s.lex.tokens(c.Text), ix.lex.idf)
			}
		}
	}

	ix.mu.RLock()
	ix.byScoreThenID(order)
	var kept []int
	var unread []string // picked passages beyond those re-ranked
	for _, o := range order {
		if len(kept) == k {
			break
		}
		// A slot emptied or reused by an ingest since it was ranked is
		// passed over.
		if sl := ix.slots[o.doc]; sl.art == nil || sl.id != ranked[o.doc] || ix.duplicatesAny(o.doc, kept) {
			continue
		}
		kept = append(kept, o.doc)
		sl := ix.slots[o.doc]
		picks = append(picks, pick{id: sl.id, src: sl.art.src, sc: o, sim: sim[o.doc]})
		if _, ok := texts[sl.id]; !ok {
			unread = append(unread, sl.id)
		}
	}
	ix.mu.RUnlock()
	if len(unread) > 0 {
		more, err := s.store.chunks(ctx, unread)
		if err != nil {
			return nil, nil, err
		}
		maps.Copy(texts, more)
	}

	var out []Result
	for _, p := range picks {
		c, ok := texts[p.id]
		if !ok {
			continue // removed since it was ranked
		}
		out = append(out, Result{
			Rank:       len(out) + 1,
			Chunk:      c,
			Source:     p.src,
			Score:      p.sc.score,
			Similarity: p.sim,
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

// byScoreThenID sorts results best first, equal scores by chunk id; the
// caller holds ix.mu.
func (ix *index) byScoreThenID(results []scored) {
	slices.SortStableFunc(results, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return strings.Compare(ix.slots[a.doc].id, ix.slots[b.doc].id)
	})
}

// focusCover returns, for each chunk of docs, the share of the focus
// terms it names (a term counting when the chunk has it or one of its
// alternatives), each weighted by its rarity in English
// (localembed.IDF), which no added article changes. It reads only the
// postings of the focus terms. The caller holds ix.mu.
func (ix *index) focusCover(focus []focusTerm, docs map[int]float64) map[int]float64 {
	out := make(map[int]float64, len(docs))
	var total float64
	has := make(map[int]bool, len(docs))
	for _, f := range focus {
		w := localembed.IDF(f.term)
		total += w
		clear(has)
		for _, t := range append([]string{f.term}, f.alt...) {
			ix.lex.eachDoc(t, func(d int) {
				if _, ok := docs[d]; ok {
					has[d] = true
				}
			})
		}
		for d := range has {
			out[d] += w
		}
	}
	for d := range out {
		out[d] /= total
	}
	return out
}

// duplicatesAny reports whether chunk d is a near-duplicate of one of kept
// from a different article (chunks of one article overlap by design). The
// caller holds ix.mu.
func (ix *index) duplicatesAny(d int, kept []int) bool {
	c := ix.slots[d]
	for _, k := range kept {
		o := ix.slots[k]
		if o.art == c.art {
			continue
		}
		if c.vec != nil && o.vec != nil && localembed.Cosine(c.vec, o.vec) >= nearDuplicate {
			return true
		}
	}
	return false
}

// wordPair is two words a question writes side by side ("press
// secretary").
type wordPair struct{ a, b string }

// queryPairs returns the pairs of neighbouring words of the question
// (tokens, stop words removed) that are both its own terms.
func queryPairs(qterms []queryTerm, tokens []string) []wordPair {
	own := map[string]bool{}
	for _, q := range qterms {
		if q.of == "" {
			own[q.term] = true
		}
	}
	var out []wordPair
	for i := 0; i+1 < len(tokens); i++ {
		if own[tokens[i]] && own[tokens[i+1]] && tokens[i] != tokens[i+1] {
			out = append(out, wordPair{a: tokens[i], b: tokens[i+1]})
		}
	}
	return out
}

// pairShare returns the share of pairs, weighted by the rarity of their
// words (idf), that tokens hold within pairWindow of each other, in either
// order.
func pairShare(pairs []wordPair, tokens []string, idf func(string) float64) float64 {
	var got, total float64
	for _, p := range pairs {
		w := idf(p.a) + idf(p.b)
		total += w
		if near(tokens, p.a, p.b) {
			got += w
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// near reports whether tokens hold a and b within pairWindow of each other.
func near(tokens []string, a, b string) bool {
	for i, t := range tokens {
		if t != a && t != b {
			continue
		}
		other := b
		if t == b {
			other = a
		}
		for j := i + 1; j < len(tokens) && j <= i+pairWindow; j++ {
			if tokens[j] == other {
				return true
			}
		}
	}
	return false
}

// Result is one retrieved chunk.
type Result struct {
	Rank   int
	Chunk  chunk.Chunk
	Source answer.Source
	// Score is the fused score; larger is better.
	Score float64
	// Similarity is the cosine similarity to the query embedding (0 when
	// the chunk came from BM25 only).
	Similarity float64
	// report is the whole text of the chunk's article when the extractive
	// answerer has read it (withReports); empty otherwise.
	report string
}
