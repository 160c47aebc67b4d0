package rag

import (
	"slices"
	"testing"
)

// TestCountedInOtherWords: news counts provinces as regions or
// territories, so a count of either answers "how many provinces".
func TestCountedInOtherWords(t *testing.T) {
	lex := localLexicon()
	got := countedNoun(lex, "how many Zenda provinces does Belmar partly occupy")
	for _, w := range []string{"province", "region", "territory"} {
		if !slices.Contains(got, lex.tokens(w)[0]) {
			t.Errorf("countedNoun = %q, want %q among them", got, w)
		}
	}
	checkLead(t, "How many of Zenda's provinces does Belmar partly occupy and claim, according to Ruiz?", []string{
		"Crucially, Ruiz stressed that no compromise had been found on the four Zenda regions Belmar partially seized and claims as its own.",
	}, "four")
}
