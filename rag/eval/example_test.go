package eval_test

import (
	"context"
	"fmt"

	"github.com/newsbot/newsbot/rag"
	"github.com/newsbot/newsbot/rag/eval"
)

func ExampleRougeN() {
	s := eval.RougeN("the cat sat on the mat", "The cat was sitting on the mat.", 1, false)
	fmt.Printf("P=%.3f R=%.3f F1=%.3f\n", s.Precision, s.Recall, s.F1)
	// Output: P=0.833 R=0.714 F1=0.769
}

func ExampleScoreRanking() {
	qs := []eval.WikiQAQuestion{{
		Text: "When did the talks end?",
		Sentences: []string{
			"The delegations met in a hotel by the sea.",
			"The talks ended on Tuesday evening after five hours.",
		},
		Labels: []int{0, 1},
		Scored: true,
	}}
	r, err := eval.ScoreRanking(context.Background(), qs, rag.ScoreSentences)
	if err != nil {
		panic(err)
	}
	fmt.Println(r)
	// Output: MAP 1.0000 MRR 1.0000 (1 questions)
}
