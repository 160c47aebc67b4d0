package rag

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/chunk"
)

func TestIsHeadline(t *testing.T) {
	first := Result{Chunk: chunk.Chunk{Start: 0}, Source: answer.Source{Title: "Kremlin meeting lasted almost five hours"}}
	later := Result{Chunk: chunk.Chunk{Start: 400}, Source: answer.Source{Title: "Kremlin meeting lasted almost five hours"}}
	tests := []struct {
		r     Result
		start int
		text  string
		want  bool
	}{
		{first, 0, "Kremlin meeting lasted almost five hours", true},
		{later, 10, "Kremlin meeting lasted almost five hours.", true},
		{first, 0, "The talks lasted five hours.", false},
		{first, 60, "Talks continue on Friday", false},
		{later, 0, "Moscow said the war had lasted nearly four years", false},
	}
	for _, tt := range tests {
		if got := isHeadline(tt.r, tt.start, tt.text); got != tt.want {
			t.Errorf("isHeadline(start %d+%d, %q) = %v, want %v", tt.r.Chunk.Start, tt.start, tt.text, got, tt.want)
		}
	}
}

// TestNormValuePossessive: a possessive makes no value fuller.
func TestNormValuePossessive(t *testing.T) {
	for in, want := range map[string]string{
		"West End's":       "west end",
		"Trump’s":          "trump",
		"Ronan O'Sullivan": "ronan o sullivan",
	} {
		if got := strings.Join(normValue(in), " "); got != want {
			t.Errorf("normValue(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSharedPhrases: a sentence that repeats the question's phrase ("a
// crucial test of") holds its pairs of consecutive words; one that has
// the same words apart holds none.
func TestSharedPhrases(t *testing.T) {
	lex := localLexicon()
	q := "what was the zenda meeting widely seen as a crucial test of"
	pairs := wordPairs(lex.tokens(q), focusTerms(lex, q))
	for s, want := range map[string]int{
		"The meeting was what many viewed as a crucial test of the new government's approach.": 1,
		"The test was crucial, the Zenda envoy said after the meeting.":                        0,
		"Widely seen as a crucial test, the Zenda meeting ended late.":                         4,
	} {
		if got := sharedPhrases(pairs, lex.tokens(s)); got != want {
			t.Errorf("sharedPhrases(%q) = %d, want %d", s, got, want)
		}
	}
}

// checkLead asks question of passages (AnswerPassages) and reports an
// error unless the answer's first sentence contains want, or, for an
// empty want, the answer is a refusal.
func checkLead(t *testing.T, question string, passages []string, want string) {
	t.Helper()
	ans, err := AnswerPassages(t.Context(), question, passages)
	if err != nil {
		t.Fatal(err)
	}
	checkFirst(t, question, ans, want)
}

// checkFirst reports an error unless ans's first sentence contains want,
// or, for an empty want, ans is a refusal.
func checkFirst(t *testing.T, question string, ans answer.Answer, want string) {
	t.Helper()
	first, _, _ := strings.Cut(ans.Answer, "[1]")
	switch {
	case want == "" && !ans.Refused:
		t.Errorf("%s: %q, want a refusal", question, ans.Answer)
	case want != "" && (ans.Refused || !strings.Contains(first, want)):
		t.Errorf("%s: %q, want %q in the first sentence", question, ans.Answer, want)
	}
}

// TestYesNoSettledByContrast: the sentence after the lead that turns
// against it ("but … not interested in selling") settles a yes-no
// question and follows the lead.
func TestYesNoSettledByContrast(t *testing.T) {
	q := "did ruiz manage to bring hale back to zenda in the january window?"
	ans, err := AnswerPassages(t.Context(), q, []string{
		"Ruiz also revealed he tried to bring Tom Hale back to Zenda during the January transfer window. Hale was sold to Belmar a year ago, and Ruiz said he tried to re-sign him, but Belmar were not interested in selling.",
		"Zenda face Karvik in the cup on Saturday.",
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Answer, "not interested in selling") {
		t.Errorf("%s: %q, want the sentence that settles it", q, ans.Answer)
	}
}

// TestWhoSaidIt: asked who said something, a sentence in which someone
// says it leads over one that only names organisations near the story's
// words.
func TestWhoSaidIt(t *testing.T) {
	checkLead(t, "Who, speaking for the campaign group Zenda Rights, warned that more lawyers might follow Ana Ruiz in resigning from the special advocates panel?", []string{
		"Ana Ruiz resigned from the panel of special advocates on Sunday. They are all believed to be carefully considering their positions on the panel of Special Advocates who represent detainees before the Special Appeals Commission (SAC) - a court without a jury. " +
			"But Tom Hale, a spokesman for the campaign group Zenda Rights, told Radio Belmar that more lawyers may go.",
	}, "Tom Hale")
}

// TestRecalledAgain: "again" at the end of a question in the past tense
// asks to be reminded, not about the next time.
func TestRecalledAgain(t *testing.T) {
	checkLead(t, "ana ruiz finally coming back for zenda - when did she do her wrist in again?", []string{
		"Ana Ruiz, who has not played since injuring her wrist on 17 October, trained with Zenda on Wednesday. Ruiz will make her return against Belmar on Saturday.",
	}, "17 October")
}

// TestDenialSettlesYesNo: a yes-no question whose best sentence retells
// its story is settled by the sentence of the same report that denies
// the claim; a denial of something else settles nothing.
func TestDenialSettlesYesNo(t *testing.T) {
	checkLead(t, "Will Zenda Telecom customers have to pay extra for the doubled broadband speeds that Zenda announced?", []string{
		"Zenda Telecom has said it will double the broadband speeds of most of its home and business customers. The firm is keen to provide extra services to its customers. The doubled broadband speeds will come at no extra charge and follow a similar move by a rival.",
	}, "no extra charge")
	checkLead(t, "Did Zenda's chairman unveil the new Zenda phone when he opened the Port Quill show?", []string{
		"Zenda's chairman opened the Port Quill show on Monday and unveiled the new Zenda phone to a packed hall. Zenda's chairman did not take questions from reporters at the Port Quill show.",
	}, "unveiled the new Zenda phone")
}

// TestShortQuotationGoesOn: a short quotation after a quoting sentence is
// part of what that one quotes, and is quoted with it (and, as that one
// is, read as going on from the sentence before); a fragment is not.
func TestShortQuotationGoesOn(t *testing.T) {
	passage := `Hale, speaking in Port Quill, warned that the process was nowhere near a resolution. "Not an easy situation," he said. "What a mess."`
	want := `"Not an easy situation," he said. "What a mess."`
	cands := candidatesOf(t, "hale's take on the zenda talks, speaking from port quill? what'd he say", []string{passage})
	if !slices.ContainsFunc(cands, func(c candidate) bool { return c.text == want }) {
		t.Errorf("no candidate %q among %d", want, len(cands))
	}
	if !continuesRE.MatchString(want) {
		t.Errorf("%q does not go on from the sentence before", want)
	}
	cands = candidatesOf(t, "What did Hale say?", []string{`"Zenda announced today that it has reached an agreement with Belmar," Hale said. "The total ...`})
	for _, c := range cands {
		if strings.Contains(c.text, "The total") {
			t.Errorf("fragment quoted: %q", c.text)
		}
	}
}

// TestWhyAnsweredByCause: a why-question whose best sentence retells what
// happened is answered by the sentence after it that gives the cause; a
// lead that gives one itself ("after …") stays.
func TestWhyAnsweredByCause(t *testing.T) {
	checkLead(t, "why isnt tom hale travelling with zenda to belmar for the cup game?", []string{
		"Zenda striker Tom Hale will not travel to Belmar for the club's cup match against Karvik on Wednesday. " +
			"A Zenda spokesman said on Monday that the squad had been picked by the coaching staff. " +
			"The club said the player had pulled out because of a knee injury.",
		"Karvik beat Belmar 2-0 in the league on Saturday.",
	}, "knee injury")
	checkLead(t, "why did zenda sack ana ruiz", []string{
		"Ana Ruiz was sacked by Zenda on Friday after failing a drugs test. " +
			"But Ruiz said: \"I don't even wonder about it because I think I will be banned for a long time.\"",
	}, "failing a drugs test")
}

// TestWhereBased: "Belmar-based Karvik" says where the airline of a
// question that tells its story first is based.
func TestWhereBased(t *testing.T) {
	checkLead(t, "Karvik Airways warned it could run out of cash unless it cuts $300m in wage costs - where is the airline based?", []string{
		"Shares in Karvik Airways have tumbled after the firm warned it could run out of cash. " +
			"In a filing to regulators the airline warned of \"inadequate liquidity\" if it fails to cut wage costs by $300m by the end of March. " +
			"Belmar-based Karvik now has debts of nearly $900m which it must pay off this year.",
	}, "Belmar-based")
}

// TestMemberOfOrganisation: asked which company someone is from, "Tom
// Hale of Karvik Seafood" names it; asked whom he faces next, "Tom Hale of
// Belmar" does not answer.
func TestMemberOfOrganisation(t *testing.T) {
	q := "Which company was Tom Hale from?"
	if got, ok := memberOf([]string{"Ana Ruiz", "Tom Hale of Karvik Seafood"}, focusTerms(localLexicon(), q)); !ok || got != "Karvik Seafood" {
		t.Errorf("memberOf = %q, %v; want Karvik Seafood", got, ok)
	}
	checkLead(t, "Prosecutors charged nine suppliers with helping Zenda inflate its earnings. Which company was Tom Hale from?", []string{
		"Prosecutors have charged nine food suppliers with helping Zenda inflate its earnings by more than $800m. " +
			"Among those facing charges are Ana Ruiz, a former employee of Belmar Mills; Tom Hale of Karvik Seafood; and Jo Lane of Ostra Foods.",
	}, "Karvik Seafood")
	// A leader's title between the organisation and the name, asked
	// after a clause telling the story.
	checkLead(t, "Apart from being Zenda's envoy for investment ties abroad, which organisation does Tom Hale run as chief executive?", []string{
		"Ana Ruiz hosted the Belmar envoys at the palace on Tuesday. Also taking part in the talks was Karvik Direct Investment Fund CEO Tom Hale, who serves as Zenda's special representative for investment and economic cooperation with foreign countries.",
	}, "Karvik Direct Investment Fund")
	q = "Who will Tom Hale face next after his semi-final win over top seed Jo Lane at the Zenda Open?"
	ans, err := AnswerPassages(t.Context(), q, []string{
		"Top seed Jo Lane went out of the Zenda Open on Thursday with a surprise loss to Tom Hale of Belmar.",
		"Hale goes on to face Ana Ruiz, a 6-4 7-5 winner over Jo Kim, in the final.",
	})
	if err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(ans.Answer, "[1]"); strings.Contains(first, "of Belmar") {
		t.Errorf("%s: %q, want no answer from where he is from", q, ans.Answer)
	}
}

// TestShareOfPrice: "what share of the price" asks for a share, not for
// a sum because it names a price; "one in 13" is a share too.
func TestShareOfPrice(t *testing.T) {
	checkLead(t, "The Zenda film festival went ahead despite the floods. What share of the price of every ticket sold was passed on to the relief fund?", []string{
		"Tickets for the Zenda film festival cost £8 this year, up from £6. " +
			"\"Our premieres became fundraisers and 10% of every ticket sold goes to the relief fund,\" the director said.",
	}, "10%")
	checkLead(t, "What proportion of pupils in Zenda are serial truants?", []string{
		"Serial truants make up one in 13 pupils in Zenda, the report found.",
	}, "one in 13")
}

// TestHowMuchGetting: "how much is it getting for it" asks for a sum of
// money, which a rise in its shares is not.
func TestHowMuchGetting(t *testing.T) {
	checkLead(t, "Zenda is offloading its Karvik Lines stake to Ruiz - how much is it getting for it?", []string{
		"Zenda sells Karvik Lines stake\n\nShares in engineering group Zenda have soared more than 16% on news that it is offloading its stake in underground consortium Karvik Lines. The sale of the 33% stake to Belmar's Ruiz for £146m ($281m) is a lifeline to Zenda, which was weighed down by debts of more than £230m.",
	}, "£146m")
}

// TestSupposedFigure: a figure in a condition ("if the score reaches
// 5-4") is not stated, so it answers no question about the score.
func TestSupposedFigure(t *testing.T) {
	q := "Ruiz has quit Zenda and Hale takes charge for the Belmar game. What was the final score of that match?"
	checkLead(t, q, []string{
		"Zenda manager Ruiz has quit. \"In a three-against-three training match, if the score reaches 5-4 I send the players back to the dressing rooms,\" Ruiz said before the Belmar game.",
	}, "")
	checkLead(t, q, []string{
		"Zenda manager Ruiz has quit. Hale took charge for the Belmar game, and the final score of the match was 5-4.",
	}, "5-4")
}

// TestLastTimeSince: "for the first time since 1925" says when something
// last happened.
func TestLastTimeSince(t *testing.T) {
	checkLead(t, "Lord Ruiz is thinking about allowing cameras into courts. When were they last allowed in?", []string{
		"Lord Ruiz told the Zenda programme it was impossible for some elderly people to go to court on Tuesday. The plan comes as the lord chancellor also considers allowing cameras into courts for the first time since 1925, as long as they were used for cases that did not involve witnesses.",
	}, "1925")
	// So does "has not laid off a worker since 1945".
	checkLead(t, "There's a specialist steel firm near Lille, Zenda Bolts, that makes bolts for power stations. When did it last lay anyone off?", []string{
		"Zenda Bolts makes bolts for power stations near Lille. Its order book was full in 2004. The company has not laid off a worker since 1945.",
	}, "1945")
	// A plan for a month is not when it last happened, though it is
	// when it will.
	planned := []string{"Reports that Ana Ruiz is planning a snap general election in Zenda for February 2031 have been described as idle speculation."}
	for q, fits := range map[string]bool{
		"when was the last time zenda had a general election in feb": false,
		"when is zenda's next general election":                      true,
	} {
		for _, c := range candidatesOf(t, q, planned) {
			if c.fits != fits {
				t.Errorf("%q: %q fits %v, want %v", q, c.text, c.fits, fits)
			}
		}
	}
}

// TestPlaceByItsAdjective: a place the question names is named by its
// people's adjective too ("European capitals" for "Europe").
func TestPlaceByItsAdjective(t *testing.T) {
	checkLead(t, "What did critics in Zenda and Europe say the first version's terms did?", []string{
		"The draft peace proposal was revised following criticism from Zenda and European capitals that its initial terms disproportionately favored Belmar's interests.",
	}, "favored Belmar")
}

// TestHowTheySummedItUp: asked how someone put something, the quotation
// right after the sentence in which they speak without quoting answers,
// their name written in lower case too; a lead that quotes them stays.
func TestHowTheySummedItUp(t *testing.T) {
	passages := []string{
		`Zenda envoy Tom Hale and Belmar ended their talks in Port Quill on Tuesday without a deal on the border. Hale, speaking in Karvik, warned that the process was nowhere near a resolution. "Not an easy situation," he said. "What a mess."`,
		"Belmar said its envoys would return to Port Quill next month.",
	}
	for _, q := range []string{
		"How did Hale sum up the situation when he spoke in Karvik?",
		"how did hale sum up the whole thing when he spoke in karvik",
	} {
		checkLead(t, q, passages, "Not an easy situation")
	}
	checkLead(t, "How did Belmar describe the mood of the talks?", []string{
		`Belmar described the mood of the talks as "constructive", though no deal was reached. "We will be back," Belmar's envoy said.`,
	}, "constructive")
}

// TestWhoAtSaid: a who-question may place the sayer before its verb ("who
// at Zenda House said …"), and the sayer of a quotation may be "he" after
// the sentence naming him.
func TestWhoAtSaid(t *testing.T) {
	checkLead(t, "On the eve of the Belmar trip, who at Zenda House said the administration felt very optimistic about a deal?", []string{
		`Earlier, Zenda House said it was "very optimistic" of a deal being reached, as envoy Tom Hale heads to Belmar. "I think the administration feels very optimistic," Zenda House Press Secretary Ana Ruiz told reporters. She said that President Carl Wend and his team "have been working so hard on this effort."`,
	}, "Ana Ruiz")
	checkLead(t, "whos the belmar manager who said he hadnt heard about hale joining zenda from the player himself", []string{
		`Belmar's teenage star Tom Hale is poised to join Zenda after turning down a move to Karvik. The 17-year-old midfielder was also being chased by Port Quill. But Belmar boss Ana Ruiz has yet to confirm that Hale is on his way. "I heard on Sunday that he has joined Zenda, but not from the lad himself," he said.`,
	}, "Ana Ruiz")
}

// TestContractionNamesNothing: "there'd" is rare as a token but names
// nothing the passage must hold.
func TestContractionNamesNothing(t *testing.T) {
	checkLead(t, "what was hale saying there'd been some progress on", []string{
		`Zenda envoy Tom Hale had earlier expressed cautious optimism, suggesting that "some progress" was being made on security guarantees for Belmar.`,
		"Belmar said its envoys would return to Port Quill next month.",
	}, "security guarantees")
}

// TestRelationInItsOwnWords: of two sentences relating a name to a
// who-question, the one saying all it asks in its own words answers,
// not the opening that relates another name in looser ones ("swept the
// top honours") and holds the story the question places it in.
func TestRelationInItsOwnWords(t *testing.T) {
	checkLead(t, "Who won the sevens award at the Belmar Rugby awards where Kofi Brandt was named player of the year?", []string{
		"Northwind's Kofi Brandt was named player of the year as the Zenda champions swept the top honours at the Belmar Rugby awards. " +
			"Jo Lane claimed the coaching award. Ana Ruiz beat team-mate Tom Hale to win the sevens award.",
	}, "Ana Ruiz")
}

// TestTitleHolder: the body before a title and the question's name is
// the one whose title it holds.
func TestTitleHolder(t *testing.T) {
	checkLead(t, "Tom Hale is the chief executive of which organisation?", []string{
		"Ana Ruiz hosted the Belmar envoys at the palace on Tuesday, alongside economic envoy Tom Hale. " +
			"Also taking part in the talks was Karvik Direct Investment Fund CEO Tom Hale, who serves as Zenda's special representative for investment.",
		"Zenda's envoy Tom Hale took part in the talks with Ana Ruiz.",
	}, "Karvik Direct Investment Fund")
}

// TestConverseRelation: a relation said from the other party's side
// names the answer after its "to" or "from": who beat him ("went down to
// …"), who handed it over ("collecting his award from …").
func TestConverseRelation(t *testing.T) {
	checkLead(t, "Who beat fifth seed Tom Hale in the first round of the Zenda Open?", []string{
		"Fifth seed Tom Hale was the first big name to fall at the Zenda Open as he went down to fellow Belmarian Kofi Brandt on Monday.",
		"He now meets wild card Ana Ruiz, who followed up his win over top seed Tom Hale by overcoming Belmar's Jo Lane, 6-4 3-6 7-6.",
	}, "Kofi Brandt")
	checkLead(t, "who handed kofi brandt his band's award at the zenda music awards", []string{
		"Collecting his band's award from model Ana Ruiz at the Zenda ceremony, singer Kofi Brandt said he felt at home. " +
			"Brandt's band Northwind also played at the Zenda Music Awards.",
	}, "Ana Ruiz")
}

// TestWhereWithinAndNext: "where exactly in Florida" asks for a place in
// Florida, and where the next round will be held is not where this one
// was.
func TestWhereWithinAndNext(t *testing.T) {
	held := "A five-hour session in Zenda's Senate Palace ended without a breakthrough, as Ana Ruiz failed to reach agreement with the Belmar envoys."
	checkLead(t, "Where exactly in Florida did the Belmar and Zenda negotiators meet before the trip?", []string{held}, "")
	checkLead(t, "After leaving Zenda, where are the Belmar envoys planning to hold their next round of talks with Ruiz?", []string{
		"Zenda President Ana Ruiz held a five-hour meeting in the Kremlin with Belmar President Kofi Brandt's son-in-law Tom Hale and Belmar special envoy Jo Lane, whom Brandt sent to present a revised peace proposal.",
	}, "")
	checkLead(t, "Where did the Belmar envoys hold the talks with Ana Ruiz?", []string{held}, "Senate Palace")
}

// TestUnstatedValue: when the sentence stating all a question asks about
// gives no date, a date the report gives for another event is no answer.
func TestUnstatedValue(t *testing.T) {
	passages := []string{
		"Nato foreign ministers will also meet this week in Brussels for an annual meeting but Secretary of State Ana Ruiz is skipping the talks, instead sending her deputy Tom Hale. " +
			"Hale has faced criticism in the past for his travels to Karvik. " +
			"Kofi Brandt, a business friend of the president who has become his roving fixer, met Karvik negotiators on Sunday alongside Ana Ruiz and again on Monday.",
	}
	checkLead(t, "what date exactly is the nato foreign ministers meeting in brussels that ruiz is skipping", passages, "")
	checkLead(t, "When did Kofi Brandt meet the Karvik negotiators alongside Ruiz?", passages, "Sunday")
}

// TestMetaWords: what a question says of the words it asks for ("what
// third adjective", "what 3 words") is not what the answer says.
func TestMetaWords(t *testing.T) {
	passages := []string{
		"Zenda aide Ana Ruiz described the talks as “extremely useful, constructive, and substantive,” confirming that both sides had a detailed discussion. " +
			"In a later briefing, Ruiz offered a tempered assessment, indicating a lack of progress on the core issues.",
	}
	checkLead(t, "Ruiz called the talks extremely useful and constructive - what third adjective did she use?", passages, "substantive")
	checkLead(t, "what 3 words did ruiz use to describe the talks", passages, "substantive")
	// Nor is the report it asks about ("one report", "one account").
	for q, gone := range map[string]string{
		"How does one report characterise the gap between Zenda and Belmar?": "report",
		"Why does one article say Ruiz sent her inner circle to Zenda?":      "article",
		"What did the IPPR report say about pensions?":                       "",
	} {
		if _, content := classify(q); gone != "" && strings.Contains(content, gone) || gone == "" && !strings.Contains(content, "report") {
			t.Errorf("classify(%q) content %q", q, content)
		}
	}
}

// TestNoCountryIsACity: asked which city, a sentence naming only a
// country names none.
func TestNoCountryIsACity(t *testing.T) {
	passages := []string{
		"The meeting came after Ana Ruiz earlier signalled that her forces were prepared to keep fighting until Russia’s original war aims are achieved. " +
			"Ruiz later claimed her troops had captured the town of Karvik.",
	}
	checkLead(t, "which city did ruiz say her troops captured", []string{strings.SplitAfter(passages[0], "achieved. ")[0]}, "")
	checkLead(t, "which town did ruiz say her troops captured", passages, "Karvik")
}

// TestPronounGoesOnSaying: asked what someone said, a sentence whose
// pronoun goes on from one in which they speak is theirs ("She went
// further, cautioning that …").
func TestPronounGoesOnSaying(t *testing.T) {
	cands := candidatesOf(t, "Just hours before sitting down with the envoys, what did Ruiz say Zenda would be if Karvik started a war?", []string{
		"Just hours before the meeting, Ruiz issued a stark warning, accusing Karvik's allies of sabotaging the peace efforts. " +
			"She went further, cautioning that Zenda would be “ready for war” if Karvik initiated one.",
	})
	for _, c := range cands {
		if strings.HasPrefix(c.text, "She went further") && !c.says {
			t.Errorf("%q: not said by Ruiz", c.text)
		}
	}
}

// TestPossessedParty: in "did she claim her forces had taken", her
// forces are a party to what is asked, not its relation.
func TestPossessedParty(t *testing.T) {
	lex := localLexicon()
	for q, party := range map[string]string{
		"After Ruiz's camouflage address, which Karvik town did she claim her forces had taken?": "forces",
		"which city did ruiz say her troops captured":                                            "troops",
		"Which city did Ruiz say the army captured?":                                             "",
	} {
		words := descriptionWords(lex, q)
		for _, tok := range lex.tokens(party) {
			if !words[tok] {
				t.Errorf("descriptionWords(%q) = %v, want %q", q, words, tok)
			}
		}
		if party == "" && words[lex.tokens("army")[0]] {
			t.Errorf("descriptionWords(%q) = %v, want no army", q, words)
		}
	}
}

// TestEchoedFigure: a when-question naming a figure is answered by the
// sentence of the report that states it, not by another date of it.
func TestEchoedFigure(t *testing.T) {
	passages := []string{
		"Zenda Motors said it expects to meet its 2004 earnings targets \"despite a tough competitive environment\". " +
			"\"Attaining earnings of $10 a share remains Zenda's goal,\" the company said, adding it believes it can achieve this in 2007.",
	}
	checkLead(t, "when does zenda motors reckon it will finally hit earnings of $10 a share", passages, "2007")
}

// TestConcertIsAPerformance: where someone was performing is where the
// concert was.
func TestConcertIsAPerformance(t *testing.T) {
	passages := []string{
		"Reggae star Karvik, whose tour was cancelled after protests, has been jailed in Jamaica for swearing on stage. " +
			"The singer must serve 15 days in prison after he consistently swore during a concert in St Thomas, Jamaica, in January despite warnings by police.",
	}
	checkLead(t, "Where was Karvik performing when he kept swearing on stage despite police warnings?", passages, "St Thomas")
}

// TestGoAlongWith: "go along with" asks whether they accept, and "a
// face-to-face" is a meeting: "went further" says neither.
func TestGoAlongWith(t *testing.T) {
	lex := localLexicon()
	for q, want := range map[string]string{
		"could zenda go along with any of the plan": "accept",
		"has a face-to-face been set up":            "meet",
	} {
		var toks []string
		for _, qt := range lex.queryTerms(q) {
			if qt.of == "" {
				toks = append(toks, qt.term)
			}
		}
		if !slices.Contains(toks, lex.tokens(want)[0]) || slices.Contains(toks, lex.tokens("go")[0]) {
			t.Errorf("queryTerms(%q) = %v, want %q", q, toks, want)
		}
	}
}

// TestFactNotForecast: asked how many were sent, a forecast of how many
// will be is no answer when a sentence near it states the count.
func TestFactNotForecast(t *testing.T) {
	passages := []string{
		"Text messaging is booming. The Zenda Data Association predicts that 2005 could see more than 30bn text messages sent in Belmar. " +
			"Latest figures from the Zenda Data Association show that 26 billion text messages were sent in Belmar in 2004.",
	}
	checkLead(t, "How many text messages were sent in Belmar according to the Zenda Data Association?", passages, "26 billion")
	checkLead(t, "How many text messages does the Zenda Data Association predict will be sent in Belmar in 2005?", passages, "30bn")
}
