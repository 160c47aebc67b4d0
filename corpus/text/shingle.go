package text

import "hash/fnv"

// Shingles returns the set of hashed word n-shingles of s (words as
// Fields gives them); a text shorter than n words gives one shingle, an
// empty text none. Near-duplicate texts share most of their shingles.
func Shingles(s string, n int) map[uint64]struct{} {
	w := Fields(s)
	set := make(map[uint64]struct{})
	if len(w) == 0 {
		return set
	}
	count := max(len(w)-n+1, 1)
	for i := range count {
		end := min(i+n, len(w))
		h := fnv.New64a()
		for _, x := range w[i:end] {
			h.Write([]byte(x))
			h.Write([]byte{0})
		}
		set[h.Sum64()] = struct{}{}
	}
	return set
}

// Jaccard returns |a∩b| / |a∪b| of two sets (maps, whatever their
// values); 0 for two empty sets.
func Jaccard[K comparable, V any](a, b map[K]V) float64 {
	inter := intersection(a, b)
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// Containment returns |a∩b| / min(|a|, |b|): 1 when the smaller set lies
// inside the larger (a trimmed copy of a text), 0 when either is empty.
func Containment[K comparable, V any](a, b map[K]V) float64 {
	small := min(len(a), len(b))
	if small == 0 {
		return 0
	}
	return float64(intersection(a, b)) / float64(small)
}

func intersection[K comparable, V any](a, b map[K]V) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	inter := 0
	for k := range a {
		if _, ok := b[k]; ok {
			inter++
		}
	}
	return inter
}
