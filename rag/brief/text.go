package brief

import (
	"math"
	"strings"
	"unicode"

	"github.com/newsbot/newsbot/corpus/text"
)

// vector is a sparse term-weight vector, kept L2-normalized.
type vector map[string]float64

func (v vector) normalize() vector {
	var s float64
	for _, w := range v {
		s += w * w
	}
	if s == 0 {
		return v
	}
	n := math.Sqrt(s)
	for k, w := range v {
		v[k] = w / n
	}
	return v
}

// cosine returns the dot product of two normalized vectors.
func cosine(a, b vector) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	var s float64
	for k, w := range a {
		s += w * b[k]
	}
	return s
}

// idfTable holds smoothed inverse document frequencies:
// ln((1+N)/(1+df)) + 1, so terms shared by every document still count.
type idfTable struct {
	n  int
	df map[string]int
}

func newIDF(docs [][]string) idfTable {
	t := idfTable{n: len(docs), df: make(map[string]int)}
	for _, d := range docs {
		seen := make(map[string]bool)
		for _, w := range d {
			if !seen[w] {
				seen[w] = true
				t.df[w]++
			}
		}
	}
	return t
}

func (t idfTable) weight(term string) float64 {
	return smoothIDF(t.n, t.df[term])
}

// tfidf builds a normalized TF-IDF vector with sublinear term frequency.
func (t idfTable) tfidf(tokens []string) vector {
	tf := make(map[string]float64)
	for _, w := range tokens {
		tf[w]++
	}
	v := make(vector, len(tf))
	for w, c := range tf {
		v[w] = (1 + math.Log(c)) * t.weight(w)
	}
	return v.normalize()
}

// entities returns the lower-cased proper-noun runs of text: sequences of
// capitalized words that do not start a sentence (or that also appear
// capitalized mid-sentence elsewhere in text). Single common words that
// are capitalized only because they open a sentence are not entities.
func entities(sentences []string) map[string]int {
	type cand struct {
		words   []string
		initial bool
	}
	var cands []cand
	midCap := make(map[string]bool)
	for _, s := range sentences {
		words := strings.Fields(s)
		var run []string
		runInitial := false
		flush := func() {
			if len(run) > 0 {
				cands = append(cands, cand{words: run, initial: runInitial})
			}
			run, runInitial = nil, false
		}
		for i, w := range words {
			core := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			core = strings.TrimSuffix(strings.TrimSuffix(core, "’s"), "'s")
			first := []rune(core)
			if len(first) > 1 && unicode.IsUpper(first[0]) && !text.IsNewsStop(strings.ToLower(core)) {
				if len(run) == 0 {
					runInitial = i == 0 || strings.ContainsAny(words[i-1][len(words[i-1])-1:], ".:\"“")
				}
				if i > 0 {
					midCap[strings.ToLower(core)] = true
				}
				run = append(run, strings.ToLower(core))
			} else {
				flush()
			}
			if strings.ContainsAny(w, ",;:()\"“”") && len(run) > 0 && !strings.HasPrefix(w, "(") {
				flush()
			}
		}
		flush()
	}
	out := make(map[string]int)
	for _, c := range cands {
		if c.initial && len(c.words) == 1 && !midCap[c.words[0]] {
			continue
		}
		// Count the whole run and each of its words, so that "Putin" matches
		// "Vladimir Putin".
		out[strings.Join(c.words, " ")]++
		if len(c.words) > 1 {
			for _, w := range c.words {
				out[w]++
			}
		}
	}
	return out
}
