package rag

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// EvalQuestion is one question of an evaluation set about a corpus.
type EvalQuestion struct {
	Question string `json:"question"`
	// Expect lists key phrases the answer must contain (case-insensitive);
	// "a|b" accepts either.
	Expect []string `json:"expect,omitempty"`
	// Articles lists the ids of articles that state the answer; empty means
	// any article will do.
	Articles []string `json:"articles,omitempty"`
	// Refuse is true when the corpus does not cover the question.
	Refuse bool `json:"refuse,omitempty"`
}

// EvalResult is the outcome for one question.
type EvalResult struct {
	Question string `json:"question"`
	// HitRank is the rank of the first retrieved passage from an expected
	// article (0: none in the top k).
	HitRank       int    `json:"hit_rank"`
	PhrasesOK     bool   `json:"phrases_ok"`
	CitationsOK   bool   `json:"citations_ok"`
	CitedExpected bool   `json:"cited_expected"`
	Refused       bool   `json:"refused"`
	RefusalOK     bool   `json:"refusal_ok"`
	Answer        string `json:"answer"`
	Problem       string `json:"problem,omitempty"`
}

// EvalReport aggregates an evaluation run.
type EvalReport struct {
	K          int `json:"k"`
	Questions  int `json:"questions"`
	Answerable int `json:"answerable"`
	// HitAtK and MRR are over answerable questions.
	HitAtK float64 `json:"hit_at_k"`
	MRR    float64 `json:"mrr"`
	// PhraseMatch is the share of answerable questions whose answer has
	// every key phrase and cites an expected article.
	PhraseMatch float64 `json:"phrase_match"`
	// CitationValidity is the share of answers whose every [n] resolves to
	// a citation quoting its chunk verbatim.
	CitationValidity float64 `json:"citation_validity"`
	// RefusalAccuracy is the share of all questions refused exactly when
	// they should be.
	RefusalAccuracy float64      `json:"refusal_accuracy"`
	Results         []EvalResult `json:"results"`
}

// Evaluate asks every question and scores retrieval, answers, citations and
// refusals. It returns an error only when a question cannot be asked at all.
func (s *Service) Evaluate(ctx context.Context, qs []EvalQuestion, k int) (EvalReport, error) {
	k = clampK(k)
	rep := EvalReport{K: k, Questions: len(qs)}
	var hits, rr, phrases, cites, refusals float64
	for _, q := range qs {
		res, err := s.Search(ctx, q.Question, k, Filter{})
		if err != nil {
			return rep, fmt.Errorf("search %q: %w", q.Question, err)
		}
		ans, err := s.Ask(ctx, AskRequest{Question: q.Question, K: k})
		if err != nil {
			return rep, fmt.Errorf("ask %q: %w", q.Question, err)
		}
		r := EvalResult{Question: q.Question, Refused: ans.Refused, Answer: ans.Answer}
		r.RefusalOK = ans.Refused == q.Refuse
		if err := s.CheckCitations(ans); err != nil {
			r.Problem = err.Error()
		} else {
			r.CitationsOK = true
			cites++
		}
		if !q.Refuse {
			rep.Answerable++
			for _, res := range res {
				if expected(q.Articles, res.Chunk.ArticleID) {
					r.HitRank = res.Rank
					break
				}
			}
			if r.HitRank > 0 {
				hits++
				rr += 1 / float64(r.HitRank)
			}
			for _, c := range ans.Citations {
				if expected(q.Articles, c.ArticleID) {
					r.CitedExpected = true
				}
			}
			r.PhrasesOK = !ans.Refused && hasPhrases(ans.Answer, q.Expect)
			if r.PhrasesOK && r.CitedExpected {
				phrases++
			}
		}
		if r.RefusalOK {
			refusals++
		}
		rep.Results = append(rep.Results, r)
	}
	if rep.Answerable > 0 {
		n := float64(rep.Answerable)
		rep.HitAtK, rep.MRR, rep.PhraseMatch = hits/n, rr/n, phrases/n
	}
	if len(qs) > 0 {
		rep.CitationValidity = cites / float64(len(qs))
		rep.RefusalAccuracy = refusals / float64(len(qs))
	}
	return rep, nil
}

func expected(ids []string, id string) bool {
	if len(ids) == 0 {
		return true
	}
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func hasPhrases(answer string, expect []string) bool {
	low := strings.ToLower(answer)
	for _, e := range expect {
		found := false
		for _, alt := range strings.Split(e, "|") {
			if strings.Contains(low, strings.ToLower(strings.TrimSpace(alt))) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

var markerRE = regexp.MustCompile(`\[(\d+)\]`)

// CheckCitations verifies that every [n] marker in ans resolves to a
// citation, that citation numbers are unique, and that each quote is a
// verbatim part of its chunk. It returns the first problem found.
func (s *Service) CheckCitations(ans Answer) error {
	byN := map[int]Citation{}
	for _, c := range ans.Citations {
		if _, dup := byN[c.N]; dup {
			return fmt.Errorf("citation [%d] appears twice", c.N)
		}
		byN[c.N] = c
	}
	for _, m := range markerRE.FindAllStringSubmatch(ans.Answer, -1) {
		n, _ := strconv.Atoi(m[1])
		if _, ok := byN[n]; !ok {
			return fmt.Errorf("marker [%d] has no citation", n)
		}
	}
	ix := s.index()
	for _, c := range ans.Citations {
		i, ok := ix.byID[c.ChunkID]
		if !ok {
			return fmt.Errorf("citation [%d] names unknown chunk %q", c.N, c.ChunkID)
		}
		if ix.chunks[i].ArticleID != c.ArticleID {
			return fmt.Errorf("citation [%d]: chunk %q is not from article %q", c.N, c.ChunkID, c.ArticleID)
		}
		if c.Quote != "" && !strings.Contains(ix.chunks[i].Text, c.Quote) {
			return fmt.Errorf("citation [%d]: quote is not in chunk %q", c.N, c.ChunkID)
		}
	}
	return nil
}
