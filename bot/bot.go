package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Bot answers questions on Discord. Create it with New and start it with Run.
type Bot struct {
	cfg      Config
	log      *slog.Logger
	s        *discordgo.Session
	limiter  *userLimiter
	gate     *gate
	fb       *feedbackStore // nil without a database
	channels *channelCache
	answers  *answerCache
	threads  *threadStore
	sources  sourcesCache
	allowCh  map[string]bool
	allowRol map[string]bool

	started atomic.Bool

	mu      sync.Mutex
	closing bool
	// work is the context of in-flight answers. It is a field (against the
	// usual rule) because discordgo calls our handlers without a context; it
	// outlives Run's ctx so that answers can finish during the drain, and
	// abort cancels it when the drain times out.
	work     context.Context
	abort    context.CancelFunc
	inflight sync.WaitGroup
}

// New checks cfg and prepares a Bot; it does not connect. It returns an
// error wrapping ErrInvalidConfig for an unusable Config.
func New(cfg Config) (*Bot, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	tok := strings.TrimSpace(strings.TrimPrefix(cfg.Token.Reveal(), "Bot "))
	rt, err := newTransport(cfg.APIBase, http.DefaultTransport.(*http.Transport).Clone())
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidConfig, err)
	}
	s, err := discordgo.New("Bot " + tok)
	if err != nil {
		return nil, fmt.Errorf("create discord session: %w", err)
	}
	s.StateEnabled = false
	s.Compress = false
	s.Identify.Compress = false
	s.ShouldRetryOnRateLimit = false // we retry short waits ourselves (rest.go)
	s.MaxRestRetries = 1
	s.Client = &http.Client{Timeout: cfg.RESTTimeout, Transport: rt}
	s.Dialer = &websocket.Dialer{Proxy: http.ProxyFromEnvironment, HandshakeTimeout: cfg.RESTTimeout}
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	if cfg.MessageContent {
		s.Identify.Intents |= discordgo.IntentMessageContent
	}
	s.LogLevel = discordgo.LogWarning
	routeDiscordgoLogs(cfg.Logger)

	b := &Bot{
		cfg:      cfg,
		log:      cfg.Logger,
		s:        s,
		limiter:  newUserLimiter(cfg.UserBurst, cfg.UserInterval, time.Now),
		gate:     newGate(cfg.MaxConcurrent, cfg.MaxQueue),
		channels: newChannelCache(),
		answers:  newAnswerCache(2048),
		threads:  newThreadStore(cfg.DB),
		allowCh:  set(cfg.AllowedChannelIDs),
		allowRol: set(cfg.AllowedRoleIDs),
	}
	if cfg.DB != nil {
		b.fb = &feedbackStore{db: cfg.DB}
	}
	s.AddHandler(b.onInteraction)
	s.AddHandler(b.onMessage)
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
		b.log.Info("discord gateway ready", "session", r.SessionID != "", "guilds", len(r.Guilds))
	})
	s.AddHandler(func(*discordgo.Session, *discordgo.Resumed) { b.log.Info("discord gateway resumed") })
	s.AddHandler(func(*discordgo.Session, *discordgo.Disconnect) { b.log.Info("discord gateway disconnected") })
	return b, nil
}

// Run connects to the gateway, registers the slash commands and answers
// until ctx ends; then it stops taking questions, lets in-flight answers
// finish (at most Config.DrainTimeout, after which they are cancelled and
// their askers told so) and closes the gateway. It returns nil after such a
// clean stop, ErrAlreadyRunning when called twice, or an error when the
// bot's tables cannot be created or the first connection fails.
// Dropped connections are resumed by discordgo on their own.
func (b *Bot) Run(ctx context.Context) error {
	if !b.started.CompareAndSwap(false, true) {
		return ErrAlreadyRunning
	}
	if b.cfg.DB != nil {
		if err := Migrate(ctx, b.cfg.DB); err != nil {
			return err
		}
	}
	work, abort := context.WithCancel(context.WithoutCancel(ctx))
	defer abort()
	b.mu.Lock()
	b.work, b.abort = work, abort
	b.mu.Unlock()

	if err := b.open(ctx); err != nil {
		return fmt.Errorf("connect to discord gateway%s: %w", connectHint(err), err)
	}
	user, app := b.self()
	b.log.Info("discord bot connected", "user", user, "application", app,
		"guilds", len(b.cfg.GuildIDs), "message_content", b.cfg.MessageContent)
	if err := b.registerCommands(ctx, app); err != nil && ctx.Err() == nil {
		// Mentions still work; an operator can restart to retry.
		b.log.Error("register slash commands", "err", err)
	}
	<-ctx.Done()
	b.shutdown()
	return nil
}

// Post sends Markdown text to a channel (for the briefing scheduler), split
// into messages that fit. Nothing in it can ping and links do not unfurl.
// It returns the first REST error.
func (b *Bot) Post(ctx context.Context, channelID, text string) error {
	for _, part := range Split(wrapURLs(text), MaxMessageLen) {
		if _, err := b.send(ctx, channelID, textReply(part), nil, nil); err != nil {
			return fmt.Errorf("post to channel %s: %w", channelID, err)
		}
	}
	return nil
}

// open connects the gateway. discordgo's Open cannot be interrupted, so when
// ctx ends first open waits for it a bounded time and closes what it opened.
func (b *Bot) open(ctx context.Context) error {
	errc := make(chan error, 1)
	go func() { errc <- b.s.Open() }()
	select {
	case err := <-errc:
		return nameHost(err, b.cfg.APIBase)
	case <-ctx.Done():
		timer := time.NewTimer(b.cfg.RESTTimeout)
		defer timer.Stop()
		select {
		case err := <-errc:
			if err == nil {
				b.closeGateway()
			}
		case <-timer.C:
		}
		return ctx.Err()
	}
}

// shutdown stops taking work, drains in-flight answers (bounded) and closes
// the gateway.
func (b *Bot) shutdown() {
	b.mu.Lock()
	b.closing = true
	b.mu.Unlock()
	b.log.Info("discord bot stopping; finishing in-flight answers", "drain_timeout", b.cfg.DrainTimeout)
	drained := make(chan struct{})
	go func() {
		b.inflight.Wait()
		close(drained)
	}()
	timer := time.NewTimer(b.cfg.DrainTimeout)
	defer timer.Stop()
	select {
	case <-drained:
	case <-timer.C:
		b.log.Warn("in-flight answers did not finish in time; cancelling them", "drain_timeout", b.cfg.DrainTimeout)
		b.abort()
		<-drained
	}
	b.closeGateway()
	b.log.Info("discord bot stopped")
}

// closeGateway closes the websocket without letting discordgo reconnect.
func (b *Bot) closeGateway() {
	b.s.Lock()
	b.s.ShouldReconnectOnError = false
	b.s.Unlock()
	if err := b.s.Close(); err != nil {
		b.log.Warn("close discord gateway", "err", err)
	}
}

// begin registers one unit of work (an event being handled) and returns its
// context, or false once the bot is shutting down.
func (b *Bot) begin() (context.Context, func(), bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closing || b.work == nil {
		return nil, nil, false
	}
	b.inflight.Add(1)
	return b.work, b.inflight.Done, true
}

// self returns the bot's user id and application id from READY.
func (b *Bot) self() (userID, appID string) {
	b.s.State.RLock()
	defer b.s.State.RUnlock()
	r := b.s.State.Ready
	if r.User != nil {
		userID = r.User.ID
	}
	appID = userID
	if r.Application != nil && r.Application.ID != "" {
		appID = r.Application.ID
	}
	return userID, appID
}

// connectHint explains the connection failures an operator can fix.
func connectHint(err error) string {
	var ce *websocket.CloseError
	var re *discordgo.RESTError
	switch {
	case errors.As(err, &ce) && ce.Code == 4004,
		errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized,
		errors.Is(err, discordgo.ErrUnauthorized):
		return " (the bot token was rejected)"
	case errors.As(err, &ce) && ce.Code == 4014:
		return " (the message content intent is not enabled for this application: enable it in the developer portal, or turn Config.MessageContent off)"
	case errors.As(err, &ce) && ce.Code == 4013:
		return " (invalid intents)"
	}
	return ""
}

func set(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[strings.TrimSpace(id)] = true
	}
	return m
}
