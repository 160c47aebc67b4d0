package eval

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsbot/newsbot/rag"
	"github.com/newsbot/newsbot/rag/answer"
)

// Question is one question of an evaluation set about a corpus.
type Question struct {
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

// QuestionResult is the outcome for one question.
type QuestionResult struct {
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

// Report aggregates a run over a question set.
type Report struct {
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
	RefusalAccuracy float64          `json:"refusal_accuracy"`
	Results         []QuestionResult `json:"results"`
}

// RunQuestions asks svc every question and scores retrieval, answers,
// citations and refusals; k is the number of passages retrieved (clamped
// as rag.Service.Search clamps it). It returns an error only when a
// question cannot be asked at all.
func RunQuestions(ctx context.Context, svc *rag.Service, qs []Question, k int) (Report, error) {
	if k <= 0 {
		k = rag.DefaultK
	}
	k = min(k, rag.MaxK)
	rep := Report{K: k, Questions: len(qs)}
	var hits, rr, phrases, cites, refusals float64
	for _, q := range qs {
		res, err := svc.Search(ctx, q.Question, k, answer.Filter{})
		if err != nil {
			return rep, fmt.Errorf("search %q: %w", q.Question, err)
		}
		ans, err := svc.Ask(ctx, answer.Request{Question: q.Question, K: k})
		if err != nil {
			return rep, fmt.Errorf("ask %q: %w", q.Question, err)
		}
		r := QuestionResult{Question: q.Question, Refused: ans.Refused, Answer: ans.Answer}
		r.RefusalOK = ans.Refused == q.Refuse
		if err := svc.CheckCitations(ans); err != nil {
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
