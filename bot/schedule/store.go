package schedule

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"time"

	dbmigrate "github.com/newsbot/newsbot/internal/migrate"
)

// migrations are the schedule's tables (brief_subscriptions,
// brief_deliveries, briefing_parts).
//
//go:embed migration/*.sql
var migrations embed.FS

// Owner is the name the schedule's migrations are recorded under in
// schema_migrations.
const Owner = "bot/schedule"

// Delivery states.
const (
	stateGenerated = "generated"
	statePosting   = "posting"
	statePosted    = "posted"
	stateSkipped   = "skipped"
	stateFailed    = "failed"
)

// Subscription is one channel's daily briefing.
type Subscription struct {
	ID        int64
	GuildID   string
	ChannelID string
	// At is the local time of day, "HH:MM".
	At string
	// TZ is the IANA time zone of At.
	TZ        string
	CreatedBy string
	CreatedAt time.Time
}

// delivery is one row of brief_deliveries.
type delivery struct {
	state    string
	nonce    string
	briefing string
	attempts int
	claimed  time.Time
}

func ms(t time.Time) int64 { return t.UnixMilli() }

func fromMS(v int64) time.Time { return time.UnixMilli(v).UTC() }

// Migrate creates or migrates the schedule's tables in db (New and
// NewPartLog do it too). It returns an error naming the migration that
// failed.
func Migrate(ctx context.Context, db *sql.DB) error { return migrate(ctx, db) }

// migrate creates or migrates the schedule's tables.
func migrate(ctx context.Context, db *sql.DB) error {
	if err := dbmigrate.Apply(ctx, db, Owner, migrations); err != nil {
		return fmt.Errorf("create schedule tables: %w", err)
	}
	return nil
}

const subColumns = `id, guild_id, channel_id, at, tz, created_by, created_at`

func scanSub(row interface{ Scan(...any) error }) (Subscription, error) {
	var s Subscription
	var created int64
	if err := row.Scan(&s.ID, &s.GuildID, &s.ChannelID, &s.At, &s.TZ, &s.CreatedBy, &created); err != nil {
		return Subscription{}, err
	}
	s.CreatedAt = fromMS(created)
	return s, nil
}

func querySubs(ctx context.Context, db *sql.DB, where string, args ...any) ([]Subscription, error) {
	rows, err := db.QueryContext(ctx, `SELECT `+subColumns+` FROM brief_subscriptions `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	defer rows.Close()
	var out []Subscription
	for rows.Next() {
		s, err := scanSub(rows)
		if err != nil {
			return nil, fmt.Errorf("read subscription: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	return out, nil
}

// loadDelivery returns the delivery of sub on date, or ok=false.
func loadDelivery(ctx context.Context, db *sql.DB, sub int64, date string) (delivery, bool, error) {
	var d delivery
	var brief sql.NullString
	var claimed sql.NullInt64
	err := db.QueryRowContext(ctx, `SELECT state, nonce, briefing, attempts, claimed_at FROM brief_deliveries
		WHERE subscription_id = ? AND local_date = ?`, sub, date).Scan(&d.state, &d.nonce, &brief, &d.attempts, &claimed)
	if errors.Is(err, sql.ErrNoRows) {
		return delivery{}, false, nil
	}
	if err != nil {
		return delivery{}, false, fmt.Errorf("load delivery %d/%s: %w", sub, date, err)
	}
	d.briefing = brief.String
	if claimed.Valid {
		d.claimed = fromMS(claimed.Int64)
	}
	return d, true, nil
}

// PartLog records which parts of a scheduled briefing were posted, under
// the delivery key a Poster is given, so that a retry after a partial
// failure resumes at the first part not posted instead of posting the
// first parts again.
type PartLog struct {
	db *sql.DB
}

// NewPartLog creates or migrates the schedule's tables in db and returns a
// log over them. It returns the migration's error.
func NewPartLog(ctx context.Context, db *sql.DB) (*PartLog, error) {
	if db == nil {
		return nil, fmt.Errorf("no database: %w", ErrInvalidConfig)
	}
	if err := migrate(ctx, db); err != nil {
		return nil, err
	}
	return &PartLog{db: db}, nil
}

// Post sends, in order, the parts not yet recorded under key, recording
// each one after send returns nil. It returns send's first error, or the
// database's; a crash between sending a part and recording it can still
// repeat that one part.
func (l *PartLog) Post(ctx context.Context, key string, parts []string, send func(ctx context.Context, part string) error) error {
	return l.PostEach(ctx, key, len(parts), func(ctx context.Context, n int) error { return send(ctx, parts[n]) })
}

// PostEach is Post for n parts known by number: send(ctx, i) posts part
// i. It runs send for each part not yet recorded under key, in order, and
// records it after send returns nil; it returns send's first error, or the
// database's.
func (l *PartLog) PostEach(ctx context.Context, key string, n int, send func(ctx context.Context, part int) error) error {
	for i := 0; i < n; i++ {
		var done int
		err := l.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM briefing_parts WHERE key = ? AND part = ?`, key, i).Scan(&done)
		if err != nil {
			return fmt.Errorf("read briefing progress: %w", err)
		}
		if done > 0 {
			continue
		}
		if err := send(ctx, i); err != nil {
			return err
		}
		if _, err := l.db.ExecContext(ctx, `INSERT OR IGNORE INTO briefing_parts (key, part, posted_at) VALUES (?, ?, ?)`,
			key, i, time.Now().Unix()); err != nil {
			return fmt.Errorf("record briefing progress: %w", err)
		}
	}
	return nil
}
