-- Briefings posted as an overview message with the stories in a thread.
-- briefing_threads maps a thread to the article ids of its briefing, so a
-- question asked there is answered from those articles first (article_ids
-- is a JSON array of strings). briefing_posts records, under a scheduled
-- delivery's key, the overview message and the thread posted for it, so a
-- retry after a crash resumes in the same thread. Times are RFC 3339 text
-- with nanoseconds, UTC.
CREATE TABLE IF NOT EXISTS briefing_threads (
	thread_id   TEXT PRIMARY KEY,
	channel_id  TEXT NOT NULL DEFAULT '',
	article_ids TEXT NOT NULL,
	created_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS briefing_posts (
	key        TEXT PRIMARY KEY,
	channel_id TEXT NOT NULL,
	message_id TEXT NOT NULL DEFAULT '',
	thread_id  TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL
);
