package eval

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/rag/answer"
)

func TestHasPhrases(t *testing.T) {
	tests := []struct {
		name   string
		answer string
		expect []string
		want   bool
	}{
		{"all present, any case", "Talks in Abu Dhabi lasted five hours [1].", []string{"abu dhabi", "Five Hours"}, true},
		{"one missing", "Talks lasted five hours [1].", []string{"abu dhabi", "five hours"}, false},
		{"either alternative", "The talks took place in the UAE [1].", []string{"Abu Dhabi | UAE"}, true},
		{"nothing expected", "Anything.", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hasPhrases(tt.answer, tt.expect); got != tt.want {
				t.Errorf("hasPhrases(%q, %q) = %v, want %v", tt.answer, tt.expect, got, tt.want)
			}
		})
	}
}

func TestCompareRuns(t *testing.T) {
	res := func(answer string, refused, right bool) QuestionResult {
		return QuestionResult{Answer: answer, Refused: refused, RefusalOK: right, CitationsOK: true, PhrasesOK: right, CitedExpected: right}
	}
	before := Report{Results: []QuestionResult{
		res("Talks lasted five hours [1].", false, true),
		res("Talks lasted five hours [1]. More [2].", false, true),
		res("The articles don't cover this.", true, true),
		res("Witkoff led the delegation [1].", false, true),
	}}
	after := Report{Results: []QuestionResult{
		res("Talks lasted five hours [1].", false, true),            // same
		res("Talks lasted five hours [1]. Other [2].", false, true), // same lead
		res("An Arsenal striker scored twice [1].", false, false),   // refusal lost
		res("The Blades were on target twice [1].", false, false),   // another lead
	}}
	got := CompareRuns(before, after)
	if len(got) != 2 || !got[0].RefusalFlipped || !got[0].Worse || got[1].RefusalFlipped || !got[1].Worse {
		t.Errorf("changes %+v, want the last two, the first a flipped refusal, both worse", got)
	}
}

// TestSummarizeFirstSentence: an answer whose key phrase is only in its
// second sentence counts for the key-phrase match, not for the first
// sentence.
func TestSummarizeFirstSentence(t *testing.T) {
	qs := []Question{{Question: "a", Expect: []string{"x"}}, {Question: "b", Expect: []string{"x"}}}
	results := []QuestionResult{
		{PhrasesOK: true, CitedExpected: true, FirstOK: true},
		{PhrasesOK: true, CitedExpected: true, FirstOK: false},
	}
	rep := summarize(qs, results, 5)
	if rep.PhraseMatch != 1 || rep.FirstSentence != 0.5 {
		t.Errorf("key-phrase %.2f, first sentence %.2f; want 1 and 0.5", rep.PhraseMatch, rep.FirstSentence)
	}
}

func TestFirstSentenceOK(t *testing.T) {
	q := Question{Question: "Who led the talks?", Expect: []string{"Witkoff"}, Articles: []string{"a1"}}
	cite := func(id string) []answer.Citation { return []answer.Citation{{N: 1, ArticleID: id}} }
	for _, tt := range []struct {
		ans  answer.Answer
		want bool
	}{
		{answer.Answer{Answer: "Witkoff led the talks. [1]", Citations: cite("a1")}, true},
		{answer.Answer{Answer: "The talks lasted hours. [1] Witkoff led them. [2]", Citations: cite("a1")}, false},
		{answer.Answer{Answer: "Witkoff led the talks. [1]", Citations: cite("b2")}, false},
	} {
		if got := firstSentenceOK(tt.ans, q); got != tt.want {
			t.Errorf("firstSentenceOK(%q) = %v, want %v", tt.ans.Answer, got, tt.want)
		}
	}
}

// TestCheckQuestions: a question file that cannot be scored as written is
// refused with the question and what is wrong, not scored silently wrong.
func TestCheckQuestions(t *testing.T) {
	ok := []Question{
		{Question: "Who won?", Expect: []string{"Ruiz|Ana Ruiz"}, Articles: []string{"a"}},
		{Question: "Who lost?", Refuse: true},
		{Question: "How much?", Expect: []string{"$1m (£522,000)"}},
	}
	if err := CheckQuestions(ok); err != nil {
		t.Fatalf("CheckQuestions(valid set) = %v", err)
	}
	for _, tt := range []struct {
		q    Question
		want string
	}{
		{Question{Question: "  ", Expect: []string{"x"}}, "no question text"},
		{Question{Question: "Who won?", Refuse: true, Expect: []string{"Ruiz"}}, "to be refused"},
		{Question{Question: "Who won?"}, "no expected phrases"},
		{Question{Question: "How much?", Expect: []string{`500\.5`}}, "regular expression"},
		{Question{Question: "How much?", Expect: []string{"500.5|"}}, "empty alternative"},
	} {
		err := CheckQuestions(append(slices.Clone(ok), tt.q))
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "question 4") {
			t.Errorf("CheckQuestions(%+v) = %v, want an error about question 4 saying %q", tt.q, err, tt.want)
		}
	}
}
