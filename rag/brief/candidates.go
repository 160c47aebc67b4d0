package brief

import (
	"cmp"
	"slices"
)

// Candidate pairs. Two articles of one story share rare words and names;
// comparing all pairs costs n². Instead an inverted index over the docs'
// word and entity vectors adds up, for each doc, the part of its
// similarity that comes through terms held by at most maxPosting docs
// (a term in more docs than that tells few stories apart, and its weight
// is low); the pairs whose partial similarity reaches candidateFloor —
// at most maxNeighbours per doc, the closest — get the full similarity.
// The cost is at most n × terms per doc × maxPosting, linear in n.
const (
	maxPosting     = 200
	candidateFloor = 0.02
	maxNeighbours  = 100
)

// posting is one doc's weight for a term.
type posting struct {
	doc int32
	w   float64
}

// postings indexes the vectors of docs (vec picks which) by term id,
// leaving out terms of one doc (no pair) or of more than maxPosting.
func postings(docs []doc, vec func(*doc) sparse) [][]posting {
	var idx [][]posting
	for i := range docs {
		v := vec(&docs[i])
		for k, id := range v.ids {
			for int(id) >= len(idx) {
				idx = append(idx, nil)
			}
			if len(idx[id]) <= maxPosting {
				idx[id] = append(idx[id], posting{int32(i), v.ws[k]})
			}
		}
	}
	for id, p := range idx {
		if len(p) < 2 || len(p) > maxPosting {
			idx[id] = nil
		}
	}
	return idx
}

// candidatePairs returns the pairs of docs (i < j, sorted, each once)
// worth a full comparison. progress, when set, is told of each doc done.
func candidatePairs(docs []doc, progress func(done int)) [][2]int32 {
	words := postings(docs, func(d *doc) sparse { return d.terms })
	names := postings(docs, func(d *doc) sparse { return d.entv })
	acc := make([]float64, len(docs))
	var touched, near []int32
	var pairs [][2]int32
	add := func(i int, idx [][]posting, v sparse, weight float64) {
		for k, id := range v.ids {
			for _, p := range idx[id] {
				if int(p.doc) == i {
					continue
				}
				if acc[p.doc] == 0 {
					touched = append(touched, p.doc)
				}
				acc[p.doc] += weight * v.ws[k] * p.w
			}
		}
	}
	for i := range docs {
		add(i, words, docs[i].terms, weightTFIDF)
		add(i, names, docs[i].entv, weightEntities)
		near = near[:0]
		for _, j := range touched {
			if acc[j] >= candidateFloor {
				near = append(near, j)
			}
		}
		if len(near) > maxNeighbours {
			slices.SortFunc(near, func(x, y int32) int { return cmp.Or(cmp.Compare(acc[y], acc[x]), cmp.Compare(x, y)) })
			near = near[:maxNeighbours]
		}
		for _, j := range near {
			pairs = append(pairs, [2]int32{min(int32(i), j), max(int32(i), j)})
		}
		for _, j := range touched {
			acc[j] = 0
		}
		touched = touched[:0]
		if progress != nil {
			progress(i + 1)
		}
	}
	slices.SortFunc(pairs, func(a, b [2]int32) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	return slices.Compact(pairs)
}
