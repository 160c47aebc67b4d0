package rag

import (
	"context"
	"fmt"

	"github.com/newsbot/newsbot/rag/answer"
)

// AnswerPassages answers question extractively from passages given in
// rank order, as Ask does from retrieved ones, without a store: each
// passage is a report of its own ("p1", "p2"...), chunked as articles are,
// and the passages themselves are the corpus that word weights come from.
// It is how evaluations that come with their own passages (RGB) measure
// the answerer. It returns answer.ErrEmptyQuestion or
// answer.ErrQuestionTooLong for a bad question, or ctx's error when ctx
// ends.
func AnswerPassages(ctx context.Context, question string, passages []string) (answer.Answer, error) {
	q, err := checkQuestion(question)
	if err != nil {
		return answer.Answer{}, err
	}
	lex := localLexicon()
	var chunks []indexedChunk
	var results []Result
	sources := map[string]answer.Source{}
	for i, p := range passages {
		id := fmt.Sprintf("p%d", i+1)
		sources[id] = answer.Source{ID: id, Title: id, Source: id}
		for _, c := range chunkText(id, p, chunkTargetBytes, chunkOverlap) {
			chunks = append(chunks, indexedChunk{Chunk: c})
			results = append(results, Result{Rank: i + 1, Chunk: c, Source: sources[id]})
		}
	}
	ix, err := buildIndex(ctx, chunks, sources, lex.tokens)
	if err != nil {
		return answer.Answer{}, err
	}
	ans, err := extract(ctx, lex, ix, q, results)
	if err != nil {
		return answer.Answer{}, err
	}
	if ans.Flags == nil {
		ans.Flags = []answer.Flag{}
	}
	ans.Status = ans.DeriveStatus()
	return ans, nil
}
