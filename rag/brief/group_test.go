package brief

import (
	"testing"
	"time"
)

func TestTimeFactor(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 6, d, 12, 0, 0, 0, time.UTC) }
	cases := []struct {
		a, b time.Time
		want float64
	}{
		{day(1), day(2), 1},
		{day(1), time.Time{}, 1},
		{day(1), day(8), 0.2}, // upper bound: a week apart is damped hard
	}
	for _, c := range cases {
		got := timeFactor(c.a, c.b)
		if c.want == 1 && got != 1 || c.want < 1 && got > c.want {
			t.Errorf("timeFactor(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestClusterAverageLink(t *testing.T) {
	// 0-1-2 close, 3 chained to 2 only: average link keeps 3 out.
	sim := [][]float64{
		{0, 0.6, 0.5, 0.05},
		{0.6, 0, 0.55, 0.05},
		{0.5, 0.55, 0, 0.3},
		{0.05, 0.05, 0.3, 0},
	}
	got := cluster(len(sim), denseEdges(sim), 0.22)
	if len(got) != 2 || len(got[0]) != 3 || got[1][0] != 3 {
		t.Errorf("clusters %v, want [[0 1 2] [3]]", got)
	}
}

// denseEdges lists the above-zero pairs of a similarity matrix.
func denseEdges(sim [][]float64) []edge {
	var out []edge
	for i := range sim {
		for j := i + 1; j < len(sim); j++ {
			if sim[i][j] > 0 {
				out = append(out, edge{int32(i), int32(j), sim[i][j]})
			}
		}
	}
	return out
}
