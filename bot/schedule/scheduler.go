package schedule

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/newsbot/newsbot/rag/answer"
)

// Defaults for a zero Config field.
const (
	DefaultCatchup     = 2 * time.Hour
	DefaultInterval    = time.Minute
	DefaultPostLease   = 2 * time.Minute
	DefaultMaxAttempts = 5
)

// Poster posts a briefing to a channel. key is deterministic per
// subscription and local date (at most 25 characters) and the same when a
// delivery interrupted inside Post is posted again: use it to skip what was
// already posted. Post must return within Config.PostLease.
type Poster interface {
	Post(ctx context.Context, channelID string, b answer.Briefing, key string) error
}

// Config configures a Scheduler.
type Config struct {
	// DB holds the subscription and delivery tables (created by New).
	DB *sql.DB
	// Poster posts briefings.
	Poster Poster
	// Generate writes the briefing of the articles published since the
	// given time. An error wrapping answer.ErrNoArticles is not a failure:
	// the returned (empty) briefing is posted, so the channel reads
	// "Nothing new since …".
	Generate func(ctx context.Context, since time.Time) (answer.Briefing, error)
	// Now returns the current time (default time.Now).
	Now func() time.Time
	// Catchup is how late a missed briefing may still be delivered
	// (default 2h).
	Catchup time.Duration
	// Interval is Run's tick (default 1 minute).
	Interval time.Duration
	// PostLease is how long a delivery may stay "posting" before it is
	// taken to have died inside Post and is posted again (default 2m).
	PostLease time.Duration
	// MaxAttempts bounds Post attempts per delivery (default 5).
	MaxAttempts int
	// Logger receives skips, failures and deliveries; nil discards.
	Logger *slog.Logger
}

// Scheduler delivers subscribed briefings. Its methods are safe for
// concurrent use; several Schedulers may share one database.
type Scheduler struct {
	cfg Config
	db  *sql.DB
	log *slog.Logger
}

// New validates cfg, creates the tables if needed and returns a Scheduler.
// It returns an error wrapping ErrInvalidConfig for a missing DB, Poster or
// Generate, or the database's error.
func New(ctx context.Context, cfg Config) (*Scheduler, error) {
	switch {
	case cfg.DB == nil:
		return nil, fmt.Errorf("no database: %w", ErrInvalidConfig)
	case cfg.Poster == nil:
		return nil, fmt.Errorf("no poster: %w", ErrInvalidConfig)
	case cfg.Generate == nil:
		return nil, fmt.Errorf("no generate function: %w", ErrInvalidConfig)
	case cfg.Catchup < 0 || cfg.Interval < 0 || cfg.PostLease < 0 || cfg.MaxAttempts < 0:
		return nil, fmt.Errorf("negative duration or attempts: %w", ErrInvalidConfig)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Catchup == 0 {
		cfg.Catchup = DefaultCatchup
	}
	if cfg.Interval == 0 {
		cfg.Interval = DefaultInterval
	}
	if cfg.PostLease == 0 {
		cfg.PostLease = DefaultPostLease
	}
	if cfg.MaxAttempts == 0 {
		cfg.MaxAttempts = DefaultMaxAttempts
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if err := migrate(ctx, cfg.DB); err != nil {
		return nil, err
	}
	return &Scheduler{cfg: cfg, db: cfg.DB, log: log}, nil
}

// SubscribeRequest asks for daily briefings in a channel.
type SubscribeRequest struct {
	GuildID, ChannelID string
	// At is the local time of day, "HH:MM".
	At string
	// TZ is an IANA time zone name.
	TZ        string
	CreatedBy string
}

// Subscribe starts (or, for a channel already subscribed, reschedules)
// daily briefings. It returns an error wrapping ErrInvalidTime,
// ErrInvalidTimezone or ErrMissingField for a bad request. A time of day
// already past today first fires tomorrow.
func (s *Scheduler) Subscribe(ctx context.Context, r SubscribeRequest) (Subscription, error) {
	if strings.TrimSpace(r.GuildID) == "" || strings.TrimSpace(r.ChannelID) == "" || strings.TrimSpace(r.CreatedBy) == "" {
		return Subscription{}, ErrMissingField
	}
	h, m, err := ParseClock(r.At)
	if err != nil {
		return Subscription{}, err
	}
	loc, err := LoadZone(r.TZ)
	if err != nil {
		return Subscription{}, err
	}
	at := fmt.Sprintf("%02d:%02d", h, m)
	_, err = s.db.ExecContext(ctx, `INSERT INTO brief_subscriptions (guild_id, channel_id, at, tz, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (guild_id, channel_id) DO UPDATE SET at = excluded.at, tz = excluded.tz, created_by = excluded.created_by`,
		r.GuildID, r.ChannelID, at, loc.String(), r.CreatedBy, ms(s.cfg.Now()))
	if err != nil {
		return Subscription{}, fmt.Errorf("subscribe channel %s: %w", r.ChannelID, err)
	}
	subs, err := querySubs(ctx, s.db, `WHERE guild_id = ? AND channel_id = ?`, r.GuildID, r.ChannelID)
	if err == nil && len(subs) != 1 {
		err = fmt.Errorf("found %d rows", len(subs))
	}
	if err != nil {
		return Subscription{}, fmt.Errorf("read back subscription of channel %s: %w", r.ChannelID, err)
	}
	s.log.Info("briefing subscription saved", "sub", subs[0].ID, "guild", r.GuildID, "channel", r.ChannelID, "at", at, "tz", loc.String())
	return subs[0], nil
}

// Unsubscribe stops a channel's briefings and forgets its deliveries. It
// returns ErrNotSubscribed when the channel had no subscription.
func (s *Scheduler) Unsubscribe(ctx context.Context, guildID, channelID string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("unsubscribe channel %s: %w", channelID, err)
	}
	defer tx.Rollback()
	var id int64
	err = tx.QueryRowContext(ctx, `SELECT id FROM brief_subscriptions WHERE guild_id = ? AND channel_id = ?`, guildID, channelID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotSubscribed
	}
	if err != nil {
		return fmt.Errorf("unsubscribe channel %s: %w", channelID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM brief_deliveries WHERE subscription_id = ?`, id); err != nil {
		return fmt.Errorf("unsubscribe channel %s: %w", channelID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM brief_subscriptions WHERE id = ?`, id); err != nil {
		return fmt.Errorf("unsubscribe channel %s: %w", channelID, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("unsubscribe channel %s: %w", channelID, err)
	}
	return nil
}

// List returns a guild's subscriptions, oldest first.
func (s *Scheduler) List(ctx context.Context, guildID string) ([]Subscription, error) {
	return querySubs(ctx, s.db, `WHERE guild_id = ?`, guildID)
}

// Next returns when sub's next briefing is due after t.
func (sub Subscription) Next(t time.Time) (time.Time, error) {
	h, m, err := ParseClock(sub.At)
	if err != nil {
		return time.Time{}, err
	}
	loc, err := LoadZone(sub.TZ)
	if err != nil {
		return time.Time{}, err
	}
	d := dateOf(t.In(loc))
	for i := 0; i < 3; i++ {
		at := ScheduledAt(d.y, d.m, d.d, h, m, loc)
		if at.After(t) {
			return at, nil
		}
		d = d.add(1)
	}
	return time.Time{}, fmt.Errorf("no next run for %s %s", sub.At, sub.TZ)
}

// Run calls Tick now and then every Config.Interval until ctx ends; it
// returns nil then. Tick errors are logged, not returned.
func (s *Scheduler) Run(ctx context.Context) error {
	t := time.NewTicker(s.cfg.Interval)
	defer t.Stop()
	for {
		if err := s.Tick(ctx); err != nil && ctx.Err() == nil {
			s.log.Error("briefing schedule tick", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Tick makes one pass over all subscriptions, delivering what is due. A
// failing subscription is logged and retried on a later tick; Tick returns
// an error only when the subscriptions cannot be listed or ctx ends.
func (s *Scheduler) Tick(ctx context.Context) error {
	subs, err := querySubs(ctx, s.db, ``)
	if err != nil {
		return err
	}
	for _, sub := range subs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.tickSub(ctx, sub); err != nil {
			s.log.Error("briefing delivery failed; will retry", "sub", sub.ID, "guild", sub.GuildID, "channel", sub.ChannelID, "err", err)
		}
	}
	return ctx.Err()
}
