package rag

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/chunk"
)

// TestStoryInTheReport: a long question names its story as well as what
// it asks. A sentence of the report that answers what is asked need not
// repeat the story the report's other passages tell; a sentence of
// another report, which tells another story, does not answer.
func TestStoryInTheReport(t *testing.T) {
	question := "how long did ilse dravko take to win the first set against oona hantvik in the hopwell cup final"
	passages := []string{
		"Oona Hantvik put the third seeds ahead in the Hopwell Cup final, recovering from a terrible start to beat Ilse Dravko 1-6 6-4 6-4.",
		"World number 31 Hantvik looked nervous as she dropped the first four games of the match. Dravko, who had lost all three of her singles matches in the group stages, grew in confidence and took the first set in just 27 minutes.",
	}
	checkReportLead(t, question, passages, "27 minutes")
}

// checkReportLead asks question of passages twice: with the second passage
// a later passage of the first one's report, when want must lead the
// answer, and as another report, when the answer must be a refusal.
func checkReportLead(t *testing.T, question string, passages []string, want string) {
	t.Helper()
	for _, sameReport := range []bool{true, false} {
		lex := localLexicon()
		ix, results, err := passageIndex(lex, passages)
		if err != nil {
			t.Fatal(err)
		}
		if sameReport {
			results[1].Chunk.ArticleID, results[1].Source = results[0].Chunk.ArticleID, results[0].Source
			results[1].Chunk.Start = 1000 // its second passage
		}
		ans, err := extract(t.Context(), lex, ix, question, results)
		if err != nil {
			t.Fatal(err)
		}
		w := ""
		if sameReport {
			w = want
		}
		checkFirst(t, fmt.Sprintf("%s (same report %v)", question, sameReport), ans, w)
	}
}

// TestLaterSentenceAsksBetter: the opening of a report restates the
// question's story; a later sentence of it that states what the question
// asks answers it.
func TestLaterSentenceAsksBetter(t *testing.T) {
	passages := []string{
		"Kofi Brandt and Ana Ruiz will fight the provisional two-year bans imposed on them by the Zenda federation at an independent tribunal this weekend. " +
			"The pair missed three drugs tests last summer. " +
			"However, their former coach Tom Hale was banned for four years by the tribunal.",
	}
	checkLead(t, "how long did the tribunal ban brandt and ruiz's old coach for", passages, "four years")
}

// TestLowerCaseNames: a casual question writes names in lower case, and
// English knows "romanian" as a word; the reports write it as a name, so
// it is part of what the question is about: the purchase of another firm
// neither answers nor disagrees.
func TestLowerCaseNames(t *testing.T) {
	passages := []string{
		"Northwind bought the antivirus maker Zenda Labs in 2021 to get its hands on new technology.",
		"Northwind has been busy. In 2003 Northwind bought Romanian firm Bitcad Software to get hold of its antivirus technology.",
	}
	for _, q := range []string{
		"what romanian company did northwind buy to get its hands on antivirus tech",
		"what romanian firm did northwind buy to get its hands on antivirus tech",
	} {
		ans, err := AnswerPassages(t.Context(), q, passages)
		if err != nil {
			t.Fatal(err)
		}
		checkFirst(t, q, ans, "Bitcad Software")
		if strings.Contains(ans.Answer, "Zenda") {
			t.Errorf("%s: %q also quotes the other purchase", q, ans.Answer)
		}
	}
}

// TestPhrasalVerbInTheArticle: a phrasal verb reads the same in the
// question and in the article ("pull out" as "withdraw"), so the sentence
// that says it answers, not the report's opening.
func TestPhrasalVerbInTheArticle(t *testing.T) {
	passages := []string{
		"US musical Sunny Hearts has cancelled its run on Broadway after poor ticket sales for its early shows. " +
			"Star Ilse Dravko had to pull out of pre-Broadway performances earlier this month with a broken foot.",
	}
	checkLead(t, "why did ilse dravko have to pull out of the sunny hearts shows before broadway", passages, "broken foot")
}

// TestSumOfAnotherReport: a sum beside a word of the question ("£75m
// after selling") in another report does not outrank the report that
// states the sale.
func TestSumOfAnotherReport(t *testing.T) {
	checkLead(t, "How much did Tom Hale sell his company Zenda Media for?", []string{
		"Music mogul Tom Hale has sold his Zenda Media company to a US entrepreneur in a $156m (£81.5m) deal. The buyer plans to expand it.",
		"Mogul Tom Hale has seen his wealth plummet from £220m last year to £75m after selling his company Zenda Media for less than expected, according to the Sunday Courier.",
	}, "$156m")
}

// TestByHowMuch: "by how much did sales fall" asks for the change, which
// a share gives, though the question speaks of spending.
func TestByHowMuch(t *testing.T) {
	checkLead(t, "By how much did Zenda car sales fall in January, according to the statistics office's consumer spending figures?",
		[]string{"According to the statistics office, Zenda car sales fell 2.8% in January, following a fall of 0.6% in December."}, "2.8%")
}

// TestSameVerbs: a sentence that says a relation in another of news's
// words for it says the relation asked about.
func TestSameVerbs(t *testing.T) {
	for _, tt := range []struct{ sentence, relation string }{
		{"Retail sales dropped by 1% in December.", "fall"},
		{"Sales slumped 3% in the quarter.", "fall"},
		{"The firm wants a tariff rise of 60%.", "increas"},
		{"Google bought YouTube in 2006.", "acquir"},
		{"Ushakov acknowledged that Russia could agree with some things.", "admit"},
		{"The firm runs 142 quarries.", "oper"},
		{"The firm was fined 11m euros for having violated takeover rules.", "penalti"},
		{"The firm was fined 11m euros for having violated takeover rules.", "breach"},
		{"Ana Ruiz, speaking in Belmar, warned that the process was nowhere near a resolution.", "say"},
		{"\"I think the team feels very optimistic,\" spokeswoman Ana Ruiz told reporters.", "say"},
		{"Zenda refuses to surrender territory it holds.", "relinquish"},
		{"Zenda refuses to surrender territory it holds.", "land"},
		{"A meeting of the two leaders has not been scheduled.", "calendar"},
		{"A meeting of the two leaders has not been scheduled.", "summit"},
		{"Belmar rebuffed the offer.", "reject"},
		{"Three people died in the blast.", "kill"},
		{"New entry Spanglish entered the chart at number three, taking $9m.", "make"},
		{"The film took $30.2m in its debut weekend.", "open"},
		{"Karvik Direct Investment Fund CEO Tom Hale took part.", "chief"},
		{"Karvik Direct Investment Fund CEO Tom Hale took part.", "execut"},
		{"Tom Hale, chief executive of Karvik, took part.", "ceo"},
		{"A persistent obstacle remains the status of Zenda's eastern region.", "stick"},
		{"A persistent obstacle remains the status of Zenda's eastern region.", "point"},
	} {
		said := withSynonyms(localLexicon().tokens(tt.sentence), []string{tt.relation})
		if !slices.Contains(said, tt.relation) {
			t.Errorf("%q does not say %q: %q", tt.sentence, tt.relation, said)
		}
	}
	// A word of a phrase the group holds is not the phrase: an executive
	// is no CEO.
	for _, tt := range []struct{ sentence, relation string }{
		{"The firm hired former Karvik executive Tom Hale.", "ceo"},
		{"Chief negotiator Tom Hale took part.", "ceo"},
	} {
		if said := withSynonyms(localLexicon().tokens(tt.sentence), []string{tt.relation}); slices.Contains(said, tt.relation) {
			t.Errorf("%q says %q", tt.sentence, tt.relation)
		}
	}
}

// TestFocusInTheReport: a later passage of a report goes on about what its
// opening names; the sentence that states what is asked answers though
// it names the firm no more.
func TestFocusInTheReport(t *testing.T) {
	question := "how much did zenda pharma spend on r&d in the three months to december"
	passages := []string{
		"Indian drugmaker Zenda Pharma has reported a 90% fall in profits for the three months to December, blaming falling sales of generic drugs in the US.",
		"Research and development of new drugs is continuing apace, with R&D spending rising 37% to 705m rupees.",
	}
	checkReportLead(t, question, passages, "705m rupees")
}

// TestQuotationSaidByPronoun: a quotation a pronoun said goes on from the
// sentence naming who said it, so it answers what that person said.
func TestQuotationSaidByPronoun(t *testing.T) {
	passages := []string{
		"Talks between Zenda and Belmar ended without a deal on Tuesday. " +
			"Tom Hale, speaking in Ruritania, warned that the process was nowhere near a resolution. " +
			"\"Not an easy situation,\" he said.",
	}
	checkLead(t, "how'd tom hale sum up the whole situation", passages, "Not an easy situation")
}

// TestRareWordSaidOtherwise: a word a question is about only for its
// rarity ("breaching", "alongside") may be said otherwise in the answer or
// not at all, when the question names what it is about: the sentence of
// the report that states the fine answers.
func TestRareWordSaidOtherwise(t *testing.T) {
	question := "What penalty did Zendacorp receive for breaching takeover rules, announced alongside its doubled fourth-quarter profit?"
	passages := []string{
		"Zendacorp, the Ruritanian dairy group, has reported a doubling in profit for the fourth quarter.",
		"Less welcome was the news that the firm had been fined 11m euros for having violated takeover rules five years ago.",
	}
	checkReportLead(t, question, passages, "11m euros")
}

// TestFractionOfAStake: "a quarter stake" says how big a share is.
func TestFractionOfAStake(t *testing.T) {
	checkLead(t, "How big a share does Zenda own in Clearwell, the business that clears Ruritanian Exchange trades?", []string{
		"Zenda is poised to bid for the Ruritanian Exchange, media reports say. " +
			"Trades on the exchange are cleared via Clearwell, in which Zenda has a quarter stake.",
	}, "quarter stake")
}

// TestSpeakerNamed: a question asking what someone said is answered only
// by a sentence that names the speaker, or follows one that does.
func TestSpeakerNamed(t *testing.T) {
	passages := []string{
		"Tom Hale met Ana Ruiz in Zenda City on Tuesday for five hours of talks on the border dispute. " +
			"Ruiz said the meeting with Hale had been useful but that no deal was reached.",
	}
	checkLead(t, "What did officials in Paris say in response to the meeting between Tom Hale and Ana Ruiz in Zenda City?", passages, "")
	// The speaker named elsewhere in the report does not make another
	// sentence what they said.
	checkLead(t, "How did Age Concern describe the government's decision to bring in a default retirement age of 65?", []string{
		"Under new Zendan age discrimination rules, a default retirement age of 65 will be introduced. " +
			"But Age Concern said imposing a retirement age of 65 was \"cowardly\" and a \"complete u-turn\".",
	}, "cowardly")
	checkLead(t, "What did Ruiz say in response to the meeting with Hale?", passages, "useful")
}

// TestSaidByOther: what another said, beside the name of whom the question
// asks, is not what they said; a pronoun or a title saying it may be them.
func TestSaidByOther(t *testing.T) {
	speaker := map[string]bool{"hale": true}
	for s, want := range map[string]bool{
		`On Monday, the White House said it was "very optimistic", as envoy Tom Hale heads to Belmar.`: true,
		`"We made progress," Tom Hale told reporters.`:                                                 false,
		`"We made progress," said envoy Tom Hale after the talks.`:                                     false,
		`"We made progress," he said.`:                                                                 false,
		`The Chancellor said the plans would mean £50bn in cuts.`:                                      false,
		`Tom Hale left Belmar on Tuesday.`:                                                             false,
		// "stressed" says it too; "claims" after it is Belmar's claim.
		`Hale stressed that no compromise was found on the regions Belmar claims as its own.`: false,
	} {
		if got := saidByOther(s, speaker); got != want {
			t.Errorf("saidByOther(%q) = %v, want %v", s, got, want)
		}
	}
	checkLead(t, "What did Tom Hale say to reporters after he left Belmar?", []string{
		`On Monday, the White House said it was "very optimistic" about a deal, as envoy Tom Hale heads to Belmar for talks.`,
	}, "")
}

// TestSpeakerNamedByLastName: whom a question asks what they said is named
// by their own name, though not by every word the question describes them
// with ("Kostas Kenteris's lawyer Gregory Ioannidis").
func TestSpeakerNamedByLastName(t *testing.T) {
	checkLead(t, "How did Ana Ruiz's lawyer Tom Hale react to Mira Sol's comments about appealing the acquittal?", []string{
		"Ruiz's lawyer, Tom Hale, reacted angrily to Sol's comments on Friday. The Zendan agency will appeal against the acquittal of Ana Ruiz on doping charges, its chairman Mira Sol said.",
	}, "angrily")
}

// TestWholeReport: what a report names outside the passages retrieved
// (the Kremlin talks its opening tells of) still places a later
// sentence in the question's story; among thousands of articles fewer of
// a report's passages are retrieved.
func TestWholeReport(t *testing.T) {
	story := "Envoys from Belmar met Zenda's president at the Kremlin on Tuesday for talks on the border war. " +
		strings.Repeat("The meeting ran late into the night and ended without a deal on the disputed border, officials said. ", 12) +
		"Also taking part was Zenda Direct Investment Fund chief executive Tom Hale, who handles economic ties with foreign countries."
	question := "Who is the head of the Zenda Direct Investment Fund that joined the Kremlin talks?"
	lex := localLexicon()
	ix, results, err := passageIndex(lex, []string{story})
	if err != nil {
		t.Fatal(err)
	}
	if len(results) < 2 {
		t.Fatalf("%d passages, want the story split in several", len(results))
	}
	last := results[len(results)-1:] // retrieval found only the passage naming Hale
	ans, err := extract(t.Context(), lex, ix, question, last)
	if err != nil {
		t.Fatal(err)
	}
	checkFirst(t, question+" (passage alone)", ans, "")
	last[0].report = story
	if ans, err = extract(t.Context(), lex, ix, question, last); err != nil {
		t.Fatal(err)
	}
	checkFirst(t, question+" (whole report)", ans, "Tom Hale")
}

// TestAskReadsWholeReports: the extractive answerer reads each retrieved
// passage's whole article from the store.
func TestAskReadsWholeReports(t *testing.T) {
	s := openTest(t, Config{})
	arts := testArticles()
	if _, err := s.Ingest(t.Context(), arts, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	results, _, err := s.retrieve(t.Context(), "How long did the talks in Moscow last?", ExtractiveK, answer.Filter{})
	if err != nil || len(results) == 0 {
		t.Fatalf("retrieve: %d results, %v", len(results), err)
	}
	read, err := s.withReports(t.Context(), results, map[string]string{})
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	for _, a := range arts {
		text[a.ID] = a.Text
	}
	for _, r := range read {
		if r.report != text[r.Chunk.ArticleID] {
			t.Errorf("%s: report %q, want the article's text", r.Chunk.ID, r.report)
		}
	}
	if results[0].report != "" {
		t.Error("withReports changed the results it was given")
	}
	// A text already read is not read again.
	known := map[string]string{results[0].Chunk.ArticleID: "already read"}
	if read, err = s.withReports(t.Context(), results[:1], known); err != nil || read[0].report != "already read" {
		t.Errorf("withReports with a known text: report %q, %v", read[0].report, err)
	}
	// The passage after the first one is read too, as it was stored.
	long := corpus.Article{ID: "long", Title: "Long report", Source: "Wire One", Origin: testOrigin, Hash: "long",
		Text: "The Zenda summit opened on Monday with a long session on the border. " + strings.Repeat("Delegates argued over the wording of the border clause for many hours, aides said. ", 14) +
			"The final statement was signed by Ana Ruiz and Tom Hale late on Tuesday."}
	if _, err := s.Ingest(t.Context(), []corpus.Article{long}, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	chunks := chunk.Split(long.ID, long.Text)
	if len(chunks) < 2 {
		t.Fatalf("%d passages, want the long report split in several", len(chunks))
	}
	read, err = s.withReports(t.Context(), []Result{{Rank: 1, Chunk: chunks[0], Source: answer.Source{ID: long.ID}}}, map[string]string{})
	if err != nil {
		t.Fatal(err)
	}
	if len(read) != 2 || read[1].Chunk.ID != chunks[1].ID || read[1].Chunk.Text != chunks[1].Text || read[1].report != long.Text {
		t.Fatalf("withReports = %+v, want the first passage and the one after it", read)
	}
	got, _, err := s.retrieve(t.Context(), "Who signed the final statement of the Zenda summit?", ExtractiveK, answer.Filter{ArticleIDs: []string{long.ID}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range got {
		if r.Chunk.Text != chunks[r.Chunk.Index].Text {
			t.Errorf("stored passage %s differs from the report split again", r.Chunk.ID)
		}
	}
}

// TestStoryToldFirst: a question that tells its story in sentences of its
// own is answered by what its last sentence asks, or by what it asks
// first when it tells where the story came from after.
func TestStoryToldFirst(t *testing.T) {
	passages := []string{
		"The Zenda Film Awards grew from a $5-a-ticket dinner for 250 guests at the Belmar Hotel in 1929 into a televised extravaganza watched around the world. Nobody agrees where the statuette's nickname came from. The trophy was designed by studio art director Tom Hale.",
	}
	checkLead(t, "The Zenda Film Awards grew from a $5-a-ticket dinner for 250 guests at the Belmar Hotel in 1929 into today's televised extravaganza, and the origin of the statuette's nickname is still disputed. Who designed the Zenda trophy itself?", passages, "Tom Hale")
	if got := askedSentence("Who was runner-up when Ana Ruiz won the fourth series of I'm a Celebrity... Get Me Out of Here?"); !strings.HasPrefix(got, "Who was runner-up") {
		t.Errorf("askedSentence split a title at its ellipsis: %q", got)
	}
	if got := askedSentence("Tom Hale has been criticised for the way he handles these visits. What is the criticism about?"); !strings.HasPrefix(got, "Tom Hale") {
		t.Errorf("askedSentence kept only a sentence that says too little: %q", got)
	}
	// Asked first, the story told after.
	for q, want := range map[string]string{
		"btw what kind of diplomacy does ruiz have lots of experience in? came up in the zenda talks coverage": "btw what kind of diplomacy does ruiz have lots of experience in?",
		"ruiz has done this before right? where": "ruiz has done this before right? where",
		"what did ruiz say? where did he say it": "what did ruiz say? where did he say it",
		// Which of several it means, said after a comma.
		"how much did the greens spend on their zenda campaign, the one where belmar outspent labour": "how much did the greens spend on their zenda campaign",
		// Asked in lower case after its story, unless it refers to it.
		"tom hale is going with ruiz's team to zenda.. where's the first test against belmar being played?": "where's the first test against belmar being played?",
		"ana ruiz just played her last game for zenda - who's her husband again?":                           "ana ruiz just played her last game for zenda - who's her husband again?",
		"territorial divisions - how big a challenge, per the report?":                                      "territorial divisions - how big a challenge, per the report?",
	} {
		if got := askedSentence(q); got != want {
			t.Errorf("askedSentence(%q) = %q, want %q", q, got, want)
		}
	}
	checkLead(t, "btw what kinda diplomacy is tom hale supposed to have lots of experience in? came up in the zenda belmar talks coverage", []string{
		"Zenda's envoy Ana Ruiz met Belmar's leaders for talks in Karvik on Monday, the Zenda government said.",
		"The presence of Tom Hale, who has extensive experience in Middle Eastern diplomacy, underscored Zenda's commitment to the talks.",
	}, "Middle Eastern")
}

// TestStoryPointedBack: a last sentence that points back into the story
// the question tells ("Who did he dispatch instead?") finds nothing
// alone; the whole question is asked then. Who holds a title is told by
// the sentence naming someone by it, and a sentence naming no one so does
// not disagree. "sending" says "dispatch", and a "say" after "any" is a
// noun, not someone asked what they said.
func TestStoryPointedBack(t *testing.T) {
	s := openShipped(t)
	for _, tt := range []struct{ question, want string }{
		{"Marco Rubio chose not to attend this week's annual gathering of Nato foreign ministers in Brussels. Who did he dispatch instead?", "Christopher Landau"},
		{"The man who serves as Putin's special presidential representative for investment and economic cooperation with foreign countries also sat in on the talks with Witkoff and Kushner. Which organisation does he head as chief executive?", "Russian Direct Investment Fund"},
		// Who holds a title: the sentence naming someone by it, and no
		// other sentence naming no one so disagrees.
		{"who's the white house press secretary who said the administration felt v optimistic about a ukraine deal as witkoff headed to moscow", "Karoline Leavitt"},
		{"The American draft peace proposal taken to Moscow had been revised after Kyiv and European capitals complained it favoured Russia. What had come before, and prompted, that criticism?", "leaks"},
	} {
		ans := askShipped(t, s, tt.question, tt.want)
		if ans.Has(answer.FlagConflict) {
			t.Errorf("%s: %q, want no conflict", tt.question, ans.Answer)
		}
	}
	lex := localLexicon()
	q := "A week before the Kremlin talks, an earlier US plan had been put to the Ukrainians without them having had any say in it. In which city was it presented?"
	if speaker, _ := speakerTerms(lex, q, focusTerms(lex, q)); len(speaker) > 0 {
		t.Errorf("a \"say\" after \"any\" read as asking what %v said", speaker)
	}
	for _, f := range focusTerms(lex, "Who sold the Zenda PCs?") {
		if f.term == "pcs" && !slices.Contains(f.alt, "pc") {
			t.Errorf("focus %q: alternatives %v, want the singular \"pc\" too", f.term, f.alt)
		}
	}
}

// TestSecondSearchWithoutNames: a question refused on the passages first
// retrieved is asked of the same articles again without the names every
// passage of its story shares.
func TestSecondSearchWithoutNames(t *testing.T) {
	askShipped(t, openShipped(t), "how many points did the us peace plan have originally before they trimmed it down for the putin meeting", "28 points")
}

// TestUnsaidRelation: a who-question whose verb is rare enough to be said
// by its own word ("interpreted") is refused when no passage says it:
// names the reports share are no answer. When one says it, its subject
// answers.
func TestUnsaidRelation(t *testing.T) {
	askShipped(t, openShipped(t), "who interpreted for putin during the 5 hour talks with the americans", "")
	checkLead(t, "Who interpreted for Ana Ruiz during the Karvik talks?", []string{
		"Ana Ruiz met the Belmar delegation for five hours in Karvik on Monday. Tom Hale interpreted for Ana Ruiz during the talks, aides said.",
	}, "Tom Hale")
}

// TestKindModifierNotRequired: a word describing the kind asked for
// ("Swiss" in "In which Swiss city …") is the answer's, which its report
// need not say.
func TestKindModifierNotRequired(t *testing.T) {
	askShipped(t, openShipped(t), "In which Swiss city had the earlier version of the American plan been put to Kyiv's side?", "Geneva")
}

// TestSpeakerSays: asked how someone described something, a sentence in
// which they say something answers ("Ushakov said the talks were
// useful"), not one that only names them among the story's other names
// ("… alongside presidential aide Yuri Ushakov").
func TestSpeakerSays(t *testing.T) {
	askShipped(t, openShipped(t), "How did Yuri Ushakov characterise the talks with Witkoff and Kushner once they had finished?", "useful")
}

// TestOtherOccasionIsNoDispute: the report of the Moscow session, which
// never names the Ukrainians, does not dispute where the US talks with
// the Ukrainians were held (Florida).
func TestOtherOccasionIsNoDispute(t *testing.T) {
	ans := askShipped(t, openShipped(t), "where did the us have talks with the ukrainians right before witkoff flew to russia", "Florida")
	if ans.Has(answer.FlagConflict) {
		t.Errorf("%q: sources said to differ", ans.Answer)
	}
}

// askShipped asks s question and checks the answer's first sentence
// (checkFirst).
func askShipped(t *testing.T, s *Service, question, want string) answer.Answer {
	t.Helper()
	ans, err := s.Ask(t.Context(), answer.Request{Question: question})
	if err != nil {
		t.Fatal(err)
	}
	checkFirst(t, question, ans, want)
	return ans
}

// TestNamedInTheOtherReport: a report that names the other's place or
// person anywhere (the Kremlin, in the report of a session in Moscow's
// Senate Palace) does not dispute where the talks were or who spoke.
func TestNamedInTheOtherReport(t *testing.T) {
	s := openShipped(t)
	for _, q := range []string{"Which city hosted the talks?", "where was trump speaking when he said the ukraine process was nowhere near a resolution", "who warned against rewarding russia for the war?"} {
		ans, err := s.Ask(t.Context(), answer.Request{Question: q})
		if err != nil {
			t.Fatal(err)
		}
		if ans.Refused || ans.Has(answer.FlagConflict) {
			t.Errorf("%s: %q, want an answer and no conflict", q, ans.Answer)
		}
	}
}
