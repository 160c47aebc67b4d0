package rag

import (
	"context"
	"math"
)

// ScoreSentences scores sentences as answers to question with the scorer
// that extractive answers use to choose their sentences (embedding
// similarity, weighted coverage of the question's words, answer-type fit),
// taking the sentences themselves as the corpus that word weights come
// from. Larger is better. A sentence with fewer informative words than an
// answer may quote (a heading, a dateline) scores minus infinity, since an
// answer would never choose it. It returns one score per sentence, or
// ctx's error when ctx ends.
func ScoreSentences(ctx context.Context, question string, sentences []string) ([]float64, error) {
	lex := localLexicon()
	toks := make([][]string, len(sentences))
	var cands []candidate
	var at []int // at[i] is the sentence of cands[i]
	for i, s := range sentences {
		toks[i] = lex.tokens(s)
		if len(toks[i]) < minCandidateWords {
			continue
		}
		// Every sentence is taken from the same passage: the retrieval
		// rank term is equal for all.
		cands = append(cands, candidate{result: Result{Rank: 1}, text: s, tokens: toks[i], sent: i})
		at = append(at, i)
	}
	out := make([]float64, len(sentences))
	for i := range out {
		out[i] = math.Inf(-1)
	}
	if len(cands) == 0 {
		return out, ctx.Err()
	}
	ix := &index{lex: newBM25(toks)}
	if err := scoreSentences(ctx, lex, ix, question, cands); err != nil {
		return nil, err
	}
	for j, c := range cands {
		out[at[j]] = c.score
	}
	return out, nil
}
