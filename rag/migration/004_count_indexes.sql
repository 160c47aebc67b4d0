-- Indexes that let an ingest which changes nothing answer its questions
-- without reading every row: which vector lengths a model has stored and
-- how many vectors (embeddings_model: not the 2 KB vectors themselves),
-- and each article's file stamp, hash and origin (articles_files: not the
-- article's text, which sits before those columns in the row).
CREATE INDEX IF NOT EXISTS embeddings_model ON embeddings(model, dim);
CREATE INDEX IF NOT EXISTS articles_files ON articles(id, hash, path, origin, file_size, file_mtime);
