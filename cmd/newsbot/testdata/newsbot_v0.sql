-- The DDL of newsbot.db before numbered migrations (test data for the
-- upgrade test; do not edit): rag/store.go, bot/feedback.go,
-- bot/schedule/store.go and cmd/newsbot/discord.go as they were.

-- rag
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
	id TEXT PRIMARY KEY,
	title TEXT NOT NULL, source TEXT NOT NULL, url TEXT NOT NULL, author TEXT NOT NULL,
	published INTEGER, published_from TEXT NOT NULL,
	path TEXT NOT NULL, hash TEXT NOT NULL, text TEXT NOT NULL,
	ingested_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
	id TEXT PRIMARY KEY,
	article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	idx INTEGER NOT NULL, text TEXT NOT NULL,
	start_off INTEGER NOT NULL, end_off INTEGER NOT NULL,
	sentences TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_article ON chunks(article_id);
CREATE TABLE IF NOT EXISTS embeddings (
	chunk_id TEXT NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
	model TEXT NOT NULL, dim INTEGER NOT NULL, vector BLOB NOT NULL,
	PRIMARY KEY (chunk_id, model)
);

-- bot
CREATE TABLE IF NOT EXISTS feedback_answers (
	id         TEXT PRIMARY KEY,
	created_at TEXT NOT NULL,
	guild_id   TEXT NOT NULL DEFAULT '',
	channel_id TEXT NOT NULL DEFAULT '',
	user_id    TEXT NOT NULL DEFAULT '',
	question   TEXT NOT NULL,
	answer     TEXT NOT NULL,
	chunk_ids  TEXT NOT NULL,
	mode       TEXT NOT NULL DEFAULT '',
	refused    INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS feedback (
	answer_id  TEXT NOT NULL,
	user_id    TEXT NOT NULL,
	vote       INTEGER NOT NULL,
	question   TEXT NOT NULL,
	answer     TEXT NOT NULL,
	chunk_ids  TEXT NOT NULL,
	guild_id   TEXT NOT NULL DEFAULT '',
	channel_id TEXT NOT NULL DEFAULT '',
	message_id TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (answer_id, user_id)
);
CREATE INDEX IF NOT EXISTS feedback_vote ON feedback (vote, updated_at);

-- bot/schedule
CREATE TABLE IF NOT EXISTS brief_subscriptions (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	guild_id   TEXT NOT NULL,
	channel_id TEXT NOT NULL,
	at         TEXT NOT NULL,
	tz         TEXT NOT NULL,
	created_by TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	UNIQUE (guild_id, channel_id)
);
CREATE TABLE IF NOT EXISTS brief_deliveries (
	subscription_id INTEGER NOT NULL,
	local_date      TEXT NOT NULL,
	state           TEXT NOT NULL CHECK (state IN ('generated', 'posting', 'posted', 'skipped', 'failed')),
	nonce           TEXT NOT NULL,
	scheduled_at    INTEGER NOT NULL,
	briefing        TEXT,
	attempts        INTEGER NOT NULL DEFAULT 0,
	claimed_at      INTEGER,
	posted_at       INTEGER,
	last_error      TEXT,
	PRIMARY KEY (subscription_id, local_date)
);;

-- cmd/newsbot
CREATE TABLE IF NOT EXISTS briefing_parts (
	key TEXT NOT NULL, part INTEGER NOT NULL, posted_at INTEGER NOT NULL,
	PRIMARY KEY (key, part));
