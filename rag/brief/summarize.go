package brief

import (
	"strings"

	"github.com/newsbot/newsbot/corpus"
)

// SummarizeText summarizes one text (e.g. a Multi-News cluster whose
// document boundaries are lost) extractively in about maxWords words, with
// the same sentence scoring as a briefing's stories; the last sentence is
// cut to fit.
func (b *Briefer) SummarizeText(text string, maxWords int) string {
	docs := []doc{prepareDoc(0, corpus.Article{ID: "input", Text: text})}
	finishDoc(docs, 0, indexWords(docs))
	cands, lens := candidates(docs, []int{0})
	var parts []string
	for _, p := range selectSentences(cands, lens, nil, 0, maxWords) {
		parts = append(parts, p.s.text)
	}
	return firstWords(strings.Join(parts, " "), maxWords)
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}
