package rag

import (
	"context"
	"errors"
	"fmt"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/newsbot/newsbot/rag/answer"
	"github.com/philippgille/chromem-go"
)

// index is the in-memory search structure kept in step with the store: a
// chromem-go collection for vectors and a BM25 index for words, over
// numbered chunk slots. It holds no chunk text (results fetch theirs from
// the store): per chunk, its vector, its postings, its id once (shared by
// chromem-go's document) and a slot. A chunk is found by its id through
// the article the id names ("article#n", as chunk.Article makes them); only
// ids that do not name their article are kept in a map. Articles are put
// and dropped one at a time as the change log says; it is safe for
// concurrent use.
type index struct {
	mu       sync.RWMutex
	coll     *chromem.Collection
	dim      int // vector length (0: any; set by the first vector)
	vectors  int // chunks with a vector, i.e. documents in coll
	chunks   int // live chunks
	slots    []slot
	dead     []int32          // removed slots that BM25 postings still name
	free     []int32          // removed slots no posting names: reusable
	odd      map[string]int32 // slots of chunks whose id does not name their article
	articles map[string]*indexedArticle
	lex      *bm25
	// arena holds, one after another, the vectors read at start-up (one
	// allocation instead of one per chunk; chromem-go's documents and the
	// slots share them); inArena marks the slots whose vector is there and
	// arenaLive counts them. Once fewer than half are live, the rest move
	// out and the arena is freed (see dropLocked).
	arena     []float32
	inArena   []uint64
	arenaLive int
}

// slot is one chunk of the index.
type slot struct {
	id  string          // chunk id
	art *indexedArticle // nil when the slot is free
	vec []float32       // nil when the chunk has no vector from the embedder
}

// indexedArticle is an article's metadata and its chunks' slots.
type indexedArticle struct {
	src   answer.Source
	slots []int32
}

// storedChunk is what the index needs of a stored chunk.
type storedChunk struct {
	id    string
	terms []string
	// fields holds the terms space-separated, as stored, when terms is
	// nil (start-up does not split them into strings).
	fields string
	vec    []float32
	// inArena says vec is part of the index's arena.
	inArena bool
}

// errNoEmbeddingFunc guards against chromem-go ever embedding by itself:
// we always query with precomputed vectors.
var errNoEmbeddingFunc = errors.New("chromem-go must not embed: vectors are precomputed")

// newIndex returns an empty index; dim is the expected vector length (0:
// take the first vector's), vectors of another length are left out.
func newIndex(dim int) (*index, error) {
	coll, err := chromem.NewDB().CreateCollection("chunks", nil, func(context.Context, string) ([]float32, error) {
		return nil, errNoEmbeddingFunc
	})
	if err != nil {
		return nil, fmt.Errorf("create vector collection: %w", err)
	}
	return &index{coll: coll, dim: dim, odd: map[string]int32{}, articles: map[string]*indexedArticle{}, lex: newBM25(nil)}, nil
}

// size returns the number of chunks indexed.
func (ix *index) size() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.chunks
}

// replaceArticle makes the index hold article id as stored: src with
// chunks, or nothing when src is nil (the article was removed).
func (ix *index) replaceArticle(id string, src *answer.Source, chunks []storedChunk) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.dropLocked(id)
	if src == nil {
		return nil
	}
	ix.articles[id] = &indexedArticle{src: *src}
	for _, c := range chunks {
		if err := ix.addChunkLocked(id, c); err != nil {
			return err
		}
	}
	return nil
}

// putArticle records src, replacing any earlier version of the article
// and its chunks (used while building the index at start-up).
func (ix *index) putArticle(src answer.Source) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.dropLocked(src.ID)
	ix.articles[src.ID] = &indexedArticle{src: src}
}

// addChunk indexes c as a chunk of article articleID, which putArticle
// recorded; chunks of unknown articles are ignored.
func (ix *index) addChunk(articleID string, c storedChunk) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.addChunkLocked(articleID, c)
}

func (ix *index) addChunkLocked(articleID string, c storedChunk) error {
	art := ix.articles[articleID]
	if art == nil {
		return nil
	}
	if old, ok := ix.slotLocked(c.id); ok {
		ix.removeSlotLocked(old)
	}
	var n int32
	if k := len(ix.free); k > 0 {
		n, ix.free = ix.free[k-1], ix.free[:k-1]
	} else {
		n = int32(len(ix.slots))
		ix.slots = append(ix.slots, slot{})
	}
	if c.vec != nil && ix.dim == 0 {
		ix.dim = len(c.vec)
	}
	if len(c.vec) != ix.dim {
		c.vec, c.inArena = nil, false
	}
	ix.slots[n] = slot{id: c.id, art: art, vec: c.vec}
	if idArticle(c.id) != articleID {
		ix.odd[c.id] = n
	}
	if c.inArena {
		ix.markArena(n, true)
	}
	art.slots = append(art.slots, n)
	ix.chunks++
	if c.terms == nil && c.fields != "" {
		ix.lex.addFields(int(n), c.fields)
	} else {
		ix.lex.add(int(n), c.terms)
	}
	if c.vec != nil {
		if err := ix.coll.AddDocument(context.Background(), chromem.Document{ID: c.id, Embedding: c.vec}); err != nil {
			return fmt.Errorf("index chunk %q: %w", c.id, err)
		}
		ix.vectors++
	}
	return nil
}

func (ix *index) dropLocked(id string) {
	art := ix.articles[id]
	if art == nil {
		return
	}
	for _, n := range art.slots {
		ix.removeSlotLocked(n)
	}
	delete(ix.articles, id)
	if ix.arena != nil && 2*ix.arenaLive < len(ix.arena)/max(ix.dim, 1) {
		ix.leaveArenaLocked()
	}
	// Once a quarter of the slots are dead, drop their postings in one
	// pass and make them reusable.
	if len(ix.dead) > 64 && 4*len(ix.dead) > len(ix.slots) {
		ix.lex.compact()
		ix.free = append(ix.free, ix.dead...)
		ix.dead = ix.dead[:0]
	}
}

func (ix *index) removeSlotLocked(n int32) {
	s := &ix.slots[n]
	if s.art == nil {
		return
	}
	if s.vec != nil {
		// Delete with ids only: a non-nil where would match everything.
		ix.coll.Delete(context.Background(), nil, nil, s.id) // never fails with ids and no filters
		ix.vectors--
	}
	if idArticle(s.id) != s.art.src.ID {
		delete(ix.odd, s.id)
	}
	ix.markArena(n, false)
	ix.lex.remove(int(n))
	*s = slot{}
	ix.chunks--
	ix.dead = append(ix.dead, n)
}

// markArena records whether slot n's vector is in the arena.
func (ix *index) markArena(n int32, in bool) {
	w, bit := int(n>>6), uint64(1)<<(n&63)
	if in {
		if w >= len(ix.inArena) {
			ix.inArena = append(ix.inArena, make([]uint64, w+1-len(ix.inArena))...)
		}
		ix.inArena[w] |= bit
		ix.arenaLive++
	} else if w < len(ix.inArena) && ix.inArena[w]&bit != 0 {
		ix.inArena[w] &^= bit
		ix.arenaLive--
	}
}

// leaveArenaLocked gives every live vector still in the arena an
// allocation of its own (re-adding its chromem-go document, which then
// holds the copy) and lets the arena go: most of it is dead vectors.
func (ix *index) leaveArenaLocked() {
	for w, word := range ix.inArena {
		for ; word != 0; word &= word - 1 {
			n := w<<6 | bits.TrailingZeros64(word)
			s := &ix.slots[n]
			s.vec = slices.Clone(s.vec)
			// Never fails: the id is set and the vector is not empty.
			ix.coll.AddDocument(context.Background(), chromem.Document{ID: s.id, Embedding: s.vec})
		}
	}
	ix.arena, ix.inArena, ix.arenaLive = nil, nil, 0
}

// idArticle returns the article a chunk id names: what comes before its
// last '#' ("" when it has none).
func idArticle(id string) string {
	if i := strings.LastIndexByte(id, '#'); i >= 0 {
		return id[:i]
	}
	return ""
}

// slotLocked returns the slot of chunk id. The caller holds mu.
func (ix *index) slotLocked(id string) (int32, bool) {
	if art := ix.articles[idArticle(id)]; art != nil {
		for _, n := range art.slots {
			if ix.slots[n].id == id {
				return n, true
			}
		}
	}
	n, ok := ix.odd[id]
	return n, ok
}

// lookup returns the article id of chunk id.
func (ix *index) lookup(id string) (articleID string, ok bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	n, ok := ix.slotLocked(id)
	if !ok {
		return "", false
	}
	return ix.slots[n].art.src.ID, true
}

// subset is the chunks a filter allows: a bit per slot for BM25 and the
// list of slots for the vector scan.
type subset struct {
	bits  []uint64
	slots []int32
}

func (s *subset) has(n int) bool { return s.bits[n>>6]&(1<<(n&63)) != 0 }

// allow returns the chunks f allows, or nil when f restricts nothing. The
// caller holds mu.
func (ix *index) allow(f answer.Filter) *subset {
	if len(f.ArticleIDs) == 0 && len(f.Sources) == 0 && f.From.IsZero() && f.To.IsZero() {
		return nil
	}
	sub := &subset{bits: make([]uint64, (len(ix.slots)+63)/64)}
	ok := func(a *indexedArticle) bool {
		src := a.src
		if len(f.Sources) > 0 {
			found := false
			for _, s := range f.Sources {
				if strings.EqualFold(strings.TrimSpace(s), src.Source) {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
		if !f.From.IsZero() || !f.To.IsZero() {
			p := src.Published
			return !p.IsZero() && (f.From.IsZero() || !p.Before(f.From)) && (f.To.IsZero() || !p.After(f.To))
		}
		return true
	}
	add := func(a *indexedArticle) {
		if a == nil || !ok(a) {
			return
		}
		for _, n := range a.slots {
			sub.bits[n>>6] |= 1 << (n & 63)
		}
		sub.slots = append(sub.slots, a.slots...)
	}
	if len(f.ArticleIDs) > 0 {
		seen := map[string]bool{}
		for _, id := range f.ArticleIDs {
			if !seen[id] {
				seen[id] = true
				add(ix.articles[id])
			}
		}
	} else {
		for _, a := range ix.articles {
			add(a)
		}
	}
	return sub
}

// vectorSearch returns up to n chunk slots nearest to qv within sub (nil:
// all), with their cosine similarity. The caller holds mu. Unfiltered,
// chromem-go ranks the collection (asked for at most as many results as
// it holds: it errors otherwise); filtered, only the allowed chunks' vectors
// are scored, directly and in parallel, so a filter never costs more than
// the whole search.
func (ix *index) vectorSearch(ctx context.Context, qv []float32, n int, sub *subset) ([]scored, error) {
	if ix.vectors == 0 || n <= 0 {
		return nil, nil
	}
	if len(qv) != ix.dim {
		return nil, fmt.Errorf("vector search: the question's vector has %d dimensions, the index %d", len(qv), ix.dim)
	}
	if sub != nil {
		return ix.scanSubset(ctx, qv, n, sub.slots)
	}
	res, err := ix.coll.QueryEmbedding(ctx, qv, min(n, ix.vectors), nil, nil)
	if err != nil {
		return nil, fmt.Errorf("vector search: %w", err)
	}
	out := make([]scored, 0, len(res))
	for _, r := range res {
		if i, ok := ix.slotLocked(r.ID); ok {
			out = append(out, scored{doc: int(i), score: float64(r.Similarity)})
		}
	}
	return out, nil
}

// parallelScanMin is the subset size from which scanSubset splits the work.
const parallelScanMin = 8192

// scanSubset ranks the vectors of slots against qv (both normalized: the
// dot product is the cosine) and returns the best n.
func (ix *index) scanSubset(ctx context.Context, qv []float32, n int, slots []int32) ([]scored, error) {
	parts := 1
	if len(slots) >= parallelScanMin {
		parts = runtime.GOMAXPROCS(0)
	}
	tops := make([]*topK, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*len(slots)/parts, (p+1)*len(slots)/parts
		wg.Go(func() {
			top := newTopK(n)
			for _, s := range slots[lo:hi] {
				if v := ix.slots[s].vec; v != nil {
					top.add(scored{doc: int(s), score: float64(dot(qv, v))})
				}
			}
			tops[p] = top
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	all := tops[0]
	for _, t := range tops[1:] {
		for _, s := range t.h {
			all.add(s)
		}
	}
	return all.sorted(), nil
}

// dot returns the dot product of two vectors of equal length.
func dot(a, b []float32) float32 {
	var s float32
	b = b[:len(a)]
	for i, x := range a {
		s += x * b[i]
	}
	return s
}
