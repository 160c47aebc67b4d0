package eval

import (
	"math"
	"testing"
)

func TestPairedBootstrap(t *testing.T) {
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	a := []float64{0.9, 0.5, 1, 0.2, 0.7, 0.6, 1, 0.3}
	b := []float64{0.8, 0.5, 0.5, 0.2, 0.9, 0.1, 1, 0.3}

	same := PairedBootstrap(a, a, 200, 1)
	if same.Diff != 0 || same.Low != 0 || same.High != 0 || same.NotAbove != 1 {
		t.Errorf("a system against itself: %+v, want a zero interval", same)
	}
	shifted := make([]float64, len(a))
	for i := range a {
		shifted[i] = a[i] + 0.1
	}
	if c := PairedBootstrap(shifted, a, 200, 1); !near(c.Diff, 0.1) || !near(c.Low, 0.1) || !near(c.High, 0.1) || c.NotAbove != 0 {
		t.Errorf("a constant gain of 0.1: %+v", c)
	}
	got := PairedBootstrap(a, b, 1000, 7)
	if !near(got.Diff, 0.1125) || got.Low >= got.Diff || got.High <= got.Diff || got.Low > 0 {
		t.Errorf("mixed differences: %+v, want a spread interval around 0.1125 reaching below 0", got)
	}
	if again := PairedBootstrap(a, b, 1000, 7); again != got {
		t.Errorf("same seed gave %+v then %+v", got, again)
	}
}
