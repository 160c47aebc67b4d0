package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/newsbot/newsbot/rag"
	"github.com/newsbot/newsbot/rag/eval"
)

// shippedQuestions is the evaluation set about the shipped articles.
//
//go:embed testdata/questions.json
var shippedQuestions []byte

func evalFlags(fs *flag.FlagSet, o *options) {
	fs.BoolVar(&o.json, "json", false, "print JSON")
	fs.IntVar(&o.k, "k", 0, "passages retrieved per question (default: as ask; retrieval is scored at 5)")
	fs.StringVar(&o.questions, "questions", "", "question file (JSON); default: the set about the shipped articles")
	fs.StringVar(&o.wikiqa, "wikiqa", "", "score answer-sentence ranking on the WikiQA test set in DIR")
	fs.StringVar(&o.rgb, "rgb", "", "answer RGB's en_fact questions in DIR in its passage settings (noise, refusal, counterfactual)")
	fs.StringVar(&o.bbc, "bbc", "", "ask a question set (default: the set about the BBC corpus) of every article under DIR (the BBC corpus: one folder per section), indexed in a temporary database that is removed afterwards")
	fs.StringVar(&o.distract, "distractors", "", "ask the question set of the articles alone and among every article under DIR (e.g. the BBC corpus); report changed answers")
	fs.StringVar(&o.multinews, "multinews", "", "score offline briefings on the Multi-News sample in DIR (ROUGE-1/2)")
	fs.StringVar(&o.grouping, "grouping", "", "score story grouping on the Multi-News sample or the BBC News corpus in DIR (purity, adjusted Rand index)")
}

func runEval(ctx context.Context, a *app, args []string) error {
	if len(args) > 0 {
		return usagef("eval takes no arguments")
	}
	switch {
	case a.opts.wikiqa != "":
		return runEvalWikiQA(ctx, a, a.opts.wikiqa)
	case a.opts.rgb != "":
		return runEvalRGB(ctx, a, a.opts.rgb)
	case a.opts.multinews != "":
		return runEvalMultiNews(ctx, a, a.opts.multinews)
	case a.opts.grouping != "":
		return runEvalGrouping(ctx, a, a.opts.grouping)
	}
	data := shippedQuestions
	if a.opts.bbc != "" {
		data = bbcQuestions
	}
	if a.opts.questions != "" {
		var err error
		if data, err = os.ReadFile(a.opts.questions); err != nil {
			return fmt.Errorf("read questions: %w", err)
		}
	}
	var qs []eval.Question
	if err := json.Unmarshal(data, &qs); err != nil {
		return fmt.Errorf("read questions: %w", err)
	}
	if err := eval.CheckQuestions(qs); err != nil {
		return fmt.Errorf("read questions: %w", err)
	}
	if a.opts.distract != "" {
		return runEvalDistractors(ctx, a, a.opts.distract, qs)
	}
	if a.opts.bbc != "" {
		return runEvalBBC(ctx, a, a.opts.bbc, qs)
	}
	svc, err := a.ready(ctx)
	if err != nil {
		return err
	}
	return runQuestionSet(ctx, a, svc, qs)
}

// runQuestionSet asks qs of svc and prints each miss with its answer and
// the measures (or the report as JSON).
func runQuestionSet(ctx context.Context, a *app, svc *rag.Service, qs []eval.Question) error {
	rep, err := eval.RunQuestions(ctx, svc, qs, a.opts.k)
	if err != nil {
		return err
	}
	if a.opts.json {
		return writeJSON(a.stdout, rep)
	}
	for _, r := range rep.Results {
		status := "ok  "
		if !r.RefusalOK || !r.CitationsOK || (!r.Refused && !(r.PhrasesOK && r.CitedExpected)) {
			status = "MISS"
		}
		fmt.Fprintf(a.stdout, "%s %s\n", status, r.Question)
		if status != "ok  " {
			writeWrapped(a.stdout, a.width, r.Answer, "       ")
		}
	}
	writeQuestionReport(a.stdout, rep)
	return nil
}

// writeQuestionReport prints the measures of a question-set run, overall
// and for each part of the set.
func writeQuestionReport(w io.Writer, rep eval.Report) {
	fmt.Fprintf(w, "\n%d questions (%d answerable), k=%d\n", rep.Questions, rep.Answerable, rep.K)
	fmt.Fprintf(w, "retrieval hit@%d   %.3f\nretrieval MRR     %.3f\nkey-phrase match  %.3f\n  in 1st sentence %.3f\ncitation validity %.3f\nrefusal accuracy  %.3f\n",
		rep.K, rep.HitAtK, rep.MRR, rep.PhraseMatch, rep.FirstSentence, rep.CitationValidity, rep.RefusalAccuracy)
	if len(rep.Parts) > 0 {
		fmt.Fprintf(w, "\n%-10s %9s %10s %6s %6s %10s %9s %9s %8s\n", "part", "questions", "answerable", "hit@k", "MRR", "key-phrase", "1st sent.", "citations", "refusals")
		for _, p := range rep.Parts {
			fmt.Fprintf(w, "%-10s %9d %10d %6.3f %6.3f %10.3f %9.3f %9.3f %8.3f\n", p.Part, p.Questions, p.Answerable, p.HitAtK, p.MRR, p.PhraseMatch, p.FirstSentence, p.CitationValidity, p.RefusalAccuracy)
		}
	}
}
