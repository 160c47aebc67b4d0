package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/newsbot/newsbot/rag"
	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/brief"
	"github.com/newsbot/newsbot/rag/localembed"
)

func briefFlags(fs *flag.FlagSet, o *options) {
	fs.BoolVar(&o.json, "json", false, "print JSON")
	fs.DurationVar(&o.since, "since", 24*time.Hour, "articles published in this window before now")
	fs.StringVar(&o.from, "from", "", "window start, YYYY-MM-DD or RFC 3339")
	fs.StringVar(&o.to, "to", "", "window end, YYYY-MM-DD (inclusive) or RFC 3339")
	fs.BoolVar(&o.all, "all", false, "every stored article, dated or not")
}

// briefWindow turns the flags into a window.
func (o options) briefWindow(now time.Time) (brief.Window, error) {
	if o.all {
		if o.from != "" || o.to != "" {
			return brief.Window{}, usagef("--all cannot be combined with --from/--to")
		}
		return brief.Window{All: true}, nil
	}
	if o.from == "" && o.to == "" {
		if o.since <= 0 {
			return brief.Window{}, usagef("--since must be positive, e.g. 24h")
		}
		return brief.Window{From: now.Add(-o.since), To: now}, nil
	}
	w := brief.Window{To: now}
	var err error
	if o.from != "" {
		if w.From, err = parseDay(o.from, false); err != nil {
			return w, usagef("--from: %v", err)
		}
	}
	if o.to != "" {
		if w.To, err = parseDay(o.to, true); err != nil {
			return w, usagef("--to: %v", err)
		}
	}
	if !w.From.IsZero() && w.To.Before(w.From) {
		return w, usagef("--to is before --from")
	}
	return w, nil
}

// parseDay reads a date or an RFC 3339 time; a bare date as an end bound
// means the end of that day.
func parseDay(s string, end bool) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return t, fmt.Errorf("%q is not a date like 2025-12-02", s)
	}
	if end {
		t = t.Add(24*time.Hour - time.Second)
	}
	return t, nil
}

// briefer builds the briefing writer, with the chat model when configured.
// With svc it reuses the articles' stored vectors when svc embeds with the
// briefing's own (local) model; progress, when set, is told how far a
// briefing has got.
func (a *app) briefer(svc *rag.Service, progress func(stage string, done, total int)) (*brief.Briefer, error) {
	cfg := brief.Config{Logger: a.logger, Progress: progress}
	if a.chat != nil {
		cfg.Generate = func(ctx context.Context, system, user string) (string, error) {
			reply, err := a.chat.Prompt(ctx, system, user, nil)
			return reply.Text, err
		}
	}
	if svc != nil && svc.EmbedderName() == localembed.New().Name() {
		// The briefing's similarity is calibrated on the local model; a
		// model embedder's stored vectors would need their own.
		cfg.Vectors = svc.ArticleVectors
	}
	return brief.New(cfg)
}

// briefProgressMin is the window size from which a briefing shows its
// progress: smaller ones take about a second.
const briefProgressMin = 500

// briefProgress returns a Config.Progress that rewrites one line of w per
// stage ("newsbot: grouping 3,000 articles… 40%") for windows of at least
// briefProgressMin articles, when the percentage changes, and ends each
// stage's line once when it is done.
func briefProgress(w io.Writer) func(stage string, done, total int) {
	show := false
	last, ended := -1, ""
	return func(stage string, done, total int) {
		if stage == "reading" && done == 0 {
			show, ended = total >= briefProgressMin, ""
		}
		if !show || total == 0 || stage == ended {
			return
		}
		pct := 100 * done / total
		if pct == last && done != total {
			return
		}
		last = pct
		what := "articles"
		if stage == "summarizing" {
			what = "stories"
		}
		fmt.Fprintf(w, "\rnewsbot: %s %s %s… %d%%", stage, thousands(total), what, pct)
		if done == total {
			fmt.Fprintln(w)
			last, ended = -1, stage
		}
	}
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func runBrief(ctx context.Context, a *app, args []string) error {
	if len(args) > 0 {
		return usagef("brief takes no arguments")
	}
	w, err := a.opts.briefWindow(time.Now())
	if err != nil {
		return err
	}
	svc, err := a.ready(ctx)
	if err != nil {
		return err
	}
	var progress func(stage string, done, total int)
	if isTerminal(a.stderr) {
		progress = briefProgress(a.stderr)
	}
	b, err := a.briefer(svc, progress)
	if err != nil {
		return err
	}
	arts, err := svc.Articles(ctx, time.Time{}, time.Time{})
	if err != nil {
		return err
	}
	res, err := b.Brief(ctx, arts, w)
	if err != nil && !errors.Is(err, answer.ErrNoArticles) {
		return err
	}
	if a.opts.json {
		return writeJSON(a.stdout, res)
	}
	writeWrappedLines(a.stdout, a.width, briefingText(res))
	return nil
}
