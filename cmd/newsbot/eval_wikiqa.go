package main

import (
	"context"
	"fmt"

	"github.com/newsbot/newsbot/rag/eval"
)

// runEvalWikiQA scores the sentence scorer of extractive answers on the
// WikiQA test set in dir, beside baselines computed by the same scorer and
// the published figures.
func runEvalWikiQA(ctx context.Context, a *app, dir string) error {
	t, err := eval.RunWikiQA(ctx, dir)
	if err != nil {
		return fmt.Errorf("evaluate WikiQA in %s: %w", dir, err)
	}
	if a.opts.json {
		return writeJSON(a.stdout, t)
	}
	fmt.Fprintf(a.stdout, "WikiQA test, %d questions with a correct answer (MAP / MRR)\n", t.Questions)
	for _, r := range t.Rows {
		tag := ""
		if r.Published {
			tag = "  (published, Yang et al. 2015)"
		}
		fmt.Fprintf(a.stdout, "  %-42s %.4f / %.4f%s\n", r.System, r.MAP, r.MRR, tag)
	}
	p := t.Paired
	fmt.Fprintf(a.stdout, "MAP difference, %s minus %s: %+.4f, 95%% interval [%+.4f, %+.4f] (paired bootstrap, %d resamples of the questions, seed %d; not above 0 in %.1f%% of resamples)\n",
		p.System, p.Baseline, p.Diff, p.Low, p.High, p.Resamples, p.Seed, 100*p.NotAbove)
	return nil
}
