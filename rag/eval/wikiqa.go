package eval

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"github.com/newsbot/newsbot/rag"
	"github.com/newsbot/newsbot/rag/localembed"
)

// WikiQATable is the result of RunWikiQA: MAP and MRR of newsbot's
// sentence scorer and of baselines on the WikiQA test split, beside the
// figures published by Yang et al.
type WikiQATable struct {
	// Questions is the number of questions averaged over.
	Questions int         `json:"questions"`
	Rows      []WikiQARow `json:"rows"`
	// Paired is newsbot's MAP against "first sentence first", with a
	// paired bootstrap interval over the questions.
	Paired PairedDiff `json:"paired"`
}

// WikiQARow is one line of a WikiQATable.
type WikiQARow struct {
	System string  `json:"system"`
	MAP    float64 `json:"map"`
	MRR    float64 `json:"mrr"`
	// Published is true for figures quoted from Yang et al. (EMNLP 2015).
	Published bool `json:"published,omitempty"`
}

// RunWikiQA scores the sentence scorer that extractive answers use
// (rag.ScoreSentences) on the WikiQA test split in dir, first row, beside
// baselines computed by the same scorer and the published figures. It
// returns LoadWikiQA's errors, or the sentence scorer's.
func RunWikiQA(ctx context.Context, dir string) (WikiQATable, error) {
	qs, err := LoadWikiQA(dir, "test")
	if err != nil {
		return WikiQATable{}, err
	}
	t := WikiQATable{}
	aps := map[string][]float64{}
	for _, sys := range []struct {
		name string
		rank RankFunc
	}{
		{"newsbot (extractive sentence scorer)", rag.ScoreSentences},
		{"word count (same scorer)", WordCount},
		{"first sentence first (same scorer)", FirstSentenceFirst},
	} {
		r, ap, err := scoreRanking(ctx, qs, sys.rank)
		if err != nil {
			return WikiQATable{}, fmt.Errorf("%s: %w", sys.name, err)
		}
		aps[sys.name] = ap
		t.Questions = r.Questions
		t.Rows = append(t.Rows, WikiQARow{System: sys.name, MAP: r.MAP, MRR: r.MRR})
	}
	const product, baseline = "newsbot (extractive sentence scorer)", "first sentence first (same scorer)"
	t.Paired = PairedBootstrap(aps[product], aps[baseline], BootstrapResamples, BootstrapSeed)
	t.Paired.System, t.Paired.Baseline = product, baseline
	t.Rows = append(t.Rows,
		WikiQARow{System: "Word Cnt", MAP: 0.4891, MRR: 0.4924, Published: true},
		WikiQARow{System: "Wgt Word Cnt", MAP: 0.5099, MRR: 0.5132, Published: true},
		WikiQARow{System: "CNN", MAP: 0.6190, MRR: 0.6281, Published: true},
		WikiQARow{System: "CNN-Cnt", MAP: 0.6520, MRR: 0.6652, Published: true},
	)
	return t, nil
}

// RankFunc scores the candidate sentences of a question; larger is
// better. It must return one score per sentence; rag.ScoreSentences is
// one.
type RankFunc func(ctx context.Context, question string, sentences []string) ([]float64, error)

// Ranking is the quality of a ranking over the scored questions.
type Ranking struct {
	MAP, MRR float64
	// Questions is the number of questions averaged over.
	Questions int
}

// String formats the result as "MAP 0.6190 MRR 0.6281 (237 questions)".
func (r Ranking) String() string {
	return fmt.Sprintf("MAP %.4f MRR %.4f (%d questions)", r.MAP, r.MRR, r.Questions)
}

// ScoreRanking ranks the candidates of every scored question with rank
// and returns MAP and MRR. A rank function that returns the wrong number
// of scores makes that question count as zero; one that returns an error
// stops the run with that error.
func ScoreRanking(ctx context.Context, qs []WikiQAQuestion, rank RankFunc) (Ranking, error) {
	r, _, err := scoreRanking(ctx, qs, rank)
	return r, err
}

// scoreRanking is ScoreRanking, also returning the average precision of
// each scored question in order.
func scoreRanking(ctx context.Context, qs []WikiQAQuestion, rank RankFunc) (Ranking, []float64, error) {
	var res Ranking
	var aps []float64
	for _, q := range qs {
		if !q.Scored {
			continue
		}
		res.Questions++
		scores, err := rank(ctx, q.Text, q.Sentences)
		if err != nil {
			return Ranking{}, nil, fmt.Errorf("rank WikiQA question %s: %w", q.ID, err)
		}
		if len(scores) != len(q.Sentences) {
			aps = append(aps, 0)
			continue
		}
		ap, rr := APRR(scores, q.Labels)
		aps = append(aps, ap)
		res.MAP += ap
		res.MRR += rr
	}
	if res.Questions > 0 {
		res.MAP /= float64(res.Questions)
		res.MRR /= float64(res.Questions)
	}
	return res, aps, nil
}

// APRR returns the average precision and reciprocal rank of one ranked
// question. Candidates are ordered as trec_eval does: by score, highest
// first, and equal scores by sentence number compared as text, highest
// first ("9" before "10" before "1"). labels[i] is 1 for a correct
// sentence. Both are 0 when no label is 1.
func APRR(scores []float64, labels []int) (ap, rr float64) {
	order := make([]int, len(scores))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		i, j := order[a], order[b]
		if scores[i] != scores[j] {
			return scores[i] > scores[j]
		}
		return strconv.Itoa(i) > strconv.Itoa(j)
	})
	rel, nrel := 0, 0
	for _, l := range labels {
		if l > 0 {
			nrel++
		}
	}
	if nrel == 0 {
		return 0, 0
	}
	for k, i := range order {
		if labels[i] > 0 {
			rel++
			ap += float64(rel) / float64(k+1)
			if rel == 1 {
				rr = 1 / float64(k+1)
			}
		}
	}
	return ap / float64(nrel), rr
}

// ScoreRankFile scores a system's output in the emnlp-table .rank format
// ("qnum 0 sentIndex 0 score 0" per line) against qs, as ScoreRanking does. It
// returns an error wrapping ErrFormat for a malformed file or ErrMismatch
// when a scored question's sentences are missing from it.
func ScoreRankFile(qs []WikiQAQuestion, path string) (Ranking, error) {
	scores := map[int]map[int]float64{}
	err := readColumns(path, 6, func(line int, fs []string) error {
		q, err1 := strconv.Atoi(fs[0])
		s, err2 := strconv.Atoi(fs[2])
		v, err3 := strconv.ParseFloat(fs[4], 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return fmt.Errorf("%s:%d: not numbers: %w", path, line, ErrFormat)
		}
		if scores[q] == nil {
			scores[q] = map[int]float64{}
		}
		scores[q][s] = v
		return nil
	})
	if err != nil {
		return Ranking{}, err
	}
	byNum := map[int][]float64{}
	for _, q := range qs {
		if !q.Scored {
			continue
		}
		got := scores[q.Num]
		if len(got) != len(q.Sentences) {
			return Ranking{}, fmt.Errorf("%s: question %d has %d scores for %d sentences: %w",
				path, q.Num, len(got), len(q.Sentences), ErrMismatch)
		}
		v := make([]float64, len(q.Sentences))
		for i := range v {
			s, ok := got[i]
			if !ok {
				return Ranking{}, fmt.Errorf("%s: question %d sentence %d missing: %w", path, q.Num, i, ErrMismatch)
			}
			v[i] = s
		}
		byNum[q.Num] = v
	}
	// ScoreRanking looks questions up by text; rank by number instead.
	res := Ranking{}
	for _, q := range qs {
		if !q.Scored {
			continue
		}
		ap, rr := APRR(byNum[q.Num], q.Labels)
		res.MAP += ap
		res.MRR += rr
		res.Questions++
	}
	if res.Questions > 0 {
		res.MAP /= float64(res.Questions)
		res.MRR /= float64(res.Questions)
	}
	return res, nil
}

// WordCount is the paper's "Word Cnt" baseline: the number of distinct
// question tokens (localembed.Tokens: stemmed, stop words removed) that
// occur in the sentence. It never returns an error.
func WordCount(_ context.Context, question string, sentences []string) ([]float64, error) {
	return overlap(question, sentences, func(string) float64 { return 1 }), nil
}

// WeightedWordCount is the paper's "Wgt Word Cnt" baseline: WordCount with
// each shared token weighted by its IDF (localembed.IDF, from WordNet's
// glosses). It never returns an error.
func WeightedWordCount(_ context.Context, question string, sentences []string) ([]float64, error) {
	return overlap(question, sentences, localembed.IDF), nil
}

func overlap(question string, sentences []string, weight func(string) float64) []float64 {
	q := map[string]bool{}
	for _, t := range localembed.Tokens(question) {
		q[t] = true
	}
	out := make([]float64, len(sentences))
	for i, s := range sentences {
		seen := map[string]bool{}
		for _, t := range localembed.Tokens(s) {
			if q[t] && !seen[t] {
				seen[t] = true
				out[i] += weight(t)
			}
		}
	}
	return out
}

// FirstSentenceFirst is the position baseline: it ranks the sentences in
// their page order, ignoring the question (a page's first sentence often
// answers a WikiQA question). It never returns an error.
func FirstSentenceFirst(_ context.Context, _ string, sentences []string) ([]float64, error) {
	out := make([]float64, len(sentences))
	for i := range out {
		out[i] = -float64(i)
	}
	return out, nil
}
