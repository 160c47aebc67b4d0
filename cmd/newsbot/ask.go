package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/newsbot/newsbot/rag"
	"github.com/newsbot/newsbot/rag/answer"
)

func askFlags(fs *flag.FlagSet, o *options) {
	fs.BoolVar(&o.json, "json", false, "print JSON")
	fs.IntVar(&o.k, "k", rag.DefaultK, "number of passages to retrieve")
	fs.StringVar(&o.source, "source", "", "only use articles from this outlet")
	fs.Var(&o.articles, "article", "only use this article id (repeatable)")
	fs.StringVar(&o.from, "from", "", "only articles published on or after this date (YYYY-MM-DD)")
	fs.StringVar(&o.to, "to", "", "only articles published on or before this date (YYYY-MM-DD)")
}

// query checks the question (or query), -k and the filter flags, then
// opens the service.
func (a *app) query(ctx context.Context, args []string, what string) (string, answer.Filter, *rag.Service, error) {
	q := strings.TrimSpace(strings.Join(args, " "))
	if q == "" {
		return "", answer.Filter{}, nil, usagef("missing %s, e.g. newsbot ask \"What did the Kremlin reject?\"", what)
	}
	if a.opts.k < 1 {
		return "", answer.Filter{}, nil, usagef("-k must be at least 1")
	}
	f, err := a.opts.filter()
	if err != nil {
		return "", f, nil, err
	}
	svc, err := a.ready(ctx)
	return q, f, svc, err
}

// filter turns --source, --article, --from and --to into a retrieval filter.
func (o options) filter() (answer.Filter, error) {
	f := answer.Filter{ArticleIDs: o.articles}
	if o.source != "" {
		f.Sources = []string{o.source}
	}
	var err error
	if o.from != "" {
		if f.From, err = parseDay(o.from, false); err != nil {
			return f, usagef("--from: %v", err)
		}
	}
	if o.to != "" {
		if f.To, err = parseDay(o.to, true); err != nil {
			return f, usagef("--to: %v", err)
		}
	}
	return f, nil
}

func runAsk(ctx context.Context, a *app, args []string) error {
	q, f, svc, err := a.query(ctx, args, "question")
	if err != nil {
		return err
	}
	req := answer.Request{Question: q, K: a.opts.k, Filter: f}
	var streamed strings.Builder
	if !a.opts.json && svc.Generates() {
		req.OnDelta = func(d string) {
			streamed.WriteString(d)
			io.WriteString(a.stdout, d)
		}
	}
	ans, err := svc.Ask(ctx, req)
	if err != nil {
		return err
	}
	if a.opts.json {
		return writeJSON(a.stdout, ans)
	}
	if streamed.Len() > 0 {
		fmt.Fprint(a.stdout, "\n\n")
		// The check after generation may renumber or drop citations, or the
		// answer may have fallen back to quoting: then show what was checked.
		if strings.TrimSpace(streamed.String()) != ans.Answer {
			fmt.Fprintln(a.stdout, "Checked answer:")
			writeAnswer(a.stdout, ans)
			return nil
		}
		writeSources(a.stdout, ans)
		return nil
	}
	writeAnswer(a.stdout, ans)
	return nil
}

type searchOutput struct {
	Query   string         `json:"query"`
	Results []searchResult `json:"results"`
}

type searchResult struct {
	Rank      int     `json:"rank"`
	ArticleID string  `json:"article_id"`
	ChunkID   string  `json:"chunk_id"`
	Score     float64 `json:"score"`
	Title     string  `json:"title"`
	Source    string  `json:"source"`
	Text      string  `json:"text"`
}

func runSearch(ctx context.Context, a *app, args []string) error {
	q, f, svc, err := a.query(ctx, args, "query")
	if err != nil {
		return err
	}
	res, err := svc.Search(ctx, q, a.opts.k, f)
	if err != nil {
		return err
	}
	out := searchOutput{Query: q, Results: []searchResult{}}
	for _, r := range res {
		out.Results = append(out.Results, searchResult{
			Rank: r.Rank, ArticleID: r.Chunk.ArticleID, ChunkID: r.Chunk.ID, Score: r.Score,
			Title: r.Source.Title, Source: r.Source.Source, Text: r.Chunk.Text,
		})
	}
	if a.opts.json {
		return writeJSON(a.stdout, out)
	}
	if len(out.Results) == 0 {
		fmt.Fprintln(a.stdout, "No passages found.")
		return nil
	}
	for _, r := range out.Results {
		fmt.Fprintf(a.stdout, "%d. %s (%s, score %.4f)\n", r.Rank, describe(r.Title, r.Source, ""), r.ChunkID, r.Score)
		writeWrapped(a.stdout, r.Text, "   ")
		fmt.Fprintln(a.stdout)
	}
	return nil
}

type sourceOutput struct {
	ID            string `json:"id"`
	Title         string `json:"title"`
	Source        string `json:"source"`
	URL           string `json:"url"`
	Published     string `json:"published"`
	PublishedFrom string `json:"published_from"`
	Chunks        int    `json:"chunks"`
}

func runSources(ctx context.Context, a *app, args []string) error {
	if len(args) > 0 {
		return usagef("sources takes no arguments")
	}
	svc, err := a.ready(ctx)
	if err != nil {
		return err
	}
	srcs, err := svc.Sources(ctx)
	if err != nil {
		return err
	}
	out := []sourceOutput{}
	for _, s := range srcs {
		o := sourceOutput{ID: s.ID, Title: s.Title, Source: s.Source, URL: s.URL, PublishedFrom: s.PublishedFrom, Chunks: s.Chunks}
		if !s.Published.IsZero() {
			o.Published = s.Published.Format("2006-01-02")
		}
		out = append(out, o)
	}
	if a.opts.json {
		return writeJSON(a.stdout, out)
	}
	if len(out) == 0 {
		fmt.Fprintln(a.stdout, "No articles stored. Run: newsbot ingest")
		return nil
	}
	for _, s := range out {
		fmt.Fprintf(a.stdout, "%s  %s\n", s.ID, describe(s.Title, s.Source, s.Published))
		fmt.Fprintf(a.stdout, "    %d chunks%s\n", s.Chunks, prefixed("  ", s.URL))
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
