package rag

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/newsbot/newsbot/rag/answer"
)

// Change kinds recorded in the change log.
const (
	ChangePut    = "put"    // article added or replaced
	ChangeDelete = "delete" // article removed
	ChangeEmbed  = "embed"  // article's chunks re-embedded
)

// Change is one entry of the change log: article ArticleID changed, and
// Seq orders it after every change committed before it.
type Change struct {
	Seq       int64
	ArticleID string
	Kind      string
}

// ChangeLog returns up to limit changes with a sequence number greater
// than after, in order. It is the one boundary through which a Service
// learns what other processes changed: Store.Changes reads the SQLite log;
// a shared database could serve the same. A change names an article, whose
// current state is then read from the store, so applying a change twice,
// or an older change after a newer one's effect, is harmless.
type ChangeLog func(ctx context.Context, after int64, limit int) ([]Change, error)

// refreshBatch is how many changed articles Refresh reads and applies at a
// time.
const refreshBatch = 500

// Changes returns up to limit changes after seq, oldest first (the
// store's ChangeLog). It returns an error if the log cannot be read.
func (s *Store) Changes(ctx context.Context, after int64, limit int) ([]Change, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, article_id, kind FROM changes WHERE seq > ? ORDER BY seq LIMIT ?`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("read change log: %w", err)
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		if err := rows.Scan(&c.Seq, &c.ArticleID, &c.Kind); err != nil {
			return nil, fmt.Errorf("read change log: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// lastSeq returns the newest sequence number in the change log (0 when
// empty).
func (s *Store) lastSeq(ctx context.Context) (int64, error) {
	var seq sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT MAX(seq) FROM changes`).Scan(&seq); err != nil {
		return 0, fmt.Errorf("read change log: %w", err)
	}
	return seq.Int64, nil
}

// recordChange logs a change of article id inside tx, replacing the
// article's earlier entry (only the latest matters to a reader).
func recordChange(ctx context.Context, tx *sql.Tx, id, kind string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM changes WHERE article_id = ?`, id); err != nil {
		return fmt.Errorf("log change of %q: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO changes (article_id, kind) VALUES (?, ?)`, id, kind); err != nil {
		return fmt.Errorf("log change of %q: %w", id, err)
	}
	return nil
}

// Refresh brings the in-memory indexes in step with the store by applying
// the changes logged after the last one this Service has seen (by any
// process, this one included): each changed article's chunks are dropped
// and its current ones added, never the whole index rebuilt. It returns
// the number of changes applied, and an error if the log or the store
// cannot be read (the changes not applied are retried by the next call).
// Before the index is built (Config.IndexOnDemand) there is nothing to
// bring in step: it returns 0.
func (s *Service) Refresh(ctx context.Context) (int, error) {
	s.refreshMu.Lock()
	defer s.refreshMu.Unlock()
	ix := s.current()
	if ix == nil {
		return 0, nil
	}
	applied := 0
	for {
		changes, err := s.changes(ctx, s.seen, refreshBatch)
		if err != nil {
			return applied, err
		}
		if len(changes) == 0 {
			return applied, nil
		}
		ids := make([]string, 0, len(changes))
		for _, c := range changes {
			ids = append(ids, c.ArticleID)
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		if err := s.applyArticles(ctx, ix, ids); err != nil {
			return applied, err
		}
		s.seen = changes[len(changes)-1].Seq
		applied += len(changes)
		s.logger.Debug("applied changes", "changes", len(changes), "seq", s.seen)
	}
}

// applyArticles reads the current state of the articles ids from the store
// and puts it in ix (dropping those no longer stored).
func (s *Service) applyArticles(ctx context.Context, ix *index, ids []string) error {
	srcs := map[string]*answer.Source{}
	err := s.store.scanArticles(ctx, ids, func(src answer.Source) error {
		srcs[src.ID] = &src
		return nil
	})
	if err != nil {
		return err
	}
	chunks := map[string][]storedChunk{}
	err = s.store.scanChunks(ctx, ids, s.cfg.Embedder.Name, s.storedTerms, s.lex.tokens, func(articleID string, c storedChunk) error {
		chunks[articleID] = append(chunks[articleID], c)
		return nil
	})
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := ix.replaceArticle(id, srcs[id], chunks[id]); err != nil {
			return err
		}
	}
	return nil
}
