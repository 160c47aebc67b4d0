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
// summaries and disagreements of the window's largest stories. Run one
// size with e.g. -bench 'BriefWindow/1000' -benchtime 1x.
func BenchmarkBriefWindow(b *testing.B) {
	end := time.Date(2026, 6, 2, 12, 0, 0, 0, time.UTC)
	for _, n := range []int{1000, 2000, 5000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			arts := genWindow(n, 1, end)
			br, err := New(Config{Now: func() time.Time { return end }})
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
