package eval

import (
	"math/rand/v2"
	"slices"
)

// BootstrapSeed seeds the resampling of PairedBootstrap in RunWikiQA, so
// that anyone rerunning it gets the same interval.
const BootstrapSeed = 20150917

// BootstrapResamples is the number of resamples RunWikiQA draws.
const BootstrapResamples = 1000

// PairedDiff is the difference of two systems' mean per-question scores
// on the same questions, with a percentile bootstrap interval.
type PairedDiff struct {
	System   string  `json:"system"`
	Baseline string  `json:"baseline"`
	Diff     float64 `json:"diff"`
	// Low and High bound the 95% interval of Diff.
	Low  float64 `json:"low"`
	High float64 `json:"high"`
	// NotAbove is the share of resamples in which the system did not beat
	// the baseline (a one-sided bootstrap p-value).
	NotAbove  float64 `json:"not_above"`
	Resamples int     `json:"resamples"`
	Seed      uint64  `json:"seed"`
}

// PairedBootstrap compares per-question scores a (a system) and b (a
// baseline) of the same questions: the mean difference, and the 2.5th and
// 97.5th percentiles of the mean difference over resamples draws of the
// questions with replacement, from a generator seeded with seed. a and b
// must have the same length; with no questions everything is 0.
func PairedBootstrap(a, b []float64, resamples int, seed uint64) PairedDiff {
	out := PairedDiff{Resamples: resamples, Seed: seed}
	n := len(a)
	if n == 0 || len(b) != n || resamples <= 0 {
		return out
	}
	d := make([]float64, n)
	for i := range a {
		d[i] = a[i] - b[i]
		out.Diff += d[i]
	}
	out.Diff /= float64(n)
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	means := make([]float64, resamples)
	notAbove := 0
	for k := range means {
		var sum float64
		for range n {
			sum += d[r.IntN(n)]
		}
		means[k] = sum / float64(n)
		if means[k] <= 0 {
			notAbove++
		}
	}
	slices.Sort(means)
	out.Low = percentile(means, 0.025)
	out.High = percentile(means, 0.975)
	out.NotAbove = float64(notAbove) / float64(resamples)
	return out
}

// percentile returns the p-th quantile of sorted values, interpolating
// linearly between neighbours.
func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	pos := p * float64(len(sorted)-1)
	i := int(pos)
	if i+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	return sorted[i] + (pos-float64(i))*(sorted[i+1]-sorted[i])
}
