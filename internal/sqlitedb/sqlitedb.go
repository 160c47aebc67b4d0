// Package sqlitedb opens newsbot's SQLite database: it registers the
// driver (modernc.org/sqlite, pure Go) and sets the connection pragmas. Only
// cmd/newsbot and tests use it; every other package is handed the *sql.DB.
package sqlitedb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// pragmas are set on every connection: wait up to 10 s for a lock, WAL
// (readers never block the writer), enforced foreign keys, and fsync at
// checkpoints only (WAL keeps the database consistent after a crash).
// Transactions begin IMMEDIATE: several packages share the file, and a
// transaction that reads before it writes would otherwise fail at once,
// without waiting, when another connection wrote in between.
const pragmas = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"

// Open opens (creating it and its folder if needed) the SQLite database at
// path and checks that it is usable. It returns an error if the folder
// cannot be created or the file is not a database.
func Open(ctx context.Context, path string) (*sql.DB, error) {
	if path == "" {
		return nil, fmt.Errorf("open database: empty path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create database folder: %w", err)
		}
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+pragmas)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := ping(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return db, nil
}

// openWait is how long Open retries a database that another process holds
// locked while it first sets it up: switching a new file to WAL can report
// SQLITE_BUSY at once, without the busy timeout's wait.
const openWait = 10 * time.Second

// ping checks that db is usable, retrying while another connection holds it
// busy, up to openWait.
func ping(ctx context.Context, db *sql.DB) error {
	deadline := time.Now().Add(openWait)
	for wait := 10 * time.Millisecond; ; wait = min(2*wait, 500*time.Millisecond) {
		err := db.PingContext(ctx)
		var se *sqlite.Error
		if err == nil || !errors.As(err, &se) || se.Code()&0xff != sqlite3.SQLITE_BUSY || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
	}
}
