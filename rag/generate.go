package rag

import (
	"context"
	"fmt"
	"strings"
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
	var err error
	data := prompts.AnswerData{Question: question, Today: time.Now().UTC().Format("2006-01-02")}
	for _, t := range history {
		data.History = append(data.History, prompts.Turn{Role: t.Role, Text: t.Text})
	}
	for i, r := range results {
		data.Passages = append(data.Passages, prompts.Passage{
			N: i + 1, Title: r.Source.Title, Source: r.Source.Source, Date: citationFor(0, r, "").Published, Text: r.Chunk.Text,
		})
	}
	if data.Conflict, err = s.conflictFinding(ctx, question, results); err != nil {
		return answer.Answer{}, err
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
	text, added := keepConflict(reply.Text, packed.Conflict)
	ans := verify(question, text, results[:len(packed.Passages)])
	if packed.Conflict != nil && !ans.Refused {
		ans.AddFlag(answer.FlagConflict)
		if added {
			ans.Warnings = append(ans.Warnings, "the model's answer left out that the sources differ, so that was added")
		}
	}
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

// conflictFinding returns the extractive answerer's finding that the
// passages give different answers to question, each side numbered as its
// passage in results, or nil when there is none. It returns only ctx's
// error.
func (s *Service) conflictFinding(ctx context.Context, question string, results []Result) (*prompts.Conflict, error) {
	ans, err := s.extractive(ctx, question, results)
	if err != nil {
		return nil, ctx.Err()
	}
	if !ans.Has(answer.FlagConflict) {
		return nil, nil
	}
	c := &prompts.Conflict{}
	for _, cit := range ans.Citations {
		for i, r := range results {
			if r.Chunk.ID == cit.ChunkID {
				c.Sides = append(c.Sides, prompts.ConflictSide{N: i + 1, Quote: cit.Quote})
				break
			}
		}
	}
	if len(c.Sides) < 2 {
		return nil, nil
	}
	return c, nil
}

// keepConflict returns the model's reply with the conflict finding
// appended ("Sources differ: … [1] … [3]", quoting each side) when the
// reply does not say that the sources differ, and whether it appended it.
// A refusal is left alone.
func keepConflict(reply string, c *prompts.Conflict) (string, bool) {
	if c == nil || prompts.IsRefusal(reply) || strings.Contains(strings.ToLower(reply), strings.ToLower(prompts.ConflictNote)) {
		return reply, false
	}
	var b strings.Builder
	b.WriteString(strings.TrimSpace(reply))
	b.WriteString(" " + prompts.ConflictNote)
	for _, side := range c.Sides {
		fmt.Fprintf(&b, " %s [%d]", side.Quote, side.N)
	}
	return b.String(), true
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
