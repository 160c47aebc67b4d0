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
	checkLead(t, "Who served as interpreter for the Belmar delegation during the five-hour meeting with Ruiz?", passages, "")
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
	// A building is named as one: "Belmar's Senate Palace", not "the Kremlin".
	talks := []string{
		"President Ruiz held a five-hour meeting in the Kremlin with envoy Tom Hale on Tuesday.",
		"A marathon five-hour session in Belmar's Senate Palace has ended without a breakthrough, as Ruiz failed to reach agreement with Hale.",
	}
	for _, q := range []string{"In which building in Belmar was the meeting held?", "wait which building was the ruiz meeting actually held in?", "where was the meeting exactly, like which building"} {
		checkLead(t, q, talks, "Senate Palace")
	}
}

// TestAskedNoun: the noun a which-question asks for is the last word
// before its verb; a what-question with no verb close after it asks none.
func TestAskedNoun(t *testing.T) {
	for q, want := range map[string]string{
		"Which senior judge led the appeal bench in the Ruiz case?":      "judge",
		"which Labour MP warned about division at the meeting":           "mp",
		"Apart from Tallis, which auditor was barred from suing Zenda?":  "auditor",
		"which club does tomas brandt play for":                          "club",
		"What is the name of the forum?":                                 "",
		"What happened to the title?":                                    "",
		"Which hurricane first got Tom Hale thinking about text alerts?": "hurricane",
		"who's the zenda press secretary who said they were optimistic":  "secretary",
		"Who is the director of the Zenda film?":                         "",
		// Asked after its story, past a dash or a full stop.
		"ana ruiz got a court order in belmar - what movie was she there to shoot": "movie",
		"Ana Ruiz is in Belmar. Which movie is she there to shoot?":                "movie",
	} {
		if got := askedNoun(q); got != want {
			t.Errorf("askedNoun(%q) = %q, want %q", q, got, want)
		}
	}
}

// TestNameOfNoun: the kind of thing a question asks the name of ends at
// a relative word, a verb, a preposition or a name; the name of a name
// asks for no kind.
func TestNameOfNoun(t *testing.T) {
	focus := []focusTerm{{term: "ruiz"}, {term: "brandt"}}
	for q, want := range map[string]string{
		"what was the name of the investment forum ruiz spoke at?":      "forum",
		"What is the name of Ana Ruiz's husband?":                       "husband",
		"What's the name of the free ZBC program that lets parents":     "program",
		"whats the name of the record label, set up by Tomas Brandt":    "label",
		"whats the real name of z-dog, the rapper who filmed a video":   "",
		"What is the name of Ana Ruiz?":                                 "",
		"what does the name of ruiz's new party mean":                   "",
		"What is the title of the Zenda charity exhibition of photos":   "exhibition",
		"whats the actual product name of the 3zk monitoring software":  "software",
		"what was the nightclub called that used to run in the theatre": "nightclub",
	} {
		if got := nameOfNoun(q, focus); got != want {
			t.Errorf("nameOfNoun(%q) = %q, want %q", q, got, want)
		}
	}
}

// TestNameAsKind: a name is given as a kind by a title before it, an
// appositive, a copula, or the kind after it; not a country, a possessor,
// the end of a longer name or a group of the kind.
func TestNameAsKind(t *testing.T) {
	for _, c := range []struct {
		sentence, kind, want string
	}{
		{"Judge Lord Tallis, sitting with two others, ruled on the standard of proof.", "judg", "Lord Tallis"},
		{"A second auditor, Brandt & Sons, has also been banned from the case.", "auditor", "Brandt & Sons"},
		{"The least digital of the European nations was Zenda, in 17th place.", "nation", "Zenda"},
		{"Justice Minister Ana Ruiz said the case was a fiasco.", "judg", ""},
		{"He signed her to his fledgling 2 Wikid Records label last year.", "label", "2 Wikid Records"},
		{"A US company has pulled out of the contract.", "compani", ""},
		{"Tomas Brandt's hit show triumphed in the battle for best new musical.", "show", ""},
		{"The figures were prepared by the Association of Leading Visitor Attractions.", "attract", ""},
		{"They will appear at Bow Street Magistrates' Court on 21 December.", "court", "Bow Street Magistrates'"},
		// A group of the kind names none of it.
		{"Despite the talks, Kremlin officials said the two sides reached no compromise.", "offici", ""},
		// So does the verb "to be" a word or two after the kind.
		{"The best-selling album globally was Tom Hale's Confessions, the figures showed.", "album", "Tom Hale's Confessions"},
		{"The album sold well, and Tom Hale was pleased.", "album", ""},
		// An appositive after a name names it as the kind.
		{"\"Exports slowed,\" said Tom Hale, chief economist at Belmar Securities.", "economist", "Tom Hale"},
		{"\"That is not the case,\" said Tom Hale, managing director of Zenda.", "director", "Tom Hale"},
		{"In Zenda, economists expect growth to slow.", "economist", ""},
		{"Zenda , , chief economist at Belmar, said so.", "economist", ""},
		{"A smash hit in Belmar before moving to Zenda, the show also won best musical.", "show", ""},
		{"On Monday, economist Tom Hale said growth slowed.", "economist", "Tom Hale"},
		// The verb of the kind's stem names none of it.
		{"Hours before, President Ana Ruiz issued a stark warning.", "issu", ""},
		{"The issue, Zenda Bonds, was sold out.", "issu", "Zenda Bonds"},
	} {
		if got := nameAsKind(c.sentence, []string{c.kind}); got != c.want {
			t.Errorf("nameAsKind(%q, %q) = %q, want %q", c.sentence, c.kind, got, c.want)
		}
	}
}

// TestKindAsked: "which judge" is answered by the sentence of the story
// that names its judge, not by the one retelling the story; "the name of
// the forum" is refused when no forum is named.
func TestKindAsked(t *testing.T) {
	story := "The Zenda government has lost its appeal against a prisoner's compensation for being held in a damp cell at Belmar jail. " +
		"Justice Minister Ana Ruiz said the damp cell case had been a fiasco from start to finish. " +
		"Judge Lord Tallis, sitting with two other judges, ruled that such claims should be dealt with on the normal civil standard."
	checkLead(t, "Which senior judge led the bench that rejected the government's appeal in the Belmar jail damp cell compensation case?", []string{story}, "Lord Tallis")
	forum := "The envoys were kept waiting while President Ruiz gave a speech promoting foreign investment in Zenda."
	checkLead(t, "What was the name of the investment forum Ruiz spoke at while the envoys waited?", []string{forum}, "")
	checkLead(t, "What was the name of the investment forum Ruiz spoke at while the envoys waited?",
		[]string{forum + " Ruiz spoke at the Zenda Calling investment forum, an annual event in the capital."}, "Zenda Calling")
	// Another report of the story may be the one that names the kind.
	checkLead(t, "Which property investment fund is the landlord of Zenda United's home ground?", []string{
		"Fund manager Tom Hale, Zenda United's largest investor, said the club's landlord would not evict it from its ground. Zenda United has warned it will go bankrupt if rescue talks with creditors fail.",
		"Shares in Zenda United slipped on Monday. On 14 March, one of its creditors - property investment fund Belmaris, which owns the club's stadium - holds its AGM.",
	}, "Belmaris")
}

// TestVagueTopicOfWhatWasSaid: "what did she say about the whole thing"
// names no topic a sentence must hold; what she said answers.
func TestVagueTopicOfWhatWasSaid(t *testing.T) {
	for _, q := range []string{"what did ruiz say about the whole thing lol", "what did ruiz say about it all"} {
		ans, err := AnswerPassages(t.Context(), q, []string{
			"Zenda's chief executive Mara Ruiz announced on Monday that the Karvik plant would close in March. “It is a sad day for Karvik,” Ruiz said.",
		})
		if err != nil {
			t.Fatal(err)
		}
		if ans.Refused || !strings.Contains(ans.Answer, "sad day") {
			t.Errorf("%s: %q, want what she said", q, ans.Answer)
		}
	}
}

// TestPlaceWithinAfterTheKind: "which city in karvik" asks for a city in
// Karvik; a report that never names Karvik does not say which.
func TestPlaceWithinAfterTheKind(t *testing.T) {
	passages := []string{"Ana Ruiz met the Zenda delegation in Belmar on Sunday, her aide said."}
	for q, want := range map[string]string{
		"which city in karvik did ruiz meet the zenda delegation in":              "",
		"Which city in Karvik hosted Ana Ruiz's talks with the Zenda delegation?": "",
		"which city did ruiz meet the zenda delegation in":                        "Belmar",
	} {
		ans, err := AnswerPassages(t.Context(), q, passages)
		if err != nil {
			t.Fatal(err)
		}
		checkFirst(t, q, ans, want)
	}
}

// TestWhatWillItBeCalled: "what is their album going to be called" asks
// the album's name; a sentence naming none does not answer it.
func TestWhatWillItBeCalled(t *testing.T) {
	q := "What is Zenda's long-awaited third album going to be called?"
	checkLead(t, q, []string{"Cult group Zenda have revealed they are writing their third album, their first in eight years."}, "")
	checkLead(t, q, []string{"Cult group Zenda have revealed they are writing their third album, Belmar Nights, their first in eight years."}, "Belmar Nights")
}
