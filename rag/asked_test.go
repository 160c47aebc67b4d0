package rag

import (
	"slices"
	"strings"
	"testing"
)

// TestAskedRole: a who-question asking who holds a role is not answered
// by a sentence that names people but not the role.
func TestAskedRole(t *testing.T) {
	passages := []string{"The five-hour meeting between Zenda President Ana Ruiz and the Belmar delegation led by envoy Tom Hale ended late on Tuesday. Ruiz and Hale met at the palace."}
	checkLead(t, "who was the interpreter for ruiz during the five-hour meeting", passages, "")
	checkLead(t, "who was the interpreter for ruiz during the five-hour meeting",
		append(passages, "Ruiz's interpreter at the five-hour meeting was Mira Sol, a veteran of the Zenda foreign ministry."), "Mira Sol")
}

// TestPlaceWithin: "which Florida city" is not answered by a place the
// sentence does not put in Florida; "which Spanish city" needs no "Spain".
func TestPlaceWithin(t *testing.T) {
	passages := []string{"Envoys from Zenda and Belmar met in the Kremlin on Tuesday for talks on the border."}
	checkLead(t, "In which Florida city did the envoys from Zenda and Belmar meet?", passages, "")
	checkLead(t, "In which Florida city did the envoys from Zenda and Belmar meet?",
		[]string{"Envoys from Zenda and Belmar met in Miami, Florida, on Tuesday for talks on the border."}, "Miami")
	checkLead(t, "In which Spanish city did the envoys from Zenda and Belmar meet?",
		[]string{"Envoys from Zenda and Belmar met in Barcelona on Tuesday for talks on the border."}, "Barcelona")
}

// TestAskedAttribute: "the population of Zenda" is not answered by a
// sentence that names Zenda here and a population there.
func TestAskedAttribute(t *testing.T) {
	far := "Unemployment is measured in the six main cities of Zenda, where most of the country's working-age population is concentrated."
	checkLead(t, "What is the population of Zenda?", []string{far}, "")
	checkLead(t, "What is the population of Zenda?", []string{far, "The population of Zenda is about 3.2 million, the census office said."}, "3.2 million")
}

// TestHeadNoun: what a what-question asks for ("title") is read from it,
// and a sentence naming it, or a word English relates to it, is marked.
func TestHeadNoun(t *testing.T) {
	lex := localLexicon()
	for q, want := range map[string]bool{
		"What title did Ana Ruiz say she would take?": true,
		"what kind of title will she take":            true,
		"What did Ana Ruiz say about the title?":      false,
		"What happened to the title?":                 false,
	} {
		if got := slices.Contains(headNoun(lex, q), "titl"); got != want {
			t.Errorf("headNoun(%q) = %q, want title: %v", q, headNoun(lex, q), want)
		}
	}
	q := "What title did Ana Ruiz say she would probably take on entering the House of Lords?"
	ix, results, err := passageIndex(lex, []string{
		"Ana Ruiz has said her acceptance of a seat in the House of Lords will allow her to help reform it. The former Zenda leader said she would probably take the title of Lady Ruiz of Belmar.",
	})
	if err != nil {
		t.Fatal(err)
	}
	cands, err := scoreCandidates(t.Context(), lex, ix, q, results)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cands {
		if c.namesHead != strings.Contains(c.text, "title") {
			t.Errorf("%q: namesHead %v", c.text, c.namesHead)
		}
	}
}

// TestPlaceKind: "which hotel" is not answered by a place the sentence
// does not call a hotel.
func TestPlaceKind(t *testing.T) {
	checkLead(t, "Which hotel did the envoys stay at in Zenda?", []string{"Ana Ruiz hosted the envoys at the Kremlin in Zenda on Tuesday, where they stayed for five hours."}, "")
	checkLead(t, "Which hotel did the envoys stay at in Zenda?", []string{"The envoys stayed at the Belmar Hotel in Zenda, officials said."}, "Belmar Hotel")
}
