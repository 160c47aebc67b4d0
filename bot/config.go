package bot

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/newsbot/newsbot/internal/secret"
	"github.com/newsbot/newsbot/rag/answer"
)

// DefaultAPIBase is Discord's own API host.
const DefaultAPIBase = "https://discord.com"

// Answerer is the answering service the bot needs; *rag.Service implements it.
type Answerer interface {
	// Ask answers a question. It streams text through req.OnDelta when set
	// and returns answer.ErrEmptyQuestion, answer.ErrQuestionTooLong or
	// answer.ErrEmptyCorpus for questions it cannot take.
	Ask(ctx context.Context, req answer.Request) (answer.Answer, error)
	// Sources lists the articles that questions are answered from.
	Sources(ctx context.Context) ([]answer.Source, error)
}

// Config configures a Bot. Zero values of the tuning fields mean the
// documented defaults.
type Config struct {
	// Token is the bot token (with or without the "Bot " prefix). Required.
	Token secret.Secret
	// APIBase is the scheme and host (and optionally a path such as
	// "/api" or "/api/v9") of a Discord-compatible API; DefaultAPIBase
	// when empty. REST calls are rewritten to it; the gateway address is
	// whatever its GET /api/v9/gateway returns.
	APIBase string
	// GuildIDs, when set, register the slash commands in these guilds
	// (instantly) instead of globally (which can take an hour to show).
	GuildIDs []string
	// AllowedChannelIDs limits where the bot answers; a thread is allowed
	// when it or its parent channel is listed. Empty means everywhere.
	AllowedChannelIDs []string
	// AllowedRoleIDs limits who may ask: members with at least one of these
	// roles. Empty means everyone. Direct messages carry no roles, so they
	// are refused when this is set.
	AllowedRoleIDs []string
	// MessageContent requests the privileged message-content intent, which
	// must also be enabled for the application in Discord's developer
	// portal. Without it the bot still answers slash commands, mentions,
	// replies that mention it and direct messages, but not un-mentioned
	// follow-ups in threads.
	MessageContent bool
	// PlainText posts answers as plain messages instead of embeds (whose
	// colour shows an answer's status). Status and warnings show either way.
	PlainText bool

	// Answerer answers questions. Required.
	Answerer Answerer
	// Briefer, when set, adds /brief, /subscribe, /unsubscribe and
	// /subscriptions.
	Briefer Briefer
	// DB stores feedback (tables feedback_answers and feedback, created or
	// migrated by Run). The caller owns it. When nil, answers carry no
	// feedback buttons.
	DB *sql.DB
	// Logger receives structured logs; nil discards them.
	Logger *slog.Logger

	// MaxConcurrent caps answers being generated at once (default 4).
	MaxConcurrent int
	// MaxQueue caps questions waiting for a free slot (default 16); beyond
	// it askers are told the bot is busy.
	MaxQueue int
	// UserBurst is how many questions a user may ask in a row (default 3).
	UserBurst int
	// UserInterval is how often a user earns another question (default 20s).
	UserInterval time.Duration
	// MaxQuestionLen caps a question, in bytes (default and maximum
	// answer.MaxQuestionLen).
	MaxQuestionLen int
	// EditInterval is the least time between two edits of a streaming
	// answer (default 1s; Discord allows about 5 edits per 5 s a channel).
	EditInterval time.Duration
	// AnswerTimeout bounds one answer, queueing included (default 2m).
	AnswerTimeout time.Duration
	// DrainTimeout bounds how long Run waits for in-flight answers after its
	// context ends (default 10s); answers still running are then cancelled
	// and told so.
	DrainTimeout time.Duration
	// RESTTimeout bounds one REST call (default 20s).
	RESTTimeout time.Duration
	// MaxRateLimitWait is the longest Retry-After the bot waits out before
	// retrying a rate-limited REST call; longer waits fail the call
	// (default 5s).
	MaxRateLimitWait time.Duration
	// MaxHistoryTurns bounds the earlier turns sent with a follow-up
	// (default 6).
	MaxHistoryTurns int
	// MaxHistoryChars bounds their total length in bytes (default 4000).
	MaxHistoryChars int
}

// withDefaults returns cfg with zero tuning fields set to their defaults.
func (cfg Config) withDefaults() Config {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	defDur := func(v *time.Duration, d time.Duration) {
		if *v == 0 {
			*v = d
		}
	}
	if cfg.APIBase == "" {
		cfg.APIBase = DefaultAPIBase
	}
	def(&cfg.MaxConcurrent, 4)
	def(&cfg.MaxQueue, 16)
	def(&cfg.UserBurst, 3)
	defDur(&cfg.UserInterval, 20*time.Second)
	def(&cfg.MaxQuestionLen, answer.MaxQuestionLen)
	defDur(&cfg.EditInterval, time.Second)
	defDur(&cfg.AnswerTimeout, 2*time.Minute)
	defDur(&cfg.DrainTimeout, 10*time.Second)
	defDur(&cfg.RESTTimeout, 20*time.Second)
	defDur(&cfg.MaxRateLimitWait, 5*time.Second)
	def(&cfg.MaxHistoryTurns, 6)
	def(&cfg.MaxHistoryChars, 4000)
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	return cfg
}

// validate reports the first problem with cfg (after withDefaults).
func (cfg Config) validate() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrInvalidConfig}, a...)...)
	}
	tok := strings.TrimSpace(strings.TrimPrefix(cfg.Token.Reveal(), "Bot "))
	switch {
	case tok == "":
		return bad("token is required")
	case strings.ContainsAny(tok, " \t\r\n"):
		return bad("token contains white space")
	case cfg.Answerer == nil:
		return bad("answerer is required")
	case cfg.MaxQuestionLen < 0 || cfg.MaxQuestionLen > answer.MaxQuestionLen:
		return bad("max question length must be within 1..%d", answer.MaxQuestionLen)
	}
	for name, v := range map[string]int{
		"max concurrent": cfg.MaxConcurrent, "max queue": cfg.MaxQueue, "user burst": cfg.UserBurst,
		"max history turns": cfg.MaxHistoryTurns, "max history chars": cfg.MaxHistoryChars,
	} {
		if v < 0 {
			return bad("%s must not be negative", name)
		}
	}
	for name, d := range map[string]time.Duration{
		"user interval": cfg.UserInterval, "edit interval": cfg.EditInterval,
		"answer timeout": cfg.AnswerTimeout, "drain timeout": cfg.DrainTimeout,
		"rest timeout": cfg.RESTTimeout, "max rate limit wait": cfg.MaxRateLimitWait,
	} {
		if d < 0 {
			return bad("%s must not be negative", name)
		}
	}
	u, err := url.Parse(cfg.APIBase)
	if err != nil {
		return bad("api base: %v", err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return bad("api base %q must be an http(s) URL with a host", cfg.APIBase)
	}
	for _, ids := range [][]string{cfg.GuildIDs, cfg.AllowedChannelIDs, cfg.AllowedRoleIDs} {
		for _, id := range ids {
			if strings.TrimSpace(id) == "" || strings.ContainsAny(id, " \t/") {
				return bad("invalid id %q", id)
			}
		}
	}
	return nil
}
