package rag

import (
	"context"

	"github.com/newsbot/newsbot/corpus/text"
	"github.com/newsbot/newsbot/rag/answer"
)

// Chunk is a run of whole sentences from one article, the unit that is
// embedded, indexed and retrieved.
type Chunk struct {
	// ID is stable across runs while the article text is unchanged:
	// "<article id>#<index>".
	ID        string
	ArticleID string
	Index     int
	Text      string
	// Start and End are byte offsets of Text inside the article's text.
	Start, End int
	// Sentences are the sentence boundaries, as offsets into Text.
	Sentences []text.Span
}

// Result is one retrieved chunk.
type Result struct {
	Rank   int
	Chunk  Chunk
	Source Source
	// Score is the fused score; larger is better.
	Score float64
	// Similarity is the cosine similarity to the query embedding (0 when
	// the chunk came from BM25 only).
	Similarity float64
}

// EmbedFunc embeds a batch of texts, returning one L2-normalized vector per
// text in the same order.
type EmbedFunc func(ctx context.Context, texts []string) ([][]float32, error)

// Embedder names an embedding model and how to call it.
type Embedder struct {
	// Name identifies the model; stored with each vector so that a change
	// of embedder re-embeds.
	Name string
	// Dim is the vector length.
	Dim int
	// Documents embeds passages.
	Documents EmbedFunc
	// Query embeds a question; it may differ from Documents (e.g. query
	// expansion). When nil, Documents is used.
	Query EmbedFunc
}

// The answer contract's types, used unqualified inside rag.
type (
	Answer     = answer.Answer
	Citation   = answer.Citation
	Usage      = answer.Usage
	Source     = answer.Source
	Filter     = answer.Filter
	Turn       = answer.Turn
	AskRequest = answer.Request
)
