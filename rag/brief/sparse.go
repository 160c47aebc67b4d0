package brief

import (
	"math"
	"slices"
)

// vocab interns terms as small integers, once per briefing, so that
// grouping compares sorted integer slices instead of hashing strings.
type vocab struct {
	ids   map[string]int32
	terms []string
}

func newVocab() *vocab { return &vocab{ids: make(map[string]int32)} }

// id returns term's number, adding it when new.
func (v *vocab) id(term string) int32 {
	if id, ok := v.ids[term]; ok {
		return id
	}
	id := int32(len(v.terms))
	v.ids[term] = id
	v.terms = append(v.terms, term)
	return id
}

// sparse is a sparse vector: term ids in ascending order with their
// weights, kept L2-normalized.
type sparse struct {
	ids []int32
	ws  []float64
}

// countIDs sorts ids in place and returns the distinct ones with their
// counts, reusing ids' storage for the distinct ids.
func countIDs(ids []int32) ([]int32, []int) {
	slices.Sort(ids)
	var counts []int
	out := ids[:0]
	for i, id := range ids {
		if i > 0 && id == ids[i-1] {
			counts[len(counts)-1]++
			continue
		}
		out = append(out, id)
		counts = append(counts, 1)
	}
	return out, counts
}

// newSparse builds the normalized vector of the distinct ids (ascending)
// with counts, weighting each (1 + ln count) × idf(id).
func newSparse(ids []int32, counts []int, idf func(int32) float64) sparse {
	v := sparse{ids: slices.Clone(ids), ws: make([]float64, len(ids))}
	var norm float64
	for k, id := range ids {
		w := (1 + math.Log(float64(counts[k]))) * idf(id)
		v.ws[k] = w
		norm += w * w
	}
	if norm > 0 {
		norm = math.Sqrt(norm)
		for k := range v.ws {
			v.ws[k] /= norm
		}
	}
	return v
}

// dot returns the dot product of a and b (their cosine: both are
// normalized), merging the two sorted id lists.
func (a sparse) dot(b sparse) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch x, y := a.ids[i], b.ids[j]; {
		case x < y:
			i++
		case x > y:
			j++
		default:
			s += a.ws[i] * b.ws[j]
			i++
			j++
		}
	}
	return s
}

// smoothIDF is idfTable's weight from counts: ln((1+n)/(1+df)) + 1.
func smoothIDF(n, df int) float64 {
	return math.Log(float64(1+n)/float64(1+df)) + 1
}
