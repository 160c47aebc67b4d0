package eval

import (
	"slices"
	"testing"
)

// The expected draws were printed by CPython 3 (random.seed(2333)).
func TestPyRandomMatchesCPython(t *testing.T) {
	r := newPyRandom(2333)
	x := []int{0, 1, 2, 3, 4, 5, 6, 7, 8}
	shuffle(r, x)
	if want := []int{8, 3, 5, 2, 6, 1, 7, 4, 0}; !slices.Equal(x, want) {
		t.Errorf("shuffle = %v, want %v", x, want)
	}
	r = newPyRandom(2333)
	if got, want := sample(r, []int{0, 1, 2, 3, 4, 5, 6}, 4), []int{0, 2, 4, 1}; !slices.Equal(got, want) {
		t.Errorf("sample = %v, want %v", got, want)
	}
	y := []int{0, 1, 2, 3, 4}
	shuffle(r, y)
	if want := []int{0, 3, 1, 2, 4}; !slices.Equal(y, want) {
		t.Errorf("shuffle after sample = %v, want %v", y, want)
	}
}

func TestRGBContainsAndLead(t *testing.T) {
	groups := [][]string{{"July 21 2017", "Jul 21, 2017"}}
	if !RGBContains("Released on Jul 21, 2017 worldwide.", groups) || RGBContains("Released in 2017.", groups) {
		t.Error("RGBContains does not follow RGB's alias check")
	}
	if got := Lead("Sources differ: A said x. [1] B said y. [2]"); got != "Sources differ: A said x. [1]" {
		t.Errorf("Lead = %q", got)
	}
}

func TestRunRGB(t *testing.T) {
	const dir = "../../../shared/eval/data/rgb-en-fact"
	items, err := LoadRGB(dir)
	if err != nil {
		t.Skipf("RGB en_fact not found at %s: %v", dir, err)
	}
	rep, err := RunRGB(t.Context(), items, []RGBSetting{RGBSettings[0], RGBSettings[5]}, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rep.Rows {
		t.Logf("%-26s %-19s first %.3f refused %.3f", r.Setting.Name, r.Part, r.FirstSentence, r.Refused)
	}
	// Floors a little under the measured figures (docs/evaluation.md).
	if r := rep.Rows[0]; r.FirstSentence < 0.6 {
		t.Errorf("noise 0%% tuning first-sentence accuracy %.3f < 0.6", r.FirstSentence)
	}
}
