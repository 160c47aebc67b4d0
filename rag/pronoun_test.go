package rag

import (
	"strings"
	"testing"

	"github.com/newsbot/newsbot/rag/chunk"
)

// TestPronounSubject: news names a speaker once and goes on with "he"; the
// answer to who said what the pronoun's sentence says names him first,
// quoting the sentence that does, then the one that says it.
func TestPronounSubject(t *testing.T) {
	question := `Who cautioned that Zenda would be "ready for war" if Belmar started one?`
	said := ` He went further, cautioning that Zenda would be "ready for war" if Belmar started one.`
	ans, err := AnswerPassages(t.Context(), question, []string{
		"Just hours before the meeting, President Tom Hale issued a stark warning, accusing Belmar's allies of sabotaging the peace effort." + said,
	})
	if err != nil {
		t.Fatal(err)
	}
	checkFirst(t, question, ans, "President Tom Hale")
	if len(ans.Citations) < 2 || !strings.HasPrefix(ans.Citations[1].Quote, "He went further") {
		t.Errorf("%s: %q, want the sentence naming him, then the one he says it in", question, ans.Answer)
	}
	// Nor when he did not say it.
	checkLead(t, question, []string{"Just hours before the meeting, President Tom Hale issued a stark warning. He did not go further, cautioning that Zenda would be \"ready for war\" if Belmar started one."}, "")
	// With no one named before it, "he" is no one.
	checkLead(t, question, []string{"The talks ran late into the night in Belmar." + said}, "")
}

// TestQuotationSaidAfter: a quotation that goes on into the next sentence
// is said by whom that one names, and answers how they characterised
// something. The sayer is named next to the verb of saying, not merely
// near it.
func TestQuotationSaidAfter(t *testing.T) {
	question := "How did Ivo Vask characterize some of the Zendan draft proposals that Belmar did not reject outright?"
	checkLead(t, question, []string{
		"Kremlin aide Ivo Vask briefed reporters after talks with Belmar late on Tuesday. He said that certain elements of the framework were negotiable. “Some Zendan draft proposals look more or less acceptable, but they need to be discussed... Some of the formulations are not suitable for us,” Vask remarked.",
	}, "more or less acceptable")
	// Asked for a value, the question's verb of saying is not what is
	// asked: whatever the sayer says is no city, and "claim" counts for
	// nothing in the sentence's coverage (0.48 by English weights; 0.59
	// if it counted).
	for _, c := range candidatesOf(t, "Which Belmarian city did President Ivo Vask claim his forces had taken?", []string{
		"Speaking on Tuesday, President Ivo Vask said Zenda Oil was owned by individual investors.",
	}) {
		if c.english > 0.5 {
			t.Errorf("%q covers %.2f of the question: its saying counted as claiming a city", c.text, c.english)
		}
	}
	vask := map[string]bool{"vask": true}
	for sentence, want := range map[string]bool{
		"Some of the formulations are not suitable for us,” Vask remarked.":                                  true,
		"“We will see,” said Vask.":                                                                          true,
		"President Tom Hale said on Monday with Ivo Vask that any Zendan draft proposals can only be final.": false,
		"“Vask is right,” Hale said.":                                                                        false,
	} {
		if got := saysItself(sentence, vask); got != want {
			t.Errorf("saysItself(%q) = %v, want %v", sentence, got, want)
		}
	}
}

// TestQuotationSayer: asked who said words that a quotation standing
// alone says, the sayer is the one named where its run of quotations
// begins, and the answer gives that sentence first.
func TestQuotationSayer(t *testing.T) {
	run := []string{
		"Zenda's economy grew by 0.1% in the third quarter.",
		"\"Exports slowed while spending became weaker,\" said Tom Hale, chief economist at Belmar Securities.",
		"\"Personal consumption looks good, but it was mainly due to the games.",
		"\"The amber light is flashing.\"",
		"The government may find it harder to raise taxes.",
		"\"Rates will rise,\" said Ana Ruiz.",
	}
	var cands []candidate
	for i, s := range run {
		cands = append(cands, candidate{text: s, sent: i, result: Result{Chunk: chunk.Chunk{ID: "zenda#0"}}})
	}
	for i, want := range map[int]string{3: "Tom Hale", 2: "Tom Hale", 1: "", 4: "", 5: ""} {
		name, k, ok := quotationSayer(cands[:i+1], map[string]bool{})
		if name != want || ok != (want != "") || ok && k != 1 {
			t.Errorf("quotationSayer(%q) = %q, %d, %v; want %q from the second sentence", run[i], name, k, ok, want)
		}
	}
	// Nor across passages.
	cands[2].result.Chunk.ID = "zenda#1"
	if name, _, ok := quotationSayer(cands[:4], map[string]bool{}); ok {
		t.Errorf("quotationSayer across passages = %q", name)
	}
	passage := strings.Join(run, " ")
	checkLead(t, "whos the belmar securities economist who said the amber light is flashing", []string{passage}, "Tom Hale")
}
