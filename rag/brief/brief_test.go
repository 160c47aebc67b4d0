package brief

import (
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/rag/answer"
)

var fixedNow = func() time.Time { return time.Date(2026, 6, 11, 6, 0, 0, 0, time.UTC) }

func loadMixed(t *testing.T) []corpus.Article {
	t.Helper()
	arts, errs, err := corpus.LoadDir("testdata/mixed")
	if err != nil || len(errs) > 0 {
		t.Fatalf("load testdata/mixed: %v %v", err, errs)
	}
	return arts
}

func newBriefer(t *testing.T, cfg Config) *Briefer {
	t.Helper()
	if cfg.Now == nil {
		cfg.Now = fixedNow
	}
	b, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// checkCitations fails unless every [n] of the summary and every claim
// resolves to a citation whose quote is a sentence of that article.
func checkCitations(t *testing.T, s answer.Story, arts []corpus.Article) {
	t.Helper()
	texts := make(map[string]string)
	for _, a := range arts {
		texts[a.ID] = a.Text
	}
	byN := make(map[int]bool)
	for i, c := range s.Citations {
		if c.N != i+1 {
			t.Errorf("citation %d numbered %d", i+1, c.N)
		}
		byN[c.N] = true
		if !strings.Contains(texts[c.ArticleID], c.Quote) || c.Quote == "" {
			t.Errorf("citation [%d] quote is not in article %s: %q", c.N, c.ArticleID, c.Quote)
		}
		if !strings.HasPrefix(c.ChunkID, c.ArticleID+"#") {
			t.Errorf("citation [%d] chunk %q not of article %s", c.N, c.ChunkID, c.ArticleID)
		}
	}
	for _, m := range regexp.MustCompile(`\[(\d+)\]`).FindAllStringSubmatch(s.Summary, -1) {
		n, _ := strconv.Atoi(m[1])
		if !byN[n] {
			t.Errorf("summary marker [%d] has no citation", n)
		}
	}
	for _, d := range s.Disagreements {
		for _, c := range d.Claims {
			if !byN[c.N] || s.Citations[c.N-1].Quote != c.Quote || !strings.Contains(c.Quote, c.Value) {
				t.Errorf("claim %+v does not resolve to its citation", c)
			}
		}
	}
}

func TestBriefGroupsMixedCorpus(t *testing.T) {
	arts := loadMixed(t)
	b := newBriefer(t, Config{})
	br, err := b.Brief(context.Background(), arts, Window{All: true})
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, s := range br.Stories {
		ids := slices.Clone(s.ArticleIDs)
		slices.Sort(ids)
		got = append(got, ids)
		checkCitations(t, s, arts)
	}
	want := [][]string{
		{"a1_harborwire", "a2_ledger", "a3_courier"},
		{"b1_iberia", "b2_ledger", "b3_harborwire"},
		{"c1_courier_port_plan"}, {"d1_bank"}, {"e1_phone"}, {"f1_old"},
	}
	for _, w := range want {
		if !slices.ContainsFunc(got, func(g []string) bool { return slices.Equal(g, w) }) {
			t.Errorf("story %v not found; stories: %v", w, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d stories, want %d: %v", len(got), len(want), got)
	}
	// Multi-outlet stories come first, cite several outlets and report the
	// planted conflicts, and only those: the strike's length (48 vs 72
	// hours) and the day the fire started (Saturday vs Sunday). The head
	// counts ("about 4,000", "nearly 4,000", "4,000"), the death toll
	// ("at least 12", "Twelve", "12") and the burned area ("more than
	// 3,000", "3,400") are agreeing paraphrases.
	wantTopics := map[string]string{"a": "duration of the strike", "b": "day the fire started"}
	for _, s := range br.Stories[:2] {
		if len(s.Outlets) != 3 {
			t.Errorf("story %q has outlets %v, want 3", s.Headline, s.Outlets)
		}
		cited := make(map[string]bool)
		for _, c := range s.Citations {
			cited[c.Source] = true
		}
		if len(cited) < 2 {
			t.Errorf("story %q cites %d outlets, want several", s.Headline, len(cited))
		}
		topic := wantTopics[s.ArticleIDs[0][:1]]
		if len(s.Disagreements) != 1 || s.Disagreements[0].Topic != topic {
			t.Errorf("story %q disagreements %+v, want one on %q", s.Headline, s.Disagreements, topic)
		}
	}
	for _, s := range br.Stories[2:] {
		if len(s.Disagreements) != 0 {
			t.Errorf("single-article story %q has disagreements %+v", s.Headline, s.Disagreements)
		}
	}
}

func TestBriefShippedCorpusIsOneStory(t *testing.T) {
	arts, _ := corpus.LoadFS(corpus.Shipped)
	br, err := newBriefer(t, Config{}).Brief(context.Background(), arts, Window{All: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(br.Stories) != 1 || len(br.Stories[0].ArticleIDs) != 5 {
		t.Fatalf("want one story of 5 articles, got %d stories", len(br.Stories))
	}
	s := br.Stories[0]
	checkCitations(t, s, arts)
	cited := make(map[string]bool)
	for _, c := range s.Citations {
		cited[c.ArticleID] = true
	}
	if len(cited) < 3 {
		t.Errorf("summary and claims cite %d articles, want at least 3", len(cited))
	}
	if len(s.Disagreements) != 1 || s.Disagreements[0].Topic != "duration of the war" {
		t.Errorf("disagreements %+v, want only the war's length", s.Disagreements)
	}
	// JSON shape the CLI prints.
	raw, err := json.Marshal(br)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	for _, k := range []string{"generated_at", "mode", "window", "stories"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	story := m["stories"].([]any)[0].(map[string]any)
	for _, k := range []string{"headline", "summary", "outlets", "article_ids", "citations", "disagreements"} {
		if _, ok := story[k]; !ok {
			t.Errorf("story JSON lacks %q", k)
		}
	}
}

func TestBriefWindow(t *testing.T) {
	arts := loadMixed(t)
	b := newBriefer(t, Config{})
	day := func(d, h int) time.Time { return time.Date(2026, 6, d, h, 0, 0, 0, time.UTC) }
	cases := []struct {
		name      string
		w         Window
		wantIDs   int
		wantErr   error
		wantNotes []string
	}{
		{"one day", Window{From: day(10, 0), To: day(10, 23)}, 8, nil, nil},
		{"old article only", Window{From: day(1, 0), To: day(2, 0)}, 1, nil, nil},
		{"nothing new", Window{From: day(12, 0), To: day(13, 0)}, 0, answer.ErrNoArticles, nil},
		{"all includes every article", Window{All: true}, 10, nil, []string{"1 article dated by file modification time, not by the article"}},
		{"backwards", Window{From: day(13, 0), To: day(12, 0)}, 0, ErrInvalidWindow, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			br, err := b.Brief(context.Background(), arts, c.w)
			if !errors.Is(err, c.wantErr) {
				t.Fatalf("err = %v, want %v", err, c.wantErr)
			}
			n := 0
			for _, s := range br.Stories {
				n += len(s.ArticleIDs)
			}
			if n != c.wantIDs {
				t.Errorf("%d articles, want %d", n, c.wantIDs)
			}
			for _, note := range c.wantNotes {
				if !slices.Contains(br.Notes, note) {
					t.Errorf("notes %q lack %q", br.Notes, note)
				}
			}
			if errors.Is(err, answer.ErrNoArticles) {
				if !br.Empty || !strings.HasPrefix(br.EmptyText(), "Nothing new since Fri 12 Jun 2026 00:00") {
					t.Errorf("empty briefing says %q", br.EmptyText())
				}
			}
		})
	}
}

// TestBriefOddArticles: an article in another script gets a cited summary,
// and a huge article is bounded (its scoring is quadratic in sentences).
func TestBriefOddArticles(t *testing.T) {
	pub := time.Date(2026, 6, 10, 8, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		a    corpus.Article
		want string // a sentence the summary must hold
	}{
		{"cyrillic", corpus.Article{ID: "ru", Title: "Переговоры в Кремле", Published: pub,
			Text: "Переговоры в Кремле продолжались пять часов и закончились без результата.\nУшаков заявил журналистам, что компромисс пока не найден.\nСтороны договорились продолжить контакты на следующей неделе."},
			"Переговоры в Кремле продолжались пять часов"},
		{"huge", corpus.Article{ID: "huge", Title: "Council budget", Published: pub,
			Text: strings.Repeat("The council met again on Monday to discuss the budget for next year.\n", 5000)},
			"The council met again on Monday"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if d := prepareDoc(0, c.a); len(d.sents) > maxDocSentences {
				t.Errorf("%d sentences prepared, want at most %d", len(d.sents), maxDocSentences)
			}
			br, err := newBriefer(t, Config{}).Brief(context.Background(), []corpus.Article{c.a}, Window{All: true})
			if err != nil || len(br.Stories) != 1 {
				t.Fatalf("Brief: %v, %d stories", err, len(br.Stories))
			}
			s := br.Stories[0]
			if !strings.Contains(s.Summary, c.want) || len(s.Citations) == 0 {
				t.Errorf("summary %q with %d citations, want it to hold %q, cited", s.Summary, len(s.Citations), c.want)
			}
			checkCitations(t, s, []corpus.Article{c.a})
		})
	}
}

// TestEmbedTextIsValidUTF8: the text cut for the embedder never splits a
// character (a remote embedder would receive U+FFFD).
func TestEmbedTextIsValidUTF8(t *testing.T) {
	var got []string
	embed := func(_ context.Context, texts []string) ([][]float32, error) {
		got = append(got, texts...)
		out := make([][]float32, len(texts))
		for i := range out {
			out[i] = []float32{1}
		}
		return out, nil
	}
	// "Ы\n" is 3 bytes and every "ы" 2, so byte embedChars (even) falls
	// inside a character.
	a := corpus.Article{ID: "a", Title: "Ы", Published: fixedNow(), Text: strings.Repeat("ы", 1500) + "."}
	if _, err := newBriefer(t, Config{Embed: embed}).Brief(context.Background(), []corpus.Article{a}, Window{All: true}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("embedder got %d texts, want 1", len(got))
	}
	s, full := got[0], a.Title+"\n"+a.Text
	if !strings.HasPrefix(full, s) || len(s) > embedChars || len(s) <= embedChars-utf8.UTFMax {
		t.Errorf("embedder got %d bytes, want the first %d bytes of the article or a few less", len(s), embedChars)
	}
	if !utf8.ValidString(s) {
		t.Errorf("embedder got invalid UTF-8 ending %q", s[max(len(s)-4, 0):])
	}
}
