package rag

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/rag/chunk"
)

// embedBatchChunks is how many chunks are embedded and committed together:
// large enough to keep a model server's batches full, small enough that an
// interrupted ingest loses little work.
const embedBatchChunks = 256

// IngestOptions tunes an ingest.
type IngestOptions struct {
	// Scanned lists the origins (corpus.Article.Origin) that were read in
	// full for this ingest. A stored article is removed only when its
	// origin is listed here and it is absent from the articles given;
	// articles of other origins, and of unknown origin, are left alone.
	Scanned []string
	// Keep lists article ids that must not be removed even though they are
	// absent from the articles given (e.g. their file failed to load this
	// time: a bad edit must not delete what was stored).
	Keep map[string]bool
	// Prune allows an ingest to remove more than half of an origin's
	// stored articles; without it such an ingest fails with
	// ErrTooManyRemovals before changing anything.
	Prune bool
	// Progress, when set, is called after each committed batch with the
	// number of articles processed so far and the total needing work.
	Progress func(done, total int)
	// Stamps holds the stamp (size, modification time) of each given
	// article's file, by article id; it is stored so that the next ingest
	// can skip the file while its stamp is the same (see UnchangedFiles).
	Stamps map[string]corpus.Stamp
	// Unchanged lists the ids of stored articles whose files were found
	// but not read because their stamps matched: present, unchanged.
	Unchanged []string
}

// IngestError is a file that could not be ingested.
type IngestError struct {
	File  string `json:"file"`
	Error string `json:"error"`
}

// IngestReport counts what an ingest did.
type IngestReport struct {
	Added     int `json:"added"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Removed   int `json:"removed"`
	// Chunks is the number of chunks stored after the ingest.
	Chunks int `json:"chunks"`
	// Embedded is the number of chunks embedded by this ingest (0 when
	// nothing changed).
	Embedded int           `json:"embedded"`
	Errors   []IngestError `json:"errors"`
}

type ingestJob struct {
	article corpus.Article
	stamp   corpus.Stamp
	chunks  []chunk.Chunk
	// replace is true for new or changed articles; false when only the
	// vectors are missing (e.g. the embedder changed).
	replace bool
	// added is true for an article new to the store.
	added bool
}

// Ingest brings the store in step with articles: new ones are added,
// changed ones (by content hash) replaced, ones no longer present in an
// origin that was scanned removed (unless in opts.Keep), and chunks
// lacking a vector from the current embedder embedded. It returns an
// error wrapping ErrTooManyRemovals, having changed nothing, when it would
// remove more than half of an origin's articles without opts.Prune. Each article is written in its own transaction, so an
// interrupted ingest leaves a consistent database and a re-run completes
// it. The in-memory indexes are rebuilt at the end.
func (s *Service) Ingest(ctx context.Context, articles []corpus.Article, opts IngestOptions) (IngestReport, error) {
	s.ingestMu.Lock()
	defer s.ingestMu.Unlock()
	rep := IngestReport{Errors: []IngestError{}}
	// Start from what every process has stored so far.
	if _, err := s.Refresh(ctx); err != nil {
		return rep, err
	}
	if err := s.adoptLexicon(ctx); err != nil {
		return rep, err
	}
	stored, err := s.store.articleHashes(ctx)
	if err != nil {
		return rep, err
	}
	model := s.cfg.Embedder.Name
	// Asking a model for its dimension costs a request: only when this
	// ingest embeds anyway.
	embeds := false
	for _, a := range articles {
		if old, ok := stored[a.ID]; !ok || old.Hash != a.Hash {
			embeds = true
			break
		}
	}
	dim, redim, err := s.checkDimension(ctx, embeds)
	if err != nil {
		return rep, err
	}
	unembedded, err := s.unembeddedCount(ctx)
	if err != nil {
		return rep, err
	}
	missing := map[string]bool{}
	if unembedded > 0 || redim {
		if missing, err = s.store.unembedded(ctx, model, dim); err != nil {
			return rep, err
		}
	}

	present := map[string]bool{}
	for _, a := range articles {
		present[a.ID] = true
	}
	for _, id := range opts.Unchanged {
		present[id] = true
	}
	removals, err := planRemovals(stored, present, opts)
	if err != nil {
		return rep, err
	}

	var jobs []ingestJob
	var reembed []string
	for _, a := range articles {
		old, ok := stored[a.ID]
		stamp := opts.Stamps[a.ID]
		if ok && old.Hash == a.Hash {
			if old.Origin != a.Origin {
				if err := s.store.setOrigin(ctx, a.ID, a.Origin); err != nil {
					return rep, err
				}
			}
			if !stamp.ModTime.IsZero() && !stamp.Equal(old.Stamp) {
				if err := s.store.setStamp(ctx, a.ID, stamp); err != nil {
					return rep, err
				}
			}
		}
		switch {
		case !ok:
			rep.Added++
			jobs = append(jobs, ingestJob{article: a, stamp: stamp, chunks: chunk.Article(a), replace: true, added: true})
		case old.Hash != a.Hash:
			rep.Updated++
			jobs = append(jobs, ingestJob{article: a, stamp: stamp, chunks: chunk.Article(a), replace: true})
		case missing[a.ID]:
			rep.Unchanged++
			reembed = append(reembed, a.ID)
		default:
			rep.Unchanged++
		}
	}
	loaded := make(map[string]bool, len(articles))
	for _, a := range articles {
		loaded[a.ID] = true
	}
	for _, id := range opts.Unchanged {
		if _, ok := stored[id]; ok && !loaded[id] {
			rep.Unchanged++
			if missing[id] {
				reembed = append(reembed, id)
			}
		}
	}
	// Re-embedding reuses the stored chunks: their text is unchanged.
	if len(reembed) > 0 {
		byArticle, err := s.store.articleChunks(ctx, reembed)
		if err != nil {
			return rep, err
		}
		for _, id := range reembed {
			jobs = append(jobs, ingestJob{article: corpus.Article{ID: id}, chunks: byArticle[id]})
		}
	}

	for start := 0; start < len(jobs); {
		end, n := start, 0
		for end < len(jobs) && (n == 0 || n+len(jobs[end].chunks) <= embedBatchChunks) {
			n += len(jobs[end].chunks)
			end++
		}
		stored, err := s.ingestBatch(ctx, jobs[start:end])
		if err != nil {
			return rep, err
		}
		// Articles another ingest stored meanwhile count as unchanged.
		for _, j := range stored {
			if j.added {
				rep.Added--
			} else {
				rep.Updated--
			}
			rep.Unchanged++
		}
		rep.Embedded += n
		start = end
		if opts.Progress != nil {
			opts.Progress(end, len(jobs))
		}
	}

	for _, id := range removals {
		if err := s.store.deleteArticle(ctx, id); err != nil {
			return rep, err
		}
		rep.Removed++
	}
	if err := s.store.setMeta(ctx, "last_ingest", time.Now().UTC().Format(time.RFC3339)); err != nil {
		return rep, err
	}
	// Apply this ingest's changes (and any other process's) to the index
	// (when built); after a change of dimension, build it anew for the new
	// length.
	if redim && s.current() != nil {
		if err := s.rebuild(ctx); err != nil {
			return rep, err
		}
	} else if _, err := s.Refresh(ctx); err != nil {
		return rep, err
	}
	if rep.Chunks, err = s.chunkCount(ctx); err != nil {
		return rep, err
	}
	return rep, nil
}

// checkDimension returns the embedder's vector length and whether it
// differs from the stored vectors' (the model changed under the same
// name: every vector must be re-embedded). An embedder configured without
// a dimension is asked for one vector to learn it, once, when probe is
// set and vectors are stored.
func (s *Service) checkDimension(ctx context.Context, probe bool) (int, bool, error) {
	stored, err := s.store.storedDims(ctx, s.cfg.Embedder.Name)
	if err != nil {
		return 0, false, err
	}
	have, vectors := 0, len(stored) > 0 // the index's length; any stored
	if ix := s.current(); ix != nil {
		ix.mu.RLock()
		have, vectors = ix.dim, ix.vectors > 0
		ix.mu.RUnlock()
	}
	dim := s.dim
	if dim == 0 && vectors && probe {
		v, err := s.cfg.Embedder.Documents(ctx, []string{"dimension probe"})
		if err != nil {
			return 0, false, fmt.Errorf("embed with %s: %w", s.cfg.Embedder.Name, err)
		}
		if len(v) != 1 || len(v[0]) == 0 {
			return 0, false, fmt.Errorf("embed with %s: got %d vectors for 1 text", s.cfg.Embedder.Name, len(v))
		}
		dim = len(v[0])
		s.dim = dim
	}
	redim := false
	for _, d := range stored {
		if dim > 0 && d != dim {
			redim = true
			s.logger.Warn("the embedder's vectors changed length under the same name; re-embedding every passage",
				"embedder", s.cfg.Embedder.Name, "stored", d, "now", dim)
		}
	}
	if !redim && have != 0 && dim != 0 && have != dim {
		redim = true
	}
	return dim, redim, nil
}

// rebuild replaces the in-memory index with one built from the store.
func (s *Service) rebuild(ctx context.Context) error {
	s.refreshMu.Lock()
	defer s.refreshMu.Unlock()
	ix, seq, err := s.loadIndex(ctx)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.ix = ix
	s.mu.Unlock()
	s.seen = seq
	return nil
}

// adoptLexicon makes the stored BM25 terms those of the current lexicon:
// terms made by another one are cleared (start-up then tokenizes those
// chunks' text) before this ingest stores new ones.
func (s *Service) adoptLexicon(ctx context.Context) error {
	if s.storedTerms {
		return nil
	}
	if _, err := s.store.db.ExecContext(ctx, `UPDATE chunks SET terms = NULL WHERE terms IS NOT NULL`); err != nil {
		return fmt.Errorf("clear stored terms: %w", err)
	}
	if err := s.store.setMeta(ctx, "lexicon", lexiconVersion); err != nil {
		return err
	}
	s.storedTerms = true
	return nil
}

// UnchangedFiles returns a predicate for corpus.LoadDirSince over the
// folder origin: true when article id is stored from origin with the same
// file stamp, so the file need not be read or hashed again. It returns an
// error if the stored articles cannot be listed.
func (s *Service) UnchangedFiles(ctx context.Context, origin string) (func(id string, st corpus.Stamp) bool, error) {
	stored, err := s.store.articleHashes(ctx)
	if err != nil {
		return nil, err
	}
	return func(id string, st corpus.Stamp) bool {
		a, ok := stored[id]
		return ok && a.Origin == origin && !st.ModTime.IsZero() && st.Equal(a.Stamp)
	}, nil
}

// minGuardedRemovals is the number of removals from one origin below which
// the more-than-half guard does not apply (deleting one of two files is an
// ordinary edit).
const minGuardedRemovals = 3

// planRemovals returns the stored articles to remove: those whose origin
// was scanned and that were not found there, unless kept. It refuses, with
// ErrTooManyRemovals, to remove more than half of an origin's articles
// unless opts.Prune; an article whose id reappears as a path's last part
// was moved and does not count.
func planRemovals(stored map[string]storedArticle, present map[string]bool, opts IngestOptions) ([]string, error) {
	scanned := map[string]bool{}
	for _, o := range opts.Scanned {
		if o != "" {
			scanned[o] = true
		}
	}
	// An article stored under its file name ("203") before ids became
	// paths ("sport/203") was moved, not lost: it does not count towards
	// the guard.
	moved := map[string]bool{}
	for id := range present {
		if i := strings.LastIndexByte(id, '/'); i >= 0 {
			moved[id[i+1:]] = true
		}
	}
	var out []string
	total, gone := map[string]int{}, map[string]int{}
	for id, a := range stored {
		if !scanned[a.Origin] {
			continue
		}
		total[a.Origin]++
		if present[id] || opts.Keep[id] {
			continue
		}
		if !moved[id] {
			gone[a.Origin]++
		}
		out = append(out, id)
	}
	if !opts.Prune {
		for origin, n := range gone {
			if n >= minGuardedRemovals && 2*n > total[origin] {
				return nil, fmt.Errorf("%w: %d of the %d articles stored from %s are no longer there", ErrTooManyRemovals, n, total[origin], origin)
			}
		}
	}
	slices.Sort(out)
	return out, nil
}

// ingestBatch embeds the chunks of jobs in one call and stores each
// article. It returns the replacing jobs whose article version was found
// already stored (by another process since this ingest looked).
func (s *Service) ingestBatch(ctx context.Context, jobs []ingestJob) ([]ingestJob, error) {
	var texts []string
	for _, j := range jobs {
		for _, c := range j.chunks {
			texts = append(texts, c.Text)
		}
	}
	dim := s.dim
	var vecs [][]float32
	if len(texts) > 0 {
		var err error
		vecs, err = s.cfg.Embedder.Documents(ctx, texts)
		if err != nil {
			return nil, fmt.Errorf("embed %d chunks with %s: %w", len(texts), s.cfg.Embedder.Name, err)
		}
		if len(vecs) != len(texts) {
			return nil, fmt.Errorf("embed with %s: got %d vectors for %d chunks", s.cfg.Embedder.Name, len(vecs), len(texts))
		}
		for _, v := range vecs {
			if dim > 0 && len(v) != dim {
				return nil, fmt.Errorf("embed with %s: %w: got %d dimensions, configured %d", s.cfg.Embedder.Name, ErrDimension, len(v), dim)
			}
		}
	}
	var already []ingestJob
	for _, j := range jobs {
		v := vecs[:len(j.chunks)]
		vecs = vecs[len(j.chunks):]
		var err error
		if j.replace {
			terms := make([][]string, len(j.chunks))
			for i, c := range j.chunks {
				terms[i] = s.lex.tokens(c.Text)
			}
			var applied bool
			applied, err = s.store.putArticle(ctx, j.article, j.stamp, j.chunks, terms, s.cfg.Embedder.Name, v)
			if err == nil && !applied {
				already = append(already, j)
			}
		} else {
			err = s.store.putEmbeddings(ctx, j.article.ID, j.chunks, s.cfg.Embedder.Name, v)
		}
		if err != nil {
			return nil, err
		}
	}
	return already, nil
}
