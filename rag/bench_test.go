package rag

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/chunk"
)

// benchWords is the vocabulary of generated articles.
var benchWords = strings.Fields(`minister talks summit peace plan border troops election vote court ruling
bank rates inflation market shares oil prices storm flood rescue police arrest protest city council
budget tax reform school hospital vaccine study scientists climate energy power grid strike union
workers factory exports tariffs trade deal ceasefire envoy sanctions president parliament opposition
coalition mayor governor region province capital port airport railway bridge drought harvest farmers`)

// genArticles makes n articles of about chunksPer chunks each, from a
// fixed seed. Words follow a Zipf distribution over the news words above
// followed by 20,000 made-up ones, so postings lists have realistic
// lengths: a few very common words, a long tail of rare ones.
func genArticles(n, chunksPer int) []corpus.Article {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := append([]string(nil), benchWords...)
	for i := 0; len(vocab) < 20_000+len(benchWords); i++ {
		vocab = append(vocab, "w"+strconv.FormatInt(int64(i), 36)+"x")
	}
	zipf := rand.NewZipf(r, 1.1, 4, uint64(len(vocab)-1))
	arts := make([]corpus.Article, n)
	for i := range arts {
		var b strings.Builder
		for s := 0; s < chunksPer*6; s++ {
			words := 8 + r.IntN(12)
			for w := 0; w < words; w++ {
				word := vocab[zipf.Uint64()]
				if w == 0 {
					word = strings.ToUpper(word[:1]) + word[1:]
				}
				b.WriteString(word)
				if w < words-1 {
					b.WriteByte(' ')
				}
			}
			b.WriteString(". ")
			if s%4 == 3 {
				b.WriteByte('\n')
			}
		}
		arts[i] = corpus.Article{ID: fmt.Sprintf("gen-%06d", i), Title: "Generated", Source: fmt.Sprintf("Outlet %d", i%7), Text: b.String(), Hash: fmt.Sprint(i)}
	}
	return arts
}

// BenchmarkIngest measures a full ingest of about 1,000 chunks into a new
// database: chunking, local embedding, SQLite writes, index build.
func BenchmarkIngest(b *testing.B) {
	arts := genArticles(100, 10)
	ctx := context.Background()
	chunks := 0
	for b.Loop() {
		s, err := Open(ctx, Config{DB: openDB(b, filepath.Join(b.TempDir(), "bench.db"))})
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
}

// benchIndex builds in-memory indexes over about n generated chunks, with
// the chunks' texts (not their vectors) in a database for the results,
// for query benchmarks.
func benchIndex(b *testing.B, n int) (*Service, *index) {
	b.Helper()
	ctx := context.Background()
	arts := genArticles(n/10, 10)
	emb := LocalEmbedder()
	store, err := NewStore(ctx, openDB(b, filepath.Join(b.TempDir(), "bench.db")))
	if err != nil {
		b.Fatal(err)
	}
	s := &Service{cfg: Config{Embedder: emb}, store: store, lex: localLexicon(), logger: discardLogger()}
	ix, err := newIndex(emb.Dim)
	if err != nil {
		b.Fatal(err)
	}
	tx, err := store.db.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	for _, a := range arts {
		src := answer.Source{ID: a.ID, Title: a.Title, Source: a.Source}
		ix.putArticle(src)
		if _, err := tx.Exec(`INSERT INTO articles (id, title, source, url, author, published_from, path, hash, text, ingested_at)
			VALUES (?,?,?,'','','','',?,?,0)`, a.ID, a.Title, a.Source, a.Hash, a.Text); err != nil {
			b.Fatal(err)
		}
		cs := chunk.Article(a)
		texts := make([]string, len(cs))
		for i, c := range cs {
			texts[i] = c.Text
		}
		vecs, err := emb.Documents(ctx, texts)
		if err != nil {
			b.Fatal(err)
		}
		for i, c := range cs {
			if _, err := tx.Exec(`INSERT INTO chunks (id, article_id, idx, text, start_off, end_off, sentences) VALUES (?,?,?,?,?,?,'[]')`,
				c.ID, a.ID, c.Index, c.Text, c.Start, c.End); err != nil {
				b.Fatal(err)
			}
			if err := ix.addChunk(a.ID, storedChunk{id: c.ID, terms: s.lex.tokens(c.Text), vec: vecs[i]}); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	s.ix = ix
	return s, ix
}

var benchSizes = []int{1_000, 10_000, 100_000}

const benchQuery = "What did the envoy say about the ceasefire talks and sanctions?"

// BenchmarkSearch measures newsbot's hybrid retrieval (query embedding,
// vector search, BM25, fusion, de-duplication) for k=5.
func BenchmarkSearch(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("chunks=%d", n), func(b *testing.B) {
			s, _ := benchIndex(b, n)
			ctx := context.Background()
			for b.Loop() {
				if _, err := s.Search(ctx, benchQuery, 5, answer.Filter{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkChromemQuery measures the bare chromem-go query on the same
// vectors (query already embedded), the floor under BenchmarkSearch.
func BenchmarkChromemQuery(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("chunks=%d", n), func(b *testing.B) {
			s, ix := benchIndex(b, n)
			ctx := context.Background()
			qv, err := s.cfg.Embedder.Query(ctx, []string{benchQuery})
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := ix.coll.QueryEmbedding(ctx, qv[0], 5, nil, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSearchFiltered is BenchmarkSearch restricted to one outlet of
// seven: the filter picks the candidates before ranking.
func BenchmarkSearchFiltered(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("chunks=%d", n), func(b *testing.B) {
			s, _ := benchIndex(b, n)
			ctx := context.Background()
			f := answer.Filter{Sources: []string{"Outlet 3"}}
			for b.Loop() {
				if _, err := s.Search(ctx, benchQuery, 5, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAnswerPassages measures the extractive answerer alone (sentence
// scoring, answer typing, support across reports, conflicts) with the
// five shipped articles as its passages, for one question of each kind.
func BenchmarkAnswerPassages(b *testing.B) {
	arts, errs := corpus.LoadFS(corpus.Shipped)
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	var passages []string
	for _, a := range arts {
		passages = append(passages, a.Text)
	}
	for _, q := range []string{"Who met Putin?", "When did the meeting happen?", "Where did the talks take place?", "How long did the meeting last?", "What did the Kremlin reject?"} {
		b.Run(strings.Fields(q)[0], func(b *testing.B) {
			for b.Loop() {
				if _, err := AnswerPassages(context.Background(), q, passages); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAskOffline measures a whole offline answer (respelling,
// retrieval, then the extractive answerer over every sentence retrieved)
// on 10,000 chunks, with the default depth (ExtractiveK) against the
// model's (DefaultK) as the reference in the same run.
func BenchmarkAskOffline(b *testing.B) {
	s, _ := benchIndex(b, 10_000)
	ctx := context.Background()
	for _, k := range []int{DefaultK, ExtractiveK} {
		b.Run(fmt.Sprintf("k=%d", k), func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Ask(ctx, answer.Request{Question: benchQuery, K: k}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRespell measures mending a question with two unknown words of
// nine letters (every spelling one edit away is stemmed and looked up).
func BenchmarkRespell(b *testing.B) {
	docs := func(string) int { return 0 }
	for b.Loop() {
		respell("whos the white house press secratary qwxzyvbnm", docs)
	}
}
