package eval

import (
	"math"
	"testing"
)

func TestRougeN(t *testing.T) {
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	cases := []struct {
		name      string
		cand, ref string
		n         int
		stem      bool
		p, r      float64
	}{
		// 6 candidate unigrams, 6 reference; "the" clipped to 2, cat/sat/on/mat match: 5/6.
		{"unigram", "the cat sat on the mat", "The cat was sitting on the mat.", 1, false, 5.0 / 6, 5.0 / 7},
		// bigrams: cand 5 (the cat, cat sat, sat on, on the, the mat), ref 6; overlap the cat, on the, the mat.
		{"bigram", "the cat sat on the mat", "The cat was sitting on the mat.", 2, false, 3.0 / 5, 3.0 / 6},
		// stemming makes "sitting"/"sits" match ("sit"), and "cats"/"cat".
		{"stemmed", "cats sits", "the cat is sitting", 1, true, 2.0 / 2, 2.0 / 4},
		{"clipping", "the the the", "the cat", 1, false, 1.0 / 3, 1.0 / 2},
		{"punctuation is a separator", "U.S.-Russia talks", "u s russia talks", 1, false, 1, 1},
		{"empty candidate", "", "a b", 1, false, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := RougeN(c.cand, c.ref, c.n, c.stem)
			if !near(got.Precision, c.p) || !near(got.Recall, c.r) {
				t.Fatalf("P/R = %v/%v, want %v/%v", got.Precision, got.Recall, c.p, c.r)
			}
			wantF := 0.0
			if c.p+c.r > 0 {
				wantF = 2 * c.p * c.r / (c.p + c.r)
			}
			if !near(got.F1, wantF) {
				t.Fatalf("F1 = %v, want %v", got.F1, wantF)
			}
		})
	}
}
