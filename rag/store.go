package rag

import (
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/internal/migrate"
	"github.com/newsbot/newsbot/rag/answer"
)

// migrations are rag's tables, applied by NewStore.
//
//go:embed migration/*.sql
var migrations embed.FS

// Owner is the name rag's migrations are recorded under in
// schema_migrations.
const Owner = "rag"

// Store is the durable truth: articles, chunks and embeddings in SQLite.
type Store struct {
	db *sql.DB
}

// NewStore applies rag's migrations to db (creating its tables when
// missing) and returns a store over it. The caller keeps ownership of db.
// It returns an error if the migrations fail.
func NewStore(ctx context.Context, db *sql.DB) (*Store, error) {
	if db == nil {
		return nil, fmt.Errorf("open store: no database")
	}
	if err := Migrate(ctx, db); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	return &Store{db: db}, nil
}

// Migrate creates or migrates rag's tables in db (NewStore does it too).
// It returns an error naming the migration that failed.
func Migrate(ctx context.Context, db *sql.DB) error {
	return migrate.Apply(ctx, db, Owner, migrations)
}

// storedArticle is what ingest needs to decide whether an article changed
// and whether it may be removed.
type storedArticle struct {
	Hash   string
	Path   string
	Origin string
}

// articleHashes returns every stored article's content hash and path by id.
func (s *Store) articleHashes(ctx context.Context) (map[string]storedArticle, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, hash, path, origin FROM articles`)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	out := map[string]storedArticle{}
	for rows.Next() {
		var id string
		var a storedArticle
		if err := rows.Scan(&id, &a.Hash, &a.Path, &a.Origin); err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		out[id] = a
	}
	return out, rows.Err()
}

// unembedded returns the ids of articles with at least one chunk that has
// no vector from model.
func (s *Store) unembedded(ctx context.Context, model string) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT c.article_id FROM chunks c
		LEFT JOIN embeddings e ON e.chunk_id = c.id AND e.model = ?
		WHERE e.chunk_id IS NULL`, model)
	if err != nil {
		return nil, fmt.Errorf("find unembedded chunks: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("find unembedded chunks: %w", err)
		}
		out[id] = true
	}
	return out, rows.Err()
}

// putArticle replaces an article, its chunks and their vectors in one
// transaction, so a crash leaves either the old or the new version.
func (s *Store) putArticle(ctx context.Context, a corpus.Article, chunks []Chunk, model string, vecs [][]float32) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store article %q: %w", a.ID, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, a.ID); err != nil {
		return fmt.Errorf("store article %q: %w", a.ID, err)
	}
	var published any
	if !a.Published.IsZero() {
		published = a.Published.Unix()
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles
		(id, title, source, url, author, published, published_from, path, hash, text, ingested_at, origin)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
		a.ID, a.Title, a.Source, a.URL, a.Author, published, a.PublishedFrom, a.Path, a.Hash, a.Text, time.Now().Unix(), a.Origin); err != nil {
		return fmt.Errorf("store article %q: %w", a.ID, err)
	}
	for i, c := range chunks {
		sents, _ := json.Marshal(c.Sentences)
		if _, err := tx.ExecContext(ctx, `INSERT INTO chunks (id, article_id, idx, text, start_off, end_off, sentences)
			VALUES (?,?,?,?,?,?,?)`, c.ID, c.ArticleID, c.Index, c.Text, c.Start, c.End, string(sents)); err != nil {
			return fmt.Errorf("store chunk %q: %w", c.ID, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO embeddings (chunk_id, model, dim, vector) VALUES (?,?,?,?)`,
			c.ID, model, len(vecs[i]), encodeVector(vecs[i])); err != nil {
			return fmt.Errorf("store embedding of %q: %w", c.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store article %q: %w", a.ID, err)
	}
	return nil
}

// putEmbeddings stores vectors for existing chunks (used when the embedder
// changed but the article did not), dropping vectors of other models.
func (s *Store) putEmbeddings(ctx context.Context, chunks []Chunk, model string, vecs [][]float32) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store embeddings: %w", err)
	}
	defer tx.Rollback()
	for i, c := range chunks {
		if _, err := tx.ExecContext(ctx, `DELETE FROM embeddings WHERE chunk_id = ?`, c.ID); err != nil {
			return fmt.Errorf("store embedding of %q: %w", c.ID, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO embeddings (chunk_id, model, dim, vector) VALUES (?,?,?,?)`,
			c.ID, model, len(vecs[i]), encodeVector(vecs[i])); err != nil {
			return fmt.Errorf("store embedding of %q: %w", c.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store embeddings: %w", err)
	}
	return nil
}

// setOrigin records where an unchanged article was found this time (an
// article stored before origins were recorded adopts its origin here).
func (s *Store) setOrigin(ctx context.Context, id, origin string) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE articles SET origin = ? WHERE id = ?`, origin, id); err != nil {
		return fmt.Errorf("record origin of %q: %w", id, err)
	}
	return nil
}

// deleteArticle removes an article with its chunks and vectors.
func (s *Store) deleteArticle(ctx context.Context, id string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id); err != nil {
		return fmt.Errorf("remove article %q: %w", id, err)
	}
	return nil
}

// setMeta records a key/value pair, e.g. when the last ingest finished.
func (s *Store) setMeta(ctx context.Context, key, value string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("set %s: %w", key, err)
	}
	return nil
}

// meta returns a recorded value, or "" when absent.
func (s *Store) meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read %s: %w", key, err)
	}
	return v, nil
}

// Articles returns the stored articles published within [from, to] (zero
// bounds are open), oldest first. With both bounds zero it returns all
// articles, including those with no known publication time.
func (s *Store) Articles(ctx context.Context, from, to time.Time) ([]corpus.Article, error) {
	q := `SELECT id, title, source, url, author, published, published_from, path, hash, text FROM articles`
	var args []any
	if !from.IsZero() || !to.IsZero() {
		q += ` WHERE published IS NOT NULL`
		if !from.IsZero() {
			q += ` AND published >= ?`
			args = append(args, from.Unix())
		}
		if !to.IsZero() {
			q += ` AND published <= ?`
			args = append(args, to.Unix())
		}
	}
	q += ` ORDER BY published, id`
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var out []corpus.Article
	for rows.Next() {
		var a corpus.Article
		var published sql.NullInt64
		if err := rows.Scan(&a.ID, &a.Title, &a.Source, &a.URL, &a.Author, &published, &a.PublishedFrom, &a.Path, &a.Hash, &a.Text); err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		if published.Valid {
			a.Published = time.Unix(published.Int64, 0).UTC()
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// indexedChunk is a chunk with its article's metadata and its vector, as
// loaded to build the in-memory indexes.
type indexedChunk struct {
	Chunk
	Vector []float32
}

// loadIndex returns every chunk with its vector from model, and the article
// metadata by id.
func (s *Store) loadIndex(ctx context.Context, model string) ([]indexedChunk, map[string]answer.Source, error) {
	sources := map[string]answer.Source{}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, a.source, a.url, a.published, a.published_from,
		(SELECT COUNT(*) FROM chunks c WHERE c.article_id = a.id) FROM articles a`)
	if err != nil {
		return nil, nil, fmt.Errorf("load articles: %w", err)
	}
	for rows.Next() {
		var src answer.Source
		var published sql.NullInt64
		if err := rows.Scan(&src.ID, &src.Title, &src.Source, &src.URL, &published, &src.PublishedFrom, &src.Chunks); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("load articles: %w", err)
		}
		if published.Valid {
			src.Published = time.Unix(published.Int64, 0).UTC()
		}
		sources[src.ID] = src
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("load articles: %w", err)
	}

	rows, err = s.db.QueryContext(ctx, `SELECT c.id, c.article_id, c.idx, c.text, c.start_off, c.end_off, c.sentences, e.vector
		FROM chunks c LEFT JOIN embeddings e ON e.chunk_id = c.id AND e.model = ?
		ORDER BY c.article_id, c.idx`, model)
	if err != nil {
		return nil, nil, fmt.Errorf("load chunks: %w", err)
	}
	defer rows.Close()
	var chunks []indexedChunk
	for rows.Next() {
		var c indexedChunk
		var sents string
		var vec []byte
		if err := rows.Scan(&c.ID, &c.ArticleID, &c.Index, &c.Text, &c.Start, &c.End, &sents, &vec); err != nil {
			return nil, nil, fmt.Errorf("load chunks: %w", err)
		}
		if err := json.Unmarshal([]byte(sents), &c.Sentences); err != nil {
			return nil, nil, fmt.Errorf("load chunk %q: %w", c.ID, err)
		}
		c.Vector = decodeVector(vec)
		chunks = append(chunks, c)
	}
	return chunks, sources, rows.Err()
}

// encodeVector packs float32s little-endian.
func encodeVector(v []float32) []byte {
	b := make([]byte, 4*len(v))
	for i, f := range v {
		binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(f))
	}
	return b
}

// decodeVector unpacks encodeVector's output; nil for nil.
func decodeVector(b []byte) []float32 {
	if b == nil {
		return nil
	}
	v := make([]float32, len(b)/4)
	for i := range v {
		v[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return v
}
