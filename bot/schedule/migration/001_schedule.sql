-- The schedule's tables: one briefing subscription per channel, one
-- delivery per subscription and local date (with the briefing, so a retry
-- posts the same content), and the parts of a delivery already posted (so a
-- retry after a partial failure resumes where it stopped). briefing_parts
-- was created by cmd/newsbot before it moved here. Times are Unix
-- milliseconds, UTC, in brief_subscriptions and brief_deliveries, and Unix
-- seconds, UTC, in briefing_parts.
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
CREATE TABLE IF NOT EXISTS briefing_parts (
	key       TEXT NOT NULL,
	part      INTEGER NOT NULL,
	posted_at INTEGER NOT NULL,
	PRIMARY KEY (key, part)
);
