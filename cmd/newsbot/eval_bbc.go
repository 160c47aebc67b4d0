package main

import (
	"context"
	_ "embed"
	"fmt"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/rag"
	"github.com/newsbot/newsbot/rag/eval"
)

// bbcQuestions is the evaluation set about the BBC News corpus
// (../shared/eval/data/bbc-news), written before any tuning on it.
//
//go:embed testdata/bbc_questions.json
var bbcQuestions []byte

// runEvalBBC indexes every article under dir (one folder per section) in
// a temporary database that is removed afterwards, and asks qs of it.
// dir is only read; the configured database is not touched.
func runEvalBBC(ctx context.Context, a *app, dir string, qs []eval.Question) error {
	arts, err := loadSections(dir, "BBC corpus", "") // ids as an ingest gives them: "sport/203"
	if err != nil {
		return err
	}
	svc, done, err := tempService(ctx, a, "bbc")
	if err != nil {
		return err
	}
	defer done()
	fmt.Fprintf(a.stderr, "newsbot: indexing %d articles of %s in a temporary database…\n", len(arts), dir)
	if _, err := svc.Ingest(ctx, arts, rag.IngestOptions{}); err != nil {
		return fmt.Errorf("BBC corpus: %w", err)
	}
	return runQuestionSet(ctx, a, svc, withCopies(qs, arts))
}

// withCopies returns qs with each expected article joined by the articles
// whose text is the same: the BBC corpus holds exact copies (e.g.
// entertainment/074 and /088), retrieval keeps one passage of each copy,
// and a citation of either states the answer.
func withCopies(qs []eval.Question, arts []corpus.Article) []eval.Question {
	byText := map[string][]string{}
	for _, a := range arts {
		byText[a.Text] = append(byText[a.Text], a.ID)
	}
	text := make(map[string]string, len(arts))
	for _, a := range arts {
		text[a.ID] = a.Text
	}
	out := make([]eval.Question, len(qs))
	for i, q := range qs {
		out[i] = q
		var ids []string
		for _, id := range q.Articles {
			if copies, ok := byText[text[id]]; ok && len(copies) > 1 {
				ids = append(ids, copies...)
			} else {
				ids = append(ids, id)
			}
		}
		out[i].Articles = ids
	}
	return out
}
