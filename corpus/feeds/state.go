package feeds

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/newsbot/newsbot/internal/migrate"
)

// The crawl state lives in SQLite rather than a JSON file: it grows with
// every article (a 512-byte signature each) and every feed entry, and is
// updated one article at a time. SQLite updates one row inside a
// transaction and survives a crash mid-run, where a JSON file would be
// rewritten whole after every article. The tables (feed_sources,
// feed_articles, feed_aliases, feed_entries) live in the database the
// caller hands over in Config.DB, next to rag's. The articles themselves
// are never only here: the .md files are the data, this is bookkeeping, and
// losing it costs at most refetching pages (files whose bytes come out the
// same are not rewritten).
//
//go:embed migration/*.sql
var migrations embed.FS

// Owner is the name the feeds' migrations are recorded under in
// schema_migrations.
const Owner = "corpus/feeds"

// Entry statuses.
const (
	entryStored  = "stored"
	entrySkipped = "skipped"
)

// Alias kinds.
const (
	aliasCopy = "copy"
	aliasLink = "link"
)

type state struct {
	db *sql.DB
}

// Migrate creates or migrates the feeds' tables in db (New does it too).
// It does not import an old state.db; New does. It returns an error naming
// the migration that failed.
func Migrate(ctx context.Context, db *sql.DB) error {
	return migrate.Apply(ctx, db, Owner, migrations)
}

// newState migrates the feeds' tables in db.
func newState(ctx context.Context, db *sql.DB) (*state, error) {
	if err := Migrate(ctx, db); err != nil {
		return nil, fmt.Errorf("feeds state: %w", err)
	}
	return &state{db: db}, nil
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// feedValidators returns the ETag and Last-Modified stored for a feed.
func (s *state) feedValidators(ctx context.Context, url string) (etag, lastMod string, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT etag, last_modified FROM feed_sources WHERE url = ?`, url).Scan(&etag, &lastMod)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("read feed state %s: %w", url, err)
	}
	return etag, lastMod, nil
}

// saveFeed records a feed check. Empty validators clear the stored ones.
func (s *state) saveFeed(ctx context.Context, url, etag, lastMod, title, lastErr string, now time.Time) error {
	_, err := s.db.ExecContext(ctx, `
INSERT INTO feed_sources (url, etag, last_modified, title, checked_at, last_error) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
	title = CASE WHEN excluded.title = '' THEN feed_sources.title ELSE excluded.title END,
	checked_at = excluded.checked_at, last_error = excluded.last_error`,
		url, etag, lastMod, title, stamp(now), lastErr)
	if err != nil {
		return fmt.Errorf("save feed state %s: %w", url, err)
	}
	return nil
}

// saveFeedError records a failed check without touching the validators.
func (s *state) saveFeedError(ctx context.Context, url, lastErr string, now time.Time) error {
	_, err := s.db.ExecContext(ctx, `
INSERT INTO feed_sources (url, checked_at, last_error) VALUES (?, ?, ?)
ON CONFLICT(url) DO UPDATE SET checked_at = excluded.checked_at, last_error = excluded.last_error`,
		url, stamp(now), lastErr)
	if err != nil {
		return fmt.Errorf("save feed state %s: %w", url, err)
	}
	return nil
}

// entryRow is what was decided about one feed entry.
type entryRow struct {
	fingerprint string
	articleID   string
	status      string
	reason      string
}

func (s *state) entry(ctx context.Context, feed, link string) (entryRow, bool, error) {
	var e entryRow
	err := s.db.QueryRowContext(ctx, `SELECT fingerprint, article_id, status, reason FROM feed_entries WHERE feed = ? AND link = ?`,
		feed, link).Scan(&e.fingerprint, &e.articleID, &e.status, &e.reason)
	if errors.Is(err, sql.ErrNoRows) {
		return e, false, nil
	}
	if err != nil {
		return e, false, fmt.Errorf("read entry %s: %w", link, err)
	}
	return e, true, nil
}

func (s *state) putEntry(ctx context.Context, feed, link string, e entryRow, now time.Time) error {
	_, err := s.db.ExecContext(ctx, `
INSERT INTO feed_entries (feed, link, fingerprint, article_id, status, reason, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(feed, link) DO UPDATE SET fingerprint = excluded.fingerprint, article_id = excluded.article_id,
	status = excluded.status, reason = excluded.reason, seen_at = excluded.seen_at`,
		feed, link, e.fingerprint, e.articleID, e.status, e.reason, stamp(now))
	if err != nil {
		return fmt.Errorf("save entry %s: %w", link, err)
	}
	return nil
}

// articleRow is the bookkeeping for one stored article.
type articleRow struct {
	id       string
	key      string
	url      string
	textHash string
	sig      signature
	feed     string
}

// kindPrimary is lookup's kind for an article's own canonical key.
const kindPrimary = "primary"

// lookup finds the article a canonical key belongs to, and how: as its
// own key (kindPrimary), as a feed link or redirect (aliasLink), or as a
// syndicated copy (aliasCopy).
func (s *state) lookup(ctx context.Context, key string) (id, kind string, found bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT id FROM feed_articles WHERE key = ?`, key).Scan(&id)
	if err == nil {
		return id, kindPrimary, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", "", false, fmt.Errorf("look up %s: %w", key, err)
	}
	err = s.db.QueryRowContext(ctx, `SELECT article_id, kind FROM feed_aliases WHERE key = ?`, key).Scan(&id, &kind)
	if err == nil {
		return id, kind, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", "", false, fmt.Errorf("look up %s: %w", key, err)
	}
	return "", "", false, nil
}

// articles returns every stored article's row (for near-duplicate search).
func (s *state) articles(ctx context.Context) ([]articleRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, key, url, text_hash, minhash, feed FROM feed_articles`)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var out []articleRow
	for rows.Next() {
		var a articleRow
		var blob []byte
		if err := rows.Scan(&a.id, &a.key, &a.url, &a.textHash, &blob, &a.feed); err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		a.sig, _ = signatureFrom(blob) // a bad blob only weakens dedup for that row
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// saveArticle upserts an article row and records aliases for it, in one
// transaction.
func (s *state) saveArticle(ctx context.Context, a articleRow, aliases map[string]string, now time.Time) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save article %s: %w", a.id, err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	_, err = tx.ExecContext(ctx, `
INSERT INTO feed_articles (id, key, url, text_hash, minhash, feed, first_seen, last_fetched) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET url = excluded.url, text_hash = excluded.text_hash,
	minhash = excluded.minhash, last_fetched = excluded.last_fetched`,
		a.id, a.key, a.url, a.textHash, a.sig.bytes(), a.feed, stamp(now), stamp(now))
	if err != nil {
		return fmt.Errorf("save article %s: %w", a.id, err)
	}
	if err = putAliases(ctx, tx, a.id, a.key, aliases); err != nil {
		return err
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("save article %s: %w", a.id, err)
	}
	return nil
}

// addAliases records other URLs (canonical keys) of the stored article id.
func (s *state) addAliases(ctx context.Context, id string, aliases map[string]string) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save aliases of %s: %w", id, err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	var key string
	if err = tx.QueryRowContext(ctx, `SELECT key FROM feed_articles WHERE id = ?`, id).Scan(&key); err != nil {
		return fmt.Errorf("save aliases of %s: %w", id, err)
	}
	if err = putAliases(ctx, tx, id, key, aliases); err != nil {
		return err
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("save aliases of %s: %w", id, err)
	}
	return nil
}

// putAliases maps each alias key (except the article's own key) to id. A
// key already belonging to another article keeps its owner; a 'copy' alias
// is never demoted to 'link'.
func putAliases(ctx context.Context, tx *sql.Tx, id, ownKey string, aliases map[string]string) error {
	for key, kind := range aliases {
		if key == ownKey {
			continue
		}
		_, err := tx.ExecContext(ctx, `
INSERT INTO feed_aliases (key, article_id, kind) VALUES (?, ?, ?)
ON CONFLICT(key) DO UPDATE SET kind = CASE WHEN feed_aliases.kind = 'copy' THEN 'copy' ELSE excluded.kind END
WHERE feed_aliases.article_id = excluded.article_id`, key, id, kind)
		if err != nil {
			return fmt.Errorf("save alias %s: %w", key, err)
		}
	}
	return nil
}
