package eval

import (
	"context"
	"fmt"
	"slices"
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
	// Part is "tuning" for questions the answerer was tuned on, "held-out"
	// for questions written without looking at it and never tuned on.
	Part string `json:"part,omitempty"`
}

// CheckQuestions reports the first question of qs that cannot be scored
// as written: one without text, one to refuse that expects phrases, one to
// answer that expects none, or an expected phrase that is empty or written
// as a regular expression (a backslash: "500\\.5"). Phrases are plain text
// matched as substrings, "a|b" accepting either, so a pattern would never
// match a right answer.
func CheckQuestions(qs []Question) error {
	for i, q := range qs {
		switch {
		case strings.TrimSpace(q.Question) == "":
			return fmt.Errorf("question %d: no question text", i+1)
		case q.Refuse && len(q.Expect) > 0:
			return fmt.Errorf("question %d (%q): to be refused, yet it expects phrases", i+1, q.Question)
		case !q.Refuse && len(q.Expect) == 0:
			return fmt.Errorf("question %d (%q): no expected phrases (set \"refuse\": true if the articles do not answer it)", i+1, q.Question)
		}
		for _, e := range q.Expect {
			for _, alt := range strings.Split(e, "|") {
				switch {
				case strings.TrimSpace(alt) == "":
					return fmt.Errorf("question %d (%q): expected phrase %q has an empty alternative", i+1, q.Question, e)
				case strings.Contains(alt, `\`):
					return fmt.Errorf("question %d (%q): expected phrase %q looks like a regular expression; phrases are plain text, \"a|b\" accepting either", i+1, q.Question, e)
				}
			}
		}
	}
	return nil
}

// QuestionResult is the outcome for one question.
type QuestionResult struct {
	Question string `json:"question"`
	Part     string `json:"part,omitempty"`
	// HitRank is the rank of the first retrieved passage from an expected
	// article (0: none in the top k).
	HitRank   int  `json:"hit_rank"`
	PhrasesOK bool `json:"phrases_ok"`
	// FirstOK is true when the answer's first sentence alone has every
	// key phrase and its citation is of an expected article.
	FirstOK       bool   `json:"first_ok"`
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
	// FirstSentence is the share of answerable questions whose answer's
	// first sentence has every key phrase and cites an expected article.
	FirstSentence float64 `json:"first_sentence"`
	// CitationValidity is the share of answers whose every [n] resolves to
	// a citation quoting its chunk verbatim.
	CitationValidity float64 `json:"citation_validity"`
	// RefusalAccuracy is the share of all questions refused exactly when
	// they should be.
	RefusalAccuracy float64 `json:"refusal_accuracy"`
	// Parts are the same measures over each part of the set (tuning,
	// held-out), in order of first appearance.
	Parts   []Report         `json:"parts,omitempty"`
	Part    string           `json:"part,omitempty"`
	Results []QuestionResult `json:"results,omitempty"`
}

// RunQuestions asks svc every question and scores retrieval, answers,
// citations and refusals; k is the number of passages retrieved (clamped
// as rag.Service.Search clamps it). It returns an error only when a
// question cannot be asked at all.
func RunQuestions(ctx context.Context, svc *rag.Service, qs []Question, k int) (Report, error) {
	askK := k // 0: the service's default, which depends on whether a model answers
	if k <= 0 {
		k = rag.DefaultK
	}
	k = min(k, rag.MaxK)
	var results []QuestionResult
	for _, q := range qs {
		res, err := svc.Search(ctx, q.Question, k, answer.Filter{})
		if err != nil {
			return Report{}, fmt.Errorf("search %q: %w", q.Question, err)
		}
		ans, err := svc.Ask(ctx, answer.Request{Question: q.Question, K: askK})
		if err != nil {
			return Report{}, fmt.Errorf("ask %q: %w", q.Question, err)
		}
		r := QuestionResult{Question: q.Question, Part: q.Part, Refused: ans.Refused, Answer: ans.Answer}
		r.RefusalOK = ans.Refused == q.Refuse
		if err := svc.CheckCitations(ctx, ans); err != nil {
			r.Problem = err.Error()
		} else {
			r.CitationsOK = true
		}
		if !q.Refuse {
			for _, res := range res {
				if expected(q.Articles, res.Chunk.ArticleID) {
					r.HitRank = res.Rank
					break
				}
			}
			for _, c := range ans.Citations {
				if expected(q.Articles, c.ArticleID) {
					r.CitedExpected = true
				}
			}
			r.PhrasesOK = !ans.Refused && hasPhrases(ans.Answer, q.Expect)
			r.FirstOK = r.PhrasesOK && firstSentenceOK(ans, q)
		}
		results = append(results, r)
	}
	rep := summarize(qs, results, k)
	rep.Results = results
	var parts []string
	for _, q := range qs {
		if q.Part != "" && !slices.Contains(parts, q.Part) {
			parts = append(parts, q.Part)
		}
	}
	for _, p := range parts {
		var pq []Question
		var pr []QuestionResult
		for i, q := range qs {
			if q.Part == p {
				pq, pr = append(pq, q), append(pr, results[i])
			}
		}
		sub := summarize(pq, pr, k)
		sub.Part = p
		rep.Parts = append(rep.Parts, sub)
	}
	return rep, nil
}

// summarize aggregates the results of questions qs (in the same order).
func summarize(qs []Question, results []QuestionResult, k int) Report {
	rep := Report{K: k, Questions: len(qs)}
	var hits, rr, phrases, first, cites, refusals float64
	for i, q := range qs {
		r := results[i]
		if r.CitationsOK {
			cites++
		}
		if r.RefusalOK {
			refusals++
		}
		if q.Refuse {
			continue
		}
		rep.Answerable++
		if r.HitRank > 0 {
			hits++
			rr += 1 / float64(r.HitRank)
		}
		if r.PhrasesOK && r.CitedExpected {
			phrases++
		}
		if r.FirstOK {
			first++
		}
	}
	if rep.Answerable > 0 {
		n := float64(rep.Answerable)
		rep.HitAtK, rep.MRR, rep.PhraseMatch, rep.FirstSentence = hits/n, rr/n, phrases/n, first/n
	}
	if len(qs) > 0 {
		rep.CitationValidity = cites / float64(len(qs))
		rep.RefusalAccuracy = refusals / float64(len(qs))
	}
	return rep
}

// firstSentenceOK reports whether ans's first sentence (up to its first
// citation marker) has every key phrase of q and cites an expected article.
func firstSentenceOK(ans answer.Answer, q Question) bool {
	first, _, _ := strings.Cut(ans.Answer, "[1]")
	return !ans.Refused && hasPhrases(first, q.Expect) && len(ans.Citations) > 0 && expected(q.Articles, ans.Citations[0].ArticleID)
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

// AnswerChange is a question answered differently by two runs.
type AnswerChange struct {
	Question string `json:"question"`
	Part     string `json:"part,omitempty"`
	Before   string `json:"before"`
	After    string `json:"after"`
	// RefusalFlipped is true when one run refused and the other answered.
	RefusalFlipped bool `json:"refusal_flipped"`
	// Worse is true when the change turned a right answer or refusal
	// into a wrong one.
	Worse bool `json:"worse"`
}

// CompareRuns returns the questions that two runs over the same question
// set (before and after, results in the same order) answer differently:
// one refuses and the other does not, or their first cited sentences
// (Lead) differ.
func CompareRuns(before, after Report) []AnswerChange {
	var out []AnswerChange
	for i, b := range before.Results {
		if i >= len(after.Results) {
			break
		}
		a := after.Results[i]
		if b.Refused == a.Refused && Lead(b.Answer) == Lead(a.Answer) {
			continue
		}
		out = append(out, AnswerChange{
			Question: b.Question, Part: b.Part, Before: b.Answer, After: a.Answer,
			RefusalFlipped: b.Refused != a.Refused,
			Worse:          right(b) && !right(a),
		})
	}
	return out
}

// right reports whether a result is counted as a success: the refusal
// decision is right and an answer has its key phrases and cites an
// expected article.
func right(r QuestionResult) bool {
	return r.RefusalOK && r.CitationsOK && (r.Refused || (r.PhrasesOK && r.CitedExpected))
}
