package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/schedule"
	"github.com/newsbot/newsbot/corpus/feeds"
	"github.com/newsbot/newsbot/internal/secret"
	"github.com/newsbot/newsbot/rag"
	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/brief"
)

// briefingTimeout bounds writing one scheduled briefing (model calls
// included), so a hung model cannot stall every subscription.
const briefingTimeout = 5 * time.Minute

// runDiscord runs the Discord bot with the daily-briefing scheduler and,
// when NEWSBOT_FEEDS is set, the feed poller, until ctx ends.
func runDiscord(ctx context.Context, a *app, args []string) error {
	if len(args) > 0 {
		return usagef("discord takes no arguments; it is configured by environment variables (see .env.example)")
	}
	token := strings.TrimSpace(a.env("DISCORD_TOKEN"))
	if token == "" {
		return usagef("DISCORD_TOKEN is not set: create a bot in the Discord developer portal and export its token (see README)")
	}
	feedURLs, err := feeds.ResolveFeeds(a.env("NEWSBOT_FEEDS"))
	if err != nil {
		return fmt.Errorf("NEWSBOT_FEEDS: %w", err)
	}
	interval := feeds.DefaultPollInterval
	if v := a.env("NEWSBOT_FEED_INTERVAL"); v != "" {
		if interval, err = time.ParseDuration(v); err != nil || interval <= 0 {
			return usagef("NEWSBOT_FEED_INTERVAL=%q: want a duration such as 15m", v)
		}
	}
	svc, err := a.ready(ctx)
	if err != nil {
		return err
	}
	db, err := a.database(ctx)
	if err != nil {
		return err
	}
	briefer, err := a.briefer(svc, nil)
	if err != nil {
		return err
	}

	// The scheduler posts through the bot, and the bot's /subscribe goes to
	// the scheduler: post is set once the bot exists.
	poster, err := newBriefingPoster(ctx, db)
	if err != nil {
		return err
	}
	sched, err := schedule.New(ctx, schedule.Config{
		DB:     db,
		Poster: poster,
		Generate: func(ctx context.Context, since time.Time) (answer.Briefing, error) {
			ctx, cancel := context.WithTimeout(ctx, briefingTimeout)
			defer cancel()
			return writeBriefing(ctx, svc, briefer, brief.Window{From: since, To: time.Now()})
		},
		// Keep retrying a failed post through the whole catch-up window
		// (2 h of one-minute ticks): a short Discord outage must not cost
		// the day's briefing.
		MaxAttempts: 120,
		Logger:      a.logger,
	})
	if err != nil {
		return err
	}
	b, err := bot.New(bot.Config{
		Token:             secret.Secret(token),
		APIBase:           a.env("DISCORD_API_BASE"),
		GuildIDs:          list(a.env("DISCORD_GUILD_IDS")),
		AllowedChannelIDs: list(a.env("DISCORD_CHANNEL_ALLOWLIST")),
		AllowedRoleIDs:    list(a.env("DISCORD_ROLE_ALLOWLIST")),
		MessageContent:    strings.EqualFold(a.env("DISCORD_MESSAGE_CONTENT"), "true"),
		PlainText:         isTrue(a.env("NEWSBOT_DISCORD_PLAIN")),
		Answerer:          svc,
		Briefer:           &discordBriefer{svc: svc, briefer: briefer, sched: sched},
		DB:                db,
		Logger:            a.logger,
	})
	if err != nil {
		return err
	}
	poster.set(b)

	var wg sync.WaitGroup
	runCtx, stop := context.WithCancel(ctx)
	defer func() { stop(); wg.Wait() }()
	wg.Go(func() {
		if err := sched.Run(runCtx); err != nil && runCtx.Err() == nil {
			a.logger.Error("briefing scheduler stopped", "err", err)
		}
	})
	wg.Go(func() { followChanges(runCtx, svc, refreshInterval, a.logger) })
	if len(feedURLs) > 0 {
		f, err := a.newFetcher(ctx)
		if err != nil {
			return err
		}
		defer f.Close()
		wg.Go(func() {
			p := &feeds.Poller{Fetcher: f, Logger: a.logger}
			p.Run(runCtx, interval, feedURLs, func(ctx context.Context) error {
				_, err := a.ingest(ctx, svc)
				return err
			})
		})
	}
	a.logger.Info("starting discord bot", "feeds", len(feedURLs), "model", svc.Generates())
	return b.Run(ctx)
}

// isTrue reads a boolean setting: "1", "true", "yes" or "on".
func isTrue(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "yes", "on":
		return true
	}
	return false
}

// refreshInterval is how often a long-running process applies the changes
// other processes (an ingest, a cron job) made to the database.
const refreshInterval = 2 * time.Second

// followChanges keeps svc's indexes in step with the database until ctx
// ends: every interval it applies the logged changes. A failed refresh is
// logged and retried at the next tick.
func followChanges(ctx context.Context, svc *rag.Service, interval time.Duration, logger *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		n, err := svc.Refresh(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			logger.Warn("could not apply database changes; retrying", "err", err)
		case n > 0:
			logger.Info("applied database changes", "changes", n)
		}
	}
}

// list splits a comma-separated setting, dropping blanks.
func list(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// writeBriefing briefs the stored articles in window w.
func writeBriefing(ctx context.Context, svc *rag.Service, b *brief.Briefer, w brief.Window) (answer.Briefing, error) {
	arts, err := svc.Articles(ctx, time.Time{}, time.Time{})
	if err != nil {
		return answer.Briefing{}, err
	}
	return b.Brief(ctx, arts, w)
}

// discordBriefer serves the bot's briefing commands.
type discordBriefer struct {
	svc     *rag.Service
	briefer *brief.Briefer
	sched   *schedule.Scheduler
}

func (d *discordBriefer) Brief(ctx context.Context, hours int) (answer.Briefing, error) {
	now := time.Now()
	return writeBriefing(ctx, d.svc, d.briefer, brief.Window{From: now.Add(-time.Duration(hours) * time.Hour), To: now})
}

// BriefWindow briefs the articles published in [from, to), for /brief
// latest:True.
func (d *discordBriefer) BriefWindow(ctx context.Context, from, to time.Time) (answer.Briefing, error) {
	return writeBriefing(ctx, d.svc, d.briefer, brief.Window{From: from, To: to})
}

func (d *discordBriefer) Subscribe(ctx context.Context, s bot.Subscription) error {
	_, err := d.sched.Subscribe(ctx, schedule.SubscribeRequest{GuildID: s.GuildID, ChannelID: s.ChannelID, At: s.At, TZ: s.TZ, CreatedBy: s.UserID})
	switch {
	case errors.Is(err, schedule.ErrInvalidTime), errors.Is(err, schedule.ErrInvalidTimezone):
		return &bot.InvalidRequestError{Message: "Sorry — " + err.Error() + "."}
	}
	return err
}

func (d *discordBriefer) Unsubscribe(ctx context.Context, guildID, channelID string) error {
	err := d.sched.Unsubscribe(ctx, guildID, channelID)
	if errors.Is(err, schedule.ErrNotSubscribed) {
		return bot.ErrNotSubscribed
	}
	return err
}

func (d *discordBriefer) Subscriptions(ctx context.Context, guildID string) ([]bot.Subscription, error) {
	subs, err := d.sched.List(ctx, guildID)
	if err != nil {
		return nil, err
	}
	out := make([]bot.Subscription, len(subs))
	for i, s := range subs {
		out[i] = bot.Subscription{GuildID: s.GuildID, ChannelID: s.ChannelID, At: s.At, TZ: s.TZ, UserID: s.CreatedBy, Created: s.CreatedAt}
	}
	return out, nil
}

// briefingPoster posts scheduled briefings through the bot: an overview
// message, a thread from it, the stories in the thread. schedule.PartLog
// records each step under the delivery key, so a retry after a partial
// failure resumes where it stopped instead of posting the first parts
// again.
type briefingPoster struct {
	parts *schedule.PartLog
	mu    sync.Mutex
	b     *bot.Bot
}

func newBriefingPoster(ctx context.Context, db *sql.DB) (*briefingPoster, error) {
	parts, err := schedule.NewPartLog(ctx, db)
	if err != nil {
		return nil, err
	}
	return &briefingPoster{parts: parts}, nil
}

func (p *briefingPoster) set(b *bot.Bot) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.b = b
}

// Post posts the parts of the briefing not yet posted under key. A crash
// between sending a part and recording it can still repeat that one part.
func (p *briefingPoster) Post(ctx context.Context, channelID string, b answer.Briefing, key string) error {
	p.mu.Lock()
	bt := p.b
	p.mu.Unlock()
	if bt == nil {
		return errors.New("discord bot is not running yet")
	}
	return bt.PostBriefing(ctx, channelID, b, key, p.parts)
}
