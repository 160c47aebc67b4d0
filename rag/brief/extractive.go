package brief

import (
	"math"
	"sort"
	"strings"

	"github.com/newsbot/newsbot/rag/disagree"
)

// Extractive scoring. A sentence's score mixes its LexRank centrality,
// its cosine to the story centroid, its position in its article (news
// leads carry the story) and how many other outlets say the same. MMR then
// picks sentences in score order, skipping those too close to one picked.
const (
	scoreLexRank  = 0.25
	scoreCentroid = 0.25
	scorePosition = 0.2
	scoreSupport  = 0.3
	supportAbove  = 0.25 // cosine at which another outlet says about the same
	longSentence  = 35   // words; longer sentences lose a little per word
	lengthPenalty = 0.005
	// disputedPenalty is taken off sentences that state a disputed value.
	disputedPenalty     = 0.15
	lexrankEdge         = 0.1 // cosine below this is no edge
	mmrLambda           = 0.7 // weight of score against redundancy
	redundantAbove      = 0.3
	redundantAcrossDocs = 0.22 // see selectSentences
	// cociteAbove is the cosine at which another outlet's sentence states
	// the same thing and is cited beside the picked one.
	cociteAbove = 0.4
	// maxCoCited bounds the other outlets cited beside a picked sentence:
	// three markers say "widely reported" as well as thirty.
	maxCoCited = 2
)

// pick is one chosen summary sentence with the other outlets' sentences
// that say the same.
type pick struct {
	s      *sentence
	also   []*sentence
	score  float64
	relPos float64
}

// selectSentences chooses up to maxSentences (or, when maxWords > 0, up to
// that many words) central, non-redundant sentences from the candidates.
// Sentences in disputed hold a value the outlets disagree on: they lose
// disputedPenalty so that an undisputed one is preferred.
func selectSentences(cands []*sentence, docLen map[int]int, disputed map[*sentence]bool, maxSentences, maxWords int) []pick {
	n := len(cands)
	if n == 0 {
		return nil
	}
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			c := cosine(cands[i].vec, cands[j].vec)
			sim[i][j], sim[j][i] = c, c
		}
	}
	lex := lexRank(sim)
	centroid := make(vector)
	for _, s := range cands {
		for k, w := range s.vec {
			centroid[k] += w
		}
	}
	centroid.normalize()
	docs := make(map[int]bool)
	for _, s := range cands {
		docs[s.doc] = true
	}
	scores := make([]float64, n)
	maxLex := 0.0
	for _, l := range lex {
		maxLex = max(maxLex, l)
	}
	for i, s := range cands {
		support := make(map[int]bool)
		for j, t := range cands {
			if t.doc != s.doc && sim[i][j] >= supportAbove {
				support[t.doc] = true
			}
		}
		sup := 0.0
		if len(docs) > 1 {
			sup = float64(len(support)) / float64(len(docs)-1)
		}
		pos := 1 / (1 + float64(s.idx)/2)
		scores[i] = scoreLexRank*lex[i]/math.Max(maxLex, 1e-12) + scoreCentroid*cosine(s.vec, centroid) +
			scorePosition*pos + scoreSupport*sup
		if disputed[s] {
			scores[i] -= disputedPenalty
		}
		if w := len(strings.Fields(s.text)); w > longSentence {
			scores[i] -= lengthPenalty * float64(w-longSentence)
		}
	}
	var picks []pick
	used := make([]bool, n)
	words := 0
	for {
		if maxWords <= 0 && len(picks) >= maxSentences || maxWords > 0 && words >= maxWords {
			break
		}
		best, bestVal := -1, math.Inf(-1)
		for i := range cands {
			if used[i] {
				continue
			}
			red, tooClose := 0.0, false
			for _, p := range picks {
				c := cosine(cands[i].vec, p.s.vec)
				red = max(red, c)
				if c >= redundantAbove || c >= redundantAcrossDocs && p.s.doc != cands[i].doc {
					tooClose = true
				}
			}
			if tooClose {
				continue
			}
			v := mmrLambda*scores[i] - (1-mmrLambda)*red
			if v > bestVal {
				best, bestVal = i, v
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		p := pick{s: cands[best], score: scores[best], relPos: float64(cands[best].idx) / float64(max(1, docLen[cands[best].doc]))}
		seen := map[int]bool{cands[best].doc: true}
		for j, t := range cands {
			if len(p.also) == maxCoCited {
				break
			}
			if !seen[t.doc] && sim[best][j] >= cociteAbove && !disagree.Clash(cands[best].facts, t.facts) {
				seen[t.doc] = true
				p.also = append(p.also, t)
			}
		}
		picks = append(picks, p)
		words += len(strings.Fields(cands[best].text))
	}
	// Read in story order: earlier in their articles first.
	sort.SliceStable(picks, func(a, b int) bool { return picks[a].relPos < picks[b].relPos })
	return picks
}

// lexRank returns continuous LexRank scores (PageRank over the cosine
// graph, damping 0.85).
func lexRank(sim [][]float64) []float64 {
	n := len(sim)
	w := make([][]float64, n)
	for i := range sim {
		w[i] = make([]float64, n)
		var row float64
		for j, s := range sim[i] {
			if i != j && s >= lexrankEdge {
				w[i][j] = s
				row += s
			}
		}
		for j := range w[i] {
			if row > 0 {
				w[i][j] /= row
			}
		}
	}
	p := make([]float64, n)
	for i := range p {
		p[i] = 1 / float64(n)
	}
	const d = 0.85
	for range 50 {
		next := make([]float64, n)
		for i := range next {
			next[i] = (1 - d) / float64(n)
		}
		for i := range w {
			for j, x := range w[i] {
				next[j] += d * p[i] * x
			}
		}
		p = next
	}
	return p
}
