// Package migrate applies a package's embedded SQL migrations to a database
// and records them there, so every table has one owner and a schema version.
//
// Each package that owns tables keeps them in numbered files
// "migration/NNN_description.sql", embedded with
//
//	//go:embed migration/*.sql
//	var migrations embed.FS
//
// and calls Apply with its owner name (its import path below the module,
// e.g. "rag" or "bot/schedule") when it is handed a *sql.DB. Apply runs the
// files not yet recorded, in version order, each one together with its
// record in schema_migrations in one transaction; Versions reports what is
// recorded. A file is never edited once released: a change is a new file.
//
// Migration 001 of every owner uses CREATE ... IF NOT EXISTS, so a database
// created before migrations existed adopts version 1 without losing a row.
//
// # Time
//
// New columns store time as INTEGER Unix seconds, UTC (as applied_at in
// schema_migrations does). Columns that predate this rule keep their
// encoding: RFC 3339 text in the feeds and feedback tables, Unix
// milliseconds in the schedule tables, Unix seconds in rag's tables.
//
// This package needs only the standard library; the caller opens the
// database with whichever driver it registered.
package migrate
