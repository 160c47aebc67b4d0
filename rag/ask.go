package rag

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsbot/newsbot/rag/answer"
)

// followUpWords is the length below which a question is read as a
// follow-up and retrieval also uses the previous question's words.
const followUpWords = 5

// Ask answers a question from the stored articles. It returns
// answer.ErrEmptyQuestion or answer.ErrQuestionTooLong for a bad question, the context's
// error when cancelled, and otherwise an Answer — Refused when the articles
// do not cover the question.
func (s *Service) Ask(ctx context.Context, req answer.Request) (answer.Answer, error) {
	q, err := checkQuestion(req.Question)
	if err != nil {
		return answer.Answer{}, err
	}
	ix, err := s.loadedIndex(ctx)
	if err != nil {
		return answer.Answer{}, err
	}
	// Typos and chat spellings are mended for reading the question; a
	// model reads it as asked.
	read := respell(q, ix.lex.df)
	k := req.K
	if k <= 0 && s.cfg.Chat == nil {
		k = ExtractiveK
	}
	results, warnings, err := s.retrieve(ctx, s.retrievalQuery(lowerUS(read), req.History), k, req.Filter)
	if err != nil {
		return answer.Answer{}, err
	}
	if ix.size() == 0 {
		warnings = append(warnings, answer.ErrEmptyCorpus.Error())
	} else if n := s.Unembedded(); n > 0 {
		warnings = append(warnings, fmt.Sprintf("%d passages have no vectors from %s yet and were found by keyword only; run an ingest", n, s.cfg.Embedder.Name))
	}
	var ans answer.Answer
	switch {
	case s.cfg.Chat != nil && len(results) > 0:
		ans, err = s.generate(ctx, q, req.History, results, req.OnDelta)
	default:
		ans, err = s.extractive(ctx, read, results)
		if err == nil {
			ans, err = s.named(ctx, read, results, k, req.Filter, ans)
		}
		ans.Question = q
		if err == nil && req.OnDelta != nil {
			req.OnDelta(ans.Answer)
		}
	}
	if err != nil {
		return answer.Answer{}, err
	}
	ans.Warnings = append(warnings, ans.Warnings...)
	if ans.Flags == nil {
		ans.Flags = []answer.Flag{}
	}
	ans.Status = ans.DeriveStatus()
	return ans, nil
}

// named answers again a question that names a person by description
// ("the Russian leader"), reading it with the name its retrieved passages
// give them (nameDescriptions) and searching with the name; when that
// finds no answer, or the question names no one so, it returns asked, the
// answer to the question as asked.
func (s *Service) named(ctx context.Context, question string, results []Result, k int, f answer.Filter, asked answer.Answer) (answer.Answer, error) {
	texts := make([]string, len(results))
	for i, r := range results {
		texts[i] = r.Chunk.Text
	}
	read := nameDescriptions(question, texts)
	if read == question {
		return asked, nil
	}
	again, _, err := s.retrieve(ctx, lowerUS(read), k, f)
	if err != nil || len(again) == 0 {
		return asked, err
	}
	ans, err := s.extractive(ctx, read, again)
	if err != nil || ans.Refused {
		return asked, err
	}
	return ans, nil
}

// retrievalQuery adds the previous user question to a short follow-up
// ("and what did Ukraine say?") so retrieval stays on the conversation's
// topic.
func (s *Service) retrievalQuery(q string, history []answer.Turn) string {
	if len(s.lex.tokens(q)) >= followUpWords {
		return q
	}
	for i := len(history) - 1; i >= 0; i-- {
		if history[i].Role == "user" && strings.TrimSpace(history[i].Text) != "" {
			combined := q + " " + history[i].Text
			if len(combined) <= answer.MaxQuestionLen {
				return combined
			}
			return q
		}
	}
	return q
}
