package schedule

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/newsbot/newsbot/rag/answer"
)

// tickSub delivers sub's briefings that are due: yesterday's (a catch-up
// across midnight) and today's, in the subscription's zone.
func (s *Scheduler) tickSub(ctx context.Context, sub Subscription) error {
	h, m, err := ParseClock(sub.At)
	if err != nil {
		return err
	}
	loc, err := LoadZone(sub.TZ)
	if err != nil {
		return err
	}
	now := s.cfg.Now()
	today := dateOf(now.In(loc))
	for _, d := range []localDate{today.add(-1), today} {
		at := ScheduledAt(d.y, d.m, d.d, h, m, loc)
		if now.Before(at) || at.Before(sub.CreatedAt) {
			continue
		}
		// The briefing covers the articles since the previous day's slot.
		prev := d.add(-1)
		since := ScheduledAt(prev.y, prev.m, prev.d, h, m, loc)
		if err := s.deliver(ctx, sub, d, at, since, now); err != nil {
			return fmt.Errorf("deliver %s: %w", d, err)
		}
	}
	return nil
}

// nonce is the delivery key passed to Poster.Post (stored in the column
// "nonce"): "b<subscription id>-<yyyymmdd>", at most 25 characters for any
// id below 10^15. It is not sent to Discord as a message nonce.
func nonce(sub int64, d localDate) string { return fmt.Sprintf("b%d-%s", sub, d.compact()) }

// deliver moves one (subscription, date) delivery forward.
func (s *Scheduler) deliver(ctx context.Context, sub Subscription, d localDate, at, since, now time.Time) error {
	date := d.String()
	row, ok, err := loadDelivery(ctx, s.db, sub.ID, date)
	if err != nil {
		return err
	}
	late := now.Sub(at) > s.cfg.Catchup
	if !ok {
		if late {
			return s.skip(ctx, sub, date, at, "", "the bot was not running at the scheduled time and the catch-up window has passed")
		}
		if err := s.generate(ctx, sub, d, at, since); err != nil {
			return err
		}
		if row, ok, err = loadDelivery(ctx, s.db, sub.ID, date); err != nil || !ok {
			return fmt.Errorf("reload delivery: %w", err)
		}
	}
	switch row.state {
	case stateGenerated:
	case statePosting:
		if now.Sub(row.claimed) < s.cfg.PostLease {
			return nil // another scheduler is posting it, or did just now
		}
		s.log.Warn("briefing delivery was interrupted while posting; posting again with the same nonce",
			"sub", sub.ID, "channel", sub.ChannelID, "date", date, "nonce", row.nonce)
	default:
		return nil // posted, skipped or failed: done for the day
	}
	if late {
		return s.skip(ctx, sub, date, at, row.state, "the briefing was generated but not posted within the catch-up window")
	}
	return s.post(ctx, sub, date, row, now)
}

// generate writes the day's briefing and stores it as "generated"; if
// another scheduler stored one first, that one stands.
func (s *Scheduler) generate(ctx context.Context, sub Subscription, d localDate, at, since time.Time) error {
	b, err := s.cfg.Generate(ctx, since)
	if err != nil && !errors.Is(err, answer.ErrNoArticles) {
		return fmt.Errorf("generate briefing: %w", err)
	}
	if err != nil {
		b.Empty = true
		if b.Window.From.IsZero() {
			b.Window.From = since
		}
	}
	raw, err := json.Marshal(b)
	if err != nil {
		return fmt.Errorf("encode briefing: %w", err)
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO brief_deliveries (subscription_id, local_date, state, nonce, scheduled_at, briefing)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (subscription_id, local_date) DO NOTHING`,
		sub.ID, d.String(), stateGenerated, nonce(sub.ID, d), ms(at), string(raw))
	if err != nil {
		return fmt.Errorf("store briefing: %w", err)
	}
	return nil
}

// post claims the delivery, posts it and records the outcome.
func (s *Scheduler) post(ctx context.Context, sub Subscription, date string, row delivery, now time.Time) error {
	res, err := s.db.ExecContext(ctx, `UPDATE brief_deliveries SET state = ?, attempts = attempts + 1, claimed_at = ?
		WHERE subscription_id = ? AND local_date = ? AND (state = ? OR (state = ? AND claimed_at <= ?))`,
		statePosting, ms(now), sub.ID, date, stateGenerated, statePosting, ms(now.Add(-s.cfg.PostLease)))
	if err != nil {
		return fmt.Errorf("claim delivery: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return nil // claimed by another scheduler
	}
	var b answer.Briefing
	if err := json.Unmarshal([]byte(row.briefing), &b); err != nil {
		return s.finish(ctx, sub, date, stateFailed, fmt.Errorf("decode stored briefing: %w", err))
	}
	pctx, cancel := context.WithTimeout(ctx, s.cfg.PostLease/2)
	err = s.cfg.Poster.Post(pctx, sub.ChannelID, b, row.nonce)
	cancel()
	if err != nil {
		if row.attempts+1 >= s.cfg.MaxAttempts {
			return s.finish(ctx, sub, date, stateFailed, fmt.Errorf("post briefing, attempt %d, giving up: %w", row.attempts+1, err))
		}
		// Back to "generated": the next tick posts the same content again.
		if _, uerr := s.db.ExecContext(ctx, `UPDATE brief_deliveries SET state = ?, last_error = ? WHERE subscription_id = ? AND local_date = ?`,
			stateGenerated, err.Error(), sub.ID, date); uerr != nil {
			return fmt.Errorf("post briefing: %w (and recording it: %v)", err, uerr)
		}
		return fmt.Errorf("post briefing, attempt %d: %w", row.attempts+1, err)
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE brief_deliveries SET state = ?, posted_at = ?, last_error = NULL WHERE subscription_id = ? AND local_date = ?`,
		statePosted, ms(s.cfg.Now()), sub.ID, date); err != nil {
		return fmt.Errorf("record posted briefing: %w", err)
	}
	s.log.Info("briefing posted", "sub", sub.ID, "guild", sub.GuildID, "channel", sub.ChannelID, "date", date, "nonce", row.nonce, "stories", len(b.Stories))
	return nil
}

// finish records a final state with its cause and returns the cause.
func (s *Scheduler) finish(ctx context.Context, sub Subscription, date, state string, cause error) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE brief_deliveries SET state = ?, last_error = ? WHERE subscription_id = ? AND local_date = ?`,
		state, cause.Error(), sub.ID, date); err != nil {
		return fmt.Errorf("%w (and recording it: %v)", cause, err)
	}
	return cause
}

// skip records a missed delivery once, with a log line.
func (s *Scheduler) skip(ctx context.Context, sub Subscription, date string, at time.Time, from, why string) error {
	var err error
	if from == "" {
		_, err = s.db.ExecContext(ctx, `INSERT INTO brief_deliveries (subscription_id, local_date, state, nonce, scheduled_at, last_error)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (subscription_id, local_date) DO NOTHING`,
			sub.ID, date, stateSkipped, "", ms(at), why)
	} else {
		_, err = s.db.ExecContext(ctx, `UPDATE brief_deliveries SET state = ?, last_error = ? WHERE subscription_id = ? AND local_date = ? AND state = ?`,
			stateSkipped, why, sub.ID, date, from)
	}
	if err != nil {
		return fmt.Errorf("record skipped briefing: %w", err)
	}
	s.log.Warn("briefing skipped", "sub", sub.ID, "guild", sub.GuildID, "channel", sub.ChannelID, "date", date,
		"scheduled", at.Format(time.RFC3339), "catchup", s.cfg.Catchup.String(), "reason", why)
	return nil
}
