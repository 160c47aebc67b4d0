package migrate_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsbot/newsbot/internal/migrate"
	"github.com/newsbot/newsbot/internal/sqlitedb"
)

func openDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sqlitedb.Open(context.Background(), filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func files(kv ...string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := 0; i < len(kv); i += 2 {
		fsys["migration/"+kv[i]] = &fstest.MapFile{Data: []byte(kv[i+1])}
	}
	return fsys
}

func TestApplyInOrderOnceAndRecorded(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	v1 := files(
		"002_add_b.sql", `ALTER TABLE t ADD COLUMN b TEXT NOT NULL DEFAULT 'x';`,
		"001_initial.sql", `CREATE TABLE IF NOT EXISTS t (a INTEGER); INSERT INTO t (a) VALUES (1);`,
	)
	if err := migrate.Apply(ctx, db, "pkg", v1); err != nil {
		t.Fatal(err)
	}
	// A second run applies nothing (the INSERT would add a row, the ALTER fail).
	if err := migrate.Apply(ctx, db, "pkg", v1); err != nil {
		t.Fatal(err)
	}
	var n int
	var b string
	if err := db.QueryRow(`SELECT COUNT(*), MAX(b) FROM t`).Scan(&n, &b); err != nil {
		t.Fatal(err)
	}
	if n != 1 || b != "x" {
		t.Fatalf("t has %d rows, b=%q; want 1 row with b=x", n, b)
	}
	// A later program adds a file: only it runs.
	v2 := files(
		"001_initial.sql", `CREATE TABLE IF NOT EXISTS t (a INTEGER); INSERT INTO t (a) VALUES (1);`,
		"002_add_b.sql", `ALTER TABLE t ADD COLUMN b TEXT NOT NULL DEFAULT 'x';`,
		"010_more.sql", `INSERT INTO t (a, b) VALUES (2, 'y');`,
	)
	if err := migrate.Apply(ctx, db, "pkg", v2); err != nil {
		t.Fatal(err)
	}
	if err := migrate.Apply(ctx, db, "other", files("001_x.sql", `CREATE TABLE x (a)`)); err != nil {
		t.Fatal(err)
	}
	got, err := migrate.Versions(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["pkg"] != 10 || got["other"] != 1 {
		t.Fatalf("Versions = %v, want pkg 10 and other 1", got)
	}
	var names []string
	rows, err := db.Query(`SELECT name, applied_at FROM schema_migrations WHERE owner = 'pkg' ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var at int64
		if err := rows.Scan(&name, &at); err != nil {
			t.Fatal(err)
		}
		if at < 1_700_000_000 {
			t.Errorf("%s applied_at = %d, want Unix seconds", name, at)
		}
		names = append(names, name)
	}
	if strings.Join(names, ",") != "001_initial.sql,002_add_b.sql,010_more.sql" {
		t.Fatalf("recorded %v", names)
	}
}

func TestFailedMigrationLeavesNoTrace(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	bad := files(
		"001_ok.sql", `CREATE TABLE t (a INTEGER);`,
		"002_broken.sql", `INSERT INTO t (a) VALUES (1); INSERT INTO nowhere VALUES (2);`,
	)
	err := migrate.Apply(ctx, db, "pkg", bad)
	if err == nil || !strings.Contains(err.Error(), "002_broken.sql") || !strings.Contains(err.Error(), "pkg") {
		t.Fatalf("err = %v, want one naming the owner and the file", err)
	}
	var n int
	db.QueryRow(`SELECT COUNT(*) FROM t`).Scan(&n)
	got, _ := migrate.Versions(ctx, db)
	if n != 0 || got["pkg"] != 1 {
		t.Fatalf("after a failed 002: %d rows in t, version %d; want 0 rows and version 1", n, got["pkg"])
	}
}

func TestApplyErrors(t *testing.T) {
	tests := []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"bad name", files("initial.sql", ""), "initial.sql: want a name like"},
		{"zero version", files("000_x.sql", ""), "000_x.sql: version must be"},
		{"same version", files("001_a.sql", "", "1_b.sql", ""), "same version 1"},
		{"no folder", fstest.MapFS{}, "read migrations of pkg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := migrate.Apply(context.Background(), openDB(t), "pkg", tt.fsys)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestNewerDatabaseIsRefused(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	if err := migrate.Apply(ctx, db, "pkg", files("001_a.sql", `CREATE TABLE a (x)`, "002_b.sql", `CREATE TABLE b (x)`)); err != nil {
		t.Fatal(err)
	}
	err := migrate.Apply(ctx, db, "pkg", files("001_a.sql", `CREATE TABLE a (x)`))
	if err == nil || !strings.Contains(err.Error(), "version 2, newer") {
		t.Fatalf("err = %v, want the newer version refused", err)
	}
}

func TestVersionsOfEmptyDatabase(t *testing.T) {
	got, err := migrate.Versions(context.Background(), openDB(t))
	if err != nil || len(got) != 0 {
		t.Fatalf("Versions = %v, %v; want an empty map", got, err)
	}
}
