-- rag's tables: the stored articles, their chunks and the chunks' vectors
-- (one per embedding model), and key/value facts such as the last ingest.
-- Chunks and embeddings belong to their article and go with it. IF NOT
-- EXISTS: a database from before migrations adopts this version as is.
-- Times (published, ingested_at) are Unix seconds, UTC.
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
