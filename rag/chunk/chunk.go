// Package chunk splits article text into chunks: runs of whole sentences,
// the unit that is embedded, indexed, retrieved and cited. Chunk ids are
// "<article id>#<index>", stable while the article's text is unchanged;
// the answering service and briefings cite the same ids.
package chunk

import (
	"fmt"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/corpus/text"
)

// Chunking parameters: chunks hold whole sentences up to about
// TargetBytes, and consecutive chunks share overlap sentences so a
// statement that spans a boundary is still retrievable in one piece.
const (
	// TargetBytes is the size a chunk grows to (a single longer sentence
	// is a chunk of its own).
	TargetBytes = 900
	overlap     = 1
)

// Article splits an article's text into overlapping chunks of whole
// sentences. Chunk IDs are "<article id>#<index>": stable across runs as
// long as the article text is unchanged. It returns nil for an empty text.
func Article(a corpus.Article) []Chunk {
	return Split(a.ID, a.Text)
}

// ID returns the id of the chunk at index of the article articleID.
func ID(articleID string, index int) string {
	return fmt.Sprintf("%s#%d", articleID, index)
}

// Split chunks body as the text of the article articleID (see Article).
func Split(articleID, body string) []Chunk {
	target := TargetBytes
	sents := text.Sentences(body)
	var chunks []Chunk
	for i := 0; i < len(sents); {
		j := i + 1
		for j < len(sents) && sents[j].End-sents[i].Start <= target {
			j++
		}
		start, end := sents[i].Start, sents[j-1].End
		c := Chunk{
			ID:        ID(articleID, len(chunks)),
			ArticleID: articleID,
			Index:     len(chunks),
			Text:      body[start:end],
			Start:     start,
			End:       end,
		}
		for _, s := range sents[i:j] {
			c.Sentences = append(c.Sentences, text.Span{Start: s.Start - start, End: s.End - start})
		}
		chunks = append(chunks, c)
		if j >= len(sents) {
			break
		}
		// Step forward, keeping `overlap` sentences, but always advance.
		next := j - overlap
		if next <= i {
			next = i + 1
		}
		i = next
	}
	return chunks
}

// SentenceTexts returns the text of each sentence of c.
func (c Chunk) SentenceTexts() []string {
	out := make([]string, len(c.Sentences))
	for i, s := range c.Sentences {
		out[i] = c.Text[s.Start:s.End]
	}
	return out
}

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
