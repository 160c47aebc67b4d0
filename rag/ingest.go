package rag

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/newsbot/newsbot/corpus"
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
	chunks  []Chunk
	// replace is true for new or changed articles; false when only the
	// vectors are missing (e.g. the embedder changed).
	replace bool
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
	stored, err := s.store.articleHashes(ctx)
	if err != nil {
		return rep, err
	}
	model := s.cfg.Embedder.Name
	missing, err := s.store.unembedded(ctx, model)
	if err != nil {
		return rep, err
	}

	present := map[string]bool{}
	for _, a := range articles {
		present[a.ID] = true
	}
	removals, err := planRemovals(stored, present, opts)
	if err != nil {
		return rep, err
	}

	var jobs []ingestJob
	for _, a := range articles {
		old, ok := stored[a.ID]
		if ok && old.Origin != a.Origin && old.Hash == a.Hash {
			if err := s.store.setOrigin(ctx, a.ID, a.Origin); err != nil {
				return rep, err
			}
		}
		switch {
		case !ok:
			rep.Added++
			jobs = append(jobs, ingestJob{article: a, chunks: ChunkArticle(a), replace: true})
		case old.Hash != a.Hash:
			rep.Updated++
			jobs = append(jobs, ingestJob{article: a, chunks: ChunkArticle(a), replace: true})
		case missing[a.ID]:
			rep.Unchanged++
			jobs = append(jobs, ingestJob{article: a, chunks: ChunkArticle(a)})
		default:
			rep.Unchanged++
		}
	}

	for start := 0; start < len(jobs); {
		end, n := start, 0
		for end < len(jobs) && (n == 0 || n+len(jobs[end].chunks) <= embedBatchChunks) {
			n += len(jobs[end].chunks)
			end++
		}
		if err := s.ingestBatch(ctx, jobs[start:end]); err != nil {
			return rep, err
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
	if err := s.reload(ctx); err != nil {
		return rep, err
	}
	rep.Chunks = len(s.index().chunks)
	return rep, nil
}

// minGuardedRemovals is the number of removals from one origin below which
// the more-than-half guard does not apply (deleting one of two files is an
// ordinary edit).
const minGuardedRemovals = 3

// planRemovals returns the stored articles to remove: those whose origin
// was scanned and that were not found there, unless kept. It refuses, with
// ErrTooManyRemovals, to remove more than half of an origin's articles
// unless opts.Prune.
func planRemovals(stored map[string]storedArticle, present map[string]bool, opts IngestOptions) ([]string, error) {
	scanned := map[string]bool{}
	for _, o := range opts.Scanned {
		if o != "" {
			scanned[o] = true
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
		gone[a.Origin]++
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

// ingestBatch embeds the chunks of jobs in one call and stores each article.
func (s *Service) ingestBatch(ctx context.Context, jobs []ingestJob) error {
	var texts []string
	for _, j := range jobs {
		for _, c := range j.chunks {
			texts = append(texts, c.Text)
		}
	}
	var vecs [][]float32
	if len(texts) > 0 {
		var err error
		vecs, err = s.cfg.Embedder.Documents(ctx, texts)
		if err != nil {
			return fmt.Errorf("embed %d chunks with %s: %w", len(texts), s.cfg.Embedder.Name, err)
		}
		if len(vecs) != len(texts) {
			return fmt.Errorf("embed with %s: got %d vectors for %d chunks", s.cfg.Embedder.Name, len(vecs), len(texts))
		}
	}
	for _, j := range jobs {
		v := vecs[:len(j.chunks)]
		vecs = vecs[len(j.chunks):]
		var err error
		if j.replace {
			err = s.store.putArticle(ctx, j.article, j.chunks, s.cfg.Embedder.Name, v)
		} else {
			err = s.store.putEmbeddings(ctx, j.chunks, s.cfg.Embedder.Name, v)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
