package rag

import "testing"

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

// TestOfficeClash: another office of the kind asked ("shadow home
// secretary" for the press secretary) is another kind.
func TestOfficeClash(t *testing.T) {
	k := kindOf("who's the zenda palace press secretary")
	for s, want := range map[string]bool{
		"Tory shadow home secretary Tom Hale warned of miscarriages of justice.":                     true,
		"\"I think the administration feels very optimistic,\" Zenda Press Secretary Ana Ruiz said.": false,
		"The secretary said the talks would go on.":                                                  false,
	} {
		if got := k.officeClash(s); got != want {
			t.Errorf("officeClash(%q) = %v, want %v", s, got, want)
		}
	}
	if k := kindOf("On which issue had Secretary of State Ana Ruiz suggested progress?"); len(k.offices) != 0 {
		t.Errorf("offices %v: \"had\" says no office", k.offices)
	}
}

// TestOrganisationBySurname: a question naming someone by surname asks of
// the organisation their title follows ("Zendan Direct Investment Fund
// CEO Kofi Brandt" for "Which organisation does Brandt run as chief
// executive?").
func TestOrganisationBySurname(t *testing.T) {
	checkLead(t, "Kofi Brandt also took part in the talks. Which organisation does he run as chief executive?", []string{
		"Ana Ruiz hosted Tom Hale and Kofi Brandt at the palace on Tuesday.",
		"Also at the talks was Zendan Direct Investment Fund CEO Kofi Brandt, who serves as Ruiz's special representative for investment.",
	}, "Zendan Direct Investment Fund")
	focus := []focusTerm{{term: localLexicon().tokens("Brandt")[0]}}
	if org, ok := memberOf([]string{"Zendan Direct Investment Fund CEO Kofi Brandt"}, focus); !ok || org != "Zendan Direct Investment Fund" {
		t.Errorf("memberOf = %q, %v", org, ok)
	}
	if org, ok := titledBy([]string{"Zendan Direct Investment Fund CEO Kofi Brandt"}, map[string]bool{"ceo": true}, focus); !ok || org != "Zendan Direct Investment Fund" {
		t.Errorf("titledBy = %q, %v", org, ok)
	}
}
