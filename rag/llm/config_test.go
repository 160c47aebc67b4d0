package llm

import (
	"errors"
	"strings"
	"testing"
)

func TestNormalizeBaseURL(t *testing.T) {
	tests := []struct {
		in, want string
		bad      bool
	}{
		{"", DefaultBaseURL, false},
		{"http://localhost:11434", "http://localhost:11434/v1", false},
		{"http://localhost:11434/", "http://localhost:11434/v1", false},
		{"http://127.0.0.1:8000/v1/", "http://127.0.0.1:8000/v1", false},
		{"https://openrouter.ai/api/v1", "https://openrouter.ai/api/v1", false},
		{" https://api.openai.com/v1 ", "https://api.openai.com/v1", false},
		{"localhost:11434", "", true},
		{"ftp://example.com", "", true},
		{"http://user:pw@example.com/v1", "", true},
		{"http://", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := normalizeBaseURL(tt.in)
			if tt.bad {
				if !errors.Is(err, ErrInvalidConfig) {
					t.Fatalf("normalizeBaseURL(%q) error = %v, want ErrInvalidConfig", tt.in, err)
				}
				if strings.Contains(err.Error(), "pw") {
					t.Errorf("error echoes credentials: %v", err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("normalizeBaseURL(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestNewValidates(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want error
	}{
		{"no models", Config{}, ErrNotConfigured},
		{"batch over limit", Config{EmbedModel: "e", EmbedBatchSize: 4096}, ErrInvalidConfig},
		{"negative timeout", Config{ChatModel: "c", Timeout: -1}, ErrInvalidConfig},
		{"negative chat timeout", Config{ChatModel: "c", ChatTimeout: -1}, ErrInvalidConfig},
		{"negative answer bytes", Config{ChatModel: "c", MaxAnswerBytes: -1}, ErrInvalidConfig},
		{"answer fills context", Config{ChatModel: "c", MaxContextTokens: 1000, MaxAnswerTokens: 1000}, ErrInvalidConfig},
		{"bad url", Config{ChatModel: "c", BaseURL: "::"}, ErrInvalidConfig},
		{"ok", Config{ChatModel: "c"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(tt.cfg)
			if !errors.Is(err, tt.want) {
				t.Fatalf("New() error = %v, want %v", err, tt.want)
			}
			if err == nil {
				got := c.Config()
				if got.Timeout != DefaultTimeout || got.MaxRetries != DefaultMaxRetries ||
					got.EmbedBatchSize != DefaultEmbedBatchSize || got.BaseURL != DefaultBaseURL ||
					got.MaxAnswerBytes != DefaultMaxAnswerBytes || got.ChatTimeout != DefaultChatTimeout {
					t.Errorf("defaults not applied: %+v", got)
				}
				if c.PromptBudget() != DefaultMaxContextTokens-DefaultMaxAnswerTokens {
					t.Errorf("PromptBudget() = %d", c.PromptBudget())
				}
			}
		})
	}
}

func TestNegativeMaxRetriesMeansNone(t *testing.T) {
	c, err := New(Config{ChatModel: "c", MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	if c.Config().MaxRetries != 0 {
		t.Errorf("MaxRetries = %d, want 0", c.Config().MaxRetries)
	}
}

func TestScrubLeavesPlaceholderKeys(t *testing.T) {
	c := &Client{key: "x"}
	if got := c.scrub("max_tokens exceeds context"); got != "max_tokens exceeds context" {
		t.Errorf("scrub with a placeholder key = %q", got)
	}
	c = &Client{key: "sk-live-0123456789abcdef"}
	if got := c.scrub("bad key sk-live-0123456789abcdef given"); strings.Contains(got, "0123456789") {
		t.Errorf("scrub kept the key: %q", got)
	}
}
