package rag

import (
	"context"
	"fmt"
	"time"

	"github.com/newsbot/newsbot/prompts"
	"github.com/newsbot/newsbot/rag/answer"
)

// ChatFunc asks a chat model to reply to a system and a user prompt,
// passing the reply's text to onDelta as it streams when onDelta is not
// nil. Its errors are shown to users as the cause of a fallback, so they
// must be one line and carry no secret.
type ChatFunc func(ctx context.Context, system, user string, onDelta func(delta string)) (ChatReply, error)

// ChatReply is a chat model's reply.
type ChatReply struct {
	// Text is the reply, or as much of it as arrived.
	Text string
	// Truncated reports a reply cut short (at the answer length limit or
	// by a broken stream).
	Truncated bool
	// Usage is nil when the server reported none.
	Usage *answer.Usage
}

// generate answers with the chat model from the retrieved passages, then
// verifies the citations. On model failure it falls back to the extractive
// answer with a warning saying so; only cancellation is returned as an
// error.
func (s *Service) generate(ctx context.Context, question string, history []answer.Turn, results []Result, onDelta func(string)) (answer.Answer, error) {
	data := prompts.AnswerData{Question: question, Today: time.Now().UTC().Format("2006-01-02")}
	for _, t := range history {
		data.History = append(data.History, prompts.Turn{Role: t.Role, Text: t.Text})
	}
	for i, r := range results {
		data.Passages = append(data.Passages, prompts.Passage{
			N: i + 1, Title: r.Source.Title, Source: r.Source.Source, Date: citationFor(0, r, "").Published, Text: r.Chunk.Text,
		})
	}
	packed, err := prompts.PackAnswer(data, s.cfg.MaxContextTokens, prompts.EstimateTokens)
	if err != nil {
		return s.fallback(ctx, question, results, fmt.Errorf("build prompt: %w", err))
	}
	system, err := prompts.AnswerSystem(packed)
	if err != nil {
		return s.fallback(ctx, question, results, fmt.Errorf("build prompt: %w", err))
	}
	user, err := prompts.AnswerUser(packed)
	if err != nil {
		return s.fallback(ctx, question, results, fmt.Errorf("build prompt: %w", err))
	}
	reply, err := s.cfg.Chat(ctx, system, user, onDelta)
	if err != nil {
		if ctx.Err() != nil {
			return answer.Answer{}, ctx.Err()
		}
		return s.fallback(ctx, question, results, err)
	}
	ans := verify(question, reply.Text, results[:len(packed.Passages)])
	if !ans.Refused && len(ans.Citations) == 0 {
		// Kept, as the model wrote it, but marked: nothing in it is backed
		// by a passage (each sentence is also listed as uncited).
		ans.Warnings = append(ans.Warnings, "the model's answer cites none of the passages: treat it as unsupported")
		ans.AddFlag(answer.FlagUnsupported)
	}
	if reply.Truncated {
		ans.Warnings = append(ans.Warnings, "the model stopped at its answer length limit, so the answer may be incomplete")
		ans.AddFlag(answer.FlagTruncated)
	}
	ans.Usage = reply.Usage
	return ans, nil
}

// fallback answers extractively after the model failed with cause.
func (s *Service) fallback(ctx context.Context, question string, results []Result, cause error) (answer.Answer, error) {
	s.logger.Warn("model answer failed; answering extractively", "err", cause)
	ans, err := s.extractive(ctx, question, results)
	if err != nil {
		return answer.Answer{}, err
	}
	ans.Warnings = append(ans.Warnings, fmt.Sprintf("the model could not answer (%v), so this answer quotes the articles directly", cause))
	ans.AddFlag(answer.FlagFellBack)
	return ans, nil
}
