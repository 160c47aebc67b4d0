package rag

import (
	"context"
	"fmt"

	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/chunk"
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
	ix, results, err := passageIndex(lex, passages)
	if err != nil {
		return answer.Answer{}, err
	}
	read := respell(q, ix.lex.df)
	ans, err := extract(ctx, lex, ix, read, results)
	if named := nameDescriptions(read, passages); err == nil && named != read {
		// A person named by description ("the Russian leader"), read
		// with the name the passages give them; as asked when that
		// reading finds no answer.
		if again, err2 := extract(ctx, lex, ix, named, results); err2 != nil || !again.Refused {
			ans, err = again, err2
		}
	}
	if err != nil {
		return answer.Answer{}, err
	}
	ans.Question = q
	if ans.Flags == nil {
		ans.Flags = []answer.Flag{}
	}
	ans.Status = ans.DeriveStatus()
	return ans, nil
}

// passageIndex indexes passages as the articles "p1", "p2", … and returns
// the index and every chunk of them as a retrieval result, ranked in the
// passages' order.
func passageIndex(lex lexicon, passages []string) (*index, []Result, error) {
	ix, err := newIndex(0)
	if err != nil {
		return nil, nil, err
	}
	var results []Result
	for i, p := range passages {
		id := fmt.Sprintf("p%d", i+1)
		src := answer.Source{ID: id, Title: id, Source: id}
		ix.putArticle(src)
		for _, c := range chunk.Split(id, p) {
			if err := ix.addChunk(id, storedChunk{id: c.ID, terms: lex.tokens(c.Text)}); err != nil {
				return nil, nil, err
			}
			results = append(results, Result{Rank: i + 1, Chunk: c, Source: src})
		}
	}
	return ix, results, nil
}
