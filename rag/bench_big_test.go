//go:build bigbench

package rag

// Benchmarks on a large database made by newsbot ingest (issue 14's year
// of news), run only with the bigbench tag and NEWSBOT_BENCH_DB set:
//
//	go run ./internal/workload/cmd/workload -out /tmp/year -articles 30000 -bbc ../shared/eval/data/bbc-news
//	NEWSBOT_DB=/tmp/year.db NEWSBOT_CORPUS=/tmp/year newsbot ingest
//	NEWSBOT_BENCH_DB=/tmp/year.db go test -tags bigbench ./rag/ -run '^$' -bench Big -count 5 -timeout 60m
//
// The database is opened read-mostly: the benchmarks never write.

import (
	"context"
	"database/sql"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/internal/sqlitedb"
	"github.com/newsbot/newsbot/rag/answer"
)

// bigService opens the Service on NEWSBOT_BENCH_DB with its index built
// once for the process.
func bigService(b *testing.B) *Service {
	b.Helper()
	path := os.Getenv("NEWSBOT_BENCH_DB")
	if path == "" {
		b.Skip("NEWSBOT_BENCH_DB not set (a database made by newsbot ingest)")
	}
	if bigSvc == nil {
		db, err := sqlitedb.Open(context.Background(), path) // open for the process
		if err != nil {
			b.Fatal(err)
		}
		s, err := Open(context.Background(), Config{DB: db})
		if err != nil {
			b.Fatal(err)
		}
		bigSvc = s
		b.Logf("%d chunks indexed", mustIndex(b, s).size())
	}
	return bigSvc
}

var bigSvc *Service

// BenchmarkBigStartupRead reads what start-up reads (each article's
// metadata, each chunk's id, article, stored terms, text and vector) from
// SQLite into Go values, and builds nothing: the floor under
// BenchmarkBigStartupLoad.
func BenchmarkBigStartupRead(b *testing.B) {
	s := bigService(b)
	ctx := context.Background()
	model := s.cfg.Embedder.Name
	for b.Loop() {
		if err := s.store.scanArticles(ctx, nil, func(answer.Source) error { return nil }); err != nil {
			b.Fatal(err)
		}
		rows, err := s.store.db.QueryContext(ctx, `SELECT c.id, c.article_id, c.terms, c.text, e.vector
			FROM chunks c LEFT JOIN embeddings e ON e.chunk_id = c.id AND e.model = ? ORDER BY c.article_id, c.idx`, model)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			var id, article string
			var terms, text sql.NullString
			var vec []byte
			if err := rows.Scan(&id, &article, &terms, &text, &vec); err != nil {
				b.Fatal(err)
			}
			n++
		}
		if err := rows.Err(); err != nil {
			b.Fatal(err)
		}
		rows.Close()
		b.ReportMetric(float64(n), "chunks")
	}
}

// BenchmarkBigStartupLoad builds the in-memory index from the store, as
// Open does.
func BenchmarkBigStartupLoad(b *testing.B) {
	s := bigService(b)
	ctx := context.Background()
	for b.Loop() {
		ix, _, err := s.loadIndex(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(ix.size()), "chunks")
	}
}

// BenchmarkBigSearch is BenchmarkSearch on the large database.
func BenchmarkBigSearch(b *testing.B) {
	s := bigService(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Search(ctx, benchQuery, 5, answer.Filter{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBigChromemQuery is chromem-go's bare query on the same vectors.
func BenchmarkBigChromemQuery(b *testing.B) {
	s := bigService(b)
	ctx := context.Background()
	qv, err := s.cfg.Embedder.Query(ctx, []string{benchQuery})
	if err != nil {
		b.Fatal(err)
	}
	ix := mustIndex(b, s)
	for b.Loop() {
		if _, err := ix.coll.QueryEmbedding(ctx, qv[0], 5, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBigSearchFiltered restricts the search to one outlet and to a
// month (the workload's outlets share the year's articles).
func BenchmarkBigSearchFiltered(b *testing.B) {
	s := bigService(b)
	ctx := context.Background()
	srcs, err := s.Sources(ctx)
	if err != nil || len(srcs) == 0 {
		b.Fatal(err)
	}
	for _, f := range []struct {
		name string
		f    answer.Filter
	}{
		{"outlet", answer.Filter{Sources: []string{srcs[0].Source}}},
		{"month", answer.Filter{From: srcs[0].Published.AddDate(0, -1, 0), To: srcs[0].Published}},
	} {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Search(ctx, benchQuery, 5, f.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBigIndexMemory reports the live heap of a built index per chunk
// (after a collection: what stays, not the garbage of building it).
func BenchmarkBigIndexMemory(b *testing.B) {
	s := bigService(b)
	ctx := context.Background()
	for b.Loop() {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		ix, _, err := s.loadIndex(ctx)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(ix.size()), "B/chunk")
		bytes, n := postingBytes(ix.lex)
		b.ReportMetric(float64(bytes)/float64(ix.size()), "postings-B/chunk")
		b.ReportMetric(float64(bytes)/float64(n), "B/posting")
		runtime.KeepAlive(ix)
	}
}

// BenchmarkBigFollow measures how soon an article ingested by another
// Service (its own connection, no index: as newsbot ingest runs) is found
// by the benchmark's Service, which only applies the change log: the
// ingest, one Refresh and a search that finds it. The article is removed
// again afterwards.
func BenchmarkBigFollow(b *testing.B) {
	s := bigService(b)
	ctx := context.Background()
	db, err := sqlitedb.Open(ctx, os.Getenv("NEWSBOT_BENCH_DB"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	writer, err := Open(ctx, Config{DB: db, IndexOnDemand: true})
	if err != nil {
		b.Fatal(err)
	}
	const origin = "bench-follow"
	art := corpus.Article{ID: "bench-follow-1", Title: "Lighthouse sold", Source: "Bench Post", Origin: origin, Hash: "bench-follow-1",
		Text: "The old Quillhaven lighthouse was sold at auction to a marine charity on Tuesday."}
	var ingest, refresh time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, err := writer.Ingest(ctx, []corpus.Article{art}, IngestOptions{Scanned: []string{origin}}); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if _, err := s.Refresh(ctx); err != nil {
			b.Fatal(err)
		}
		res, err := s.Search(ctx, "Who bought the Quillhaven lighthouse?", 5, answer.Filter{})
		if err != nil || len(res) == 0 || res[0].Chunk.ArticleID != art.ID {
			b.Fatalf("the new article is not found first: %v", err)
		}
		ingest += t1.Sub(t0)
		refresh += time.Since(t1)
		b.StopTimer()
		if _, err := writer.Ingest(ctx, nil, IngestOptions{Scanned: []string{origin}}); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Refresh(ctx); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(ingest.Milliseconds())/float64(b.N), "ingest-ms")
	b.ReportMetric(float64(refresh.Milliseconds())/float64(b.N), "refresh+search-ms")
}

// postingBytes returns the bytes b's postings lists use and how many
// postings they hold.
func postingBytes(b *bm25) (bytes, n int) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	for _, l := range b.postings {
		bytes += cap(l.data)
		n += int(l.n)
	}
	return bytes, n
}
