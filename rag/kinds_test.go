package rag

import (
	"slices"
	"strings"
	"testing"
)

// TestAnotherAward: "Best Supporting Actor" is not the Best Actor asked
// about, nor a video director the director; a sentence naming the award
// asked about answers.
func TestAnotherAward(t *testing.T) {
	question := "Which actor won Best Actor at the 92nd Zenda Awards Ceremony?"
	other := "With another winning speech at the 92nd Zenda Awards, Hale's Best Supporting Actor win for Northwind saw a swing at the ..."
	checkLead(t, question, []string{other}, "")
	checkLead(t, question, []string{other, "Ana Ruiz won Best Actor at the 92nd Zenda Awards for her role in Belmar."}, "Ana Ruiz")
	// A video director is not the film's director.
	checkLead(t, "Who is the director of the film Northwind?", []string{"Belmar pays tribute to Northwind video director Tom Hale, who died on Sunday."}, "")
	checkLead(t, "Who is the director of the film Northwind?", []string{"Tom Hale, a director of music videos whose work included the 1975 video for Belmar's Northwind, died on Sunday."}, "")
	// Nor is whoever plays a character at another age the one who plays it.
	checkLead(t, "Who will be playing the role of Mira Vale in Northwind 2031?", []string{"Thirteen-year-old Lilly Hale plays the young Mira Vale in Northwind 2031."}, "")
	checkLead(t, "Who will be playing the role of Mira Vale in Northwind 2031?", []string{"Ana Ruiz plays Mira Vale in Northwind 2031."}, "Ana Ruiz")

}

// TestClashes: the award or job a sentence names against the question's.
func TestClashes(t *testing.T) {
	award := func(q, s string) (string, bool) { return "awardClash", kindOf(q).awardClash(s) }
	role := func(q, s string) (string, bool) { return "roleClash", kindOf(q).roleClash(s) }
	for _, tt := range []struct {
		clash              func(question, sentence string) (string, bool)
		question, sentence string
		want               bool
	}{
		{award, "Which actor won Best Actor?", "Pitt's Best Supporting Actor win was expected.", true},
		{award, "who got best actress at the indie spirit awards", "Moreno took best actress for her role.", false},
		{award, "who got best actress at the indie spirit awards", "Madsen won best supporting actress.", true},
		{award, "Who did the critics name best actor?", "It won best film and best actor for Paul Giamatti.", false},
		{award, "Who won best new artist?", "She was named best new female artist.", true},
		{award, "Who won best new artist?", "The show was a hit.", false},
		{award, "Who won the race?", "She was named best supporting actress.", false},
		{award, "Which actor took the best supporting actor prize?", "Eastwood took the best director prize while Swank was best actress.", true},
		{award, "Which actor took the best supporting actor prize?", "Hale, best known for Northwind, took the prize.", false},
		{award, "Which actor won Best Actor?", "After Pitt's Best Supporting Actor win, Phoenix won Best Actor.", false},
		{role, "Who is the director of Northwind?", "Belmar pays tribute to Northwind video director Tom Hale.", true},
		{role, "Who is the director of Northwind?", "Northwind, directed by Ana Ruiz, opened on Friday.", false},
		{role, "Who is the director of Northwind?", "The art director Tom Hale worked with director Ana Ruiz on Northwind.", false},
		{role, "Who is the deputy director of Northwind?", "Northwind's deputy director Tom Hale resigned.", false},
		{role, "Who is the president of Zenda?", "Zenda's vice president Tom Hale spoke.", true},
	} {
		if name, got := tt.clash(tt.question, tt.sentence); got != tt.want {
			t.Errorf("%s(%q, %q) = %v, want %v", name, tt.question, tt.sentence, got, tt.want)
		}
	}
}

// TestPastHolder: who holds a title now is not answered by who held it.
func TestPastHolder(t *testing.T) {
	for _, tt := range []struct {
		question, sentence string
		want               bool
	}{
		{"Who is the CEO of Northwind in 2031?", "Ada Vance was the global president and CEO of Northwind and a gifted programmer.", true},
		{"Who is the CEO of Northwind in 2031?", "A dozen years ago, when he was the C.E.O. of Northwind, Jon Bell spoke.", true},
		{"Who is the CEO of Northwind in 2031?", "Jon Bell, former CEO of Northwind, now advises Zenda.", true},
		{"Who is the CEO of Northwind in 2031?", "Ada Vance was named CEO of Northwind in 2029.", false},
		{"Who is the CEO of Northwind in 2031?", "Northwind CEO Ada Vance opened the store.", false},
		{"Who is the CEO of Northwind in 2031?", "Also at the talks were Northwind Investment Fund CEO Ada Vance and her aides.", false},
		{"Who was the CEO of Northwind in 2011?", "Jon Bell was the CEO of Northwind then.", false},
	} {
		if got := kindOf(tt.question).pastHolder(tt.sentence); got != tt.want {
			t.Errorf("pastHolder(%q, %q) = %v, want %v", tt.question, tt.sentence, got, tt.want)
		}
	}
}

// TestHolderWithoutYear: who holds a title in the question's year is
// who holds it now in a report that names no year; who won in a year is
// not answered by a report that names none.
func TestHolderWithoutYear(t *testing.T) {
	checkLead(t, "Who is the CEO of Northwind in 2031?", []string{"Ada Vance is Northwind's CEO and a member of its leadership team."}, "Ada Vance")
	checkLead(t, "Who won the Zenda Open in 2031?", []string{"Ana Ruiz won the Zenda Open after a long final."}, "")
}

// TestDescribedAs: a name an appositive describes as the kind of party a
// which-question asks for answers it.
func TestDescribedAs(t *testing.T) {
	for _, tt := range []struct{ question, sentence, want string }{
		{"which little Zendan hotel firm saw its share price halve after the storm", "Those listed have suffered: Belmar Hotel Holdings, a small Zendan tourism company, has halved in value this week.", "Belmar Hotel Holdings"},
		{"Which bank handled the float?", "Northwind Capital, the Zendan lender, handled the float.", "Northwind Capital"},
		{"Which firm halved in value?", "Belmar Hotel Holdings, whose chief quit, halved in value.", ""},
		{"Who halved in value?", "Belmar Hotel Holdings, a small Zendan tourism firm, halved in value.", ""},
	} {
		vals, _ := personAnswer.typedValues(tt.sentence, questionWords(tt.question))
		got, _ := describedAs(tt.sentence, vals, askedKindNoun(tt.question))
		if got != tt.want {
			t.Errorf("%s: describedAs(%q) = %q, want %q", tt.question, tt.sentence, got, tt.want)
		}
	}
	checkLead(t, "which little Zendan hotel firm saw its share price halve in the week after the storm", []string{
		"The storm that hit Zendan last week has cost its economy dearly, the IMF said, and tourism firms will take years to recover.",
		"Shares in Zendan's tourism firms have fallen since the storm. Those listed have suffered: Belmar Hotel Holdings, a small Zendan tourism firm, has halved in value this week.",
	}, "Belmar Hotel Holdings")
}

// TestTitledBy: the organisation a question's person holds its title of is
// named before the title and the name ("Northwind Capital CEO Ana Ruiz");
// a name not all rare in English, or a title the question does not say, is
// not.
func TestTitledBy(t *testing.T) {
	for _, tt := range []struct{ question, sentence, want string }{
		{"Which organisation does Ana Ruiz lead as CEO?", "Also there was Northwind Capital CEO Ana Ruiz, who spoke briefly.", "Northwind Capital"},
		{"Which company does Ana Ruiz chair?", "Also there was Northwind Capital CEO Ana Ruiz, who spoke briefly.", ""},
		{"Who is the coach ahead of the Zendan Indoor Championships?", "He won at the Spar Zendan Indoor Championships.", ""},
	} {
		lex := localLexicon()
		vals, _ := personAnswer.typedValues(tt.sentence, questionWords(tt.question))
		got, _ := titledBy(vals, questionWords(tt.question), focusTerms(lex, tt.question))
		if got != tt.want {
			t.Errorf("%s: titledBy(%q) = %q, want %q", tt.question, vals, got, tt.want)
		}
	}
	checkLead(t, "Which organisation does Ana Ruiz lead as CEO?", []string{
		"Ana Ruiz, a former banker, spoke at the Zendan forum on Tuesday, where Tom Hale also appeared.",
		"Also there was Northwind Capital CEO Ana Ruiz, who spoke briefly about investment.",
	}, "Northwind Capital")
}

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
