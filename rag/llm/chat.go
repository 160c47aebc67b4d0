package llm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"unicode/utf8"

	openai "github.com/sashabaranov/go-openai"
)

// Prompt sends one system and one user message; see Chat.
func (c *Client) Prompt(ctx context.Context, system, user string, onDelta func(string)) (Reply, error) {
	return c.Chat(ctx, []Message{{Role: RoleSystem, Content: system}, {Role: RoleUser, Content: user}}, onDelta)
}

// Chat roles.
const (
	RoleSystem    = "system"
	RoleUser      = "user"
	RoleAssistant = "assistant"
)

// Message is one chat message.
type Message struct {
	// Role is RoleSystem, RoleUser or RoleAssistant.
	Role    string
	Content string
}

// Usage is the token accounting the server reported.
type Usage struct {
	PromptTokens     int
	CompletionTokens int
	TotalTokens      int
}

// Reply is a generated answer.
type Reply struct {
	// Text is the answer, or as much of it as arrived.
	Text string
	// FinishReason is the server's reason for stopping ("stop", "length",
	// ...), or "" when the reply was cut off.
	FinishReason string
	// Usage is nil when the server reported none.
	Usage *Usage
	// Truncated reports an incomplete answer: cut off before the server
	// finished (Chat also returns ErrTruncated), or stopped at
	// MaxAnswerTokens (FinishReason "length", no error).
	Truncated bool
}

// Chat sends msgs to ChatModel and returns the answer. When onDelta is not
// nil the answer is streamed and onDelta receives each piece of text as it
// arrives, on the calling goroutine; otherwise one JSON reply is awaited.
//
// A leading <think>...</think> block, which local reasoning models put in
// the answer, is removed from Text and never passed to onDelta.
//
// The answer is cut at Config.MaxAnswerBytes (Truncated, FinishReason
// "length", no error), and the whole call ends after Config.ChatTimeout.
//
// On failure Chat returns an *Error. A reply cut off before its
// finish_reason (stream closed early, error event, stalled stream) returns
// the partial text with Truncated set and an error matching ErrTruncated,
// plus the cause (ErrServer, ErrTimeout, ...). A stream is never retried
// once it has started.
func (c *Client) Chat(ctx context.Context, msgs []Message, onDelta func(string)) (Reply, error) {
	if c.cfg.ChatModel == "" {
		return Reply{}, fmt.Errorf("chat: %w: no ChatModel", ErrNotConfigured)
	}
	if len(msgs) == 0 {
		return Reply{}, fmt.Errorf("chat: %w: no messages", ErrBadRequest)
	}
	req := c.chatRequest(msgs)
	ctx, cancel := context.WithTimeoutCause(ctx, c.cfg.ChatTimeout, errChatTimeout)
	defer cancel()
	ctx, st := withState(ctx)
	if onDelta == nil {
		return c.chatOnce(ctx, st, req)
	}
	return c.chatStream(ctx, st, req, onDelta)
}

func (c *Client) chatRequest(msgs []Message) openai.ChatCompletionRequest {
	// max_tokens, not max_completion_tokens: Ollama, vLLM and llama.cpp
	// server read only the former.
	//lint:ignore SA1019 local OpenAI-compatible servers need max_tokens
	req := openai.ChatCompletionRequest{Model: c.cfg.ChatModel, MaxTokens: c.cfg.MaxAnswerTokens}
	for _, m := range msgs {
		req.Messages = append(req.Messages, openai.ChatCompletionMessage{Role: m.Role, Content: m.Content})
	}
	// Reasoning models (o1, o3, gpt-5...) refuse max_tokens.
	if openai.NewReasoningValidator().Validate(req) != nil {
		//lint:ignore SA1019 clearing the field the reasoning models refuse
		req.MaxTokens, req.MaxCompletionTokens = 0, c.cfg.MaxAnswerTokens
	}
	return req
}

func (c *Client) chatOnce(ctx context.Context, st *callState, req openai.ChatCompletionRequest) (Reply, error) {
	resp, err := c.api.CreateChatCompletion(ctx, req)
	if err != nil {
		return Reply{}, c.wrapErr(ctx, "chat", st, err)
	}
	if len(resp.Choices) == 0 {
		e := &Error{Host: c.host, Op: "chat", StatusCode: st.snapshot().status, Attempts: st.snapshot().attempts}
		e.set("reply has no choices", ErrBadResponse)
		return Reply{}, e
	}
	ch := resp.Choices[0]
	r := Reply{Text: stripThink(ch.Message.Content), FinishReason: string(ch.FinishReason)}
	r.Truncated = ch.FinishReason == openai.FinishReasonLength
	if keep, capped := c.capAnswer(0, r.Text); capped {
		c.logCapped(ctx, len(r.Text))
		r.Text, r.FinishReason, r.Truncated = keep, string(openai.FinishReasonLength), true
	}
	if u := resp.Usage; u.TotalTokens > 0 || u.PromptTokens > 0 {
		r.Usage = &Usage{PromptTokens: u.PromptTokens, CompletionTokens: u.CompletionTokens, TotalTokens: u.TotalTokens}
	}
	return r, nil
}

func (c *Client) chatStream(ctx context.Context, st *callState, req openai.ChatCompletionRequest, onDelta func(string)) (Reply, error) {
	req.StreamOptions = &openai.StreamOptions{IncludeUsage: true}
	stream, err := c.api.CreateChatCompletionStream(ctx, req)
	if err != nil {
		return Reply{}, c.wrapErr(ctx, "chat", st, err)
	}
	defer stream.Close()
	var text strings.Builder
	var r Reply
	var think thinkFilter
	events := 0
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			r.Text, r.Truncated = text.String(), true
			e := c.wrapErr(ctx, "chat", st, err)
			e.kinds = append(e.kinds, ErrTruncated)
			if text.Len() > 0 {
				e.Detail += fmt.Sprintf(" (after %d characters of the answer)", text.Len())
			}
			return r, e
		}
		events++
		if u := chunk.Usage; u != nil {
			r.Usage = &Usage{PromptTokens: u.PromptTokens, CompletionTokens: u.CompletionTokens, TotalTokens: u.TotalTokens}
		}
		for _, ch := range chunk.Choices {
			if ch.Index != 0 {
				continue
			}
			d := think.write(ch.Delta.Content)
			keep, capped := c.capAnswer(text.Len(), d)
			if keep != "" {
				text.WriteString(keep)
				onDelta(keep)
			}
			if capped {
				// Stop reading; the deferred Close drops the connection.
				c.logCapped(ctx, text.Len()+len(d)-len(keep))
				r.Text, r.FinishReason, r.Truncated = text.String(), string(openai.FinishReasonLength), true
				return r, nil
			}
			if ch.FinishReason != "" {
				r.FinishReason = string(ch.FinishReason)
			}
		}
	}
	if d := think.flush(); d != "" {
		keep, _ := c.capAnswer(text.Len(), d)
		text.WriteString(keep)
		onDelta(keep)
		if len(keep) < len(d) {
			r.FinishReason = string(openai.FinishReasonLength)
		}
	}
	r.Text = text.String()
	r.Truncated = r.FinishReason == "" || r.FinishReason == string(openai.FinishReasonLength)
	if r.FinishReason != "" {
		return r, nil
	}
	s := st.snapshot()
	e := &Error{Host: c.host, Op: "chat", StatusCode: s.status, Attempts: s.attempts}
	switch {
	case s.notStream:
		detail := fmt.Sprintf("returned a reply that is not valid JSON or an event stream (status %d, %s)",
			s.status, orUnknown(s.contentType))
		if strings.Contains(strings.ToLower(s.contentType), "html") {
			detail = fmt.Sprintf("returned an HTML page instead of an event stream (status %d)", s.status)
		}
		e.set(detail, ErrBadResponse, ErrTruncated)
	case events == 0:
		e.set("reply stream ended before any event", ErrBadResponse, ErrTruncated)
	default:
		e.set(fmt.Sprintf("reply stream ended without a finish reason after %d characters", text.Len()), ErrTruncated)
	}
	return r, e
}

// capAnswer returns the part of d that fits after have bytes of answer
// within MaxAnswerBytes, cut at a character boundary, and whether d had to
// be cut.
func (c *Client) capAnswer(have int, d string) (string, bool) {
	room := c.cfg.MaxAnswerBytes - have
	if len(d) <= room {
		return d, false
	}
	cut := max(room, 0)
	for cut > 0 && !utf8.RuneStart(d[cut]) {
		cut--
	}
	return d[:cut], true
}

// logCapped records that an answer of at least n bytes was cut.
func (c *Client) logCapped(ctx context.Context, n int) {
	c.cfg.Logger.LogAttrs(ctx, slog.LevelWarn, "model answer cut at its length limit",
		slog.String("host", c.host), slog.Int("max_answer_bytes", c.cfg.MaxAnswerBytes), slog.Int("received_bytes", n))
}
