-- The bot's tables. feedback_answers keeps every answer the bot gave (so a
-- vote can be tied to it after a restart); feedback keeps one vote per user
-- and answer, with the question, answer and cited chunk ids copied in so
-- operators can query it alone. Times (created_at, updated_at) are
-- RFC 3339 text with nanoseconds, UTC.
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
