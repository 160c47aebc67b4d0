package brief

import (
	"cmp"
	"slices"
)

// wordIndex holds the inverse document frequencies of a briefing's words:
// over its docs (for the docs' vectors) and over all their sentences (for
// the sentences' vectors).
type wordIndex struct {
	docIDF, sentIDF idfTable
}

// indexWords sets each doc's sparse word and entity vectors (terms, entv)
// and returns the IDF tables that finishDoc uses. Each token is interned
// once; no per-pair work happens here.
func indexWords(docs []doc) wordIndex {
	words, names := newVocab(), newVocab()
	var docDF, sentDF, entDF []int
	grow := func(df []int, n int) []int {
		for len(df) < n {
			df = append(df, 0)
		}
		return df
	}
	type counted struct {
		ids    []int32
		counts []int
	}
	docTerms := make([]counted, len(docs))
	docEnts := make([]counted, len(docs))
	nSents := 0
	var scratch []int32
	for i := range docs {
		d := &docs[i]
		for _, s := range d.sents {
			scratch = scratch[:0]
			for _, t := range s.tokens {
				scratch = append(scratch, words.id(t))
			}
			ids, _ := countIDs(scratch)
			sentDF = grow(sentDF, len(words.terms))
			for _, id := range ids {
				sentDF[id]++
			}
			nSents++
		}
		ids := make([]int32, len(d.tokens))
		for k, t := range d.tokens {
			ids[k] = words.id(t)
		}
		ids, counts := countIDs(ids)
		docDF = grow(docDF, len(words.terms))
		for _, id := range ids {
			docDF[id]++
		}
		docTerms[i] = counted{ids, counts}
		var eids []int32
		var ecounts []int
		for e, c := range d.ents {
			eids = append(eids, names.id(e))
			ecounts = append(ecounts, c)
		}
		sortByID(eids, ecounts)
		entDF = grow(entDF, len(names.terms))
		for _, id := range eids {
			entDF[id]++
		}
		docEnts[i] = counted{eids, ecounts}
	}
	n := len(docs)
	for i := range docs {
		docs[i].terms = newSparse(docTerms[i].ids, docTerms[i].counts, func(id int32) float64 { return smoothIDF(n, docDF[id]) })
		docs[i].entv = newSparse(docEnts[i].ids, docEnts[i].counts, func(id int32) float64 { return smoothIDF(n, entDF[id]) })
	}
	w := wordIndex{docIDF: idfTable{n: n, df: make(map[string]int, len(words.terms))}, sentIDF: idfTable{n: nSents, df: make(map[string]int, len(words.terms))}}
	for id, t := range words.terms {
		if id < len(docDF) && docDF[id] > 0 {
			w.docIDF.df[t] = docDF[id]
		}
		if id < len(sentDF) && sentDF[id] > 0 {
			w.sentIDF.df[t] = sentDF[id]
		}
	}
	return w
}

// sortByID sorts ids ascending, keeping each count with its id.
func sortByID(ids []int32, counts []int) {
	type pair struct {
		id int32
		c  int
	}
	ps := make([]pair, len(ids))
	for k := range ids {
		ps[k] = pair{ids[k], counts[k]}
	}
	slices.SortFunc(ps, func(a, b pair) int { return cmp.Compare(a.id, b.id) })
	for k, p := range ps {
		ids[k], counts[k] = p.id, p.c
	}
}
