package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/newsbot/newsbot/corpus/text"
	"github.com/newsbot/newsbot/rag"
	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/llm"
)

// filterFlags declares -k and the retrieval filters, shared by ask and search.
func filterFlags(fs *flag.FlagSet, o *options) {
	fs.BoolVar(&o.json, "json", false, "print JSON")
	fs.IntVar(&o.k, "k", 0, fmt.Sprintf("number of passages to retrieve (default %d with a model, %d without)", rag.DefaultK, rag.ExtractiveK))
	fs.StringVar(&o.source, "source", "", "only use articles from this `outlet`")
	fs.Var(&o.articles, "article", "only use this article `id` (repeatable)")
	fs.StringVar(&o.from, "from", "", "only articles published on or after this `date` (YYYY-MM-DD)")
	fs.StringVar(&o.to, "to", "", "only articles published on or before this `date` (YYYY-MM-DD)")
}

func searchFlags(fs *flag.FlagSet, o *options) { filterFlags(fs, o) }

func askFlags(fs *flag.FlagSet, o *options) {
	filterFlags(fs, o)
	fs.DurationVar(&o.timeout, "timeout", o.timeout, "give up on an answer after this long [NEWSBOT_ASK_TIMEOUT]")
	fs.BoolVar(&o.strict, "strict", false, "exit with code 3 when the model could not be used and the answer\nquotes the articles instead")
}

// query checks the question (or query), -k and the filter flags, then
// opens the service.
func (a *app) query(ctx context.Context, args []string, what string) (string, answer.Filter, *rag.Service, error) {
	q := strings.TrimSpace(strings.Join(args, " "))
	if q == "" {
		return "", answer.Filter{}, nil, usagef("missing %s, e.g. newsbot ask \"What did the Kremlin reject?\"", what)
	}
	if a.opts.k < 0 {
		return "", answer.Filter{}, nil, usagef("-k must be at least 1 (or 0 for the default)")
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
	var stream *streamWrapper
	if !a.opts.json && svc.Generates() {
		stream = &streamWrapper{w: a.stdout, width: a.width, live: a.tty()}
		req.OnDelta = func(d string) { io.WriteString(stream, d) }
	}
	actx, cancel := context.WithTimeout(ctx, a.opts.timeout)
	defer cancel()
	ans, err := svc.Ask(actx, req)
	if stream != nil && stream.Text() != "" {
		stream.Close()
	}
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
			return fmt.Errorf("no answer within %s, the limit set by --timeout or NEWSBOT_ASK_TIMEOUT", a.opts.timeout)
		}
		return err
	}
	modelErr := a.lastChatErr()
	if !ans.Has(answer.FlagFellBack) {
		modelErr = nil
	}
	switch {
	case a.opts.json:
		if err := writeJSON(a.stdout, ans); err != nil {
			return err
		}
	case stream != nil && strings.TrimSpace(stream.Text()) != "":
		a.correctStreamed(stream, ans, modelErr)
	default:
		writeAnswer(a.stdout, a.width, ans, modelErr)
	}
	if a.opts.strict && ans.Has(answer.FlagFellBack) {
		msg := "--strict: the model could not be used"
		var le *llm.Error
		if errors.As(modelErr, &le) {
			msg += ": " + modelProblem(le)
		}
		return exitError{code: exitStrict, msg: msg}
	}
	return nil
}

// correctStreamed finishes a streamed answer: when the citation check
// left the text as streamed, only the trailer follows. Otherwise, on a
// terminal with room, the streamed text is replaced in place by the
// checked one; elsewhere only what changed is printed.
func (a *app) correctStreamed(stream *streamWrapper, ans answer.Answer, modelErr error) {
	streamed := strings.TrimSpace(stream.Text())
	if streamed == ans.Answer {
		fmt.Fprintln(a.stdout)
		writeTrailer(a.stdout, a.width, ans, modelErr)
		return
	}
	if h := a.height(); a.tty() && stream.Rows() > 0 && stream.Rows() < h {
		// Up to the first row of the answer, clear to the end of the screen.
		fmt.Fprintf(a.stdout, "\x1b[%dA\r\x1b[J", stream.Rows())
		writeAnswer(a.stdout, a.width, ans, modelErr)
		return
	}
	fmt.Fprintln(a.stdout)
	if ans.Has(answer.FlagFellBack) {
		fmt.Fprintln(a.stdout, "The model's answer above could not be used; the articles say:")
		writeAnswer(a.stdout, a.width, ans, modelErr)
		return
	}
	fmt.Fprintln(a.stdout, "The citation check changed the answer:")
	for _, l := range changedSentences(streamed, ans.Answer) {
		writeWrapped(a.stdout, a.width, l, "  ")
	}
	fmt.Fprintln(a.stdout)
	writeTrailer(a.stdout, a.width, ans, modelErr)
}

// changedSentences lists the sentences of before missing from after as
// "- sentence" and those of after missing from before as "+ sentence".
func changedSentences(before, after string) []string {
	split := func(s string) ([]string, map[string]bool) {
		var list []string
		set := map[string]bool{}
		for _, sp := range text.Sentences(s) {
			t := strings.TrimSpace(s[sp.Start:sp.End])
			if t != "" {
				list = append(list, t)
				set[t] = true
			}
		}
		return list, set
	}
	bl, bs := split(before)
	al, as := split(after)
	var out []string
	for _, t := range bl {
		if !as[t] {
			out = append(out, "- "+t)
		}
	}
	for _, t := range al {
		if !bs[t] {
			out = append(out, "+ "+t)
		}
	}
	return out
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
		writeWrapped(a.stdout, a.width, r.Text, "   ")
		fmt.Fprintln(a.stdout)
	}
	return nil
}

// sourcesOutput is `sources --json`: where the data lives and the
// stored articles.
type sourcesOutput struct {
	Data     where          `json:"data"`
	Articles []sourceOutput `json:"articles"`
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
		return writeJSON(a.stdout, sourcesOutput{Data: a.opts.where(), Articles: out})
	}
	fmt.Fprintf(a.stdout, "Database %s (data home %s)\n", absPath(a.opts.db), a.opts.data)
	if len(out) == 0 {
		fmt.Fprintln(a.stdout, "No articles stored. Run: newsbot ingest --corpus DIR")
		return nil
	}
	fmt.Fprintf(a.stdout, "%d articles:\n", len(out))
	for _, s := range out {
		head := wrapText(s.ID+"  "+describe(s.Title, s.Source, s.Published), "", a.width-4)
		fmt.Fprintln(a.stdout, head[0])
		for _, l := range head[1:] {
			fmt.Fprintf(a.stdout, "    %s\n", l)
		}
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
