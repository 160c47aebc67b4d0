package rag

import (
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"sync"
)

// BM25 parameters (the usual Robertson/Okapi defaults).
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// bm25 is an in-memory inverted index over the chunks, for the lexical
// half of hybrid retrieval. Documents are added and removed one at a time
// as the store changes: a removed document's postings stay (skipped, as
// its length is 0) until compact drops them all in one pass. It is safe
// for concurrent use.
//
// Each distinct term is stored once, in terms, which numbers it; its
// postings are postings[number], compressed (see plist). Adding a document
// costs one map lookup per token (the numbers are then counted), which
// makes building the index at start-up little more than reading the terms.
type bm25 struct {
	mu       sync.RWMutex
	terms    map[string]int32 // term -> its number
	postings []plist          // by term number; empty once all its documents are gone
	docLen   []int32          // 0: no such document (never added, or removed)
	live     int              // documents with docLen > 0
	total    int64            // tokens in live documents
	// scratch holds zeroed per-document score arrays for search; each is
	// grown to the current document count when taken.
	scratch sync.Pool
	// add's scratch, under mu: the document's term numbers, its distinct
	// ones with their counts, and by term number the add that last saw it
	// (adds are numbered by gen) and where its count is.
	ids, uniq, counts []int32
	seen              []uint32
	at                []int32
	gen               uint32
}

// posting is one document containing a term, with the term's count.
type posting struct {
	doc int32
	tf  int32
}

// plist is a term's postings, in the order added, compressed: each is one
// uvarint of the zigzagged difference from the previous posting's document
// (from 0 for the first), shifted left by one, its low bit set when the
// term's count is not 1, which then follows as a second uvarint. Start-up
// numbers documents in order, so the differences are small and positive:
// about 2.5 bytes a posting instead of 8, the largest cost of the index
// after the vectors. Documents numbered out of order (reused after compact)
// only cost longer differences.
type plist struct {
	data []byte
	last int32 // the last posting's document: the base of the next difference
	n    int32 // postings
}

// push appends a posting for doc with count tf.
func (l *plist) push(doc, tf int32) {
	d := int64(doc) - int64(l.last)
	v := uint64(d<<1^d>>63) << 1
	if tf != 1 {
		v |= 1
	}
	l.data = binary.AppendUvarint(l.data, v)
	if tf != 1 {
		l.data = binary.AppendUvarint(l.data, uint64(tf))
	}
	l.last = doc
	l.n++
}

// uvarint decodes a uvarint from p at i, returning it and the next offset
// (the one-byte case, most postings, without a call).
func uvarint(p []byte, i int) (uint64, int) {
	if b := p[i]; b < 0x80 {
		return uint64(b), i + 1
	}
	v, k := binary.Uvarint(p[i:])
	return v, i + k
}

// next decodes the posting at offset i of p, whose previous document was
// prev, and returns it with the next offset.
func next(p []byte, i int, prev int32) (doc, tf int32, j int) {
	v, i := uvarint(p, i)
	tf = 1
	if v&1 != 0 {
		var t uint64
		t, j = uvarint(p, i)
		tf = int32(t)
	} else {
		j = i
	}
	z := v >> 1
	return prev + int32(int64(z>>1)^-int64(z&1)), tf, j
}

// decode returns the postings of l.
func (l *plist) decode() []posting {
	out := make([]posting, 0, l.n)
	var doc, tf int32
	for i := 0; i < len(l.data); {
		doc, tf, i = next(l.data, i, doc)
		out = append(out, posting{doc: doc, tf: tf})
	}
	return out
}

// queryTerm is a query token with its weight (1 for the question's own
// words, less for expansions).
type queryTerm struct {
	term   string
	weight float64
	// of is the question word an expansion relates to ("" for the
	// question's own words).
	of string
}

// scored is a document index with a score.
type scored struct {
	doc   int
	score float64
}

// newBM25 indexes documents given as token lists (document i is docs[i]).
func newBM25(docs [][]string) *bm25 {
	b := &bm25{terms: map[string]int32{}}
	for i, toks := range docs {
		b.add(i, toks)
	}
	return b
}

// add indexes toks as document doc, which must not be in the index.
func (b *bm25) add(doc int, toks []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.ids = b.ids[:0]
	for _, t := range toks {
		b.ids = append(b.ids, b.termLocked(t))
	}
	b.addLocked(doc)
}

// addFields is add for the tokens of fields, separated by single spaces
// (as stored), without splitting them into strings first.
func (b *bm25) addFields(doc int, fields string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.ids = b.ids[:0]
	for len(fields) > 0 {
		t, rest, _ := strings.Cut(fields, " ")
		if t != "" {
			b.ids = append(b.ids, b.termLocked(t))
		}
		fields = rest
	}
	b.addLocked(doc)
}

// termLocked returns the number of term t, numbering it if new.
func (b *bm25) termLocked(t string) int32 {
	id, ok := b.terms[t]
	if !ok {
		id = int32(len(b.postings))
		// A new key must not pin the caller's (possibly much longer)
		// string it was cut from.
		b.terms[strings.Clone(t)] = id
		b.postings = append(b.postings, plist{})
	}
	return id
}

// addLocked indexes the term numbers in b.ids as document doc.
func (b *bm25) addLocked(doc int) {
	if doc >= len(b.docLen) {
		b.docLen = append(b.docLen, make([]int32, doc+1-len(b.docLen))...)
	}
	ids := b.ids
	if len(ids) == 0 {
		return
	}
	// Count each term's occurrences in one pass (no sort, no map): a term
	// seen first in this document gets the next count.
	if n := len(b.postings); len(b.seen) < n {
		b.seen = append(b.seen, make([]uint32, n-len(b.seen))...)
		b.at = append(b.at, make([]int32, n-len(b.at))...)
	}
	b.gen++
	if b.gen == 0 { // wrapped: forget every mark
		clear(b.seen)
		b.gen = 1
	}
	b.uniq, b.counts = b.uniq[:0], b.counts[:0]
	for _, id := range ids {
		if b.seen[id] != b.gen {
			b.seen[id] = b.gen
			b.at[id] = int32(len(b.uniq))
			b.uniq = append(b.uniq, id)
			b.counts = append(b.counts, 0)
		}
		b.counts[b.at[id]]++
	}
	for i, id := range b.uniq {
		b.postings[id].push(int32(doc), b.counts[i])
	}
	b.docLen[doc] = int32(len(ids))
	b.live++
	b.total += int64(len(ids))
}

// remove takes doc out of the index. Its postings are skipped from now on
// and dropped by the next compact.
func (b *bm25) remove(doc int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if doc >= len(b.docLen) || b.docLen[doc] == 0 {
		return
	}
	b.total -= int64(b.docLen[doc])
	b.docLen[doc] = 0
	b.live--
}

// compact drops the postings of removed documents, so their numbers can
// be reused. It costs one pass over the postings.
func (b *bm25) compact() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for t := range b.postings {
		l := &b.postings[t]
		var fresh plist
		var doc, tf int32
		for i := 0; i < len(l.data); {
			doc, tf, i = next(l.data, i, doc)
			if b.docLen[doc] != 0 {
				fresh.push(doc, tf)
			}
		}
		fresh.data = slices.Clip(fresh.data)
		*l = fresh
	}
}

// idf is the BM25 inverse document frequency of term (never negative).
func (b *bm25) idf(term string) float64 {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.idfLocked(term)
}

// df returns how many documents hold term (removed ones until the next
// compact).
func (b *bm25) df(term string) int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	if id, ok := b.terms[term]; ok {
		return int(b.postings[id].n)
	}
	return 0
}

// idfLocked is idf for a caller holding mu. The document frequency counts
// removed documents until the next compact.
func (b *bm25) idfLocked(term string) float64 {
	if id, ok := b.terms[term]; ok {
		return b.idfOf(int(b.postings[id].n))
	}
	return b.idfOf(0)
}

// idfOf is the inverse document frequency of a term in df documents.
func (b *bm25) idfOf(df int) float64 {
	n := float64(b.live)
	d := math.Min(float64(df), n)
	return math.Log(1 + (n-d+0.5)/(d+0.5))
}

// postingsLocked returns term's postings, decoded (nil for an unknown
// term).
func (b *bm25) postingsLocked(term string) []posting {
	if id, ok := b.terms[term]; ok {
		return b.postings[id].decode()
	}
	return nil
}

// search scores every live document containing a query term, keeps those
// that allow accepts (nil accepts all) and returns the best k, best first.
func (b *bm25) search(terms []queryTerm, allow func(doc int) bool, k int) []scored {
	b.mu.RLock()
	defer b.mu.RUnlock()
	if b.live == 0 || k <= 0 {
		return nil
	}
	// A dense accumulator is several times faster than a map when common
	// words touch a large share of the documents.
	acc, _ := b.scratch.Get().(*[]float64)
	if acc == nil {
		acc = new([]float64)
	}
	defer b.scratch.Put(acc)
	if len(*acc) < len(b.docLen) {
		*acc = make([]float64, len(b.docLen))
	}
	scores := *acc
	avgLen := float64(b.total) / float64(b.live)
	var touched []int32
	for _, qt := range terms {
		id, ok := b.terms[qt.term]
		if !ok {
			continue
		}
		l := &b.postings[id]
		idf := b.idfOf(int(l.n))
		var doc, n int32
		for i := 0; i < len(l.data); {
			doc, n, i = next(l.data, i, doc)
			dl := b.docLen[doc]
			if dl == 0 || (allow != nil && !allow(int(doc))) {
				continue
			}
			if scores[doc] == 0 {
				touched = append(touched, doc)
			}
			tf := float64(n)
			norm := bm25K1 * (1 - bm25B + bm25B*float64(dl)/avgLen)
			scores[doc] += qt.weight * idf * tf * (bm25K1 + 1) / (tf + norm)
		}
	}
	top := newTopK(k)
	for _, d := range touched {
		top.add(scored{doc: int(d), score: scores[d]})
		scores[d] = 0
	}
	return top.sorted()
}

// eachDoc calls fn with every live document containing term, reading
// only that term's postings.
func (b *bm25) eachDoc(term string, fn func(doc int)) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	id, ok := b.terms[term]
	if !ok {
		return
	}
	l := &b.postings[id]
	var doc int32
	for i := 0; i < len(l.data); {
		doc, _, i = next(l.data, i, doc)
		if b.docLen[doc] != 0 {
			fn(int(doc))
		}
	}
}

// topK keeps the k best scored items seen (a min-heap on score), so a
// search touching many documents does not sort them all.
type topK struct {
	k int
	h []scored
}

func newTopK(k int) *topK { return &topK{k: k, h: make([]scored, 0, k)} }

// worse orders by score, then by larger doc (ties go to the lower doc).
func worse(a, b scored) bool {
	if a.score != b.score {
		return a.score < b.score
	}
	return a.doc > b.doc
}

func (t *topK) add(s scored) {
	if len(t.h) < t.k {
		t.h = append(t.h, s)
		for i := len(t.h) - 1; i > 0; {
			p := (i - 1) / 2
			if !worse(t.h[i], t.h[p]) {
				break
			}
			t.h[i], t.h[p] = t.h[p], t.h[i]
			i = p
		}
		return
	}
	if !worse(t.h[0], s) {
		return
	}
	t.h[0] = s
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(t.h) && worse(t.h[l], t.h[m]) {
			m = l
		}
		if r < len(t.h) && worse(t.h[r], t.h[m]) {
			m = r
		}
		if m == i {
			break
		}
		t.h[i], t.h[m] = t.h[m], t.h[i]
		i = m
	}
}

// sorted returns the kept items, best first.
func (t *topK) sorted() []scored {
	out := slices.Clone(t.h)
	slices.SortFunc(out, func(a, b scored) int {
		switch {
		case worse(b, a):
			return -1
		case worse(a, b):
			return 1
		}
		return 0
	})
	return out
}
