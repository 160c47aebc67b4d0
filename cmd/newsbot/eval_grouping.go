package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsbot/newsbot/rag/brief"
	"github.com/newsbot/newsbot/rag/eval"
)

// runEvalGrouping scores the briefing's story grouping on the data in dir:
// the Multi-News sample (news_summ.jsonl: pooled clusters) or the BBC News
// corpus (one folder per category).
func runEvalGrouping(ctx context.Context, a *app, dir string) error {
	b, err := brief.New(brief.Config{Logger: a.logger})
	if err != nil {
		return err
	}
	var rep eval.GroupingReport
	if _, statErr := os.Stat(filepath.Join(dir, "news_summ.jsonl")); statErr == nil {
		rep, err = eval.RunGroupingMultiNews(ctx, dir, b)
	} else {
		rep, err = eval.RunGroupingBBC(ctx, dir, b, 0)
	}
	if err != nil {
		return fmt.Errorf("evaluate story grouping on %s: %w", dir, err)
	}
	if a.opts.json {
		return writeJSON(a.stdout, rep)
	}
	fmt.Fprint(a.stdout, rep.Markdown())
	return nil
}
