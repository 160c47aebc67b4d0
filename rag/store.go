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
	"strings"
	"time"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/internal/migrate"
	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/chunk"
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
	Stamp  corpus.Stamp // zero when unknown
}

// articleHashes returns every stored article's content hash and path by id.
func (s *Store) articleHashes(ctx context.Context) (map[string]storedArticle, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, hash, path, origin, file_size, file_mtime FROM articles`)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	out := map[string]storedArticle{}
	for rows.Next() {
		var id string
		var a storedArticle
		var size, mtime int64
		if err := rows.Scan(&id, &a.Hash, &a.Path, &a.Origin, &size, &mtime); err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		if size >= 0 && mtime != 0 {
			a.Stamp = corpus.Stamp{Size: size, ModTime: time.Unix(0, mtime)}
		}
		out[id] = a
	}
	return out, rows.Err()
}

// unembedded returns the ids of articles with at least one chunk that has
// no vector from model, or (dim > 0) one of another length: a model that
// changed its dimension under the same name.
func (s *Store) unembedded(ctx context.Context, model string, dim int) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT c.article_id FROM chunks c
		LEFT JOIN embeddings e ON e.chunk_id = c.id AND e.model = ?
		WHERE e.chunk_id IS NULL OR (? > 0 AND e.dim != ?)`, model, dim, dim)
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

// storedDims returns the distinct lengths of the vectors stored for model.
func (s *Store) storedDims(ctx context.Context, model string) ([]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT dim FROM embeddings WHERE model = ?`, model)
	if err != nil {
		return nil, fmt.Errorf("list vector lengths: %w", err)
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var d int
		if err := rows.Scan(&d); err != nil {
			return nil, fmt.Errorf("list vector lengths: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// articleChunks returns the stored chunks of the articles ids, in order,
// by article id.
func (s *Store) articleChunks(ctx context.Context, ids []string) (map[string][]chunk.Chunk, error) {
	out := map[string][]chunk.Chunk{}
	if len(ids) == 0 {
		return out, nil
	}
	err := inBatches(ids, func(in string, args []any) error {
		rows, err := s.db.QueryContext(ctx, `SELECT id, article_id, idx, text FROM chunks WHERE article_id IN `+in+` ORDER BY article_id, idx`, args...)
		if err != nil {
			return fmt.Errorf("load chunks: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var c chunk.Chunk
			if err := rows.Scan(&c.ID, &c.ArticleID, &c.Index, &c.Text); err != nil {
				return fmt.Errorf("load chunks: %w", err)
			}
			out[c.ArticleID] = append(out[c.ArticleID], c)
		}
		return rows.Err()
	})
	return out, err
}

// articleTexts returns the whole text of each of the articles ids, by id.
func (s *Store) articleTexts(ctx context.Context, ids []string) (map[string]string, error) {
	out := map[string]string{}
	if len(ids) == 0 {
		return out, nil
	}
	err := inBatches(ids, func(in string, args []any) error {
		rows, err := s.db.QueryContext(ctx, `SELECT id, text FROM articles WHERE id IN `+in, args...)
		if err != nil {
			return fmt.Errorf("load articles: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id, text string
			if err := rows.Scan(&id, &text); err != nil {
				return fmt.Errorf("load articles: %w", err)
			}
			out[id] = text
		}
		return rows.Err()
	})
	return out, err
}

// putArticle replaces an article (with the stamp of its file), its chunks
// (with their BM25 terms) and their vectors in one transaction that also
// logs the change, so a crash leaves either the old or the new version and
// every process learns of it. When the store already holds this version
// of the article (same hash and origin, with vectors from model: another
// process stored it since this ingest looked) it changes nothing and
// returns false, so two ingests at once never apply a change twice.
func (s *Store) putArticle(ctx context.Context, a corpus.Article, stamp corpus.Stamp, chunks []chunk.Chunk, terms [][]string, model string, vecs [][]float32) (bool, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("store article %q: %w", a.ID, err)
	}
	defer tx.Rollback()
	var same bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles a WHERE a.id = ? AND a.hash = ? AND a.origin = ?
		AND NOT EXISTS (SELECT 1 FROM chunks c WHERE c.article_id = a.id
			AND NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.chunk_id = c.id AND e.model = ?)))`,
		a.ID, a.Hash, a.Origin, model).Scan(&same); err != nil {
		return false, fmt.Errorf("store article %q: %w", a.ID, err)
	}
	if same {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, a.ID); err != nil {
		return false, fmt.Errorf("store article %q: %w", a.ID, err)
	}
	var published any
	if !a.Published.IsZero() {
		published = a.Published.Unix()
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles
		(id, title, source, url, author, published, published_from, path, hash, text, ingested_at, origin, file_size, file_mtime)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		a.ID, a.Title, a.Source, a.URL, a.Author, published, a.PublishedFrom, a.Path, a.Hash, a.Text, time.Now().Unix(), a.Origin,
		stampSize(stamp), stampTime(stamp)); err != nil {
		return false, fmt.Errorf("store article %q: %w", a.ID, err)
	}
	for i, c := range chunks {
		sents, _ := json.Marshal(c.Sentences)
		if _, err := tx.ExecContext(ctx, `INSERT INTO chunks (id, article_id, idx, text, start_off, end_off, sentences, terms)
			VALUES (?,?,?,?,?,?,?,?)`, c.ID, c.ArticleID, c.Index, c.Text, c.Start, c.End, string(sents), strings.Join(terms[i], " ")); err != nil {
			return false, fmt.Errorf("store chunk %q: %w", c.ID, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO embeddings (chunk_id, model, dim, vector) VALUES (?,?,?,?)`,
			c.ID, model, len(vecs[i]), encodeVector(vecs[i])); err != nil {
			return false, fmt.Errorf("store embedding of %q: %w", c.ID, err)
		}
	}
	if err := recordChange(ctx, tx, a.ID, ChangePut); err != nil {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("store article %q: %w", a.ID, err)
	}
	return true, nil
}

// putEmbeddings stores vectors for existing chunks of article id (used
// when the embedder changed but the article did not), dropping vectors of
// other models, and logs the change.
func (s *Store) putEmbeddings(ctx context.Context, id string, chunks []chunk.Chunk, model string, vecs [][]float32) error {
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
	if err := recordChange(ctx, tx, id, ChangeEmbed); err != nil {
		return err
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

// setStamp records the stamp of an unchanged article's file (touched, or
// stored before stamps were), so the next ingest need not read it.
func (s *Store) setStamp(ctx context.Context, id string, st corpus.Stamp) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE articles SET file_size = ?, file_mtime = ? WHERE id = ?`, stampSize(st), stampTime(st), id); err != nil {
		return fmt.Errorf("record file stamp of %q: %w", id, err)
	}
	return nil
}

func stampSize(st corpus.Stamp) int64 {
	if st.ModTime.IsZero() {
		return -1
	}
	return st.Size
}

func stampTime(st corpus.Stamp) int64 {
	if st.ModTime.IsZero() {
		return 0
	}
	return st.ModTime.UnixNano()
}

// deleteArticle removes an article with its chunks and vectors, and logs
// the change in the same transaction.
func (s *Store) deleteArticle(ctx context.Context, id string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("remove article %q: %w", id, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id); err != nil {
		return fmt.Errorf("remove article %q: %w", id, err)
	}
	if err := recordChange(ctx, tx, id, ChangeDelete); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
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

// countChunks returns the number of stored chunks.
func (s *Store) countChunks(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM chunks`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count chunks: %w", err)
	}
	return n, nil
}

// countUnembedded returns the number of stored chunks with no vector from
// model (of length dim when dim > 0), from two counts that indexes answer
// (a vector belongs to its chunk: there are none without one).
func (s *Store) countUnembedded(ctx context.Context, model string, dim int) (int, error) {
	chunks, err := s.countChunks(ctx)
	if err != nil {
		return 0, err
	}
	var vecs int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM embeddings WHERE model = ? AND (? = 0 OR dim = ?)`,
		model, dim, dim).Scan(&vecs); err != nil {
		return 0, fmt.Errorf("count vectors: %w", err)
	}
	return max(chunks-vecs, 0), nil
}

// sources returns every stored article's metadata with its number of
// chunks, unordered.
func (s *Store) sources(ctx context.Context) ([]answer.Source, error) {
	counts := map[string]int{}
	rows, err := s.db.QueryContext(ctx, `SELECT article_id, COUNT(*) FROM chunks GROUP BY article_id`)
	if err != nil {
		return nil, fmt.Errorf("count chunks: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("count chunks: %w", err)
		}
		counts[id] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count chunks: %w", err)
	}
	var out []answer.Source
	err = s.scanArticles(ctx, nil, func(src answer.Source) error {
		src.Chunks = counts[src.ID]
		out = append(out, src)
		return nil
	})
	return out, err
}
