package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/newsbot/newsbot/rag"
	"github.com/newsbot/newsbot/rag/answer"
)

// RGBSeed is the seed RGB's script gives Python's random module before
// selecting each question's passages.
const RGBSeed = 2333

// RGBPassages is the number of passages RGB gives each question.
const RGBPassages = 5

// RGBItem is one question of RGB's en_fact.json (Chen et al., AAAI 2024).
type RGBItem struct {
	ID    int    `json:"id"`
	Query string `json:"query"`
	// Answer and Fake hold the gold and the counterfactual answer as
	// groups of aliases: an answer is right when it contains one alias of
	// every group (RGB's checkanswer).
	Answer        [][]string `json:"-"`
	Fake          [][]string `json:"-"`
	Positive      []string   `json:"positive"`
	PositiveWrong []string   `json:"positive_wrong"`
	Negative      []string   `json:"negative"`
}

// LoadRGB reads en_fact.json (JSON Lines) from dir. It returns an error
// wrapping ErrFormat for a line that does not parse.
func LoadRGB(dir string) ([]RGBItem, error) {
	f, err := os.Open(filepath.Join(dir, "en_fact.json"))
	if err != nil {
		return nil, fmt.Errorf("load RGB: %w", err)
	}
	defer f.Close()
	var items []RGBItem
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var raw struct {
			RGBItem
			Answer json.RawMessage `json:"answer"`
			Fake   json.RawMessage `json:"fakeanswer"`
		}
		if err := json.Unmarshal(b, &raw); err != nil {
			return nil, fmt.Errorf("load RGB line %d: %w: %v", line, ErrFormat, err)
		}
		it := raw.RGBItem
		if it.Answer, err = aliasGroups(raw.Answer); err != nil {
			return nil, fmt.Errorf("load RGB line %d answer: %w", line, err)
		}
		if it.Fake, err = aliasGroups(raw.Fake); err != nil {
			return nil, fmt.Errorf("load RGB line %d fakeanswer: %w", line, err)
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("load RGB: %w", err)
	}
	return items, nil
}

// aliasGroups reads an RGB answer: a string (one group of one alias), a
// list of strings (each its own group) or a list of lists of aliases.
func aliasGroups(b json.RawMessage) ([][]string, error) {
	var s string
	if json.Unmarshal(b, &s) == nil {
		return [][]string{{s}}, nil
	}
	var list []json.RawMessage
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, fmt.Errorf("%w: answer is neither a string nor a list", ErrFormat)
	}
	var out [][]string
	for _, e := range list {
		if json.Unmarshal(e, &s) == nil {
			out = append(out, []string{s})
			continue
		}
		var g []string
		if err := json.Unmarshal(e, &g); err != nil {
			return nil, fmt.Errorf("%w: answer group is not a list of strings", ErrFormat)
		}
		out = append(out, g)
	}
	return out, nil
}

// RGBContains reports whether text states the answer given as alias groups,
// as RGB's checkanswer decides: case-insensitively, one alias of every group.
func RGBContains(text string, groups [][]string) bool {
	low := strings.ToLower(text)
	if len(groups) == 0 {
		return false
	}
	for _, g := range groups {
		ok := false
		for _, a := range g {
			if strings.Contains(low, strings.ToLower(a)) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// RGBSelect returns the passages RGB's processdata gives a question with
// the true positive passages (the noise-robustness and rejection settings,
// as RGB runs them on en.json): the first positives and the first
// negatives, noise being the share of negatives (1: negatives only), then
// shuffled. r must be seeded with RGBSeed for this question.
func RGBSelect(r *pyRandom, it RGBItem, noise float64) []string {
	neg := int(math.Ceil(RGBPassages * noise))
	pos := RGBPassages - neg
	if noise >= 1 {
		neg, pos = RGBPassages, 0
	} else if neg > len(it.Negative) {
		neg = len(it.Negative)
		pos = RGBPassages - neg
	} else if pos > len(it.Positive) {
		pos = len(it.Positive)
		neg = RGBPassages - pos
	}
	docs := append(append([]string(nil), it.Positive[:min(pos, len(it.Positive))]...), it.Negative[:min(neg, len(it.Negative))]...)
	shuffle(r, docs)
	return docs
}

// RGBSelectFact returns the passages of RGB's counterfactual setting
// (processdata on a _fact file): counterfactual positives sampled at
// random, then, when correct > 0, true positives sampled from the other
// positions, then the first negatives, shuffled.
func RGBSelectFact(r *pyRandom, it RGBItem, noise, correct float64) []string {
	neg := int(math.Ceil(RGBPassages * noise))
	cor := int(math.Ceil(RGBPassages * correct))
	pos := RGBPassages - neg - cor
	idx := make([]int, len(it.Positive))
	for i := range idx {
		idx[i] = i
	}
	chosen := sample(r, idx, min(len(idx), max(pos, 0)))
	var docs []string
	taken := map[int]bool{}
	for _, i := range chosen {
		docs = append(docs, it.PositiveWrong[i])
		taken[i] = true
	}
	var remain []int
	for _, i := range idx {
		if !taken[i] {
			remain = append(remain, i)
		}
	}
	if cor > 0 && len(remain) > 0 {
		for _, i := range sample(r, remain, min(len(remain), cor)) {
			docs = append(docs, it.Positive[i])
		}
	}
	if neg > 0 {
		docs = append(docs, it.Negative[:min(neg, len(it.Negative))]...)
	}
	shuffle(r, docs)
	return docs
}

// RGBSetting is one way of giving RGB's questions their passages.
type RGBSetting struct {
	Name string `json:"name"`
	// Kind is "noise" (true positives and negatives), "negative" (only
	// negatives: the answer should be a refusal), "counterfactual" (only
	// counterfactual positives) or "mixed" (true and counterfactual
	// positives: the answer should say the sources differ).
	Kind    string  `json:"kind"`
	Noise   float64 `json:"noise"`
	Correct float64 `json:"correct,omitempty"`
}

// RGBSettings are the settings RunRGB measures.
var RGBSettings = []RGBSetting{
	{Name: "noise 0%", Kind: "noise", Noise: 0},
	{Name: "noise 20%", Kind: "noise", Noise: 0.2},
	{Name: "noise 40%", Kind: "noise", Noise: 0.4},
	{Name: "noise 60%", Kind: "noise", Noise: 0.6},
	{Name: "noise 80%", Kind: "noise", Noise: 0.8},
	{Name: "only negatives", Kind: "negative", Noise: 1},
	{Name: "counterfactual only", Kind: "counterfactual", Noise: 0},
	{Name: "mixed true/counterfactual", Kind: "mixed", Noise: 0, Correct: 0.4},
}

// RGBRow is the outcome of one setting on one part of the questions.
type RGBRow struct {
	Setting RGBSetting `json:"setting"`
	// Part is "tuning (even ids)" or "held out (odd ids)".
	Part  string `json:"part"`
	Items int    `json:"items"`
	// FirstSentence is the share of answers whose first sentence states
	// the gold answer (noise settings), Answer the share whose whole text
	// does (RGB's own check, minus its "insufficient information" rule).
	FirstSentence float64 `json:"first_sentence"`
	Answer        float64 `json:"answer"`
	// Refused is the share refused; for "negative" it is the score.
	Refused float64 `json:"refused"`
	// Unnamed counts the "negative" items whose passages name no part of
	// the gold answer (namesAnswer: RGB's negatives often state it in
	// another form, "Barty" for "Ashleigh Barty"), and RefusedUnnamed is
	// the share of those refused.
	Unnamed        int     `json:"unnamed,omitempty"`
	RefusedUnnamed float64 `json:"refused_unnamed,omitempty"`
	// Flagged is the share carrying the conflict flag; for "mixed" it is
	// the score, over the items whose passages state both values.
	Flagged float64 `json:"flagged"`
	// StatesFake is the share whose first sentence states the
	// counterfactual value (counterfactual and mixed settings).
	StatesFake float64 `json:"states_fake"`
	// Sentences is the mean number of quoted sentences in an answer that
	// was not refused.
	Sentences float64 `json:"sentences"`
}

// RGBResult is one question's answer in one setting.
type RGBResult struct {
	ID      int      `json:"id"`
	Setting string   `json:"setting"`
	Query   string   `json:"query"`
	Answer  string   `json:"answer"`
	Lead    string   `json:"lead"`
	Right   bool     `json:"right"`
	Refused bool     `json:"refused"`
	Flagged bool     `json:"flagged"`
	Docs    []string `json:"docs,omitempty"`
}

// RGBReport is the result of RunRGB.
type RGBReport struct {
	Rows    []RGBRow    `json:"rows"`
	Results []RGBResult `json:"results,omitempty"`
}

// leadRE matches an answer up to its first run of citation markers.
var leadRE = regexp.MustCompile(`^.*?\[\d+\](\s*\[\d+\])*`)

// Lead returns an answer's first cited sentence: its text up to the first
// run of [n] markers (all of it when it has none).
func Lead(text string) string {
	if m := leadRE.FindString(text); m != "" {
		return m
	}
	return text
}

// answerWordRE finds the words of an answer that name it on their own:
// four letters or more.
var answerWordRE = regexp.MustCompile(`\p{L}{4,}`)

// dayRE finds the day of a date.
var dayRE = regexp.MustCompile(`\b\d{1,2}\b`)

// months are the month names, which name no answer on their own.
var months = strings.Fields("january february march april may june july august september october november december")

// namesAnswer reports whether docs name a part of the gold answer: a word
// of four letters or more of an alias that is not a month ("Barty",
// "Tampa"), or for a date its month and day in either order ("Sep 20th",
// "20 September").
func namesAnswer(docs []string, it RGBItem) bool {
	all := strings.ToLower(strings.Join(docs, "\n"))
	words := map[string]bool{}
	for _, w := range answerWordRE.FindAllString(all, -1) {
		words[w] = true
	}
	for _, g := range it.Answer {
		for _, a := range g {
			a = strings.ToLower(a)
			for _, w := range answerWordRE.FindAllString(a, -1) {
				if words[w] && !slices.Contains(months, w) {
					return true
				}
			}
			day := dayRE.FindString(a)
			for _, m := range months {
				if day == "" || !strings.Contains(a, m) {
					continue
				}
				mon := m[:3]
				if regexp.MustCompile(`\b` + mon + `\w*\.?\s+` + day + `(st|nd|rd|th)?\b|\b` + day + `(st|nd|rd|th)?\s+(of\s+)?` + mon).MatchString(all) {
					return true
				}
			}
		}
	}
	return false
}

// statesBoth reports whether docs state both the true and the
// counterfactual answer, so that a conflict is there to be flagged.
func statesBoth(docs []string, it RGBItem) bool {
	all := strings.Join(docs, "\n")
	return RGBContains(all, it.Answer) && RGBContains(all, it.Fake)
}

var markerRE = regexp.MustCompile(`\[\d+\]`)

// RunRGB answers every item of items in every setting with the product's
// offline answerer given RGB's passages (rag.AnswerPassages) and scores
// the tuning (even ids) and held-out (odd ids) parts separately. With
// keep, per-question results are returned too. It returns the answerer's
// errors.
func RunRGB(ctx context.Context, items []RGBItem, settings []RGBSetting, keep bool) (RGBReport, error) {
	var rep RGBReport
	for _, st := range settings {
		parts := [2]RGBRow{{Setting: st, Part: "tuning (even ids)"}, {Setting: st, Part: "held out (odd ids)"}}
		mixedN, mixedHits := [2]int{}, [2]float64{}
		for _, it := range items {
			r := newPyRandom(RGBSeed)
			var docs []string
			switch st.Kind {
			case "noise", "negative":
				docs = RGBSelect(r, it, st.Noise)
			default:
				docs = RGBSelectFact(r, it, st.Noise, st.Correct)
			}
			ans, err := rag.AnswerPassages(ctx, it.Query, docs)
			if err != nil {
				return rep, fmt.Errorf("RGB item %d: %w", it.ID, err)
			}
			row := &parts[it.ID%2]
			lead := Lead(ans.Answer)
			res := RGBResult{ID: it.ID, Setting: st.Name, Query: it.Query, Answer: ans.Answer, Lead: lead,
				Refused: ans.Refused, Flagged: ans.Has(answer.FlagConflict)}
			row.Items++
			if ans.Refused {
				row.Refused++
			} else {
				row.Sentences += float64(max(1, len(markerRE.FindAllString(ans.Answer, -1))))
			}
			if res.Flagged {
				row.Flagged++
			}
			switch st.Kind {
			case "noise":
				res.Right = !ans.Refused && RGBContains(lead, it.Answer)
				if res.Right {
					row.FirstSentence++
				}
				if !ans.Refused && RGBContains(ans.Answer, it.Answer) {
					row.Answer++
				}
			case "negative":
				res.Right = ans.Refused
				if !namesAnswer(docs, it) {
					row.Unnamed++
					if ans.Refused {
						row.RefusedUnnamed++
					}
				}
			case "counterfactual", "mixed":
				if !ans.Refused && RGBContains(lead, it.Fake) {
					row.StatesFake++
				}
				if st.Kind == "mixed" && statesBoth(docs, it) {
					mixedN[it.ID%2]++
					res.Right = res.Flagged
					if res.Flagged {
						mixedHits[it.ID%2]++
					}
				}
			}
			if keep {
				res.Docs = docs
				rep.Results = append(rep.Results, res)
			}
		}
		for i := range parts {
			p := &parts[i]
			answered := float64(p.Items) - p.Refused
			if answered > 0 {
				p.Sentences /= answered
			}
			if n := float64(p.Items); n > 0 {
				p.FirstSentence /= n
				p.Answer /= n
				p.Refused /= n
				p.StatesFake /= n
				if st.Kind != "mixed" {
					p.Flagged /= n
				}
			}
			if p.Unnamed > 0 {
				p.RefusedUnnamed /= float64(p.Unnamed)
			}
			if st.Kind == "mixed" {
				p.Flagged = 0
				if mixedN[i] > 0 {
					p.Flagged = mixedHits[i] / float64(mixedN[i])
				}
				p.Items = mixedN[i]
			}
			rep.Rows = append(rep.Rows, *p)
		}
	}
	return rep, nil
}
