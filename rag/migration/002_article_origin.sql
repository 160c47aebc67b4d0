-- The collection each article was loaded from (an absolute corpus folder,
-- the feeds folder, or "shipped"). Ingest removes a stored article only
-- when its origin was scanned and the article was not found there. Rows
-- from before this migration have '' until an ingest sees them again, and
-- are never removed implicitly.
ALTER TABLE articles ADD COLUMN origin TEXT NOT NULL DEFAULT '';
