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
	// Vectors, when set, returns the stored vectors of the articles ids
	// (by id; e.g. rag.Service.ArticleVectors), which grouping uses
	// instead of embedding those articles again; articles it has no
	// vector for are embedded with Embed. They must come from the same
	// model as Embed's. An error only makes the briefing embed every
	// article.
	Vectors func(ctx context.Context, ids []string) (map[string][]float32, error)
	// Progress, when set, is told how far a briefing or a grouping has
	// got: stage is "reading", "embedding", "grouping" or "summarizing",
	// and done of total items of that stage are finished. It is called on
	// the caller's goroutine, often: keep it cheap.
	Progress func(stage string, done, total int)
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
	docs, words := b.read(kept)
	b.vectorize(ctx, docs, &out)
	if err := ctx.Err(); err != nil {
		return answer.Briefing{}, err
	}
	groups := b.group(docs)
	sortGroups(docs, groups)
	if len(groups) > b.cfg.MaxStories {
		out.Notes = append(out.Notes, fmt.Sprintf("%d smaller stories left out", len(groups)-b.cfg.MaxStories))
		groups = groups[:b.cfg.MaxStories]
	}
	for _, g := range groups {
		for _, i := range g {
			finishDoc(docs, i, words)
		}
	}
	for k, g := range groups {
		b.progress("summarizing", k, len(groups))
		out.Stories = append(out.Stories, b.extractiveStory(docs, g))
	}
	b.progress("summarizing", len(groups), len(groups))
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

// read prepares the docs of articles and indexes their words.
func (b *Briefer) read(articles []corpus.Article) ([]doc, wordIndex) {
	docs := make([]doc, len(articles))
	for i, a := range articles {
		if i%progressEvery == 0 {
			b.progress("reading", i, len(articles))
		}
		docs[i] = prepareDoc(i, a)
	}
	b.progress("reading", len(articles), len(articles))
	return docs, indexWords(docs)
}

// group returns the docs' stories (see cluster).
func (b *Briefer) group(docs []doc) [][]int {
	n := len(docs)
	pairs := candidatePairs(docs, func(done int) {
		if done%progressEvery == 0 {
			b.progress("grouping", done, n)
		}
	})
	groups := cluster(n, similarities(docs, pairs), groupThreshold)
	b.progress("grouping", n, n)
	return groups
}

// progressEvery is how many items pass between progress reports.
const progressEvery = 100

func (b *Briefer) progress(stage string, done, total int) {
	if b.cfg.Progress != nil {
		b.cfg.Progress(stage, done, total)
	}
}

// vectorize sets each doc's embedding: the stored vector when
// Config.Vectors has one, else one embedded from the article's lead. An
// embedder failure only drops the embedding signal.
func (b *Briefer) vectorize(ctx context.Context, docs []doc, out *answer.Briefing) {
	b.progress("embedding", 0, len(docs))
	if b.cfg.Vectors != nil {
		ids := make([]string, len(docs))
		for i := range docs {
			ids[i] = docs[i].a.ID
		}
		stored, err := b.cfg.Vectors(ctx, ids)
		if err != nil {
			b.log.Warn("briefing: stored vectors unavailable; embedding the articles", "err", err)
			stored = nil
		}
		for i := range docs {
			docs[i].emb = localembed.Normalize(stored[docs[i].a.ID])
		}
	}
	var missing []int
	for i := range docs {
		if len(docs[i].emb) == 0 {
			missing = append(missing, i)
		}
	}
	if len(missing) > 0 {
		texts := make([]string, len(missing))
		for k, i := range missing {
			texts[k] = embedText(docs[i].a)
		}
		vecs, err := b.cfg.Embed(ctx, texts)
		if err != nil || len(vecs) != len(texts) {
			if err == nil {
				err = fmt.Errorf("embedder returned %d vectors for %d texts", len(vecs), len(texts))
			}
			b.log.Warn("briefing: embedding failed; grouping by words only", "err", err)
			out.Warnings = append(out.Warnings, "embedding failed; stories were grouped by words only")
			for i := range docs {
				docs[i].emb = nil // one signal for all pairs, not a mix
			}
			return
		}
		for k, i := range missing {
			docs[i].emb = localembed.Normalize(vecs[k])
		}
	}
	b.progress("embedding", len(docs), len(docs))
}

// embedText is the part of an article that is embedded: title and lead,
// at most embedChars bytes, never cut inside a character.
func embedText(a corpus.Article) string {
	t := a.Title + "\n" + a.Text
	if len(t) > embedChars {
		cut := embedChars
		for cut > 0 && !utf8.RuneStart(t[cut]) {
			cut--
		}
		t = t[:cut]
	}
	return t
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
