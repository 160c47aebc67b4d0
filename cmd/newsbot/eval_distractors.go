package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

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
	among, done, err := tempService(ctx, a, "distractors")
	if err != nil {
		return err
	}
	defer done()
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

// tempService opens a service on an empty database in a temporary
// folder; done closes it and removes the folder. what names the use in
// errors and in the folder's name.
func tempService(ctx context.Context, a *app, what string) (svc *rag.Service, done func(), err error) {
	tmp, err := os.MkdirTemp("", "newsbot-"+what+"-")
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", what, err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	db, err := sqlitedb.Open(ctx, filepath.Join(tmp, what+".db"))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", what, err)
	}
	if err := rag.Migrate(ctx, db); err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("%s: %w", what, err)
	}
	cfg, err := a.ragConfig()
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	cfg.DB = db
	if svc, err = rag.Open(ctx, cfg); err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("%s: %w", what, err)
	}
	return svc, func() {
		svc.Close()
		db.Close()
		os.RemoveAll(tmp)
	}, nil
}

// loadDistractors reads the articles in dir and in each of its
// subfolders (the BBC corpus keeps one folder per section, with the same
// file names in each), giving each an id prefixed by its folder so that
// none collides with another or with the configured articles.
func loadDistractors(dir string) ([]corpus.Article, error) {
	return loadSections(dir, "distractors", "distractor-")
}

// loadSections reads the articles in the subfolders of dir (files
// directly in dir, such as a corpus's notes, are left out), their ids
// ("sport/203") given prefix.
func loadSections(dir, what, prefix string) ([]corpus.Article, error) {
	arts, _, err := corpus.LoadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	out := arts[:0]
	for _, a := range arts {
		if strings.Contains(a.ID, "/") {
			a.ID = prefix + a.ID
			a.Origin = absPath(dir)
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("read %s: no articles in the folders of %s", what, dir)
	}
	return out, nil
}
