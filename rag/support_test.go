package rag

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/localembed"
)

// TestSupportAcrossReports: the value that several reports state is the
// answer, not the one a single report relates more closely to the
// question's words (fails without support), and a title's series name
// may be left out (fails without the series rule).
func TestSupportAcrossReports(t *testing.T) {
	tests := []struct {
		name, question string
		passages       []string
		want           string
	}{
		{
			name:     "the winner most reports name leads, not a stage winner",
			question: "Who won the 2031 Tour of Ruritania?",
			passages: []string{
				"Marek Volny sprinted to the prestigious stage 21 victory in Zenda to win the final stage of the 2031 Tour of Ruritania.",
				"Ilse Brandt of Team Solaris took home the golden jersey as the overall winner of the 2031 Tour of Ruritania.",
				"After 21 frantic stages, Ilse Brandt stood atop the podium in Zenda as the 2031 Tour of Ruritania champion.",
				"The 2031 Tour of Ruritania is in the books. Won by Ilse Brandt (Team Solaris), this year's race was a thriller.",
			},
			want: "Ilse Brandt",
		},
		{
			name:     "a title's series name may be left out",
			question: "When was Chronicles of Vell: Ashen Crown released?",
			passages: []string{
				"Ashen Crown was released on June 14, 2030, to strong reviews across the board.",
				"The studio thanked its fans in a long letter. Ashen Crown sold well in its first month.",
			},
			want: "June 14, 2030",
		},
		{
			name:     "a long title goes by its last word",
			question: "When was Starfall Tactics Valkarion released?",
			passages: []string{
				"Starfall Tactics Valkarion's crafting system gives players new ways to build bases. Its first update fixed the map.",
				"Valkarion was released for consoles and PC on March 9, 2031, with a handheld version following later.",
			},
			want: "March 9, 2031",
		},
		{
			name:     "reports together tie the value to every focus word",
			question: "Who will be playing the role of Rook Halden in Starfall?",
			passages: []string{
				"By November 2030, Mira Sol will be playing the role of Rook Halden, the young hero.",
				"Starfall continues to come together as reports say that Mira Sol will be playing the lead role.",
				"Tickets for the premiere go on sale in May.",
			},
			want: "Mira Sol",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkLead(t, tt.question, tt.passages, tt.want) })
	}
}

// TestWhoNeedsTheRelation: a who-question is answered by a name the
// relation holds for, also when said from the other side ("sold … to",
// "lost … to"), and refused when names merely appear near its words.
func TestWhoNeedsTheRelation(t *testing.T) {
	tests := []struct {
		question string
		passages []string
		want     string // "" wants a refusal
	}{
		{"Who bought the old lighthouse at the auction?", []string{"The old lighthouse was sold at auction to the Marine Heritage Trust on Friday. The trust said it would restore the lamp room."}, "Marine Heritage Trust"},
		{"Who won the 2031 Zenda Open final?", []string{"Anna Kovac lost the 2031 Zenda Open final to Mira Sol in three sets, a year after reaching the semi-finals."}, "Mira Sol"},
		// Phrasal verbs said with one verb: "handing over" is transferring,
		// "took over from" is replacing.
		{"who's northwind handing its screen business over to", []string{"Separately, Northwind said on Monday that it is quitting the screen market by transferring its operations to Japanese maker Solent."}, "Solent"},
		{"who took over from ana ruiz running northwind", []string{"Crucial to Northwind's survival was the decision to replace chief executive Ana Ruiz with Tom Hale in May 2031, analysts say."}, "Tom Hale"},
		{"Who won the 2031 Zenda Open final?", []string{"Zenda Open 2031 – final: tickets for Anna Kovac and Mira Sol fans go on sale on Monday at noon.", "The 2031 Zenda Open final will be shown live on Channel 9, with coverage from Zenda Arena beginning at 2pm."}, ""},
	}
	for _, tt := range tests {
		ans, err := AnswerPassages(t.Context(), tt.question, tt.passages)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(ans.Answer, "[1]")
		switch {
		case tt.want == "" && !ans.Refused:
			t.Errorf("%s: %q, want a refusal", tt.question, ans.Answer)
		case tt.want != "" && (ans.Refused || !strings.Contains(first, tt.want)):
			t.Errorf("%s: %q, want %q in the first sentence", tt.question, ans.Answer, tt.want)
		}
	}
}

// TestQuestionVerb: of two sentences dating something in a report, the
// one stating the when-question's verb answers it.
func TestQuestionVerb(t *testing.T) {
	checkLead(t, "In which year did Lord Ruiz enter Zenda House as prime minister?", []string{
		"Lord Ruiz, the former prime minister of Zenda, has died aged 92. He held each of the major offices of chancellor, home secretary, foreign secretary and prime minister during his career and became Lord Ruiz of Belmar in 1987. He entered Zenda House in 1976 after the resignation of Tom Hale.",
	}, "1976")
}

// TestAuthorship: a sentence naming whom a singer supports does not say
// who wrote her song, though "sing" is related to "song": writing is the
// relation asked.
func TestAuthorship(t *testing.T) {
	checkLead(t, "who wrote the ana ruiz song zenda nights", []string{
		"Ana Ruiz's new single is called Zenda Nights. She now combines singing with modelling and supporting charities including Zenda Aid and Belmar Trust.",
	}, "")
}

// TestPlatformLeftOut: a report of a title's release need not name the
// platform the question ends on.
func TestPlatformLeftOut(t *testing.T) {
	checkLead(t, "What is the release date for Starfall Odyssey on Zenda Deck?", []string{
		"Starfall Odyssey was released on October 27, 2029 to universal acclaim, with praise for its inventiveness.",
		"Starfall Odyssey and Zenda Deck are trademarks of Zenda.",
	}, "October 27, 2029")
}

// TestHasNumbers: a passage names the question's number as digits, an
// ordinal or a word.
func TestHasNumbers(t *testing.T) {
	for _, tt := range []struct {
		text, number string
		want         bool
	}{
		{"The December 2nd meeting brought them together.", "2", true},
		{"The meeting on December 2 brought them together.", "2nd", true},
		{"The second meeting brought them together.", "2", true},
		{"The eleventh season premiered in May.", "11", true},
		{"The December 3rd meeting brought them together.", "2", false},
		// A year said in two digits ("back in 98").
		{"Ruiz was banned for pushing a referee in 1998.", "98", true},
		{"Ruiz was banned for pushing a referee in 1997.", "98", false},
	} {
		if got := hasNumbers(wordSet(tt.text), []string{tt.number}); got != tt.want {
			t.Errorf("hasNumbers(%q, %q) = %v, want %v", tt.text, tt.number, got, tt.want)
		}
	}
}

// TestContinuedSentence: a sentence that goes on from the one before it
// (a pronoun subject, a quotation on its own) answers with that one's
// words: the question names the speaker, the answer what was said.
func TestContinuedSentence(t *testing.T) {
	passages := []string{
		"Mayor Ana Ruiz of Port Zenda spoke to reporters outside the Northwind plant on Friday. She warned that the council would sue if the river was poisoned again. The plant employs 400 people.",
		"Northwind's shares fell 3% on Friday. The firm makes paint and coatings for ships.",
		"Council leader Tom Hale was asked about the Northwind clean-up on Monday. \"The town will not spend a penny of its budget; the polluter pays.\"",
		"Hurdler Kofi Brandt has pulled out of the Lisbon meeting. The 24-year-old has a minor injury and has cancelled warm-weather training. \"He tore a ligament in his ankle at the Ghent indoor meeting but is back running,\" his agent said.",
	}
	checkLead(t, "according to ruiz, what happens if the river gets poisoned again", passages, "sue")
	checkLead(t, "is the town paying, according to hale", passages, "polluter pays")
	checkLead(t, "what did kofi brandt tear at the ghent meet", passages, "ligament")
}

// TestCountInOtherWords: a figure of what the question asks about counts
// what it counts in other words ("whistleblowers" for "workers"); a
// figure of something else does not.
func TestCountInOtherWords(t *testing.T) {
	q := "How many workers lost their jobs since 1999 for raising safety concerns, according to the Zenda union?"
	checkLead(t, q, []string{"The Zenda union said tribunal data suggested 1,500 \"safety whistleblowers\" had lost their jobs since 1999."}, "1,500")
	checkLead(t, q, []string{"The Zenda union said 1,500 safety inspections were carried out since 1999, and some lost their jobs."}, "")
}

// candidatesOf returns the sentences of passages scored as answers to
// question, as extractive answering scores them.
func candidatesOf(t *testing.T, question string, passages []string) []candidate {
	t.Helper()
	lex := localLexicon()
	ix, results, err := passageIndex(lex, passages)
	if err != nil {
		t.Fatal(err)
	}
	cands, err := scoreCandidates(t.Context(), lex, ix, question, results)
	if err != nil {
		t.Fatal(err)
	}
	return cands
}

// TestNameIsNotSaidOtherwise: the words of a name in the question are
// not matched by their synonyms ("Stone" is no "rock").
func TestNameIsNotSaidOtherwise(t *testing.T) {
	for _, f := range focusTerms(localLexicon(), "In what year was the film director Oliver Stone born?") {
		if slices.Contains(f.alt, localembed.Tokens("rock")[0]) {
			t.Errorf("focus %q may be said as %q", f.term, f.alt)
		}
	}
	passages := []string{
		"Depp was born in Kentucky in 1963 and at first wanted to be a rock star.",
		"Director Oliver Stone's historical epic Alexander has failed at the box office.",
	}
	checkLead(t, "In what year was the film director Oliver Stone born?", passages, "")
}

// TestRoleInPassageAboutFocus: a sentence of a report about the question's
// subject states the relation without naming the subject again, by its
// form ("Anna Kovac won the title") or through a pronoun ("She beat …").
func TestRoleInPassageAboutFocus(t *testing.T) {
	checkLead(t, "Who won the women's singles at the 2031 Zenda Open?", []string{
		"The 2031 Zenda Open ended on Sunday in front of 20,000 fans. Anna Kovac won the women's singles title, defeating Mira Sol in straight sets.",
	}, "Anna Kovac")
	checkLead(t, "Who did Mira Sol beat in the first round of the Zenda Open?", []string{
		"Mira Sol returned to the Zenda Open after two years away. She beat Lena Berg in the first round on Monday.",
	}, "Lena Berg")
}

// TestBulletedItems: items a page runs together with bullets are read, and
// quoted, one by one.
func TestBulletedItems(t *testing.T) {
	ans, err := AnswerPassages(t.Context(), "Who won the 2031 Zenda Open?", []string{
		"Zenda Open 2031: Tickets And Travel Guide For Fans · Anna Kovac won the 2031 Zenda Open, beating Mira Sol in the final.",
	})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || len(ans.Citations) == 0 || ans.Citations[0].Quote != "Anna Kovac won the 2031 Zenda Open, beating Mira Sol in the final." {
		t.Errorf("answer %q; want the bulleted item alone quoted", ans.Answer)
	}
}

// TestHeadlineFragmentIsNoAnswer: a headline in title case without a full
// stop, a link list or a share line is page furniture, never quoted; prose
// is.
func TestHeadlineFragmentIsNoAnswer(t *testing.T) {
	for s, furniture := range map[string]bool{
		"Oscars: Watch the Trailers for the Best Animated Feature Film Nominees":               true,
		"Follow us on Twitter @zendanews for more":                                             true,
		"Toy Story 4 won Best Animated Feature at the Academy Awards on Sunday night.":         false,
		"Share on Facebook Share on Twitter":                                                   true,
		"In December, Zenda put an informal offer of 530 pence per Belmar share on the table.": false,
	} {
		if q := sentenceQuality(s); (q < minQuality) != furniture {
			t.Errorf("sentenceQuality(%q) = %.2f; furniture below %.2f: want %v", s, q, minQuality, furniture)
		}
	}
}

// TestYesNoInOtherWords: a yes-no question about the shipped reports is
// answered by a sentence about its subject that says the claim in other
// words ("ambition to join NATO" for "want to be in nato"), and refused
// when the reports say nothing of it.
func TestYesNoInOtherWords(t *testing.T) {
	ctx := t.Context()
	s := openShipped(t)
	for q, want := range map[string]string{
		"does ukraine even want to be in nato tho": "ambition",
		"is it gonna snow in kyiv this weekend":    "",
	} {
		ans, err := s.Ask(ctx, answer.Request{Question: q})
		if err != nil {
			t.Fatal(err)
		}
		checkFirst(t, q, ans, want)
	}
}

// TestOwnSubjectIsNoSupport: a name that is the question's own subject
// ("US Secretary of State Marco Rubio" for "Who is Rubio sending?") gives
// no keys by which reports would confirm each other's answer.
func TestOwnSubjectIsNoSupport(t *testing.T) {
	q := questionWords("Who is Rubio sending to the meeting?")
	if k := valueKeys(personAnswer, "US Secretary of State Marco Rubio", q); k != nil {
		t.Errorf("valueKeys = %q, want none", k)
	}
	if k := valueKeys(personAnswer, "his deputy Christopher Landau", q); len(k) == 0 {
		t.Error("valueKeys of another name = none")
	}
}

// TestBareDigitIsNoSupport: a single digit (the "7" of a 7-5 set) is no
// key by which two reports confirm each other's figure; a figure is.
func TestBareDigitIsNoSupport(t *testing.T) {
	q := questionWords("How many times was the match stopped for rain?")
	if k := valueKeys(quantityAnswer, "7", q); k != nil {
		t.Errorf("valueKeys(7) = %q, want none", k)
	}
	if k := valueKeys(quantityAnswer, "17", q); len(k) == 0 {
		t.Error("valueKeys(17) = none")
	}
}

// TestHeadlineNamesTheFocus: a passage that no longer names the
// question's subject is still about it when its article's headline does.
func TestHeadlineNamesTheFocus(t *testing.T) {
	question := "On what date did tobacco bosses meet at the Grand Hotel in Lyon, a meeting central to the case Zorvia brought?"
	passages := []string{"Central to the government's case was a meeting in the Grand Hotel, Lyon, on 15 March, 1961."}
	for _, title := range []string{"Zorvia seeks new ruling on smokers", "Smokers win appeal"} {
		lex := localLexicon()
		ix, results, err := passageIndex(lex, passages)
		if err != nil {
			t.Fatal(err)
		}
		for i := range results {
			results[i].Source.Title = title
		}
		cands, err := scoreCandidates(t.Context(), lex, ix, question, results)
		if err != nil {
			t.Fatal(err)
		}
		at, _ := classify(question)
		if got, want := cands[0].canLead(at), title != "Smokers win appeal"; got != want {
			t.Errorf("headline %q: may lead %v, want %v", title, got, want)
		}
	}
}

// TestFocusInAnotherPassageOfTheReport: a sentence need not name the
// question's subject when another retrieved passage of its own report
// does; a passage of another report does not count.
func TestFocusInAnotherPassageOfTheReport(t *testing.T) {
	question := "Who is Brandt's coach, who told him not to rush back for the Lisbon indoor season?"
	passages := []string{
		"Hurdler Kofi Brandt has pulled out of the Ghent meeting with a torn ligament.",
		"His coach, Margot Ennis, told him not to rush back for the indoor season in Lisbon.",
	}
	checkReportLead(t, question, passages, "Margot Ennis")
}

// TestPartyNickname: news calls a Conservative a Tory.
func TestPartyNickname(t *testing.T) {
	passages := []string{
		"Labour's Ana Ruiz praised the Zenda plan on Monday.",
		"But Tory Dominic Grieve branded the way the Zenda plan was drawn up as \"scandalous\".",
	}
	checkLead(t, "Which Conservative called the way the Zenda plan was drawn up scandalous?", passages, "Dominic Grieve")
	// British news clips the Liberal Democrats to the Lib Dems.
	checkLead(t, "What is Ana Ruiz's job title with the Liberal Democrats?", []string{
		"Lib Dems hire Zenda press chief\nThe Lib Dems have appointed Ana Ruiz, a former Zenda Times editor, to run their election press office. Ms Ruiz's new job title is director of general election communications.",
	}, "director of general election communications")
}

// TestDescriptionIsNoRelation: the words that describe a name in the
// question ("the Austrian tennis player Kofi Brandt") and "name" in "the
// name of" are not what it asks, so a sentence that only shares them
// does not state the answer.
func TestDescriptionIsNoRelation(t *testing.T) {
	lex := localLexicon()
	for q, want := range map[string]string{
		"Who coaches the Austrian tennis player Kofi Brandt?":            "austrian player tenni",
		"What is the name of the wife of former Zendan spy Ana Ruiz?":    "name spi zendan",
		"Who won the men's singles at Wimbledon?":                        "",
		"Who designed Ana Ruiz's wedding dress for her marriage to Tom?": "",
	} {
		var got []string
		for t := range descriptionWords(lex, q) {
			got = append(got, t)
		}
		slices.Sort(got)
		if strings.Join(got, " ") != want {
			t.Errorf("descriptionWords(%q) = %q, want %q", q, got, want)
		}
	}
	if !descriptionWords(lex, "Which city did Ana Ruiz say her army captured?")["say"] {
		t.Error(`"say" in "did Ana Ruiz say her army captured" is taken for the relation`)
	}
	if descriptionWords(lex, "Who said the talks were useful?")["say"] {
		t.Error(`"said" in "Who said the talks were useful?" is not taken for the relation`)
	}
	checkLead(t, "Which city did Ana Ruiz say her army captured?", []string{"After the meeting, Ana Ruiz's aide Tom Hale said the talks were useful."}, "")
	passages := []string{"Kofi Brandt says he has been banned for three months by the International Tennis Federation."}
	checkLead(t, "Who coaches the Austrian tennis player Kofi Brandt?", passages, "")
	checkLead(t, "What is the name of Kofi Brandt's wife?", []string{"Kofi Brandt was named player of the year by the Lawn Tennis Association."}, "")
}

// TestQuotationIsNoDisagreement: a report quoting someone on other talks
// ("“… very good talks in Geneva”") does not make the sources differ
// about where the talks took place; a report stating another place does.
func TestQuotationIsNoDisagreement(t *testing.T) {
	for _, tt := range []struct {
		other    string
		conflict bool
	}{
		{"\"Just yesterday they had very good talks with the Zendans in Geneva, and now the envoy is on his way.\"", false},
		{"The talks between the envoy and the Zendans took place in Geneva on Tuesday.", true},
	} {
		passages := []string{"The talks between the envoy and the Zendans took place in Lisbon on Tuesday.", tt.other}
		ans, err := AnswerPassages(t.Context(), "Where did the talks with the Zendans take place?", passages)
		if err != nil {
			t.Fatal(err)
		}
		if ans.Has(answer.FlagConflict) != tt.conflict {
			t.Errorf("with %q: %q, conflict %v, want %v", tt.other, ans.Answer, ans.Has(answer.FlagConflict), tt.conflict)
		}
	}
}

// TestEventKindMayBeLeftOut: "Final" in "the Zenda Cup Final" names the
// kind of event, which a report of it may leave out.
func TestEventKindMayBeLeftOut(t *testing.T) {
	for _, f := range focusTerms(localLexicon(), "Who won the Zenda Cup Final in 2014?") {
		if f.term == localembed.Tokens("final")[0] && !f.word {
			t.Errorf("focus %q is a name the answer must repeat", f.term)
		}
	}
	passages := []string{"Ruritania came through with a 1-0 victory in extra time over Zenda to take the Zenda Cup in 2014."}
	checkLead(t, "Who won the Zenda Cup Final in 2014?", passages, "Ruritania")
}

// TestNextIsNotTheLast: "when is the next round" is not answered by the
// date of the round reported as held, nor by "next steps"; a sentence
// about a round to come answers it.
func TestNextIsNotTheLast(t *testing.T) {
	question := "When is Ana Ruiz expected to return to Zenda for the next round of talks?"
	held := "Ana Ruiz held talks with the Zendan leader in Zenda on Tuesday (December 2, 2025)."
	checkLead(t, question, []string{held}, "")
	// "Next steps" are no round to come.
	checkLead(t, question, []string{held + " With neither side able to bridge the gap, Tuesday's meeting closed with both delegations departing Zenda without any agreed next steps."}, "")
	checkLead(t, question, []string{held, "Ana Ruiz will return to Zenda for the next round of talks on January 14."}, "January 14")
}

// TestOrphanPronoun: a passage cut from a longer text whose pronoun
// subject has no antecedent in it speaks of what the question asks about;
// one that names another subject does not.
func TestOrphanPronoun(t *testing.T) {
	checkLead(t, "When was Starfall Odyssey released?", []string{
		"Starfall Odyssey was first shown at a trade fair in January 2026, with a trailer.",
		"It was eventually released on March 3, 2029, as a launch game for the Zenda Deck.",
	}, "March 3, 2029")
	checkLead(t, "When was Starfall Odyssey released?", []string{
		"Starfall Odyssey was first shown at a trade fair in January 2026, with a trailer.",
		"Moonfall Saga was first shown in 2027. It was eventually released on March 3, 2029.",
	}, "")
	// "The game" points back as "It" does, and the passage is about the
	// question's title, its number too.
	checkLead(t, "When was Starfall Odyssey 2 released?", []string{
		"Starfall Odyssey 2 is a 2027 role-playing game published by Zenda Games.",
		"The game was announced at a trade fair on January 12, 2027. The game was released on December 1, 2027 in Europe.",
	}, "December 1, 2027")
	// "This year" points at a time, not at the game.
	checkLead(t, "When was Starfall Odyssey 2 released?", []string{
		"Starfall Odyssey 2 is a 2027 role-playing game published by Zenda Games.",
		"This year has been a good one for role-playing games, with Moonfall Saga released on December 1, 2027.",
	}, "")
}

// TestVagueTime: a season or a time said relative to now answers "when",
// but not a question that asks for the date.
func TestVagueTime(t *testing.T) {
	passages := []string{
		"Zenda Rovers are closing in on a deal for Tom Hale after his agent travelled to Spain. The 28-year-old's contract expires in the summer, but Rovers want a quick deal.",
	}
	checkLead(t, "When does Tom Hale's contract expire?", passages, "in the summer")
	checkLead(t, "On what date does Tom Hale's contract expire?", passages, "")
}

// TestAdviceRefused: a question asking for advice is not answered by
// news that shares some of its words.
func TestAdviceRefused(t *testing.T) {
	passages := []string{"The Zenda service includes WiFi as standard, meaning users can connect multiple PCs, laptops and game consoles from any room in the house."}
	checkLead(t, "My laptop won't connect to wifi after the latest update, how do I fix it?", passages, "")
	checkLead(t, "What does the Zenda service include as standard?", passages, "WiFi")
}
