package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/newsbot/newsbot/internal/secret"
	"github.com/newsbot/newsbot/rag"
	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/llm"
)

// modelProblem says in one line what went wrong with the model server.
func modelProblem(e *llm.Error) string {
	switch {
	case errors.Is(e, llm.ErrUnauthorized):
		return fmt.Sprintf("the model server %s refused the API key (check OPENAI_API_KEY)", e.Host)
	case errors.Is(e, llm.ErrUnavailable):
		return fmt.Sprintf("the model server %s is unreachable (check OPENAI_BASE_URL and that the server runs): %s", e.Host, e.Detail)
	case errors.Is(e, llm.ErrNotFound):
		return fmt.Sprintf("the model server %s answered 404: check the model name and that OPENAI_BASE_URL ends in /v1", e.Host)
	}
	return e.Error()
}

// ragConfig builds the service configuration from options and environment.
func (a *app) ragConfig() (rag.Config, error) {
	cfg := rag.Config{Logger: a.logger}
	mc, err := modelConfig(a.env, a.logger)
	if err != nil {
		return cfg, err
	}
	if mc.ChatModel == "" && mc.EmbedModel == "" {
		return cfg, nil
	}
	client, err := llm.New(mc)
	if err != nil {
		return cfg, fmt.Errorf("model configuration: %w", err)
	}
	if mc.ChatModel != "" {
		a.chat = client
		cfg.Chat = a.chatFunc(client)
		cfg.MaxContextTokens = client.PromptBudget()
	}
	if mc.EmbedModel != "" {
		name := "openai:" + mc.EmbedModel
		if mc.EmbedDimensions > 0 {
			name += fmt.Sprintf(":%d", mc.EmbedDimensions)
		}
		cfg.Embedder = rag.Embedder{Name: name, Dim: mc.EmbedDimensions, Documents: client.Embed}
	}
	return cfg, nil
}

// chatFunc adapts the model client to the answering service, keeping
// the last error for the answer's one-line explanation.
func (a *app) chatFunc(c *llm.Client) rag.ChatFunc {
	return func(ctx context.Context, system, user string, onDelta func(string)) (rag.ChatReply, error) {
		r, err := c.Prompt(ctx, system, user, onDelta)
		if err != nil {
			a.chatErrMu.Lock()
			a.chatErr = err
			a.chatErrMu.Unlock()
		}
		out := rag.ChatReply{Text: r.Text, Truncated: r.Truncated}
		if u := r.Usage; u != nil {
			out.Usage = &answer.Usage{PromptTokens: u.PromptTokens, CompletionTokens: u.CompletionTokens, TotalTokens: u.TotalTokens}
		}
		return out, err
	}
}

// modelConfig reads the model settings from the environment.
func modelConfig(env Env, logger *slog.Logger) (llm.Config, error) {
	cfg := llm.Config{
		BaseURL:    env("OPENAI_BASE_URL"),
		APIKey:     secret.Secret(env("OPENAI_API_KEY")),
		ChatModel:  env("NEWSBOT_CHAT_MODEL"),
		EmbedModel: env("NEWSBOT_EMBED_MODEL"),
		Logger:     logger,
	}
	ints := []struct {
		key string
		dst *int
	}{
		{"NEWSBOT_EMBED_DIMENSIONS", &cfg.EmbedDimensions},
		{"NEWSBOT_MAX_CONTEXT_TOKENS", &cfg.MaxContextTokens},
		{"NEWSBOT_MAX_ANSWER_TOKENS", &cfg.MaxAnswerTokens},
		{"NEWSBOT_MAX_ANSWER_BYTES", &cfg.MaxAnswerBytes},
	}
	for _, i := range ints {
		if v := env(i.key); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return cfg, fmt.Errorf("%s=%q: want a non-negative whole number", i.key, v)
			}
			*i.dst = n
		}
	}
	if v := env("NEWSBOT_MODEL_RETRIES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return cfg, fmt.Errorf("NEWSBOT_MODEL_RETRIES=%q: want a non-negative whole number", v)
		}
		cfg.MaxRetries = n
		if n == 0 {
			cfg.MaxRetries = -1 // llm.Config: negative means never
		}
	}
	if v := env("NEWSBOT_MODEL_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return cfg, fmt.Errorf("NEWSBOT_MODEL_TIMEOUT=%q: want a duration such as 60s", v)
		}
		cfg.Timeout = d
	}
	if v := env("NEWSBOT_CHAT_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return cfg, fmt.Errorf("NEWSBOT_CHAT_TIMEOUT=%q: want a duration such as 2m", v)
		}
		cfg.ChatTimeout = d
	}
	return cfg, nil
}

// lastChatErr returns the chat model's last error, nil when none.
func (a *app) lastChatErr() error {
	a.chatErrMu.Lock()
	defer a.chatErrMu.Unlock()
	return a.chatErr
}
