package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/brief"
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
func (a *app) briefer() (*brief.Briefer, error) {
	cfg := brief.Config{Logger: a.logger}
	if a.chat != nil {
		cfg.Generate = func(ctx context.Context, system, user string) (string, error) {
			reply, err := a.chat.Prompt(ctx, system, user, nil)
			return reply.Text, err
		}
	}
	return brief.New(cfg)
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
	b, err := a.briefer()
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
