package rag

import "testing"

// TestSameAnswerEveryTime: two sentences that cover a question equally are
// weighed alike on every run (coverage once summed a map in its random
// order, and the conflict between them came and went).
func TestSameAnswerEveryTime(t *testing.T) {
	question := "Who won the 2021 Tour de Zenda?"
	passages := []string{
		"Ruritania's Tom Hale (Team Belmar) took home the yellow jersey as the overall winner of the 2021 Tour de Zenda.",
		"Ruritania's Tom Hale (Team Belmar) took home the yellow jersey as the overall winner of the 2021 Tour de Zenda on Sunday, his second.",
		"After 21 frantic stages that produced 13 stage winners, Ana Ruiz stood atop the podium of the 2021 Tour de Zenda as its overall champion.",
	}
	first, err := AnswerPassages(t.Context(), question, passages)
	if err != nil {
		t.Fatal(err)
	}
	for range 30 {
		ans, err := AnswerPassages(t.Context(), question, passages)
		if err != nil {
			t.Fatal(err)
		}
		if ans.Answer != first.Answer {
			t.Fatalf("answered %q, then %q", first.Answer, ans.Answer)
		}
	}
}
