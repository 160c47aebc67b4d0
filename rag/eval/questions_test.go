package eval

import "testing"

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
