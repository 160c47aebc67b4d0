package main

import (
	"context"
	_ "embed"
	"fmt"

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
	return runQuestionSet(ctx, a, svc, qs)
}
