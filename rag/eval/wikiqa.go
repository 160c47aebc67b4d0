package wikiqa

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

// RankFunc scores the candidate sentences of a question; larger is
// better. It must return one score per sentence.
type RankFunc func(question string, sentences []string) []float64

// Result is the quality of a ranking over the scored questions.
type Result struct {
	MAP, MRR float64
	// Questions is the number of questions averaged over.
	Questions int
}

// String formats the result as "MAP 0.6190 MRR 0.6281 (237 questions)".
func (r Result) String() string {
	return fmt.Sprintf("MAP %.4f MRR %.4f (%d questions)", r.MAP, r.MRR, r.Questions)
}

// Score ranks the candidates of every scored question with rank and
// returns MAP and MRR. A rank function that returns the wrong number of
// scores makes that question count as zero.
func Score(qs []Question, rank RankFunc) Result {
	var res Result
	for _, q := range qs {
		if !q.Scored {
			continue
		}
		res.Questions++
		scores := rank(q.Text, q.Sentences)
		if len(scores) != len(q.Sentences) {
			continue
		}
		ap, rr := APRR(scores, q.Labels)
		res.MAP += ap
		res.MRR += rr
	}
	if res.Questions > 0 {
		res.MAP /= float64(res.Questions)
		res.MRR /= float64(res.Questions)
	}
	return res
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
// ("qnum 0 sentIndex 0 score 0" per line) against qs, as Score does. It
// returns an error wrapping ErrFormat for a malformed file or ErrMismatch
// when a scored question's sentences are missing from it.
func ScoreRankFile(qs []Question, path string) (Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return Result{}, fmt.Errorf("open rank file: %w", err)
	}
	defer f.Close()
	scores := map[int]map[int]float64{}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			continue
		}
		if len(fs) != 6 {
			return Result{}, fmt.Errorf("%s:%d: %d fields, want 6: %w", path, line, len(fs), ErrFormat)
		}
		q, err1 := strconv.Atoi(fs[0])
		s, err2 := strconv.Atoi(fs[2])
		v, err3 := strconv.ParseFloat(fs[4], 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return Result{}, fmt.Errorf("%s:%d: not numbers: %w", path, line, ErrFormat)
		}
		if scores[q] == nil {
			scores[q] = map[int]float64{}
		}
		scores[q][s] = v
	}
	if err := sc.Err(); err != nil {
		return Result{}, fmt.Errorf("read %s: %w", path, err)
	}
	byNum := map[int][]float64{}
	for _, q := range qs {
		if !q.Scored {
			continue
		}
		got := scores[q.Num]
		if len(got) != len(q.Sentences) {
			return Result{}, fmt.Errorf("%s: question %d has %d scores for %d sentences: %w",
				path, q.Num, len(got), len(q.Sentences), ErrMismatch)
		}
		v := make([]float64, len(q.Sentences))
		for i := range v {
			s, ok := got[i]
			if !ok {
				return Result{}, fmt.Errorf("%s: question %d sentence %d missing: %w", path, q.Num, i, ErrMismatch)
			}
			v[i] = s
		}
		byNum[q.Num] = v
	}
	// Score looks questions up by text; rank by number instead.
	res := Result{}
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
