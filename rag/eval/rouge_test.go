package brief

import (
	"math"
	"testing"
)

func TestPorterStem(t *testing.T) {
	// Examples from Porter (1980), "An algorithm for suffix stripping".
	cases := map[string]string{
		"caresses": "caress", "ponies": "poni", "ties": "ti", "caress": "caress", "cats": "cat",
		"feed": "feed", "agreed": "agre", "plastered": "plaster", "bled": "bled", "motoring": "motor",
		"sing": "sing", "conflated": "conflat", "troubled": "troubl", "sized": "size", "hopping": "hop",
		"tanned": "tan", "falling": "fall", "hissing": "hiss", "fizzed": "fizz", "failing": "fail",
		"filing": "file", "happy": "happi", "sky": "sky", "relational": "relat", "conditional": "condit",
		"rational": "ration", "valenci": "valenc", "hesitanci": "hesit", "digitizer": "digit",
		"conformabli": "conform", "radicalli": "radic", "differentli": "differ", "vileli": "vile",
		"analogousli": "analog", "vietnamization": "vietnam", "predication": "predic", "operator": "oper",
		"feudalism": "feudal", "decisiveness": "decis", "hopefulness": "hope", "callousness": "callous",
		"formaliti": "formal", "sensitiviti": "sensit", "sensibiliti": "sensibl", "triplicate": "triplic",
		"formative": "form", "formalize": "formal", "electriciti": "electr", "electrical": "electr",
		"hopeful": "hope", "goodness": "good", "revival": "reviv", "allowance": "allow",
		"inference": "infer", "airliner": "airlin", "gyroscopic": "gyroscop", "adjustable": "adjust",
		"defensible": "defens", "irritant": "irrit", "replacement": "replac", "adjustment": "adjust",
		"dependent": "depend", "adoption": "adopt", "homologou": "homolog", "communism": "commun",
		"activate": "activ", "angulariti": "angular", "homologous": "homolog", "effective": "effect",
		"bowdlerize": "bowdler", "probate": "probat", "rate": "rate", "cease": "ceas",
		"controll": "control", "roll": "roll", "generalizations": "gener", "oscillators": "oscil",
		"a": "a", "is": "is", "2025": "2025",
	}
	for in, want := range cases {
		if got := porterStem(in); got != want {
			t.Errorf("porterStem(%q) = %q, want %q", in, got, want)
		}
	}
}

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
