package rag

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/rag/answer"
)

// Config configures a Service.
type Config struct {
	// DB is the SQLite database holding the articles, chunks and vectors
	// (rag's tables are created or migrated by Open); required. The caller
	// owns it: Close does not close it.
	DB *sql.DB
	// Embedder embeds chunks and questions; the zero value selects the
	// offline local embedder.
	Embedder Embedder
	// Chat writes answers with a chat model; nil answers extractively.
	Chat ChatFunc
	// MaxContextTokens bounds the passages sent to the model (0: 3000).
	MaxContextTokens int
	// Logger receives diagnostics; nil discards them.
	Logger *slog.Logger
	// Changes reads the change log that Refresh follows; nil reads the
	// store's (Store.Changes).
	Changes ChangeLog
	// IndexOnDemand leaves the in-memory indexes unbuilt by Open: they are
	// built by the first search (or anything else that needs them). A
	// process that only ingests never builds them; its Ingest, Sources
	// and Unembedded read the store instead.
	IndexOnDemand bool
}

// Service answers questions over the stored articles. It is safe for
// concurrent use.
type Service struct {
	cfg    Config
	store  *Store
	lex    lexicon
	logger *slog.Logger

	ingestMu sync.Mutex // one ingest at a time
	mu       sync.RWMutex
	ix       *index // nil until built (see Config.IndexOnDemand)

	changes     ChangeLog
	refreshMu   sync.Mutex // one Refresh or index build at a time; guards seen
	seen        int64      // the last change applied to ix
	storedTerms bool       // the chunks' stored terms are from lex
	dim         int        // the embedder's vector length (0: not known yet)
}

// Open migrates rag's tables in cfg.DB and builds the in-memory indexes
// from them (unless cfg.IndexOnDemand). It returns an error if cfg.DB is
// nil or cannot be migrated or read.
func Open(ctx context.Context, cfg Config) (*Service, error) {
	if cfg.DB == nil {
		return nil, fmt.Errorf("open: no database")
	}
	if cfg.Embedder.Documents == nil {
		cfg.Embedder = LocalEmbedder()
	}
	if cfg.Embedder.Query == nil {
		cfg.Embedder.Query = cfg.Embedder.Documents
	}
	if cfg.MaxContextTokens <= 0 {
		cfg.MaxContextTokens = 3000
	}
	logger := cfg.Logger
	if logger == nil {
		logger = discardLogger()
	}
	store, err := NewStore(ctx, cfg.DB)
	if err != nil {
		return nil, err
	}
	s := &Service{cfg: cfg, store: store, lex: localLexicon(), logger: logger, changes: cfg.Changes, dim: cfg.Embedder.Dim}
	if s.changes == nil {
		s.changes = store.Changes
	}
	lexVersion, err := store.meta(ctx, "lexicon")
	if err != nil {
		return nil, err
	}
	s.storedTerms = lexVersion == lexiconVersion
	if !cfg.IndexOnDemand {
		if _, err := s.loadedIndex(ctx); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Close releases the service. It leaves Config.DB open (its owner closes
// it) and returns nil.
func (s *Service) Close() error { return nil }

// Store returns the durable store (for packages keeping their own tables in
// the same database).
func (s *Service) Store() *Store { return s.store }

// EmbedderName returns the name of the embedder in use.
func (s *Service) EmbedderName() string { return s.cfg.Embedder.Name }

// current returns the in-memory index, nil when it is not built yet.
func (s *Service) current() *index {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.ix
}

// loadedIndex returns the in-memory index, building it from the store
// first if needed. It returns an error if the store cannot be read.
func (s *Service) loadedIndex(ctx context.Context) (*index, error) {
	if ix := s.current(); ix != nil {
		return ix, nil
	}
	s.refreshMu.Lock()
	defer s.refreshMu.Unlock()
	if ix := s.current(); ix != nil {
		return ix, nil // built while this call waited
	}
	ix, seq, err := s.loadIndex(ctx)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.ix = ix
	s.mu.Unlock()
	s.seen = seq
	return ix, nil
}

// Empty reports whether nothing has ever been ingested.
func (s *Service) Empty(ctx context.Context) (bool, error) {
	v, err := s.store.meta(ctx, "last_ingest")
	return v == "", err
}

// Unembedded returns how many stored chunks have no vector from the
// current embedder (after the embedder changed, until the next ingest).
func (s *Service) Unembedded() int {
	n, err := s.unembeddedCount(context.Background())
	if err != nil {
		s.logger.Error("count chunks without a vector", "err", err)
	}
	return n
}

// unembeddedCount is Unembedded, from the index when it is built, else
// from the store (without building it).
func (s *Service) unembeddedCount(ctx context.Context) (int, error) {
	if ix := s.current(); ix != nil {
		ix.mu.RLock()
		defer ix.mu.RUnlock()
		return ix.chunks - ix.vectors, nil
	}
	return s.store.countUnembedded(ctx, s.cfg.Embedder.Name, s.dim)
}

// chunkCount returns the number of chunks stored, from the index when it
// is built, else from the store.
func (s *Service) chunkCount(ctx context.Context) (int, error) {
	if ix := s.current(); ix != nil {
		return ix.size(), nil
	}
	return s.store.countChunks(ctx)
}

// Sources lists the stored articles, newest first (undated last).
func (s *Service) Sources(ctx context.Context) ([]answer.Source, error) {
	var out []answer.Source
	if ix := s.current(); ix != nil {
		ix.mu.RLock()
		out = make([]answer.Source, 0, len(ix.articles))
		for _, a := range ix.articles {
			src := a.src
			src.Chunks = len(a.slots)
			out = append(out, src)
		}
		ix.mu.RUnlock()
	} else {
		var err error
		if out, err = s.store.sources(ctx); err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Published, out[j].Published
		if !a.Equal(b) {
			return a.After(b)
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// Articles returns the stored articles published within [from, to]; see
// Store.Articles.
func (s *Service) Articles(ctx context.Context, from, to time.Time) ([]corpus.Article, error) {
	return s.store.Articles(ctx, from, to)
}

// checkQuestion trims q and validates its length.
func checkQuestion(q string) (string, error) {
	q = strings.TrimSpace(q)
	if len(q) > answer.MaxQuestionLen {
		return "", fmt.Errorf("%w: %d bytes, the limit is %d", answer.ErrQuestionTooLong, len(q), answer.MaxQuestionLen)
	}
	if len(q) == 0 || !strings.ContainsFunc(q, isWordRune) {
		return "", answer.ErrEmptyQuestion
	}
	return q, nil
}

// Generates reports whether answers are written by a model (and streamed)
// rather than extracted.
func (s *Service) Generates() bool { return s.cfg.Chat != nil }

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
