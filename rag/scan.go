package rag

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/chunk"
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
	return s.scanChunksInto(ctx, ids, model, storedTerms, tokens, nil, fn)
}

// scanChunksInto is scanChunks decoding each vector into place(n), a slice
// of length n (its inArena set), when place is not nil and returns one;
// else into a new slice.
func (s *Store) scanChunksInto(ctx context.Context, ids []string, model string, storedTerms bool, tokens func(string) []string, place func(n int) []float32, fn func(articleID string, c storedChunk) error) error {
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
			if vec != nil && place != nil {
				c.vec = place(len(vec) / 4)
			}
			if c.vec != nil {
				c.inArena = true
				decodeInto(c.vec, vec)
			} else {
				c.vec = decodeVector(vec)
			}
			if err := fn(articleID, c); err != nil {
				return err
			}
		}
		return rows.Err()
	})
}

// decodeInto unpacks encodeVector's output b into v, of length len(b)/4.
func decodeInto(v []float32, b []byte) {
	b = b[:4*len(v)]
	for i := range v {
		v[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
}

// countVectors returns the number of stored vectors from model of length
// dim (any length when dim is 0), from the embeddings(model, dim) index.
func (s *Store) countVectors(ctx context.Context, model string, dim int) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM embeddings WHERE model = ? AND (? = 0 OR dim = ?)`,
		model, dim, dim).Scan(&n); err != nil {
		return 0, fmt.Errorf("count vectors: %w", err)
	}
	return n, nil
}

// chunks returns the stored chunks ids (text, offsets, sentences) by id;
// ids no longer stored are absent.
func (s *Store) chunks(ctx context.Context, ids []string) (map[string]chunk.Chunk, error) {
	out := make(map[string]chunk.Chunk, len(ids))
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
			var c chunk.Chunk
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
	// it back to the system once built. The vectors, most of what is
	// kept, go into one arena allocated first: each collection then has
	// few objects to mark and the heap is large from the start, so a low
	// GOGC costs few collections.
	if old := debug.SetGCPercent(loadGCPercent); old < loadGCPercent {
		debug.SetGCPercent(old)
	} else {
		defer debug.SetGCPercent(old)
	}
	defer debug.FreeOSMemory()
	// place runs on the reading goroutine; the index takes the first
	// vector's length when s.dim is 0, and so does place.
	var place func(n int) []float32
	var arena []float32 // allocated at the first vector, when its length is known
	if nvec, err := s.store.countVectors(ctx, s.cfg.Embedder.Name, s.dim); err != nil {
		return nil, 0, err
	} else if nvec > 0 {
		// Room for the slots at once: growing them leaves copies behind.
		ix.slots = make([]slot, 0, nvec)
		ix.lex.docLen = make([]int32, 0, nvec)
		dim := s.dim
		place = func(n int) []float32 {
			if dim == 0 {
				dim = n
			}
			if n != dim {
				return nil
			}
			if arena == nil {
				arena = make([]float32, 0, nvec*n)
			}
			if len(arena)+n > cap(arena) { // stored since counted
				return nil
			}
			arena = arena[:len(arena)+n]
			return arena[len(arena)-n : len(arena) : len(arena)]
		}
	}
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
	err = s.store.scanChunksInto(ctx, nil, s.cfg.Embedder.Name, s.storedTerms, s.lex.tokens, place, func(articleID string, c storedChunk) error {
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
	// The postings lists keep the slack of their last growth (about 20
	// bytes a chunk): copying them to their exact length would add their
	// whole size to the peak just when it is highest.
	ix.arena = arena[:cap(arena)]
	return ix, seq, nil
}

// loadGCPercent is the garbage collector's GOGC while the index is built
// (unless set lower). With the vectors in one arena a collection marks few
// objects, so 10 costs about what 25 did before (7–9 % of the load's CPU)
// and keeps the peak within 10 % of what is kept.
const loadGCPercent = 10

// errIndexBuild stops the read when indexing failed (its error is the one
// returned).
var errIndexBuild = errors.New("index build failed")
