package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/internal/sqlitedb"
	"github.com/newsbot/newsbot/rag"
	"github.com/newsbot/newsbot/rag/eval"
)

// distractorReport is what `eval --distractors` measures: the question set
// on the configured articles alone and among the distractor articles, and
// the questions whose answers changed.
type distractorReport struct {
	Distractors int                 `json:"distractors"`
	Alone       eval.Report         `json:"alone"`
	Among       eval.Report         `json:"among"`
	Changed     []eval.AnswerChange `json:"changed"`
}

// runEvalDistractors asks qs of the configured articles alone, then of the
// same articles indexed with every article under dir (in a temporary
// database that is removed afterwards; dir is only read), and reports how
// many answers changed.
func runEvalDistractors(ctx context.Context, a *app, dir string, qs []eval.Question) error {
	distractors, err := loadDistractors(dir)
	if err != nil {
		return err
	}
	alone, err := a.ready(ctx)
	if err != nil {
		return err
	}
	rep := distractorReport{Distractors: len(distractors)}
	if rep.Alone, err = eval.RunQuestions(ctx, alone, qs, a.opts.k); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "newsbot-distractors-")
	if err != nil {
		return fmt.Errorf("distractors: %w", err)
	}
	defer os.RemoveAll(tmp)
	db, err := sqlitedb.Open(ctx, filepath.Join(tmp, "distractors.db"))
	if err != nil {
		return fmt.Errorf("distractors: %w", err)
	}
	defer db.Close()
	if err := rag.Migrate(ctx, db); err != nil {
		return fmt.Errorf("distractors: %w", err)
	}
	cfg, err := a.ragConfig()
	if err != nil {
		return err
	}
	cfg.DB = db
	among, err := rag.Open(ctx, cfg)
	if err != nil {
		return fmt.Errorf("distractors: %w", err)
	}
	defer among.Close()
	// The articles the questions are about, read in full (not just what
	// changed since the last ingest).
	own, _ := corpus.LoadFS(corpus.Shipped)
	if a.opts.corpusSet {
		if own, _, err = corpus.LoadDir(a.opts.corpus); err != nil {
			return fmt.Errorf("read corpus %s: %w", a.opts.corpus, err)
		}
	}
	fmt.Fprintf(a.stderr, "newsbot: indexing %d articles among %d distractors…\n", len(own), len(distractors))
	if _, err := among.Ingest(ctx, append(own, distractors...), rag.IngestOptions{}); err != nil {
		return fmt.Errorf("distractors: %w", err)
	}
	if rep.Among, err = eval.RunQuestions(ctx, among, qs, a.opts.k); err != nil {
		return err
	}
	rep.Changed = eval.CompareRuns(rep.Alone, rep.Among)
	if a.opts.json {
		return writeJSON(a.stdout, rep)
	}
	flipped, worse := 0, 0
	for _, c := range rep.Changed {
		if c.RefusalFlipped {
			flipped++
		}
		if c.Worse {
			worse++
		}
		fmt.Fprintf(a.stdout, "CHANGED %s\n", c.Question)
		writeWrapped(a.stdout, a.width, "alone: "+c.Before, "       ")
		writeWrapped(a.stdout, a.width, "among: "+c.After, "       ")
	}
	fmt.Fprintf(a.stdout, "\n%d of %d answers changed among %d distractor articles (%d refusals flipped, %d right answers lost)\n",
		len(rep.Changed), len(qs), rep.Distractors, flipped, worse)
	fmt.Fprintln(a.stdout, "\nalone:")
	writeQuestionReport(a.stdout, rep.Alone)
	fmt.Fprintln(a.stdout, "\namong the distractors:")
	writeQuestionReport(a.stdout, rep.Among)
	return nil
}

// loadDistractors reads the articles in dir and in each of its
// subfolders (the BBC corpus keeps one folder per section, with the same
// file names in each), giving each an id prefixed by its folder so that
// none collides with another or with the configured articles.
func loadDistractors(dir string) ([]corpus.Article, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read distractors: %w", err)
	}
	var out []corpus.Article
	for _, e := range entries {
		if !e.IsDir() || e.Name()[0] == '.' {
			continue
		}
		sub := filepath.Join(dir, e.Name())
		arts, _, err := corpus.LoadDir(sub)
		if err != nil {
			return nil, fmt.Errorf("read distractors: %w", err)
		}
		for i := range arts {
			arts[i].ID = "distractor-" + e.Name() + "-" + arts[i].ID
			arts[i].Origin = absPath(sub)
		}
		out = append(out, arts...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("read distractors: no articles in the folders of %s", dir)
	}
	return out, nil
}
