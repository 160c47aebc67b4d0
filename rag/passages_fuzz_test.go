package rag

import (
	"errors"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/rag/answer"
)

// FuzzAnswerPassages: any question and passage text gives an answer or
// one of the documented question errors, never a panic, and every quote
// of the answer is verbatim in the passages.
func FuzzAnswerPassages(f *testing.F) {
	f.Add("Who won the 2031 Zenda Open final?", "Anna Kovac lost the 2031 Zenda Open final to Mira Sol in three sets.")
	f.Add("kushner has done this before right? where", "Berg has long experience in Nordic diplomacy.")
	f.Add("how long is the film", "The 93 minute film follows the keepers. It ran for a 10-day festival.")
	f.Add("When was it released?", "Release date - 16 July - was announced. It was released on March 3rd, 2017.")
	f.Add("what time?", "…the ... 12:30 p.m. 19th October · Director: X")
	f.Add("who's ana ruiz again?", "Ana Ruiz, Northwind's boss, said so. She beat Tom Hale, a rival of hers, in May.")
	f.Add("how many moons does zorba have", "Zorba · A soundtrack album featuring Zorba was released on 2 August 2031. \"Fine.\"")
	f.Add("does zenda even want to join tho", "Ana Ruiz is skipping the talks, instead sending her deputy Tom Hale, CEO of Zenda.")
	f.Add("whos the belmar economist who said the amber light is flashing", "\"Exports slowed,\" said Tom Hale , , chief economist at Belmar. \"Consumption looks good. \"The amber light is flashing.\"")
	f.Fuzz(func(t *testing.T, question, passage string) {
		ans, err := AnswerPassages(t.Context(), question, []string{passage, strings.ToUpper(passage)})
		if err != nil {
			if !errors.Is(err, answer.ErrEmptyQuestion) && !errors.Is(err, answer.ErrQuestionTooLong) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		for _, c := range ans.Citations {
			if !strings.Contains(passage, c.Quote) && !strings.Contains(strings.ToUpper(passage), c.Quote) {
				t.Fatalf("quote %q is not in the passages", c.Quote)
			}
		}
	})
}
