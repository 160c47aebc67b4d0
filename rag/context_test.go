package rag

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestContextWords: the words with which a question places what it asks
// in its story are not what it asks.
func TestContextWords(t *testing.T) {
	lex := localLexicon()
	for q, want := range map[string]string{
		"Who is now representing Kofi Brandt as he prepares for talks with Northwind?":         "northwind prepar talk",
		"what did ana ruiz, the singer who recorded the zenda theme, die of":                   "record singer theme zenda",
		"Under the Zenda plan to cut the number of MPs, what did he say the average size was?": "cut mps number plan zenda",
		"how many journalists does the Zenda Post have now they're cutting 90 editorial jobs":  "90 cut editori job",
		"Who did Ruiz meet in Zenda?": "",
		"how many quarries does northwind operate, the belmar firm zenda agreed to take over":   "agre belmar firm take zenda",
		"Which two coaches did Brandt work as an assistant to at Northwind?":                    "",
		"How much did Northwind earn in 2031 according to the Zenda list of top music earners?": "accord earner list music top zenda",
		"who put the ball in his own net when zenda won 2-0 at belmar":                          "0 2 belmar win zenda",
		// What happened before an event of the story places it, unless
		// the question asks how long before.
		"Which city did Ruiz claim to have captured the day before the talks?": "day talk",
		"how long before the talks did Ruiz claim the city":                    "",
		// So does what happened at the same time.
		"Where are Zenda ministers meeting in the same week as the Ruiz-Hale talks?": "hale ruiz talk week",
		// So does a relative clause placing a name of it at an event,
		// not a "where" that asks.
		"Who won the relay award at the Zenda awards where Kofi Brandt was named player of the year?": "brandt kofi name player year",
		"which city hosts the belmar meeting at which ruiz gets her award":                            "award get ruiz",
		"how did they describe where the zenda talks are now":                                         "",
		"Northwind wants a pension where entitlement depends on what?":                                "",
		"so where is the zenda summit being held":                                                     "",
	} {
		got := slices.Sorted(maps.Keys(contextWords(lex, q)))
		if strings.Join(got, " ") != want {
			t.Errorf("contextWords(%q) = %q, want %q", q, strings.Join(got, " "), want)
		}
	}
}

// TestContextIsNotTheRelation: the lede that restates a question's story
// ("to begin talks with Northwind") does not answer who represents him.
func TestContextIsNotTheRelation(t *testing.T) {
	passages := []string{
		"Disgraced former Zenda striker Kofi Brandt is to begin talks with Northwind as he looks for a new club. " +
			"Brandt, 25, sacked by Zenda and banned for seven months, is now represented by Ana Ruiz, daughter of Northwind manager Tom Hale.",
	}
	checkLead(t, "Who is now representing Kofi Brandt as he prepares for talks with Northwind?", passages, "Ana Ruiz")
}

// TestStoryToldByTheReport: a question that tells its story before what
// it asks is answered by the sentence stating what it asks, not by the
// lede that retells the story; a source it names ("according to") and a
// short qualification still count in the answering sentence.
func TestStoryToldByTheReport(t *testing.T) {
	passages := []string{
		"Singer Vela Rose has become the first solo artist to have three singles in the Zenda top five in the same week. " +
			"Her track Night Lantern remained at the top of the chart, while Paper Tigers crept up from six to five. " +
			"Rose is due to tour Belmar in the spring.",
	}
	checkLead(t, "When Vela Rose became the first solo singer with three singles in the Zenda top five in the same week, which of her tracks rose from number six to number five?", passages, "Paper Tigers")
	lex := localLexicon()
	for q, want := range map[string]int{
		"When Vela Rose became the first solo singer with three singles in the Zenda top five, which track rose?": 9,
		"By how much did Zenda retail sales fall in December, according to the Office for National Statistics?":   0,
		"Rather than a temporary pause, what sort of peace did Ukraine's leader demand from any deal?":            0,
		"how many IT jobs is Northwind cutting in its 2,850 job cull, the Belmar firm Zenda agreed to take over":  5,
	} {
		if got := len(storyWords(lex, q)); got != want {
			t.Errorf("storyWords(%q) has %d words, want %d", q, got, want)
		}
	}
}

// TestNamedPronoun: a question that tells its story first and asks of
// "he", "she" or "his" asks of the person its story opens with, named
// again by surname.
func TestNamedPronoun(t *testing.T) {
	for q, want := range map[string]string{
		"Ana Ruiz cautioned allies about how Zenda might read a deal. What did she say Zenda must not see anything as?": "What did Ruiz say Zenda must not see anything as?",
		"Bridgewell's Tom Hale expects the bank to hold rates this time. Does he think interest rates have now peaked?": "Does Hale think interest rates have now peaked?",
		"Kofi Brandt is a longtime associate of Ruiz. How is his role in her diplomacy described?":                      "How is Brandt's role in her diplomacy described?",
		"Ana Ruiz says any deal must bring lasting peace. What did she say it must not be instead?":                     "What did Ruiz say it must not be instead?",
		// A thing is named again by all its name.
		"Northwind Oil, which produced most of Zenda's oil, was seized and sold in December. Who was it sold to in the end?": "Who was Northwind Oil sold to in the end?",
		// No name opens the story, or two people do, or it is possessed.
		"Zenda's foreign ministers are gathering in Belmar, but its top diplomat is staying away. Who is he sending in his place?":           "Who is he sending in his place?",
		"Tom and Kofi Brandt took over running the Zenda empire after their father died. When did his death occur?":                          "Tom and Kofi Brandt took over running the Zenda empire after their father died. When did his death occur?",
		"According to coverage of the talks, the pledge reflected one Ruiz made while running for office. What had she pledged to do there?": "What had she pledged to do there?",
		"After the talks Ana Ruiz spoke about the outcome. What two qualities did she say matter?":                                           "What two qualities did she say matter?",
		"Both Tom Hale and Kofi Brandt were banned for things the referee missed. What exactly did he do to get a ban?":                      "What exactly did he do to get a ban?",
	} {
		if got := askedSentence(q); got != want {
			t.Errorf("askedSentence(%q) = %q, want %q", q, got, want)
		}
	}
}
