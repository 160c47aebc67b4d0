-- The DDL of Dir/state.db before the feeds state moved into the main
-- database (test data for the legacy import; do not edit).
CREATE TABLE IF NOT EXISTS feeds (
	url TEXT PRIMARY KEY,
	etag TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL DEFAULT '',
	checked_at TEXT NOT NULL DEFAULT '',
	last_error TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS articles (
	id TEXT PRIMARY KEY,
	key TEXT NOT NULL UNIQUE,      -- canonical key of the primary URL
	url TEXT NOT NULL,             -- primary URL as stored in the file
	text_hash TEXT NOT NULL,       -- normalised text hash
	minhash BLOB NOT NULL,         -- near-duplicate signature
	feed TEXT NOT NULL DEFAULT '', -- feed it was first seen in
	first_seen TEXT NOT NULL,
	last_fetched TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS aliases (
	key TEXT PRIMARY KEY,          -- canonical key of another URL of the article
	article_id TEXT NOT NULL,
	kind TEXT NOT NULL             -- 'copy' (syndicated duplicate) or 'link' (feed link)
);
CREATE TABLE IF NOT EXISTS entries (
	feed TEXT NOT NULL,
	link TEXT NOT NULL,            -- canonical key of the entry's link
	fingerprint TEXT NOT NULL,     -- hash of the entry as the feed shows it
	article_id TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL,          -- 'stored' or 'skipped'
	reason TEXT NOT NULL DEFAULT '',
	seen_at TEXT NOT NULL,
	PRIMARY KEY (feed, link)
);
