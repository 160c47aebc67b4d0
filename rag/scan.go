package rag

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"github.com/newsbot/newsbot/rag/answer"
)

// idBatch is how many ids one IN (...) query names.
const idBatch = 500

// inBatches calls q with the ids in groups of at most idBatch, as the
// placeholder list and its arguments; with ids nil it calls q once with
// no list (meaning every row).
func inBatches(ids []string, q func(in string, args []any) error) error {
	if ids == nil {
		return q("", nil)
	}
	for len(ids) > 0 {
		n := min(len(ids), idBatch)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		if err := q("("+strings.TrimSuffix(strings.Repeat("?,", n), ",")+")", args); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// scanArticles calls fn with the metadata of each stored article among ids
// (every article when ids is nil). It returns fn's error or the store's.
func (s *Store) scanArticles(ctx context.Context, ids []string, fn func(answer.Source) error) error {
	return inBatches(ids, func(in string, args []any) error {
		q := `SELECT id, title, source, url, published, published_from FROM articles`
		if in != "" {
			q += ` WHERE id IN ` + in
		}
		rows, err := s.db.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("load articles: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var src answer.Source
			var published sql.NullInt64
			if err := rows.Scan(&src.ID, &src.Title, &src.Source, &src.URL, &published, &src.PublishedFrom); err != nil {
				return fmt.Errorf("load articles: %w", err)
			}
			if published.Valid {
				src.Published = time.Unix(published.Int64, 0).UTC()
			}
			if err := fn(src); err != nil {
				return err
			}
		}
		return rows.Err()
	})
}

// scanChunks calls fn with each stored chunk of the articles ids (all when
// nil): its id, BM25 terms and vector from model (nil when it has none),
// in one pass over the rows. Terms come from the chunks table when
// storedTerms says they were made by the current lexicon, else from
// tokens(text). It returns fn's error or the store's.
func (s *Store) scanChunks(ctx context.Context, ids []string, model string, storedTerms bool, tokens func(string) []string, fn func(articleID string, c storedChunk) error) error {
	return inBatches(ids, func(in string, args []any) error {
		text := `CASE WHEN c.terms IS NULL THEN c.text END`
		if !storedTerms {
			text = `c.text`
		}
		q := `SELECT c.id, c.article_id, c.terms, ` + text + `, e.vector
			FROM chunks c LEFT JOIN embeddings e ON e.chunk_id = c.id AND e.model = ?`
		args = append([]any{model}, args...)
		if in != "" {
			q += ` WHERE c.article_id IN ` + in
		}
		// Article then chunk order numbers the slots as before the change
		// log, which breaks ranking ties the same way.
		q += ` ORDER BY c.article_id, c.idx`
		rows, err := s.db.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("load chunks: %w", err)
		}
		defer rows.Close()
		var articleID string
		var terms, body sql.NullString
		var vec sql.RawBytes
		for rows.Next() {
			var c storedChunk
			if err := rows.Scan(&c.id, &articleID, &terms, &body, &vec); err != nil {
				return fmt.Errorf("load chunks: %w", err)
			}
			if storedTerms && terms.Valid {
				c.fields = terms.String
			} else {
				c.terms = tokens(body.String)
			}
			c.vec = decodeVector(vec)
			if err := fn(articleID, c); err != nil {
				return err
			}
		}
		return rows.Err()
	})
}

// chunks returns the stored chunks ids (text, offsets, sentences) by id;
// ids no longer stored are absent.
func (s *Store) chunks(ctx context.Context, ids []string) (map[string]Chunk, error) {
	out := make(map[string]Chunk, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	err := inBatches(ids, func(in string, args []any) error {
		rows, err := s.db.QueryContext(ctx, `SELECT id, article_id, idx, text, start_off, end_off, sentences FROM chunks WHERE id IN `+in, args...)
		if err != nil {
			return fmt.Errorf("load chunks: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var c Chunk
			var sents string
			if err := rows.Scan(&c.ID, &c.ArticleID, &c.Index, &c.Text, &c.Start, &c.End, &sents); err != nil {
				return fmt.Errorf("load chunks: %w", err)
			}
			if err := json.Unmarshal([]byte(sents), &c.Sentences); err != nil {
				return fmt.Errorf("load chunk %q: %w", c.ID, err)
			}
			out[c.ID] = c
		}
		return rows.Err()
	})
	return out, err
}

// loadIndex builds a new index from the whole store in one pass over the
// articles and one over the chunks with their vectors, and returns it with
// the change-log sequence it reflects (read first: a change committed
// during the load is applied again by the next Refresh, harmlessly). The
// rows are read on one goroutine and indexed on another, so the build
// costs little more than the read.
func (s *Service) loadIndex(ctx context.Context) (*index, int64, error) {
	seq, err := s.store.lastSeq(ctx)
	if err != nil {
		return nil, 0, err
	}
	ix, err := newIndex(s.dim)
	if err != nil {
		return nil, 0, err
	}
	// Reading makes about as much garbage as the index it builds (each
	// vector arrives as a blob, each chunk's terms as a string): collect
	// it sooner than usual so the peak stays near what is kept, and hand
	// it back to the system once built.
	if old := debug.SetGCPercent(loadGCPercent); old < loadGCPercent {
		debug.SetGCPercent(old)
	} else {
		defer debug.SetGCPercent(old)
	}
	defer debug.FreeOSMemory()
	err = s.store.scanArticles(ctx, nil, func(src answer.Source) error {
		ix.putArticle(src)
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	type item struct {
		article string
		chunk   storedChunk
	}
	const batchSize = 512
	batches := make(chan []item, 8)
	built := make(chan error, 1)
	var failed atomic.Bool
	go func() {
		var err error
		for batch := range batches {
			for _, it := range batch {
				if err == nil {
					err = ix.addChunk(it.article, it.chunk)
				}
			}
			if err != nil {
				failed.Store(true) // keep draining so the reader never blocks
			}
		}
		built <- err
	}()
	batch := make([]item, 0, batchSize)
	err = s.store.scanChunks(ctx, nil, s.cfg.Embedder.Name, s.storedTerms, s.lex.tokens, func(articleID string, c storedChunk) error {
		if failed.Load() {
			return errIndexBuild
		}
		batch = append(batch, item{articleID, c})
		if len(batch) == batchSize {
			batches <- batch
			batch = make([]item, 0, batchSize)
		}
		return nil
	})
	if len(batch) > 0 {
		batches <- batch
	}
	close(batches)
	if berr := <-built; berr != nil {
		return nil, 0, berr
	}
	if err != nil {
		return nil, 0, err
	}
	ix.lex.trim()
	return ix, seq, nil
}

// loadGCPercent is the garbage collector's GOGC while the index is built
// (unless set lower).
const loadGCPercent = 25

// errIndexBuild stops the read when indexing failed (its error is the one
// returned).
var errIndexBuild = errors.New("index build failed")
