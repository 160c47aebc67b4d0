package rag

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/rag/localembed"
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

// TestCountedNoun: a how-many question is answered by a figure that
// counts what it asks about, not by another figure about its focus.
func TestCountedNoun(t *testing.T) {
	lex := localLexicon()
	for q, want := range map[string]string{
		"How many moons does Jupiter have?":                             "moon",
		"how many davis cup matches did henman win":                     "match",
		"How many wi-fi hotspots worldwide does T-Mobile plan to have?": "hotspot",
		"how many points":                                              "point",
		"how many times has he won":                                    "",
		"How many people made up the American delegation?":             "people",
		"how many new jobs were created":                               "job",
		"remind me how many hereditary peers labour left in the lords": "peer",
		"How much did it cost?":                                        "",
		"How many organisations appear on the list?":                   "organisations",
	} {
		got := countedNoun(lex, q)
		if want == "" && got != nil || want != "" && (len(got) == 0 || got[0] != localembed.Tokens(want)[0]) {
			t.Errorf("countedNoun(%q) = %q, want %q first", q, got, want)
		}
	}
	passages := []string{
		"A separate report by Zorba Research forecasts that the digital music market will grow to 836m euros by 2031.",
		"Zorba Research counted 12,000 homes with broadband in its survey.",
		"The Zorba final drew five million viewers.",
		"Since its launch, Zorba Research has sold 19.9 million units worldwide.",
	}
	for _, tt := range []struct {
		question, sentence string
		fits               bool
	}{
		{"How many moons does Zorba have?", "836m euros", false},
		{"How many homes with broadband did Zorba count?", "12,000 homes", true},
		{"How many homes with broadband did Zorba count?", "836m euros", false},
		// People are counted by what they are.
		{"how many people were watching the Zorba final", "five million viewers", true},
		{"how many people were watching the Zorba final", "12,000 homes", false},
		// Goods are counted in units.
		{"How many Zorba consoles had Zorba Research sold?", "19.9 million units", true},
	} {
		for _, c := range candidatesOf(t, tt.question, passages) {
			if strings.Contains(c.text, tt.sentence) && c.fits != tt.fits {
				t.Errorf("%s: %q fits %v, want %v", tt.question, c.text, c.fits, tt.fits)
			}
		}
	}
	checkLead(t, "How many homes with broadband did Zorba count?", passages, "12,000")
}
