package brief

import (
	"github.com/newsbot/newsbot/corpus/text"
	"github.com/newsbot/newsbot/rag/answer"
)

// Syndication: an article whose text lies almost wholly inside another's
// (word 5-shingles, as the feed fetcher's duplicate check uses) repeats
// that report: a wire copy, a syndicated reprint, a trimmed version. The
// feed fetcher drops exact and near-exact copies (Jaccard ≥ 0.9) when it
// stores them; a briefing also sees copies that were trimmed or topped
// with a line, and copies from folders, so it measures containment.
const (
	copyShingleWords = 5
	// copyContainment is the share of the shorter text's shingles that
	// must also be the longer one's.
	copyContainment = 0.8
	// minCopyShingles keeps a one-line text from being a "copy" of every
	// article that quotes it.
	minCopyShingles = 12
)

// reports returns, for each doc of story g (in g's order: oldest first),
// the doc whose report it repeats — itself for an independent report, the
// story's oldest doc of its copy group otherwise.
func reports(docs []doc, g []int) map[int]int {
	sets := make([]map[uint64]struct{}, len(g))
	for k, i := range g {
		sets[k] = text.Shingles(docs[i].a.Text, copyShingleWords)
	}
	parent := make([]int, len(g))
	for k := range parent {
		parent[k] = k
	}
	var find func(int) int
	find = func(k int) int {
		if parent[k] != k {
			parent[k] = find(parent[k])
		}
		return parent[k]
	}
	for a := range g {
		for b := a + 1; b < len(g); b++ {
			if min(len(sets[a]), len(sets[b])) < minCopyShingles {
				continue
			}
			if text.Containment(sets[a], sets[b]) >= copyContainment {
				ra, rb := find(a), find(b)
				parent[max(ra, rb)] = min(ra, rb) // the older one leads
			}
		}
	}
	out := make(map[int]int, len(g))
	for k, i := range g {
		out[i] = g[find(k)]
	}
	return out
}

// independent returns the docs of g that are not copies, in g's order.
func independent(g []int, of map[int]int) []int {
	var out []int
	for _, i := range g {
		if of[i] == i {
			out = append(out, i)
		}
	}
	return out
}

// setCopies fills the story's Independent, Copies and CopiesOf.
func setCopies(st *answer.Story, docs []doc, g []int, of map[int]int) {
	st.Independent = len(independent(g, of))
	for _, i := range g {
		if o := of[i]; o != i {
			st.Copies++
			st.CopiesOf = append(st.CopiesOf, answer.Copy{ArticleID: docs[i].a.ID, Source: docs[i].outlet, Of: docs[o].a.ID})
		}
	}
}
