package brief

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/localembed"
)

// Defaults for a zero Config.
const (
	DefaultMaxStories        = 10
	DefaultSentencesPerStory = 4
	// embedChars bounds the article text sent to the embedder: the lead
	// carries the story.
	embedChars = 2000
)

// Config configures a Briefer. The zero value is usable: local embedder,
// extractive summaries.
type Config struct {
	// Embed embeds article texts for grouping, one normalized vector per
	// text. Nil uses the offline localembed model.
	Embed func(ctx context.Context, texts []string) ([][]float32, error)
	// Generate, when set, asks a model to write each story (map) and an
	// overview (reduce). Nil means extractive summaries.
	Generate func(ctx context.Context, system, user string) (string, error)
	// MaxStories caps the stories of a briefing (default 10).
	MaxStories int
	// SentencesPerStory is the length of an extractive summary (default 4).
	SentencesPerStory int
	// Logger receives warnings; nil discards.
	Logger *slog.Logger
	// Now returns the current time (default time.Now).
	Now func() time.Time
}

// Briefer writes briefings. It is safe for concurrent use.
type Briefer struct {
	cfg Config
	log *slog.Logger
}

// New validates cfg and returns a Briefer, or an error wrapping
// ErrInvalidConfig.
func New(cfg Config) (*Briefer, error) {
	if cfg.MaxStories < 0 || cfg.SentencesPerStory < 0 {
		return nil, fmt.Errorf("negative story or sentence count: %w", ErrInvalidConfig)
	}
	if cfg.MaxStories == 0 {
		cfg.MaxStories = DefaultMaxStories
	}
	if cfg.SentencesPerStory == 0 {
		cfg.SentencesPerStory = DefaultSentencesPerStory
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Embed == nil {
		m := localembed.New()
		cfg.Embed = func(_ context.Context, texts []string) ([][]float32, error) {
			out := make([][]float32, len(texts))
			for i, t := range texts {
				out[i] = m.EmbedDocument(t)
			}
			return out, nil
		}
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return &Briefer{cfg: cfg, log: log}, nil
}

// Brief writes the briefing for the articles inside w. With no article in
// the window it returns answer.ErrNoArticles together with an Empty briefing that
// renders as "Nothing new since …". It returns an error wrapping
// ErrInvalidWindow for a window that ends before it starts, and ctx's error
// when ctx ends. Model failures are not errors: the story falls back to its
// extractive summary and the briefing carries a warning.
func (b *Briefer) Brief(ctx context.Context, articles []corpus.Article, w Window) (answer.Briefing, error) {
	if !w.All && !w.From.IsZero() && !w.To.IsZero() && w.From.After(w.To) {
		return answer.Briefing{}, fmt.Errorf("window %s to %s: %w", w.From.Format(time.RFC3339), w.To.Format(time.RFC3339), ErrInvalidWindow)
	}
	now := b.cfg.Now()
	out := answer.Briefing{GeneratedAt: now, Mode: "extractive", Window: answer.Period{From: w.From, To: w.To, All: w.All}, Stories: []answer.Story{}}
	if !w.All && out.Window.To.IsZero() {
		out.Window.To = now
	}
	kept, notes := selectWindow(articles, w)
	out.Notes = notes
	if len(kept) == 0 {
		out.Empty = true
		return out, answer.ErrNoArticles
	}
	if w.All {
		out.Window.From, out.Window.To = dateRange(kept)
	}
	docs := make([]doc, len(kept))
	for i, a := range kept {
		docs[i] = prepareDoc(i, a)
	}
	b.vectorize(ctx, docs, &out)
	if err := ctx.Err(); err != nil {
		return answer.Briefing{}, err
	}
	groups := cluster(similarityMatrix(docs), groupThreshold)
	sortGroups(docs, groups)
	if len(groups) > b.cfg.MaxStories {
		out.Notes = append(out.Notes, fmt.Sprintf("%d smaller stories left out", len(groups)-b.cfg.MaxStories))
		groups = groups[:b.cfg.MaxStories]
	}
	for _, g := range groups {
		out.Stories = append(out.Stories, b.extractiveStory(docs, g))
	}
	if b.cfg.Generate != nil {
		if err := b.generate(ctx, docs, groups, &out); err != nil {
			return answer.Briefing{}, err
		}
	}
	return out, nil
}

// selectWindow keeps the articles inside w and says how their dates were
// known when it matters.
func selectWindow(articles []corpus.Article, w Window) ([]corpus.Article, []string) {
	var kept []corpus.Article
	undated, fileTime, undatedOut := 0, 0, 0
	for _, a := range articles {
		if a.Published.IsZero() {
			if !w.All {
				undatedOut++
				continue
			}
			undated++
			kept = append(kept, a)
			continue
		}
		if !w.All && (!w.From.IsZero() && a.Published.Before(w.From) || !w.To.IsZero() && a.Published.After(w.To)) {
			continue
		}
		if a.PublishedFrom == corpus.FromFileTime {
			fileTime++
		}
		kept = append(kept, a)
	}
	var notes []string
	if fileTime > 0 {
		notes = append(notes, fmt.Sprintf("%s dated by file modification time, not by the article", plural(fileTime, "article")))
	}
	if undated > 0 {
		notes = append(notes, fmt.Sprintf("%s without a known publication date included", plural(undated, "article")))
	}
	if undatedOut > 0 {
		notes = append(notes, fmt.Sprintf("%s without a known publication date left out (use --all to include them)", plural(undatedOut, "article")))
	}
	return kept, notes
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func dateRange(as []corpus.Article) (from, to time.Time) {
	for _, a := range as {
		if a.Published.IsZero() {
			continue
		}
		if from.IsZero() || a.Published.Before(from) {
			from = a.Published
		}
		if a.Published.After(to) {
			to = a.Published
		}
	}
	return from, to
}

// vectorize sets each doc's TF-IDF vector, its sentences' vectors and its
// embedding. An embedder failure only drops the embedding signal.
func (b *Briefer) vectorize(ctx context.Context, docs []doc, out *answer.Briefing) {
	sentenceVectors(docs)
	texts := make([]string, len(docs))
	for i := range docs {
		t := docs[i].a.Title + "\n" + docs[i].a.Text
		if len(t) > embedChars {
			cut := embedChars
			for cut > 0 && !utf8.RuneStart(t[cut]) {
				cut-- // never split a character
			}
			t = t[:cut]
		}
		texts[i] = t
	}
	vecs, err := b.cfg.Embed(ctx, texts)
	if err != nil || len(vecs) != len(docs) {
		if err == nil {
			err = fmt.Errorf("embedder returned %d vectors for %d texts", len(vecs), len(docs))
		}
		b.log.Warn("briefing: embedding failed; grouping by words only", "err", err)
		out.Warnings = append(out.Warnings, "embedding failed; stories were grouped by words only")
		return
	}
	for i := range docs {
		docs[i].emb = vecs[i]
	}
}

// sentenceVectors sets the TF-IDF vectors of docs (IDF over docs) and of
// their sentences (IDF over all sentences).
func sentenceVectors(docs []doc) {
	lists := make([][]string, len(docs))
	var sentLists [][]string
	for i, d := range docs {
		lists[i] = d.tokens
		for _, s := range d.sents {
			sentLists = append(sentLists, s.tokens)
		}
	}
	docIDF, sentIDF := newIDF(lists), newIDF(sentLists)
	for i := range docs {
		docs[i].vec = docIDF.tfidf(docs[i].tokens)
		for j := range docs[i].sents {
			docs[i].sents[j].vec = sentIDF.tfidf(docs[i].sents[j].tokens)
		}
	}
}

// sortGroups orders stories by outlets covering them, then articles, then
// recency.
func sortGroups(docs []doc, groups [][]int) {
	outlets := func(g []int) int {
		m := make(map[string]bool)
		for _, i := range g {
			m[strings.ToLower(docs[i].outlet)] = true
		}
		return len(m)
	}
	latest := func(g []int) time.Time {
		var t time.Time
		for _, i := range g {
			if docs[i].a.Published.After(t) {
				t = docs[i].a.Published
			}
		}
		return t
	}
	sort.SliceStable(groups, func(a, b int) bool {
		if oa, ob := outlets(groups[a]), outlets(groups[b]); oa != ob {
			return oa > ob
		}
		if len(groups[a]) != len(groups[b]) {
			return len(groups[a]) > len(groups[b])
		}
		return latest(groups[a]).After(latest(groups[b]))
	})
	for _, g := range groups {
		slices.SortStableFunc(g, func(x, y int) int {
			return cmp.Or(docs[x].a.Published.Compare(docs[y].a.Published), cmp.Compare(x, y))
		})
	}
}
