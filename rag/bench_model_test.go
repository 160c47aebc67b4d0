package rag

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/llm"
	"github.com/newsbot/newsbot/rag/openaitest"
)

// BenchmarkAskFirstToken measures the time from Ask to the first streamed
// token against a local model server that answers at once: what newsbot
// itself adds (retrieval, prompt building, the request) before the model's
// own latency.
func BenchmarkAskFirstToken(b *testing.B) {
	srv := openaitest.NewServer()
	defer srv.Close()
	client, err := llm.New(llm.Config{BaseURL: srv.URL(), ChatModel: "bench", MaxContextTokens: 8000, MaxAnswerTokens: 300})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	s, err := Open(ctx, Config{DB: openDB(b, filepath.Join(b.TempDir(), "b.db")), Chat: chatWith(client)})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Ingest(ctx, genArticles(100, 10), IngestOptions{}); err != nil {
		b.Fatal(err)
	}
	var total time.Duration
	for b.Loop() {
		start := time.Now()
		var first time.Duration
		_, err := s.Ask(ctx, answer.Request{Question: benchQuery, OnDelta: func(string) {
			if first == 0 {
				first = time.Since(start)
			}
		}})
		if err != nil || first == 0 {
			b.Fatalf("ask: %v (first token after %v)", err, first)
		}
		total += first
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N), "µs-to-first-token")
}

// BenchmarkIngestRemoteEmbeddings measures ingesting about 1,000 chunks
// through a local embeddings server that takes 20 ms a request, and reports
// the requests made.
func BenchmarkIngestRemoteEmbeddings(b *testing.B) {
	srv := openaitest.NewServer(openaitest.WithLatency(20 * time.Millisecond))
	defer srv.Close()
	client, err := llm.New(llm.Config{BaseURL: srv.URL(), EmbedModel: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	arts := genArticles(100, 10)
	ctx := context.Background()
	chunks := 0
	for b.Loop() {
		s, err := Open(ctx, Config{DB: openDB(b, filepath.Join(b.TempDir(), "b.db")), Embedder: Embedder{Name: "bench", Documents: client.Embed}})
		if err != nil {
			b.Fatal(err)
		}
		rep, err := s.Ingest(ctx, arts, IngestOptions{})
		if err != nil {
			b.Fatal(err)
		}
		chunks = rep.Chunks
		s.Close()
	}
	b.ReportMetric(float64(chunks*b.N)/b.Elapsed().Seconds(), "chunks/s")
	b.ReportMetric(float64(srv.Count(openaitest.PathEmbeddings))/float64(b.N), "requests/op")
}
