package main

import (
	"context"
	"fmt"

	"github.com/newsbot/newsbot/rag/brief"
	"github.com/newsbot/newsbot/rag/eval"
)

// runEvalMultiNews scores the offline briefing summarizer on the
// Multi-News sample in dir with ROUGE-1/2, beside the model outputs shipped
// with the sample and the published baselines.
func runEvalMultiNews(ctx context.Context, a *app, dir string) error {
	b, err := brief.New(brief.Config{Logger: a.logger})
	if err != nil {
		return err
	}
	table, err := eval.RunMultiNews(ctx, dir, b)
	if err != nil {
		return fmt.Errorf("evaluate Multi-News sample in %s: %w", dir, err)
	}
	if a.opts.json {
		return writeJSON(a.stdout, table)
	}
	fmt.Fprint(a.stdout, table.Markdown())
	return nil
}
