package rag

import (
	"context"
	"math"
	"testing"
)

func TestScoreSentencesEdgeCases(t *testing.T) {
	tests := []struct {
		name      string
		q         string
		sentences []string
	}{
		{"no sentences", "who?", nil},
		{"empty question", "", []string{"a sentence with several words", "another"}},
		{"stop words only", "what is it", []string{"it is what it is", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ScoreSentences(context.Background(), tt.q, tt.sentences)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.sentences) {
				t.Fatalf("ScoreSentences returned %d scores for %d sentences", len(got), len(tt.sentences))
			}
			for _, v := range got {
				if math.IsNaN(v) || math.IsInf(v, 1) {
					t.Errorf("ScoreSentences score %v", v)
				}
			}
		})
	}
}

func TestScoreSentencesPrefersParaphrase(t *testing.T) {
	sentences := []string{
		"The club signed a new striker before the season.",
		"Moscow firmly rejected the proposal on Tuesday.",
		"Heavy rain flooded the valley.",
		"Moscow.",
	}
	got, err := ScoreSentences(context.Background(), "Which plan did Russia refuse?", sentences)
	if err != nil {
		t.Fatal(err)
	}
	if !(got[1] > got[0] && got[1] > got[2]) {
		t.Errorf("ScoreSentences = %v, want the rejection sentence first", got)
	}
	if !math.IsInf(got[3], -1) {
		t.Errorf("a one-word fragment scores %v, want -Inf (never quoted)", got[3])
	}
}

func TestScoreSentencesStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ScoreSentences(ctx, "Who won?", []string{"The home team won the final on Sunday."}); err == nil {
		t.Error("ScoreSentences with an ended context succeeded")
	}
}
