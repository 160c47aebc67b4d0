-- The change log: every change to an article's stored state (added or
-- replaced, removed, re-embedded) gets a sequence number, written in the
-- same transaction as the change. Each process applies the changes after
-- the one it has seen to its in-memory indexes. Only an article's latest
-- change is kept (AUTOINCREMENT: numbers are never reused), so the log
-- holds at most one row per article ever stored.
CREATE TABLE IF NOT EXISTS changes (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	article_id TEXT NOT NULL,
	kind TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_article ON changes(article_id);
-- What a stat of the article's file said when it was stored (size in
-- bytes, modification time in Unix nanoseconds): a re-ingest reads and
-- hashes only files whose stamp differs. -1 / 0: unknown (always read).
ALTER TABLE articles ADD COLUMN file_size INTEGER NOT NULL DEFAULT -1;
ALTER TABLE articles ADD COLUMN file_mtime INTEGER NOT NULL DEFAULT 0;
-- The chunk's BM25 terms, space-separated, as the lexicon named in meta
-- 'lexicon' made them: start-up reads them instead of re-tokenizing. NULL
-- (rows from before): tokenized from text at start-up.
ALTER TABLE chunks ADD COLUMN terms TEXT;
