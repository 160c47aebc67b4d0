package rag

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/localembed"
)

// Extractive answering parameters, tuned on the question set in
// cmd/newsbot/testdata (see docs/evaluation.md).
const (
	// maxAnswerSentences caps an extractive answer's length.
	maxAnswerSentences = 3
	// minCoverage is the share of the question's informative words (IDF
	// weighted, related words counting half) that the best sentence must
	// contain for the question to count as covered...
	minCoverage = 0.45
	// ...unless its embedding similarity alone is at least minSimilarity.
	minSimilarity = 0.6
	// followRatio admits further sentences that cover the question and
	// score at least this share of the best one.
	followRatio = 0.5
	// followCoverage is the coverage a further sentence needs.
	followCoverage = 0.4
	// followSimilarity is the embedding similarity a further sentence
	// needs: coverage alone can come from a word used in another sense.
	followSimilarity = 0.1
	// redundant is the word-set overlap above which a sentence repeats one
	// already chosen.
	redundant = 0.5
	// relatedCredit is how much a related word (e.g. "refused" for
	// "rejected") counts towards covering a question word.
	relatedCredit = 0.5
	// minCandidateWords is the fewest informative words a sentence needs
	// to be quoted at all.
	minCandidateWords = 3
)

// candidate is one sentence of a retrieved passage.
type candidate struct {
	result   Result
	text     string
	tokens   []string
	coverage float64
	sim      float64
	score    float64
	fits     bool // holds the kind of fact the question asks for
}

// extractive answers from the retrieved passages by choosing the sentences
// that best match the question, each cited.
func (s *Service) extractive(ctx context.Context, question string, results []Result) (answer.Answer, error) {
	return extract(ctx, s.lex, s.index(), question, results)
}

// extract answers question from results, weighing words by ix.
func extract(ctx context.Context, lex lexicon, ix *index, question string, results []Result) (answer.Answer, error) {
	ans := answer.Answer{Question: question, Mode: "extractive", Citations: []answer.Citation{}}
	cands, err := scoreCandidates(ctx, lex, ix, question, results)
	if err != nil {
		return ans, err
	}
	if len(cands) == 0 {
		return refuse(ans), nil
	}
	best := cands[0]
	if best.coverage < minCoverage && best.sim < minSimilarity {
		return refuse(ans), nil
	}
	chosen := []candidate{best}
	for _, c := range cands[1:] {
		if len(chosen) == maxAnswerSentences || c.score < followRatio*best.score {
			break
		}
		if c.coverage < followCoverage || c.sim < followSimilarity || !c.fits || repeats(c, chosen) {
			continue
		}
		chosen = append(chosen, c)
	}
	var b strings.Builder
	for i, c := range chosen {
		n := i + 1
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%s [%d]", c.text, n)
		ans.Citations = append(ans.Citations, citationFor(n, c.result, c.text))
	}
	ans.Answer = b.String()
	return ans, nil
}

// scoreCandidates returns the sentences of results scored against the
// question, best first.
func scoreCandidates(ctx context.Context, lex lexicon, ix *index, question string, results []Result) ([]candidate, error) {
	cands := candidates(lex, results)
	if len(cands) == 0 {
		return nil, nil
	}
	if err := scoreSentences(ctx, lex, ix, question, cands); err != nil {
		return nil, err
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	return cands, nil
}

// scoreSentences sets the similarity, coverage, answer-type fit and score
// of each candidate against the question; ix supplies the word weights.
// It returns ctx's error when ctx ends.
func scoreSentences(ctx context.Context, lex lexicon, ix *index, question string, cands []candidate) error {
	texts := make([]string, len(cands))
	for i, c := range cands {
		texts[i] = c.text
	}
	local := LocalEmbedder()
	svecs, err := local.Documents(ctx, texts)
	if err != nil {
		return fmt.Errorf("score sentences: %w", err)
	}
	qv, err := local.Query(ctx, []string{question})
	if err != nil {
		return fmt.Errorf("score sentences: %w", err)
	}
	atype, content := classify(question)
	qterms := lex.queryTerms(content)
	if len(qterms) == 0 {
		qterms = lex.queryTerms(question)
	}
	for i := range cands {
		c := &cands[i]
		c.sim = localembed.Cosine(qv[0], svecs[i])
		c.coverage = ix.coverage(qterms, c.tokens)
		c.fits = atype.fits(c.text)
		c.score = 0.5*c.sim + 0.5*c.coverage + 0.02/float64(c.result.Rank)
		if atype != anyAnswer && c.fits {
			c.score += answerTypeBonus
		}
	}
	return nil
}

func refuse(a answer.Answer) answer.Answer {
	a.Refused = true
	a.Answer = answer.RefusalText
	a.Citations = []answer.Citation{}
	return a
}

// candidates returns the distinct sentences of the results (chunks overlap,
// so a sentence can appear twice), tokenized.
func candidates(lex lexicon, results []Result) []candidate {
	seen := map[string]bool{}
	var out []candidate
	for _, r := range results {
		for _, sp := range r.Chunk.Sentences {
			key := fmt.Sprintf("%s@%d", r.Chunk.ArticleID, r.Chunk.Start+sp.Start)
			if seen[key] {
				continue
			}
			seen[key] = true
			text := r.Chunk.Text[sp.Start:sp.End]
			toks := lex.tokens(text)
			if len(toks) < minCandidateWords { // headlines fragments, datelines
				continue
			}
			out = append(out, candidate{result: r, text: text, tokens: toks})
		}
	}
	return out
}

// coverage is the IDF-weighted share of the question's own terms found in
// tokens; a term that is absent but has a related word present counts for
// relatedCredit of its weight.
func (ix *index) coverage(qterms []queryTerm, tokens []string) float64 {
	have := make(map[string]bool, len(tokens))
	for _, t := range tokens {
		have[t] = true
	}
	credit := map[string]float64{}
	var total float64
	for _, q := range qterms {
		switch {
		case q.of == "":
			w := ix.termWeight(q.term)
			total += w
			if have[q.term] {
				credit[q.term] = w
			}
		case have[q.term]:
			credit[q.of] = max(credit[q.of], relatedCredit*ix.termWeight(q.of))
		}
	}
	if total == 0 {
		return 0
	}
	var got float64
	for _, c := range credit {
		got += c
	}
	return min(got/total, 1)
}

// termWeight is how much a question word matters for coverage: its IDF in
// the corpus (rare here: telling), damped for words that are common in
// English at large ("go", "take place"), which a question can use without
// the answer repeating them.
func (ix *index) termWeight(term string) float64 {
	g := localembed.IDF(term) / 8
	return ix.lex.idf(term) * min(max(g, 0.3), 1.3)
}

// repeats reports whether c mostly repeats a chosen sentence.
func repeats(c candidate, chosen []candidate) bool {
	for _, o := range chosen {
		if jaccard(c.tokens, o.tokens) > redundant {
			return true
		}
	}
	return false
}

func jaccard(a, b []string) float64 {
	sa := map[string]bool{}
	for _, t := range a {
		sa[t] = true
	}
	sb := map[string]bool{}
	inter := 0
	for _, t := range b {
		if sb[t] {
			continue
		}
		sb[t] = true
		if sa[t] {
			inter++
		}
	}
	union := len(sa) + len(sb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// citationFor builds citation n quoting text from result r.
func citationFor(n int, r Result, quote string) answer.Citation {
	c := answer.Citation{
		N:         n,
		ArticleID: r.Chunk.ArticleID,
		Title:     r.Source.Title,
		Source:    r.Source.Source,
		URL:       r.Source.URL,
		ChunkID:   r.Chunk.ID,
		Quote:     quote,
	}
	// A file's modification time says when it was copied, not when the
	// article was published: it is good enough for briefing windows but is
	// not shown as a publication date.
	if !r.Source.Published.IsZero() && r.Source.PublishedFrom != "file time" {
		c.Published = r.Source.Published.Format("2006-01-02")
	}
	return c
}
