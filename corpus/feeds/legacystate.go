package feeds

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
)

// LegacyStateFile is the file in Config.Dir that held the crawl state
// before it moved into Config.DB. New imports it once and renames it to
// LegacyStateFile + ".migrated"; it is never deleted.
const LegacyStateFile = "state.db"

// legacyTables maps each table of the old state.db to its table in the
// main database, with the columns both share.
var legacyTables = []struct{ from, to, cols string }{
	{"feeds", "feed_sources", "url, etag, last_modified, title, checked_at, last_error"},
	{"articles", "feed_articles", "id, key, url, text_hash, minhash, feed, first_seen, last_fetched"},
	{"aliases", "feed_aliases", "key, article_id, kind"},
	{"entries", "feed_entries", "feed, link, fingerprint, article_id, status, reason, seen_at"},
}

// importLegacyState copies every row of dir/state.db into db's feed tables
// when db holds no feed state yet, in one transaction, then renames the
// old file (and its -wal and -shm files) to state.db.migrated. With feed
// state already in db the old file is left alone. It returns the number of
// rows copied, and an error naming the file if it cannot be read or
// renamed (nothing is copied then, or the copy is kept and the next start
// leaves the file alone).
func importLegacyState(ctx context.Context, db *sql.DB, dir string, log *slog.Logger) (int64, error) {
	path := filepath.Join(dir, LegacyStateFile)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	} else if err != nil {
		return 0, fmt.Errorf("import %s: %w", path, err)
	}
	var have int64
	err := db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM feed_sources) + (SELECT COUNT(*) FROM feed_articles)
		+ (SELECT COUNT(*) FROM feed_aliases) + (SELECT COUNT(*) FROM feed_entries)`).Scan(&have)
	if err != nil {
		return 0, fmt.Errorf("import %s: %w", path, err)
	}
	if have > 0 {
		log.Warn("old feeds state file left unread: the database already holds feed state", "file", path)
		return 0, nil
	}
	n, err := copyLegacyState(ctx, db, path)
	if err != nil {
		return 0, fmt.Errorf("import %s: %w", path, err)
	}
	if err := retire(path); err != nil {
		return n, fmt.Errorf("import %s: rows copied, but %w", path, err)
	}
	log.Info("feeds state moved into the database", "file", path, "rows", n)
	return n, nil
}

// copyLegacyState attaches the old file on one connection (ATTACH is per
// connection) and copies its tables in one transaction.
func copyLegacyState(ctx context.Context, db *sql.DB, path string) (n int64, err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS legacy`, path); err != nil {
		return 0, fmt.Errorf("attach: %w", err)
	}
	defer func() {
		// Detach before the file is renamed; a failure leaves the
		// connection unusable, so drop it from the pool.
		if _, derr := conn.ExecContext(context.WithoutCancel(ctx), `DETACH DATABASE legacy`); derr != nil {
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
			if err == nil {
				err = fmt.Errorf("detach: %w", derr)
			}
		}
	}()
	present := map[string]bool{}
	rows, err := conn.QueryContext(ctx, `SELECT name FROM legacy.sqlite_master WHERE type = 'table'`)
	if err != nil {
		return 0, fmt.Errorf("read tables: %w", err)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return 0, fmt.Errorf("read tables: %w", err)
		}
		present[name] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("read tables: %w", err)
	}

	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	for _, t := range legacyTables {
		if !present[t.from] {
			continue
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO main.`+t.to+` (`+t.cols+`) SELECT `+t.cols+` FROM legacy.`+t.from)
		if err != nil {
			return 0, fmt.Errorf("copy %s: %w", t.from, err)
		}
		c, _ := res.RowsAffected()
		n += c
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	return n, nil
}

// retire renames the old file and its WAL companions to a name ending in
// ".migrated" that does not exist yet, keeping each -wal/-shm with its
// database so the old file still opens as it was.
func retire(path string) error {
	to := path + ".migrated"
	for i := 2; ; i++ {
		if _, err := os.Lstat(to); errors.Is(err, fs.ErrNotExist) {
			break
		}
		to = path + ".migrated." + strconv.Itoa(i)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Rename(path+suffix, to+suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("rename: %w", err)
		}
	}
	if err := os.Rename(path, to); err != nil {
		return fmt.Errorf("rename: %w", err)
	}
	return nil
}
