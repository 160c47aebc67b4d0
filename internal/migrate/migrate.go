package migrate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"time"
)

// table records applied migrations, one row per owner and version.
const table = `CREATE TABLE IF NOT EXISTS schema_migrations (
	owner      TEXT NOT NULL,
	version    INTEGER NOT NULL,
	name       TEXT NOT NULL,
	applied_at INTEGER NOT NULL, -- Unix seconds, UTC
	PRIMARY KEY (owner, version)
)`

// Dir is the folder of an owner's file system that holds its migrations.
const Dir = "migration"

// fileName is "NNN_description.sql".
var fileName = regexp.MustCompile(`^([0-9]+)_[A-Za-z0-9_.-]+\.sql$`)

// migration is one numbered file.
type migration struct {
	version int
	name    string // file name, e.g. "001_initial.sql"
	sql     string
}

// Apply runs the migrations in fsys's "migration" folder that db has not
// recorded for owner, in version order. Each migration runs in one
// transaction with its row in schema_migrations, so it is applied whole or
// not at all. It returns an error naming the owner and the file for a
// badly named or unreadable file, two files with one version, a database
// that records a newer version than fsys knows (written by a newer
// program), or a statement that fails.
func Apply(ctx context.Context, db *sql.DB, owner string, fsys fs.FS) error {
	if owner == "" {
		return errors.New("apply migrations: empty owner")
	}
	migs, err := read(owner, fsys)
	if err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, table); err != nil {
		return fmt.Errorf("apply migrations of %s: create schema_migrations: %w", owner, err)
	}
	current, err := version(ctx, db, owner)
	if err != nil {
		return err
	}
	if n := len(migs); n > 0 && current > migs[n-1].version {
		return fmt.Errorf("apply migrations of %s: the database is at version %d, newer than this program's %d (%s)",
			owner, current, migs[n-1].version, migs[n-1].name)
	}
	for _, m := range migs {
		if m.version <= current {
			continue
		}
		if err := apply(ctx, db, owner, m); err != nil {
			return err
		}
	}
	return nil
}

// read lists owner's migrations in version order.
func read(owner string, fsys fs.FS) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, Dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations of %s: %w", owner, err)
	}
	var migs []migration
	seen := map[int]string{}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		m := fileName.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("read migrations of %s: %s: want a name like 001_description.sql", owner, e.Name())
		}
		v, err := strconv.Atoi(m[1])
		if err != nil || v < 1 {
			return nil, fmt.Errorf("read migrations of %s: %s: version must be a number from 1", owner, e.Name())
		}
		if other, ok := seen[v]; ok {
			return nil, fmt.Errorf("read migrations of %s: %s and %s have the same version %d", owner, other, e.Name(), v)
		}
		seen[v] = e.Name()
		b, err := fs.ReadFile(fsys, path.Join(Dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migrations of %s: %w", owner, err)
		}
		migs = append(migs, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(migs, func(i, j int) bool { return migs[i].version < migs[j].version })
	return migs, nil
}

// version returns the highest version recorded for owner (0 for none).
func version(ctx context.Context, db *sql.DB, owner string) (int, error) {
	var v sql.NullInt64
	err := db.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations WHERE owner = ?`, owner).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("apply migrations of %s: read version: %w", owner, err)
	}
	return int(v.Int64), nil
}

// apply runs one migration and records it in one transaction. The record
// is written first: that takes the write lock at once (no read-to-write
// upgrade to fail under concurrency), and a process that applied the same
// migration meanwhile makes it a no-op.
func apply(ctx context.Context, db *sql.DB, owner string, m migration) error {
	fail := func(err error) error {
		return fmt.Errorf("apply migration %s of %s: %w", m.name, owner, err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fail(err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (owner, version, name, applied_at)
		VALUES (?, ?, ?, ?) ON CONFLICT (owner, version) DO NOTHING`,
		owner, m.version, m.name, time.Now().Unix())
	if err != nil {
		return fail(err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fail(err)
	} else if n == 0 {
		return nil // applied by someone else since we looked
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fail(err)
	}
	if err := tx.Commit(); err != nil {
		return fail(err)
	}
	return nil
}

// Versions returns the highest recorded migration version of every owner;
// an empty map for a database without migrations. It returns the
// database's error if schema_migrations cannot be read.
func Versions(ctx context.Context, db *sql.DB) (map[string]int, error) {
	out := map[string]int{}
	var n int
	err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&n)
	if err != nil {
		return nil, fmt.Errorf("read schema versions: %w", err)
	}
	if n == 0 {
		return out, nil
	}
	rows, err := db.QueryContext(ctx, `SELECT owner, MAX(version) FROM schema_migrations GROUP BY owner`)
	if err != nil {
		return nil, fmt.Errorf("read schema versions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var owner string
		var v int
		if err := rows.Scan(&owner, &v); err != nil {
			return nil, fmt.Errorf("read schema versions: %w", err)
		}
		out[owner] = v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read schema versions: %w", err)
	}
	return out, nil
}
