package brief

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newsbot/newsbot/corpus/text"
	"github.com/newsbot/newsbot/rag/answer"
)

// maxHeadline is the longest headline, in bytes, before it is cut at a word.
const maxHeadline = 140

// citer numbers the sentences a story cites, once each.
type citer struct {
	docs  []doc
	byKey map[[2]int]int
	cites []answer.Citation
}

func newCiter(docs []doc) *citer { return &citer{docs: docs, byKey: make(map[[2]int]int)} }

// cite returns the citation number of sentence si of doc di.
func (c *citer) cite(di, si int) int {
	k := [2]int{di, si}
	if n, ok := c.byKey[k]; ok {
		return n
	}
	n := len(c.cites) + 1
	c.byKey[k] = n
	c.cites = append(c.cites, c.docs[di].citation(n, c.docs[di].sents[si]))
	return n
}

// storyBase fills what both modes share: outlets, ids, headline,
// publication time.
func storyBase(docs []doc, g []int) answer.Story {
	st := answer.Story{Outlets: []string{}, ArticleIDs: []string{}, Citations: []answer.Citation{}, Disagreements: []answer.Disagreement{}}
	seen := make(map[string]bool)
	for _, i := range g {
		d := docs[i]
		st.ArticleIDs = append(st.ArticleIDs, d.a.ID)
		if k := strings.ToLower(d.outlet); !seen[k] {
			seen[k] = true
			st.Outlets = append(st.Outlets, d.outlet)
		}
		if p := d.a.Published; knownDate(d.a) && (st.Published.IsZero() || p.Before(st.Published)) {
			st.Published = p
		}
	}
	st.Headline = headline(docs, g)
	return st
}

// maxStoryCandidates bounds the sentences a story's summary is chosen
// from: scoring is quadratic in them (LexRank, support, MMR), and a story
// of many long articles would otherwise cost seconds. The leads of all
// the story's articles come first (see candidates).
const maxStoryCandidates = 400

// candidates returns the summary-worthy sentences of a story, at most
// maxStoryCandidates: each article's first, then each one's second, and
// so on, so that every outlet's lead is among them.
func candidates(docs []doc, g []int) ([]*sentence, map[int]int) {
	var cands []*sentence
	lens := make(map[int]int)
	next := make([]int, len(g)) // next sentence to look at, per doc of g
	rank := make(map[int]int)   // doc's place in g
	for k, i := range g {
		lens[i] = len(docs[i].sents)
		rank[i] = k
	}
	for more := true; more && len(cands) < maxStoryCandidates; {
		more = false
		for k, i := range g {
			for next[k] < len(docs[i].sents) {
				s := &docs[i].sents[next[k]]
				next[k]++
				if s.summary && len(s.vec) > 0 {
					cands = append(cands, s)
					more = true
					break
				}
			}
			if len(cands) == maxStoryCandidates {
				break
			}
		}
	}
	// Story order: article by article, each in its own order.
	slices.SortFunc(cands, func(a, b *sentence) int {
		return cmp.Or(cmp.Compare(rank[a.doc], rank[b.doc]), cmp.Compare(a.idx, b.idx))
	})
	return cands, lens
}

// extractiveStory summarizes a story by sentence extraction and lists its
// disagreements and developing figures.
func (b *Briefer) extractiveStory(docs []doc, g []int) answer.Story {
	st := storyBase(docs, g)
	c := newCiter(docs)
	cands, lens := candidates(docs, g)
	of := reports(docs, g)
	setCopies(&st, docs, g, of)
	f := storyFacts(docs, g, of)
	var parts []string
	for _, p := range selectSentences(cands, lens, f.avoid(docs), b.cfg.SentencesPerStory, 0) {
		marks := fmt.Sprintf("[%d]", c.cite(p.s.doc, p.s.idx))
		for _, o := range p.also {
			marks += fmt.Sprintf("[%d]", c.cite(o.doc, o.idx))
		}
		parts = append(parts, withMarkers(p.s.text, marks))
	}
	st.Summary = strings.Join(parts, " ")
	st.Developing = f.developments(docs, c)
	st.Disagreements = f.disagreements(docs, c)
	st.Citations = c.cites
	return st
}

// withMarkers puts citation markers before a sentence's final period.
func withMarkers(s, marks string) string {
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..") {
		return strings.TrimSuffix(s, ".") + " " + marks + "."
	}
	return s + " " + marks
}

// headline picks the title closest to the story's centroid, preferring
// short ones, and cuts it at a word if it is still too long.
func headline(docs []doc, g []int) string {
	centroid := make(vector)
	for _, i := range g {
		for k, w := range docs[i].vec {
			centroid[k] += w
		}
	}
	centroid.normalize()
	best, bestScore := "", -1.0
	for _, i := range g {
		t := strings.TrimSpace(docs[i].a.Title)
		if t == "" && len(docs[i].sents) > 0 {
			t = docs[i].sents[0].text
		}
		if t == "" {
			continue
		}
		idf := newIDF(nil)
		score := cosine(idf.tfidf(text.ContentStems(t)), centroid)
		if n := utf8.RuneCountInString(t); n > 90 {
			score -= 0.004 * float64(n-90)
		}
		if score > bestScore {
			best, bestScore = t, score
		}
	}
	return cutWords(best, maxHeadline)
}

// cutWords shortens s to at most n bytes at a word boundary, adding "…".
func cutWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut <= 0 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:—-") + "…"
}
