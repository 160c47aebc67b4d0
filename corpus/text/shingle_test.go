package text

import "testing"

func TestShingleSimilarity(t *testing.T) {
	orig := "The earthquake struck western Nepal on Tuesday, killing at least 48 people and flattening hundreds of homes in the hills."
	trimmed := "The earthquake struck western Nepal on Tuesday, killing at least 48 people and flattening hundreds of homes."
	other := "Parliament passed the budget on Tuesday after a long debate about taxes and spending on schools."
	a, b, c := Shingles(orig, 5), Shingles(trimmed, 5), Shingles(other, 5)
	if got := Containment(a, b); got != 1 {
		t.Errorf("Containment(original, trimmed copy) = %v, want 1", got)
	}
	if got := Jaccard(a, b); got <= 0.7 || got >= 1 {
		t.Errorf("Jaccard(original, trimmed copy) = %v, want in (0.7, 1)", got)
	}
	if got := Containment(a, c); got != 0 {
		t.Errorf("Containment(unrelated) = %v, want 0", got)
	}
	if got := Jaccard[uint64, struct{}](nil, nil); got != 0 {
		t.Errorf("Jaccard of empty sets = %v", got)
	}
}
