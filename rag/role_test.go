package rag

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/rag/localembed"
)

func TestRoleHolds(t *testing.T) {
	tests := []struct {
		question, sentence string
		values             []string
		want               string // "" when the relation does not hold
	}{
		{"Who met Putin?", "Putin hosted US special envoy Steve Witkoff and Jared Kushner at the Kremlin.", []string{"Steve Witkoff", "Jared Kushner"}, "Steve Witkoff"},
		{"Who met Putin?", "A Trump–Putin meeting has not been scheduled, Ushakov noted.", []string{"Trump", "Ushakov"}, ""},
		{"Who met Putin?", "After the meeting, Putin's aide Yuri Ushakov said the talks were useful.", []string{"Yuri Ushakov"}, ""},
		{"Who met Putin?", "Talks between Putin and Steve Witkoff lasted five hours.", []string{"Steve Witkoff"}, "Steve Witkoff"},
		{"Who won the Wimbledon title?", "Ashleigh Barty beat Karolina Pliskova to win the Wimbledon title.", []string{"Ashleigh Barty", "Karolina Pliskova"}, "Ashleigh Barty"},
		{"Who directed Titanic?", "Titanic is a 1997 film directed by James Cameron.", []string{"James Cameron"}, "James Cameron"},
		{"Who directed Titanic?", "Titanic opened in 1997; James Cameron later spoke about it.", []string{"James Cameron"}, ""},
		// In sport, whom a player faces is whom she plays.
		{"Who is Ana Ruiz playing in the first round of the Zenda Open?", "Ana Ruiz faces Mira Sol in the first round of the Zenda Open.", []string{"Ana Ruiz", "Mira Sol", "Zenda Open"}, "Mira Sol"},
		// An aside between the subject and its verb, and "not to" after
		// the verb, which negates what follows, not the verb.
		{"Who warned Zenda against rewarding Belmar?", "Ana Ruiz, for her part, warned Zenda not to reward Belmar for the war.", []string{"Ana Ruiz"}, "Ana Ruiz"},
		{"Who warned Zenda against rewarding Belmar?", "Ana Ruiz in turn warned Zenda against rewarding Belmar.", []string{"Ana Ruiz"}, "Ana Ruiz"},
		{"Who warned Zenda against rewarding Belmar?", "Ana Ruiz did not warn Zenda against rewarding Belmar.", []string{"Ana Ruiz"}, ""},
		// Scoring is the relation of "who scored", not the match it was
		// scored in.
		{"Who scored Zenda's equaliser in their 1-1 draw with Belmar?", "Belmar boss Ana Ruiz was left ruing her side's 1-1 draw with Zenda.", []string{"Ana Ruiz"}, ""},
		{"Who scored Zenda's equaliser in their 1-1 draw with Belmar?", "Tom Hale scored Zenda's equaliser in the 87th minute.", []string{"Tom Hale"}, "Tom Hale"},
		// What follows "ruled that" is what was ruled, not the relation.
		{"Which judge ruled that Ana Ruiz is owed 10% of Zenda's profits from the films?", "The court did not rule on Ruiz's claims to profits from some Zenda and Hulk movie merchandise, Zenda said.", []string{"Hulk"}, ""},
		{"Which judge ruled that Ana Ruiz is owed 10% of Zenda's profits from the films?", "District Court Judge Tom Hale ruled Ruiz should get a tenth of Zenda's profits.", []string{"District Court Judge Tom Hale"}, "District Court Judge Tom Hale"},
		// Besides a known relation ("won"), the question's words qualify
		// the answer: "singles:" is no title.
		{"Who won the women's singles Wimbledon in 2031?", "Wimbledon 2031 – women's singles: Anna Kovac and Mira Sol ...", []string{"Anna Kovac", "Mira Sol"}, ""},
		// A label stating the relation names the answer after its colon,
		// unless it heads a list.
		{"Who is the Zenda Award winner in 2031?", "Zenda Award for player of the year: Ana Ruiz, Belmar.", []string{"Ana Ruiz", "Belmar"}, "Ana Ruiz"},
		{"Who is the Zenda Award winner in 2031?", "Zenda Award Winners: Ana Ruiz, Tom Hale, Kofi Brandt ...", []string{"Ana Ruiz", "Tom Hale", "Kofi Brandt"}, ""},
		// A relation word used as a title belongs to the name after it.
		{"Who directed Titanic?", "Hollywood film director James Cameron, who directed the 1997 movie Titanic, has told the BBC about the dive.", []string{"Hollywood", "James Cameron", "BBC"}, "James Cameron"},
		{"Who directed Titanic?", "Titanic and Avatar director James Cameron is making a documentary.", []string{"Avatar", "James Cameron"}, "James Cameron"},
		// A title in capitals is the relation, not the question's subject;
		// the name after it is the answer, also when ordinary words
		// ("Cook") make it up.
		{"Who is the CEO of Northwind in 2031?", "Northwind CEO Tim Cook opened the new store.", []string{"Northwind CEO Tim Cook"}, "Tim Cook"},
		{"Who is the CEO of Northwind in 2031?", "Northwind CEO Ada Vance Received Nearly $90 Million in Pay", []string{"Northwind CEO Ada Vance Received Nearly", "Million"}, "Ada Vance"},
		{"Who is the CEO of Northwind in 2031?", "Ada Vance is Northwind's CEO and sits on its board.", []string{"Ada Vance", "Northwind's CEO"}, "Ada Vance"},
		{"Who is the CEO of Northwind in 2031?", "Ada Vance became CEO of Northwind ten years ago.", []string{"Ada Vance", "CEO of Northwind"}, "Ada Vance"},
		{"Who is the CEO of Northwind in 2031?", "After Jon Bell resigned as CEO of Northwind, the board met.", []string{"Jon Bell"}, ""},
		// The head of a firm is its chief executive.
		{"Who is the head of the Northwind Investment Fund?", "Also at the talks was Northwind Investment Fund CEO Ada Vance.", []string{"Northwind Investment Fund CEO Ada Vance"}, "Ada Vance"},
		// An appositive between the subject and its verb.
		{"Who was named the 2031 Zenda Teacher of the Year?", "Ana Ruiz, an elementary school teacher in Port Zenda, has been named the 2031 Zenda Teacher of the Year.", []string{"Ana Ruiz", "Port Zenda"}, "Ana Ruiz"},
		{"What film won Best Animated Feature at the 2031 Zenda Awards?", "Moon Harbour, the long-awaited next chapter in the saga of the two robots, won Best Animated Feature at the Zenda Awards.", []string{"Moon Harbour", "Best Animated Feature", "Zenda Awards"}, "Moon Harbour"},
		{"Who met the envoys in Zenda?", "Ana Ruiz, a friend of the mayor who has become his fixer, met the envoys in Zenda.", []string{"Ana Ruiz"}, "Ana Ruiz"},
		{"Who met the envoys in Zenda?", "Ana Ruiz, part of the family that controls the firm, met the envoys in Zenda.", []string{"Ana Ruiz"}, "Ana Ruiz"},
		// A participle clause after a comma has the subject of the clause
		// before it.
		{"Who is Ruiz sending to the Zenda summit?", "Leaders meet in Zenda this week but Ana Ruiz is skipping the summit, instead sending her deputy Tom Hale.", []string{"Leaders", "Zenda", "Ana Ruiz", "Tom Hale"}, "Tom Hale"},
		// Who said something is the subject of "said", not a name in
		// what was said; a name after its organisation says it.
		{"Who in Zenda said the river was safe?", "The Zenda council said that Northwind had made the river safe.", []string{"Zenda", "Northwind"}, ""},
		{"Who at Northwind said the plant would close?", "Northwind Press Officer Ana Ruiz told reporters the plant would close.", []string{"Northwind Press Officer Ana Ruiz"}, "Ana Ruiz"},
		// A title after a comma, and a title before a copula.
		{"Who is the CEO of Northwind in 2031?", "It was a sunny afternoon in the office of Ada Vance, CEO of Northwind.", []string{"Ada Vance", "CEO of Northwind"}, "Ada Vance"},
		{"Who is the president of Northwind in 2031?", "The current president of Northwind is Ada Vance, elected in 2029.", []string{"Ada Vance"}, "Ada Vance"},
		{"Who is the president of Northwind in 2031?", "Ada Vance, a former Northwind engineer, met the president.", []string{"Ada Vance"}, ""},
		// A relative clause, a list of participles before "by", a heading.
		{"Who directed Titanic?", "(Wire) — James Cameron, who directed the 1997 film “Titanic”, spoke on Monday.", []string{"Wire", "James Cameron"}, "James Cameron"},
		{"Who directed Titanic?", "Titanic is a 1997 film directed, written, produced, and co-edited by James Cameron.", []string{"James Cameron"}, "James Cameron"},
		{"Who directed Titanic?", "Titanic: Directed by James Cameron.", []string{"Directed", "James Cameron"}, "James Cameron"},
		// A headline in capitals: the words before the relation's verb.
		{"Who won the women's singles Wimbledon in 2031?", "Anna Kovac Wins Wimbledon Women's Singles Title", []string{"Anna Kovac Wins Wimbledon Women's Singles Title"}, "Anna Kovac"},
		// A quoted title is the subject of the verb after the quote.
		{"What film won the Oscar for best picture in 2031?", "“Blue Harbour” won the Oscar for best picture on Sunday.", []string{"Blue Harbour", "Oscar"}, "Blue Harbour"},
		// A verb is no title ("met Ukrainian negotiators"), and a day is no
		// party to the relation.
		{"Who did Zelensky meet with on Monday?", "Witkoff met Ukrainian negotiators on Sunday alongside Marco Rubio and again on Monday.", []string{"Witkoff", "Ukrainian", "Marco Rubio"}, ""},
		// The subject opening the sentence, a long appositive, and its
		// main verb after an auxiliary; not a verb of the appositive.
		{"Who is representing Kofi Brandt?", "Brandt, 25, sacked by Northwind and banned for seven months, is now represented by Ana Ruiz, daughter of the Zenda coach.", []string{"Northwind", "Ana Ruiz", "Zenda"}, "Ana Ruiz"},
		{"Who sacked Kofi Brandt?", "Brandt, 25, is now represented by Ana Ruiz, sacked by Northwind in May.", []string{"Ana Ruiz", "Northwind"}, ""},
		// A rare verb asked about ("donated") says the relation, though it
		// is a focus word too.
		{"Which company donated the servers and software to build the Helix Grid?", "Orbix has donated the servers, software and expertise to build the grid.", []string{"Orbix"}, "Orbix"},
		// An adverb between the auxiliary and the verb.
		{`Which former union leader accused Labour and the Conservatives of a "bidding war" over asylum?`, `Former union leader Sir Tom Hale has already accused both the big parties of engaging in a "bidding war about who can be nastiest to asylum seekers".`, []string{"Sir Tom Hale"}, "Sir Tom Hale"},
		// The first to win: the record is the subject's.
		{"Who won the Zenda Open golf tournament in 2021?", "Tom Hale made history for himself and Ruritania on Sunday, becoming the first Ruritanian golfer to win the Zenda Open.", []string{"Tom Hale", "Ruritania"}, "Tom Hale"},
		{"Who won the Zenda Open golf tournament in 2021?", "Tom Hale made history on Sunday, becoming a favourite to win the Zenda Open next year.", []string{"Tom Hale"}, ""},
		// Negotiators are other people than the name beside them; a
		// negotiator before a name is a title.
		{"who was negotiating for zenda", "Tom Hale failed to reach agreement with key Belmar negotiators on resolving the Zenda conflict.", []string{"Tom Hale", "Belmar"}, ""},
		{"who was negotiating for zenda", "The Zenda negotiator Ana Ruiz said the talks achieved significant progress.", []string{"Ana Ruiz"}, "Ana Ruiz"},
		// A rare verb after an auxiliary says the relation.
		{"who is the zenda team gonna debrief after leaving belmar", "After leaving Belmar, the Zenda officials will debrief President Tom Hale.", []string{"President Tom Hale."}, "President Tom Hale."},
		// "Report back to" is to debrief.
		{"who did the zenda team report back to", "After leaving Belmar, the Zenda officials will debrief President Tom Hale.", []string{"President Tom Hale."}, "President Tom Hale."},
		// A quotation attributed after it, the speaker after the entity.
		{"who at zentrix said the tool was simple", "\"This is a simple tool,\" said Zentrix's Mara Holt.", []string{"Zentrix's Mara Holt."}, "Mara Holt"},
	}
	lex := localLexicon()
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			_, content := classify(tt.question)
			focus := focusTerms(lex, tt.question)
			isFocus := map[string]bool{}
			for _, f := range focus {
				isFocus[f.term] = true
			}
			var relTerms []queryTerm
			for _, q := range lex.queryTerms(content) {
				if !isFocus[q.term] && !isFocus[q.of] {
					relTerms = append(relTerms, q)
				}
			}
			_, subject := asksSubject(tt.question)
			rel, parties := roleRelation(lex, tt.question, relTerms, focus)
			got, ok := roleHolds(tt.sentence, rel, parties, tt.values, subject, false)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("roleHolds = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
}

// TestWhoQuestionPrefersTheRelation: the sentence in which the question's
// relation holds between its entity and a name leads, not one that shares
// the question's words and names someone else.
func TestWhoQuestionPrefersTheRelation(t *testing.T) {
	passages := []string{
		"A Trump–Putin meeting has not been scheduled, Ushakov noted, underscoring the impasse with the Kremlin.",
		"Putin hosted US special envoy Steve Witkoff at the Kremlin on Tuesday for a five-hour meeting.",
	}
	ans, err := AnswerPassages(t.Context(), "Who met Putin?", passages)
	if err != nil {
		t.Fatal(err)
	}
	lead, _, _ := strings.Cut(ans.Answer, "[1]")
	if ans.Refused || !strings.Contains(lead, "Steve Witkoff") {
		t.Fatalf("answer %q, want the sentence naming Steve Witkoff first", ans.Answer)
	}
}

// TestRoleHoldsTitledName: a title that says the relation, followed by a
// name, holds it; a title followed by an ordinary word does not.
func TestRoleHoldsTitledName(t *testing.T) {
	rel := relationStems([]queryTerm{{term: "press"}, {term: "secretari"}})
	if v, ok := roleHolds("White House Press Secretary Karoline Leavitt told reporters.", rel, nil, []string{"White House Press Secretary Karoline Leavitt"}, false, false); !ok || v != "Karoline Leavitt" {
		t.Errorf("roleHolds = %q, %v; want the titled name", v, ok)
	}
	rel = relationStems([]queryTerm{{term: "director"}})
	if v, ok := roleHolds("The Director's Cut features more dialogue.", rel, nil, []string{"Director's Cut"}, false, false); ok {
		t.Errorf("roleHolds = %q; want no holder", v)
	}
}

// TestDescribedName: "Who is …?" and "…'s job?" ask what a named person
// is; a sentence that gives the name a title or an apposition says it.
func TestDescribedName(t *testing.T) {
	for q, want := range map[string]string{
		"Who is Jared Kushner?":                              "kushner",
		"who's kushner again?":                               "kushner",
		"ushakov's job?":                                     "ushakov",
		"What is Kirill Dmitriev's role?":                    "dmitriev",
		"ok so who is ushakov exactly, like what is his job": "ushakov",
		"who is ana ruiz - what's her role?":                 "ruiz",
		"Who won the Zenda Open?":                            "",
		"What did Ushakov say?":                              "",
	} {
		got := describedName(q)
		if want == "" && got != nil || want != "" && !got[localembed.Tokens(want)[0]] {
			t.Errorf("describedName(%q) = %v, want %q", q, got, want)
		}
	}
	name := describedName("who's ana ruiz again?")
	for s, want := range map[string]bool{
		"Northwind's chief executive Ana Ruiz opened the plant.":         true,
		"Ana Ruiz, the mayor's daughter, opened the plant.":              true,
		"Ana Ruiz, Northwind's boss, opened the plant.":                  true,
		"Northwind founder Tom Hale's son-in-law Ana Ruiz spoke.":        true,
		"Ana Ruiz, co-founder of Northwind, spoke.":                      true,
		"\"Ana Ruiz\" is a play about Northwind.":                        false,
		"The envoys met Ana Ruiz and Tom Hale for five hours on Monday.": false,
		"Ana Ruiz said the plant would reopen.":                          false,
	} {
		if got := introduces(s, name); got != want {
			t.Errorf("introduces(%q) = %v, want %v", s, got, want)
		}
	}
	checkLead(t, "who's ana ruiz again?", []string{
		"The envoys met Ana Ruiz and Tom Hale for five hours at the Zenda plant on Monday, and Ana Ruiz spoke afterwards.",
		"The plant reopened on Tuesday. Ana Ruiz, Northwind's chief executive, said the talks had gone well.",
	}, "chief executive")
}

// TestActingRelation: being cast to portray a role, or playing it, is
// starring in it; two reports saying so outweigh the cast of a cartoon.
func TestActingRelation(t *testing.T) {
	checkLead(t, `Who is starring as Mira in the movie "Mira"?`, []string{
		"Ana Ruiz, Tom Hale and Kofi Brandt star in the English version of the 2001 cartoon as Mira, Bo and the Emperor, respectively, while Lena Park sings.",
		"On November 29, 2031, actress Yifei Sun was cast in the film to portray the titular role of Mira.",
		"And last August, the movie's lead actress Yifei Sun, the Zendan actress playing Mira herself, made headlines of her own.",
	}, "Yifei Sun")
}

// TestPronounAfterWhen: "In 2003 it bought …" in a report on the buyer
// says whom it bought, as "It bought …" does; the kind's own word
// ("Romanian" in "which Romanian company") is not the buyer.
func TestPronounAfterWhen(t *testing.T) {
	checkLead(t, "Which Romanian company did Zenda buy in 2003 to get hold of anti-virus technology?", []string{
		"Zenda has bought anti-virus software maker Belmar Software, it said on Tuesday, to improve security in its products. The firm has long worked on security. In 2003 it bought Romanian firm Ardent Software to get hold of its anti-virus technology.",
		"Zenda said it would buy software maker Belmar Software to improve its anti-virus technology, and expects the deal to close soon.",
	}, "Ardent Software")
}

// TestToldThePress: what someone told reporters is not answered by a
// sentence that names them but reports nothing said.
func TestToldThePress(t *testing.T) {
	met := "Zenda President Ana Ruiz hosted envoy Tom Hale at the palace on Tuesday for a meeting watched by reporters, alongside economic envoy Kofi Brandt."
	checkLead(t, "What did Kofi Brandt tell reporters after the meeting?", []string{met}, "")
	checkLead(t, "What did Kofi Brandt tell reporters after the meeting?", []string{met, "After the meeting, Kofi Brandt told reporters the talks had been useful."}, "useful")
	// So with whomever it asks what they were told.
	sent := "Belmar foreign ministers will meet in Zenda this week, but Ana Ruiz is skipping the talks, instead sending her deputy Tom Hale."
	checkLead(t, "With Ruiz skipping the meeting in Zenda, what did her deputy Tom Hale tell the other ministers?", []string{sent}, "")
	checkLead(t, "What did Tom Hale say at the ministers' meeting in Zenda?", []string{sent}, "")
	checkLead(t, "With Ruiz skipping the meeting in Zenda, what did her deputy Tom Hale tell the other ministers?", []string{sent + " In Zenda, Tom Hale told the other ministers that Belmar stood by its allies."}, "stood by")
}

// TestAskedRoleOfName: a role asked with a possessive before it ("who
// served as Ruiz's interpreter") is one a sentence must name.
func TestAskedRoleOfName(t *testing.T) {
	checkLead(t, "Who served as Ruiz's interpreter during the five-hour session?", []string{
		"Also taking part was Karvik Fund chief Tom Hale, who serves as Ruiz's special representative for investment.",
	}, "")
}

// TestSaidAbout: what someone said about a topic is not answered by
// something they said about another.
func TestSaidAbout(t *testing.T) {
	warned := "Just hours before the meeting, Zenda President Ana Ruiz issued a stark warning, accusing Belmar of sabotaging the peace efforts."
	checkLead(t, "What did Ana Ruiz say about climate change?", []string{warned}, "")
	checkLead(t, "What did Ana Ruiz say about the peace efforts?", []string{warned}, "sabotaging")
	// How it is going is no topic, and what follows a comma is the
	// asker's own comment.
	lex := localLexicon()
	for q, want := range map[string][]string{
		"what did ruiz say about how its going, sounded kinda grim": nil,
		"what did ruiz say about the budget, sounded kinda grim":    lex.tokens("the budget"),
	} {
		if got := saidAbout(lex, q); !slices.Equal(got, want) {
			t.Errorf("saidAbout(%q) = %q, want %q", q, got, want)
		}
	}
	// The speaker says it after an aside; someone else going on with a
	// pronoun does not.
	passages := []string{
		"Just hours before the meeting, Ana Ruiz issued a stark warning, accusing Belmar of sabotaging the peace efforts. " +
			"She went further, cautioning that Zenda would be ready for war if Belmar started one.",
		"Tom Hale, speaking in Karvik, warned that the process was nowhere near a resolution.",
	}
	checkLead(t, "what did tom hale say about how its going, sounded kinda grim", passages, "nowhere near")
}

// TestWhoSaid: asked who said something, the name right before or after
// a verb of saying is the sayer; a name in what "she said" is not.
func TestWhoSaid(t *testing.T) {
	q := "Who was the Zenda spokesperson who said the administration felt optimistic about a deal?"
	checkLead(t, q, []string{
		`Earlier, Zenda said it was "very optimistic" of a deal being reached, as envoy Tom Hale heads to Belmar. "I think the administration feels very optimistic," Zenda Press Secretary Ana Ruiz told reporters. She said that President Kofi Brandt and his team "have been working so hard on this effort."`,
	}, "Ana Ruiz")
	if v, ok := sayerName(`"We made progress," said envoy Tom Hale.`, []string{"Tom Hale"}); !ok || v != "Tom Hale" {
		t.Errorf("sayerName after said = %q, %v", v, ok)
	}
	if _, ok := sayerName("Tom Hale met Ana Ruiz, who said nothing.", []string{"Tom Hale"}); ok {
		t.Error("sayerName found a sayer in a name that says nothing")
	}
}

// TestWhoFollowsLightVerb: a sentence saying the question's event but
// for its light verb ("has received a takeover offer" for "who made the
// takeover offer") is followed by the one naming who did it, and a
// company's full name ("Zenda City Stores") is the one the question
// names, not an answer.
func TestWhoFollowsLightVerb(t *testing.T) {
	passages := []string{
		"Zenda City Stores, the second-largest electronics retailer in Belmar, has received a $3.25bn takeover offer. The bid has come from private investment firm Karvik Capital Management, which already owns 6.7% of the retailer's shares.",
		"Shares in rival retailers rose on Tuesday after analysts said more bids could follow.",
	}
	checkLead(t, "Who made the $3.25bn takeover offer for Zenda City?", passages, "Karvik Capital Management")
	// A sentence naming no one after one lacking the question's own verb
	// ("directed") is no answer.
	checkLead(t, "Who directed the Zenda docu-drama about the volcano erupting?", []string{
		"Zenda, a docu-drama about a volcanic eruption in Karvik, is among the highlights on Belmar One this winter. The schedule also includes a drama about Ana Ruiz, who was wrongly convicted of fraud.",
	}, "")
}

// TestCalledIsSaid: who called something so is who said it was.
func TestCalledIsSaid(t *testing.T) {
	checkLead(t, "who called the january zenda retail numbers decent", []string{
		"Zenda retail sales fell 0.3% in January. " +
			"Tom Hale, chief economist at Belmar Bank, said January's figures were \"decent numbers\".",
		"At the same time, mortgage approvals fell in January to a near 10-year low, official Zenda Bank figures have shown.",
	}, "Tom Hale")
}

// TestHostedCeremony: who hosted an awards ceremony is the subject of
// "hosted", a relative clause between them aside; the awards the question
// names were not won.
func TestHostedCeremony(t *testing.T) {
	checkLead(t, "Who hosted this year's Zenda awards ceremony?", []string{
		"The Northwind movie has beaten Belmar 2 to the main prizes at the Zenda animation awards. " +
			"Belmar won nine Zenda awards last year. " +
			"Tom Hale, who provides the voice for a cartoon sponge, hosted Sunday's ceremony at the Alex Theater.",
	}, "Tom Hale")
	if mod := modifierStems("Who hosted this year's Zenda awards ceremony?"); !mod[localLexicon().tokens("awards")[0]] {
		t.Errorf("modifierStems: %v, want awards", mod)
	}
	if mod := modifierStems("Who received the Zenda award for career achievement?"); mod[localLexicon().tokens("award")[0]] {
		t.Errorf("modifierStems: %v, want no award", mod)
	}
}

// TestChairedByChairman: who chaired a panel is its chairman.
func TestChairedByChairman(t *testing.T) {
	checkLead(t, "who chaired the zenda panel that heard the hale case", []string{
		"Tom Hale pleaded guilty before a Zenda panel consisting of chairman Kofi Brandt, Ana Ruiz and Lee Park.",
		"The Zenda union recently fined coach Tom Hale £2,000 for comments about a referee.",
	}, "Kofi Brandt")
}

// TestPassiveAgent: who did something is named after "by" when the verb
// is passive, in a report on whom it was done to that does not name them
// again ("The speech … had been introduced by his son Nick").
func TestPassiveAgent(t *testing.T) {
	lex := localLexicon()
	rel := map[string]bool{lex.tokens("introduced")[0]: true}
	focus := []focusTerm{{term: lex.tokens("Ruiz")[0]}}
	for s, want := range map[string]string{
		"The speech, which was peppered with jokes, had been introduced by her son Kofi, a trainee vicar.": "Kofi",
		"On Tuesday, the band were introduced to the crowd by Mick Jones, the former guitarist.":           "Mick Jones",
		"The speech had not been introduced by her son Kofi.":                                              "",
		"The speech was introduced last year, by which time Kofi had left.":                                "",
		"The song was especially introduced for her by Kofi Brandt in May.":                                "Kofi Brandt",
		"Introduced by Kofi Brandt, this year's speech …":                                                  "",
	} {
		v, ok := roleHolds(s, rel, focus, names(s, false), true, true)
		if ok != (want != "") || v != want {
			t.Errorf("roleHolds(%q) = %q, %v; want %q", s, v, ok, want)
		}
	}
}
