package main

import (
	"encoding/json"
	"os"
	"testing"
)

// TestEvalShippedQuestions guards answer quality on the shipped articles:
// a change that makes answers miss their key facts, cite badly or stop
// refusing off-topic questions fails here.
func TestEvalShippedQuestions(t *testing.T) {
	c := newCLI(t, "../../corpus")
	code, out, stderr := c.run("eval", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	type measures struct {
		Part             string  `json:"part"`
		Questions        int     `json:"questions"`
		HitAtK           float64 `json:"hit_at_k"`
		PhraseMatch      float64 `json:"phrase_match"`
		CitationValidity float64 `json:"citation_validity"`
		RefusalAccuracy  float64 `json:"refusal_accuracy"`
	}
	var rep struct {
		measures
		Parts []measures `json:"parts"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	// The tuning part is held to what tuning reached; the held-out parts
	// (casual questions, each tuned on after its blind run: held-out-2 and
	// -3 in issue 10's rounds 5 and 6, held-out-4 and -5 in round 6,
	// held-out-6 and -7 in round 7, held-out-8 in round 8, held-out-9 in
	// round 9, held-out-10 in round 10, held-out-11 in round 11,
	// held-out-12 in round 12, held-out-13 in round 13, held-out-14 in
	// round 14, held-out-15 and -16 in round 15, held-out-17 and -18 in
	// round 16, held-out-19 and -20 in round 17, held-out-21 and -22 in
	// round 18, held-out-23 and -24 in round 19, held-out-25 and -26 in
	// round 20, held-out-27 and -28 in round 21, held-out-29 and -30 in
	// round 22, held-out-31 and -32 in round 23, held-out-33 and -34 in
	// round 24, held-out-36 in round 25, held-out-37 in round 26,
	// held-out-38 in round 27, held-out-39 in round 28, held-out-40 in
	// round 29) to floors under today's figures, so a change that loses
	// ground on them fails too.
	floors := map[string]measures{
		"tuning":      {HitAtK: 0.95, PhraseMatch: 0.9, CitationValidity: 1, RefusalAccuracy: 0.95},
		"held-out":    {HitAtK: 0.95, PhraseMatch: 0.7, CitationValidity: 1, RefusalAccuracy: 0.85},
		"held-out-2":  {HitAtK: 0.9, PhraseMatch: 0.65, CitationValidity: 1, RefusalAccuracy: 0.8},
		"held-out-3":  {HitAtK: 0.9, PhraseMatch: 0.75, CitationValidity: 1, RefusalAccuracy: 0.8},
		"held-out-4":  {HitAtK: 0.85, PhraseMatch: 0.6, CitationValidity: 1, RefusalAccuracy: 0.7},
		"held-out-5":  {HitAtK: 0.9, PhraseMatch: 0.5, CitationValidity: 1, RefusalAccuracy: 0.75},
		"held-out-6":  {HitAtK: 0.9, PhraseMatch: 0.65, CitationValidity: 1, RefusalAccuracy: 0.85},
		"held-out-7":  {HitAtK: 0.9, PhraseMatch: 0.65, CitationValidity: 1, RefusalAccuracy: 0.8},
		"held-out-8":  {HitAtK: 0.95, PhraseMatch: 0.8, CitationValidity: 1, RefusalAccuracy: 0.85},
		"held-out-9":  {HitAtK: 0.95, PhraseMatch: 0.6, CitationValidity: 1, RefusalAccuracy: 0.7},
		"held-out-10": {HitAtK: 0.95, PhraseMatch: 0.65, CitationValidity: 1, RefusalAccuracy: 0.85},
		"held-out-11": {HitAtK: 0.95, PhraseMatch: 0.65, CitationValidity: 1, RefusalAccuracy: 0.7},
		"held-out-12": {HitAtK: 0.95, PhraseMatch: 0.65, CitationValidity: 1, RefusalAccuracy: 0.85},
		"held-out-13": {HitAtK: 0.95, PhraseMatch: 0.6, CitationValidity: 1, RefusalAccuracy: 0.75},
		"held-out-14": {HitAtK: 0.95, PhraseMatch: 0.6, CitationValidity: 1, RefusalAccuracy: 0.8},
		"held-out-15": {HitAtK: 0.95, PhraseMatch: 0.65, CitationValidity: 1, RefusalAccuracy: 0.8},
		"held-out-16": {HitAtK: 0.9, PhraseMatch: 0.8, CitationValidity: 1, RefusalAccuracy: 0.9},
		"held-out-17": {HitAtK: 0.95, PhraseMatch: 0.6, CitationValidity: 1, RefusalAccuracy: 0.75},
		"held-out-18": {HitAtK: 0.95, PhraseMatch: 0.9, CitationValidity: 1, RefusalAccuracy: 0.95},
		"held-out-19": {HitAtK: 0.95, PhraseMatch: 0.85, CitationValidity: 1, RefusalAccuracy: 0.9},
		"held-out-20": {HitAtK: 0.9, PhraseMatch: 0.75, CitationValidity: 1, RefusalAccuracy: 0.9},
		"held-out-21": {HitAtK: 0.95, PhraseMatch: 0.75, CitationValidity: 1, RefusalAccuracy: 0.8},
		"held-out-22": {HitAtK: 0.95, PhraseMatch: 0.8, CitationValidity: 1, RefusalAccuracy: 0.9},
		"held-out-23": {HitAtK: 0.95, PhraseMatch: 0.6, CitationValidity: 1, RefusalAccuracy: 0.8},
		"held-out-24": {HitAtK: 0.9, PhraseMatch: 0.7, CitationValidity: 1, RefusalAccuracy: 0.85},
		"held-out-25": {HitAtK: 0.95, PhraseMatch: 0.7, CitationValidity: 1, RefusalAccuracy: 0.8},
		"held-out-26": {HitAtK: 0.9, PhraseMatch: 0.75, CitationValidity: 1, RefusalAccuracy: 0.9},
		"held-out-27": {HitAtK: 0.95, PhraseMatch: 0.75, CitationValidity: 1, RefusalAccuracy: 0.85},
		"held-out-28": {HitAtK: 0.95, PhraseMatch: 0.6, CitationValidity: 1, RefusalAccuracy: 0.7},
		"held-out-29": {HitAtK: 0.95, PhraseMatch: 0.65, CitationValidity: 1, RefusalAccuracy: 0.8},
		"held-out-30": {HitAtK: 0.9, PhraseMatch: 0.8, CitationValidity: 1, RefusalAccuracy: 0.85},
		"held-out-31": {HitAtK: 0.95, PhraseMatch: 0.7, CitationValidity: 1, RefusalAccuracy: 0.75},
		"held-out-32": {HitAtK: 0.95, PhraseMatch: 0.9, CitationValidity: 1, RefusalAccuracy: 0.95},
		"held-out-33": {HitAtK: 0.95, PhraseMatch: 0.85, CitationValidity: 1, RefusalAccuracy: 0.95},
		"held-out-34": {HitAtK: 0.95, PhraseMatch: 0.8, CitationValidity: 1, RefusalAccuracy: 0.95},
		"held-out-36": {HitAtK: 0.9, PhraseMatch: 0.6, CitationValidity: 1, RefusalAccuracy: 0.85},
		"held-out-37": {HitAtK: 0.95, PhraseMatch: 0.8, CitationValidity: 1, RefusalAccuracy: 0.85},
		"held-out-38": {HitAtK: 0.95, PhraseMatch: 0.55, CitationValidity: 1, RefusalAccuracy: 0.9},
		"held-out-39": {HitAtK: 0.9, PhraseMatch: 0.8, CitationValidity: 1, RefusalAccuracy: 0.9},
		"held-out-40": {HitAtK: 0.95, PhraseMatch: 0.75, CitationValidity: 1, RefusalAccuracy: 0.85},
	}
	// held-out-35 is sealed: nobody tunes on it, so it has no floor here;
	// its figures are only logged (go test -v shows them).
	const sealed = "held-out-35"
	if len(rep.Parts) != len(floors)+1 {
		t.Fatalf("parts %+v, want tuning, held-out, held-out-2 to -34, -36 to -40 and %s", rep.Parts, sealed)
	}
	for _, p := range rep.Parts {
		if p.Part == sealed {
			t.Logf("%s (sealed, no floor): %d questions, hit@k %.3f, key phrases %.3f, citations %.3f, refusals %.3f",
				p.Part, p.Questions, p.HitAtK, p.PhraseMatch, p.CitationValidity, p.RefusalAccuracy)
			continue
		}
		f, ok := floors[p.Part]
		if !ok || p.Questions < 20 {
			t.Errorf("part %q with %d questions: want tuning, held-out, held-out-2 to -34, -36 to -40 and %s, 20 or more each", p.Part, p.Questions, sealed)
			continue
		}
		if p.HitAtK < f.HitAtK || p.PhraseMatch < f.PhraseMatch || p.CitationValidity < f.CitationValidity || p.RefusalAccuracy < f.RefusalAccuracy {
			t.Errorf("%s quality fell: hit@k %.3f, key phrases %.3f, citations %.3f, refusals %.3f",
				p.Part, p.HitAtK, p.PhraseMatch, p.CitationValidity, p.RefusalAccuracy)
		}
	}
}

func TestEvalWikiQA(t *testing.T) {
	dir := "../../../shared/eval/data/wikiqa"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("WikiQA data not found at %s", dir)
	}
	c := newCLI(t, "../../corpus")
	code, out, stderr := c.run("eval", "--json", "--wikiqa", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Questions int
		Rows      []struct {
			System    string
			MAP, MRR  float64
			Published bool
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Questions != 237 || rep.Rows[0].MAP <= 0.5099 || rep.Rows[0].MRR <= 0.5132 {
		t.Errorf("WikiQA: %d questions, MAP %.4f / MRR %.4f; want 237 and above the word-count baselines", rep.Questions, rep.Rows[0].MAP, rep.Rows[0].MRR)
	}
}

func TestEvalGroupingMultiNews(t *testing.T) {
	dir := "../../../shared/eval/data/multinews-leval-sample"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("Multi-News sample not found at %s", dir)
	}
	code, out, stderr := newCLI(t, "../../corpus").run("eval", "--json", "--grouping", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Documents, Classes, Groups int
		Purity, ARI                float64
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	// Measured: 91 pseudo-documents of 11 clusters, purity 1.000, ARI 0.427.
	if rep.Classes != 11 || rep.Documents < 50 || rep.Purity < 0.95 || rep.ARI < 0.3 {
		t.Errorf("grouping on Multi-News: %+v; want 11 clusters, purity ≥ 0.95, ARI ≥ 0.3", rep)
	}
}
