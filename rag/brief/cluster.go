package brief

import (
	"container/heap"
	"sort"
)

// cluster groups n items by average-link agglomerative clustering over the
// similarity graph edges (a pair without an edge has similarity 0),
// merging while the best average similarity between two clusters reaches
// threshold. Each cluster keeps the summed similarity to each cluster it
// has an edge to; a heap holds the candidate merges, and a merge only
// updates the merged cluster's neighbours, so the cost follows the edges,
// not n². Clusters come back with their members in ascending order, in
// order of their first member.
func cluster(n int, edges []edge, threshold float64) [][]int {
	members := make([][]int, n)
	links := make([]map[int]float64, n) // summed similarity to neighbours
	version := make([]int, n)
	for i := range n {
		members[i] = []int{i}
	}
	h := &mergeHeap{}
	for _, e := range edges {
		i, j := int(e.i), int(e.j)
		if links[i] == nil {
			links[i] = make(map[int]float64)
		}
		if links[j] == nil {
			links[j] = make(map[int]float64)
		}
		links[i][j] += e.s
		links[j][i] += e.s
	}
	for i := range n {
		for j, s := range links[i] {
			if i < j && s >= threshold {
				heap.Push(h, merge{avg: s, a: i, b: j})
			}
		}
	}
	for h.Len() > 0 {
		m := heap.Pop(h).(merge)
		if members[m.a] == nil || members[m.b] == nil || version[m.a] != m.va || version[m.b] != m.vb {
			continue // a side has merged since: its entry was pushed again
		}
		a, b := m.a, m.b
		if len(links[a]) < len(links[b]) {
			a, b = b, a // fold the smaller neighbourhood into the larger
		}
		members[a] = append(members[a], members[b]...)
		members[b] = nil
		delete(links[a], b)
		for k, s := range links[b] {
			if k == a {
				continue
			}
			links[a][k] += s
			delete(links[k], b)
			links[k][a] = links[a][k]
		}
		links[b] = nil
		version[a]++
		for k, s := range links[a] {
			if avg := s / float64(len(members[a])*len(members[k])); avg >= threshold {
				heap.Push(h, newMerge(avg, a, k, version))
			}
		}
	}
	var out [][]int
	for i := range n {
		if members[i] != nil {
			sort.Ints(members[i])
			out = append(out, members[i])
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	return out
}

// merge is a candidate merge of clusters a < b at average similarity avg,
// valid while both clusters are at the versions va, vb.
type merge struct {
	avg    float64
	a, b   int
	va, vb int
}

func newMerge(avg float64, x, y int, version []int) merge {
	if x > y {
		x, y = y, x
	}
	return merge{avg: avg, a: x, b: y, va: version[x], vb: version[y]}
}

// mergeHeap pops the highest average first; ties go to the lower ids, so
// the result does not depend on map order.
type mergeHeap []merge

func (h mergeHeap) Len() int { return len(h) }
func (h mergeHeap) Less(i, j int) bool {
	if h[i].avg != h[j].avg {
		return h[i].avg > h[j].avg
	}
	if h[i].a != h[j].a {
		return h[i].a < h[j].a
	}
	return h[i].b < h[j].b
}
func (h mergeHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *mergeHeap) Push(x any)   { *h = append(*h, x.(merge)) }
func (h *mergeHeap) Pop() any {
	old := *h
	m := old[len(old)-1]
	*h = old[:len(old)-1]
	return m
}
