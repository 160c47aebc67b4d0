package llm

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/newsbot/newsbot/internal/secret"
)

// Defaults applied by New to zero Config fields.
const (
	DefaultBaseURL          = "https://api.openai.com/v1"
	DefaultTimeout          = 60 * time.Second
	DefaultMaxRetries       = 4
	DefaultMaxContextTokens = 8192
	DefaultMaxAnswerTokens  = 1024
	// DefaultMaxAnswerBytes bounds an answer's text: about 4,000 tokens
	// of English, four times DefaultMaxAnswerTokens, and eight Discord
	// messages.
	DefaultMaxAnswerBytes = 16 << 10
	// DefaultChatTimeout bounds a whole Chat call, stream included.
	DefaultChatTimeout = 2 * time.Minute
	// DefaultEmbedBatchSize is the number of texts per embeddings request.
	DefaultEmbedBatchSize = 128
	// MaxEmbedBatchSize is the API's limit on inputs per request.
	MaxEmbedBatchSize = 2048
	// DefaultEmbedBatchTokens caps the estimated tokens of one embeddings
	// request (estimate: one token per 3 bytes, deliberately pessimistic).
	// OpenAI allows 300,000 tokens per request; local servers often far
	// fewer, so the default stays well below.
	DefaultEmbedBatchTokens = 64_000
	DefaultEmbedConcurrency = 2
	DefaultRetryBaseDelay   = 500 * time.Millisecond
	DefaultRetryMaxDelay    = 20 * time.Second
)

// Config configures a Client. Zero fields take the defaults above.
type Config struct {
	// BaseURL is the server's API root. Empty means OpenAI. A URL with no
	// path ("http://localhost:11434") gets "/v1" appended; any other path
	// is used as given ("https://openrouter.ai/api/v1").
	BaseURL string
	// APIKey is sent as a bearer token; it may be empty for local servers.
	APIKey secret.Secret
	// ChatModel and EmbedModel name the models; at least one is required.
	// Chat fails with ErrNotConfigured when ChatModel is empty, and Embed
	// when EmbedModel is.
	ChatModel  string
	EmbedModel string
	// EmbedDimensions, when non-zero, asks for vectors of this length
	// (text-embedding-3 and later) and is checked against the reply.
	EmbedDimensions int
	// Timeout bounds each attempt of a request: the wait for the reply
	// and reading it, or for a stream, the wait for the headers and then
	// for each next event (SSE comments such as keep-alives do not count),
	// so a long answer that keeps streaming is not cut by it.
	Timeout time.Duration
	// ChatTimeout bounds a whole Chat call: every attempt, the waits
	// between them and all of a stream. Timeout alone cannot stop a
	// server that trickles one token every few seconds. Chat then returns
	// the text so far with an error matching ErrTimeout and ErrTruncated.
	ChatTimeout time.Duration
	// MaxRetries is how many times a failed attempt is retried; 0 means
	// DefaultMaxRetries, negative means never.
	MaxRetries int
	// RetryBaseDelay and RetryMaxDelay shape the backoff: attempt n waits a
	// random time in [0, min(max, base*2^n)). RetryMaxDelay also caps a
	// server's Retry-After: when the server asks for longer, the client
	// gives up at once rather than hang.
	RetryBaseDelay time.Duration
	RetryMaxDelay  time.Duration
	// MaxContextTokens is the model's context window; callers size prompts
	// with PromptBudget.
	MaxContextTokens int
	// MaxAnswerTokens is sent as max_tokens (max_completion_tokens for
	// reasoning models); local servers otherwise may generate until their
	// context is full.
	MaxAnswerTokens int
	// MaxAnswerBytes bounds the answer's text in bytes (UTF-8), whatever
	// the server does with max_tokens. A stream is cut as it arrives, at
	// the last whole character that fits: the client stops reading and
	// closes it, and Chat returns the text with Truncated set and
	// FinishReason "length", as for MaxAnswerTokens, and no error. A
	// leading <think> block does not count (it is never kept).
	MaxAnswerBytes int
	// EmbedBatchSize is the number of texts per embeddings request, at
	// most MaxEmbedBatchSize. EmbedBatchTokens caps a request's estimated
	// tokens. EmbedConcurrency bounds the requests in flight.
	EmbedBatchSize   int
	EmbedBatchTokens int
	EmbedConcurrency int
	// Logger receives retries and failures; nil discards.
	Logger *slog.Logger
	// HTTPClient, when set, is copied and its Transport wrapped; the caller's
	// client is not modified.
	HTTPClient *http.Client
	// Sleep waits between retries; nil uses a timer. It must return early
	// with ctx.Err() when ctx is done. Tests record waits with it.
	Sleep func(ctx context.Context, d time.Duration) error
}

// withDefaults returns cfg with zero fields filled in and the base URL
// normalized, or an error naming the bad field.
func (cfg Config) withDefaults() (Config, error) {
	u, err := normalizeBaseURL(cfg.BaseURL)
	if err != nil {
		return cfg, err
	}
	cfg.BaseURL = u
	if cfg.ChatModel == "" && cfg.EmbedModel == "" {
		return cfg, fmt.Errorf("%w: set ChatModel, EmbedModel or both", ErrNotConfigured)
	}
	type field struct {
		name string
		v    int
	}
	for _, f := range []field{
		{"EmbedDimensions", cfg.EmbedDimensions}, {"MaxContextTokens", cfg.MaxContextTokens},
		{"MaxAnswerTokens", cfg.MaxAnswerTokens}, {"MaxAnswerBytes", cfg.MaxAnswerBytes},
		{"ChatTimeout", int(cfg.ChatTimeout)}, {"EmbedBatchSize", cfg.EmbedBatchSize},
		{"EmbedBatchTokens", cfg.EmbedBatchTokens}, {"EmbedConcurrency", cfg.EmbedConcurrency},
		{"Timeout", int(cfg.Timeout)}, {"RetryBaseDelay", int(cfg.RetryBaseDelay)},
		{"RetryMaxDelay", int(cfg.RetryMaxDelay)},
	} {
		if f.v < 0 {
			return cfg, fmt.Errorf("%w: %s is negative", ErrInvalidConfig, f.name)
		}
	}
	if cfg.EmbedBatchSize > MaxEmbedBatchSize {
		return cfg, fmt.Errorf("%w: EmbedBatchSize %d is over the API limit of %d",
			ErrInvalidConfig, cfg.EmbedBatchSize, MaxEmbedBatchSize)
	}
	setDefault(&cfg.Timeout, DefaultTimeout)
	setDefault(&cfg.RetryBaseDelay, DefaultRetryBaseDelay)
	setDefault(&cfg.RetryMaxDelay, DefaultRetryMaxDelay)
	setDefault(&cfg.MaxContextTokens, DefaultMaxContextTokens)
	setDefault(&cfg.MaxAnswerTokens, DefaultMaxAnswerTokens)
	setDefault(&cfg.MaxAnswerBytes, DefaultMaxAnswerBytes)
	setDefault(&cfg.ChatTimeout, DefaultChatTimeout)
	setDefault(&cfg.EmbedBatchSize, DefaultEmbedBatchSize)
	setDefault(&cfg.EmbedBatchTokens, DefaultEmbedBatchTokens)
	setDefault(&cfg.EmbedConcurrency, DefaultEmbedConcurrency)
	switch {
	case cfg.MaxRetries == 0:
		cfg.MaxRetries = DefaultMaxRetries
	case cfg.MaxRetries < 0:
		cfg.MaxRetries = 0
	}
	if cfg.MaxAnswerTokens >= cfg.MaxContextTokens {
		return cfg, fmt.Errorf("%w: MaxAnswerTokens %d leaves no room in MaxContextTokens %d",
			ErrInvalidConfig, cfg.MaxAnswerTokens, cfg.MaxContextTokens)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleepCtx
	}
	return cfg, nil
}

func setDefault[T int | time.Duration](p *T, def T) {
	if *p == 0 {
		*p = def
	}
}

// normalizeBaseURL checks raw and returns it without a trailing slash, with
// "/v1" added when it has no path.
func normalizeBaseURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return DefaultBaseURL, nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		// The URL is not echoed: it may carry credentials.
		return "", fmt.Errorf("%w: BaseURL must be an http(s) URL such as http://localhost:11434/v1", ErrInvalidConfig)
	}
	if u.User != nil {
		return "", fmt.Errorf("%w: BaseURL must not contain credentials; use APIKey", ErrInvalidConfig)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	if u.Path == "" {
		u.Path = "/v1"
	}
	u.RawPath = ""
	return u.String(), nil
}

// sleepCtx waits d or until ctx is done.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
