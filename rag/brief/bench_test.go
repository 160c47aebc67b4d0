package brief

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/newsbot/newsbot/corpus"
)

// BenchmarkBrief measures an offline briefing of 300 articles (the mixed
// test corpus copied 30 times under new ids): grouping, extractive
// summaries and disagreement detection.
func BenchmarkBrief(b *testing.B) {
	base, _, err := corpus.LoadDir("testdata/mixed")
	if err != nil {
		b.Fatal(err)
	}
	var arts []corpus.Article
	for i := 0; len(arts) < 300; i++ {
		for _, a := range base {
			a.ID = fmt.Sprintf("%s-%d", a.ID, i)
			arts = append(arts, a)
		}
	}
	arts = arts[:300]
	br, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for b.Loop() {
		if _, err := br.Brief(ctx, arts, Window{All: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBriefWindow measures an offline briefing of a generated 24-hour
// window (genWindow) of 1,000, 2,000 and 5,000 articles: reading, grouping,
// summaries and disagreements of the window's largest stories; the
// "stored" runs take the articles' vectors from Config.Vectors (as
// cmd/newsbot does from the store) instead of embedding them. Run one size
// with e.g. -bench 'BriefWindow/1000$' -benchtime 1x.
func BenchmarkBriefWindow(b *testing.B) {
	end := time.Date(2026, 6, 2, 12, 0, 0, 0, time.UTC)
	for _, n := range []int{1000, 2000, 5000} {
		for _, stored := range []bool{false, true} {
			name := fmt.Sprint(n)
			if stored {
				name += "-stored"
			}
			b.Run(name, func(b *testing.B) {
				arts := genWindow(n, 1, end)
				cfg := Config{Now: func() time.Time { return end }}
				if stored {
					vecs := storedVectors(b, arts)
					cfg.Vectors = func(context.Context, []string) (map[string][]float32, error) { return vecs, nil }
				}
				br, err := New(cfg)
				if err != nil {
					b.Fatal(err)
				}
				w := Window{From: end.Add(-24 * time.Hour), To: end}
				ctx := context.Background()
				for b.Loop() {
					if _, err := br.Brief(ctx, arts, w); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// storedVectors embeds arts as a briefing would, standing in for the
// vectors a store holds.
func storedVectors(b *testing.B, arts []corpus.Article) map[string][]float32 {
	def, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	texts := make([]string, len(arts))
	for i, a := range arts {
		texts[i] = embedText(a)
	}
	vecs, err := def.cfg.Embed(context.Background(), texts)
	if err != nil {
		b.Fatal(err)
	}
	out := make(map[string][]float32, len(arts))
	for i, a := range arts {
		out[a.ID] = vecs[i]
	}
	return out
}
