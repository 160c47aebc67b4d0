package main

import (
	"context"
	"fmt"

	"github.com/newsbot/newsbot/rag/eval"
)

// runEvalRGB answers RGB's en_fact questions in dir with the offline
// answerer, in RGB's passage settings, and prints the tuning (even ids)
// and held-out (odd ids) parts.
func runEvalRGB(ctx context.Context, a *app, dir string) error {
	items, err := eval.LoadRGB(dir)
	if err != nil {
		return fmt.Errorf("evaluate RGB in %s: %w", dir, err)
	}
	rep, err := eval.RunRGB(ctx, items, eval.RGBSettings, a.opts.json)
	if err != nil {
		return fmt.Errorf("evaluate RGB in %s: %w", dir, err)
	}
	if a.opts.json {
		return writeJSON(a.stdout, rep)
	}
	fmt.Fprintf(a.stdout, "RGB en_fact, %d questions, %d passages each, seed %d (offline extractive answers)\n", len(items), eval.RGBPassages, eval.RGBSeed)
	fmt.Fprintf(a.stdout, "%-26s %-19s %5s %7s %7s %7s %7s %7s %6s\n", "setting", "part", "items", "first", "answer", "refused", "flagged", "fake", "sents")
	for _, r := range rep.Rows {
		fmt.Fprintf(a.stdout, "%-26s %-19s %5d %7.3f %7.3f %7.3f %7.3f %7.3f %6.2f\n",
			r.Setting.Name, r.Part, r.Items, r.FirstSentence, r.Answer, r.Refused, r.Flagged, r.StatesFake, r.Sentences)
	}
	for _, r := range rep.Rows {
		if r.Unnamed > 0 {
			fmt.Fprintf(a.stdout, "%s, %s: refused %.3f of the %d whose passages name no part of the answer\n", r.Setting.Name, r.Part, r.RefusedUnnamed, r.Unnamed)
		}
	}
	return nil
}
