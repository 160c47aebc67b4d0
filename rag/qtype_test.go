package rag

import (
	"strings"
	"testing"

	"github.com/newsbot/newsbot/rag/answer"
)

func TestTypedValues(t *testing.T) {
	tests := []struct {
		question, sentence string
		fits               bool
		value              string
	}{
		{"Who acquired Instagram?", "Instagram profile Acquire shows photos.", false, ""},
		{"Who acquired Instagram?", "Facebook bought Instagram for $1 billion in 2012.", true, "Facebook"},
		// A name that only describes someone ("a former Home Office
		// minister") names no one; it may still be which party.
		{"Who called for an inquiry into Zenda?", "A former Home Office minister has called for an inquiry into Zenda.", false, ""},
		{"Who called for an inquiry into Zenda?", "Ana Ruiz, a former Home Office minister, has called for an inquiry into Zenda.", true, "Ana Ruiz"},
		{"Which party called for an inquiry into Zenda?", "A Labour MP has called for an inquiry into Zenda.", true, "Labour"},
		{"When was Splatoon 2 released?", "Splatoon 2 was released on July 21, 2017 for the Switch.", true, "July 21, 2017"},
		{"When was Splatoon 2 released?", "Splatoon 2 is a game for the Switch.", false, ""},
		{"What year did Zenda annex Ruritania?", "Talks on Ruritania ended on Tuesday (Dec 2).", false, ""},
		{"What year did Zenda annex Ruritania?", "Zenda annexed Ruritania in March 2014.", true, "March 2014"},
		{"How long has the war lasted?", "The war has raged for nearly four years.", true, "four years"},
		// A proportion counts nothing; how much money asks for a sum.
		{"How many e-mail users took part in the survey?", "One in ten users have bought products advertised in junk mail.", false, ""},
		{"How many e-mail users took part in the survey?", "The survey asked 1,500 users about junk mail.", true, "1,500"},
		{"How much money has been pledged to the Zenda fund?", "A contribution of 1% on contracts could be made to the Zenda fund.", false, ""},
		{"How much money has been pledged to the Zenda fund?", "Donors have pledged $6m to the Zenda fund.", true, "$6m"},
		// A duration before a noun measures that noun ("four-year-long
		// war"); any meeting's measures another ("session").
		{"How long did the session go on?", "The envoys held a five-hour meeting as the four-year-long war went on.", true, "five-hour"},
		{"How long did the session go on?", "The talks came as the four-year-long war went on.", false, ""},
		// Of a sentence or of working together, another word for it.
		{"What length of prison sentence could the traders get?", "If found guilty, they could face a five-year jail term.", true, "five-year"},
		{"How long had Ana Ruiz been working with Zenda's coach?", "Ruiz ended her 18-month partnership with the coach on Monday.", true, "18-month"},
		{"How long had Ana Ruiz been working with Zenda's coach?", "Ruiz ended her 18-month contract dispute with the club on Monday.", false, ""},
		{"How many points did the plan have?", "The original plan had 28 points.", true, "28"},
		{"Super Bowl 2021 location", "The game was played at Raymond James Stadium in Tampa, Florida.", true, "Tampa, Florida"},
		{"Where was the plan presented?", "The plan was presented on Sunday.", false, ""},
		// An age is no duration, and a percentage no count.
		{"How old is Ana Ruiz?", "The five-hour meeting with Ana Ruiz ended late.", false, ""},
		{"How old is Ana Ruiz?", "Ana Ruiz, 44, said the meeting ended late.", true, "44"},
		{"How old is Ana Ruiz?", "The 44-year-old Ana Ruiz said the meeting ended late.", true, "44-year-old"},
		{"how old will ana ruiz be by the zenda games", "It is unclear if she will be fit for the Zenda Games next March, when she will be 34.", true, "will be 34"},
		{"how old will ana ruiz be by the zenda games", "Sales will be 34% higher by March.", false, ""},
		// A duration measures the noun after "time"; an age is no time.
		{"How long a delay will the broadcast have?", "The show will be broadcast with a seven-second time delay.", true, "seven-second"},
		{"How long a delay will the broadcast have?", "The 40-year-old comic promised not to swear live on air.", false, ""},
		{"How old must the e-mails be?", "Staff were told to delete e-mails more than three months old.", true, "three months old"},
		{"how long was their old coach banned for", "Their former coach was banned for four years.", true, "four years"},
		{"How long was the delegation kept waiting?", "The talks came a day after Ana Ruiz appeared on television.", false, ""},
		{"How long before the talks did Ana Ruiz appear on television?", "The talks came a day after Ana Ruiz appeared on television.", true, "a day"},
		{"What percentage of Ruritania does Zenda control?", "Zenda controls four regions of Ruritania.", false, ""},
		{"What percentage of Ruritania does Zenda control?", "Zenda controls about 20% of Ruritania.", true, "20%"},
		// A length of time or a year is no count of people.
		{"How many people were in the delegation?", "The five-hour meeting in 2025 ended late.", false, ""},
		{"How many people were in the delegation?", "A delegation of six people arrived on Monday.", true, "six"},
		{"How many days did the strike last?", "The strike lasted five days.", true, "five"},
		// A race's winning time is how long it took.
		{"What winning time did Ana Ruiz clock in the Zenda 5,000m?", "Ruiz won in 14 minutes 32.93 seconds to break the record.", true, "32.93 seconds"},
		{"How many customers did Zenda lose in January, the month before Ana Ruiz took over?", "Ana Ruiz was appointed two months ago.", false, ""},
		// A sum or a share is no count either, unless money is counted.
		{"How many jobs will Zenda Bank cut?", "The cuts, 3% of the workforce, will cost 790m euros.", false, ""},
		{"How many jobs will Zenda Bank cut?", "Zenda Bank will cut 1,200 jobs.", true, "1,200"},
		{"How many euros will Zenda Bank's cuts cost?", "The cuts will cost 790m euros.", true, "790m euros"},
		// A rate asked of money is no sum.
		{"saw zenda is doing a tax amnesty for ppl who hid money - what rate of tax do they pay if they declare it", "Anyone now willing to disclose their wealth will only have to pay 1% in income tax.", true, "1%"},
		// A place named after its kind, wherever it stands; a day named
		// as a holiday after a word of time, not a holiday's concert.
		{"In which city is the Zenda Forum taking place?", "The Belmarian city of Port Quill will host the rival Zenda Forum.", true, "Port Quill"},
		{"Up to what date is the Zenda campaign running?", "The Zenda campaign will run until Boxing Day.", true, "Boxing Day"},
		{"When will the Zenda session be broadcast?", "Other specials include a Christmas Day concert from the Zenda choir.", false, ""},
		// How long is also said by when it ends, of what the question asks.
		{"how long were the troops ready to go on fighting?", "The troops were prepared to keep fighting until Zenda's war aims are achieved.", true, "Zenda's war aims are achieved"},
		{"How long was the delegation kept waiting?", "The troops were prepared to keep fighting until Zenda's war aims are achieved.", false, ""},
		// A sum asked by its noun ("what fine") wants a figure; a size
		// may carry its unit.
		{"What fine did Ana Ruiz get?", "Ana Ruiz was fined $250,000 on Friday.", true, "$250,000"},
		{"What fine did Ana Ruiz get?", "Ana Ruiz admitted her guilt on Friday.", false, ""},
		{"What appearance fee is Ana Ruiz paid to race in Zenda?", "Ana Ruiz won the 1500m at the Zenda meeting.", false, ""},
		{"What appearance fee is Ana Ruiz paid to race in Zenda?", "Ana Ruiz is paid £40,000 to race in Zenda.", true, "£40,000"},
		{"how many officials are accused in the salary fraud", "About 1,000 officials are accused in the salary fraud.", true, "1,000"},
		// What something went for, or what sum is owed, is a sum.
		{"What did the Zenda theatre go for at auction?", "The theatre was sold at auction 13 months ago for £340,000.", true, "£340,000"},
		{"What did the Zenda theatre go for at auction?", "The theatre was sold at auction 13 months ago.", false, ""},
		{"What sum does Zenda City still owe Belmar?", "The club still owe Belmar £5m from the purchase of Ruiz.", true, "£5m"},
		{"What weekly wage does Ana Ruiz earn at Zenda City?", "Ana Ruiz wants to leave Zenda City.", false, ""},
		// A time of day in the 24-hour clock, with its zone.
		{"What time will Ana Ruiz give the Budget?", "The Budget will be at about 1230 GMT on that Wednesday.", true, "1230 GMT"},
		// A place named as the city it is.
		{"In which city was Ana Ruiz robbed?", "Ana Ruiz was attacked in a park in the capital, Karvik.", true, "Karvik"},
		{"What prison sentence was Ana Ruiz given?", "A Zenda spokesman said it may now move to oust chairman Ana Ruiz.", false, ""},
		{"What prison sentence was Ana Ruiz given?", "Ana Ruiz was jailed for six years on Friday.", true, "six years"},
		{"how much data can a zenda disc hold", "A Zenda disc holds 50GB of data.", true, "50GB"},
		// A deadline is a date, an offer per share a sum (in pence too),
		// and what a figure rose to a figure.
		{"What deadline did the council set for moving the house?", "The council gave a deadline of 22 February for the house to be moved.", true, "22 February"},
		{"what offer per share would be fair for Zenda", "A broker said an offer of 950p a share would be fair.", true, "950p"},
		{"what had Zenda's support for Belmar risen to over four years", "Zenda raised its support from $1.1bn a year to $4.6bn a year.", true, "$4.6bn"},
		// A nationality on its own names no one, nor does a country
		// after the ordinary word opening a sentence.
		{"Which hospital was Ana Ruiz taken to?", "Veteran US singer Ana Ruiz is in hospital after a fall.", false, ""},
		{"Which club did Ana Ruiz leave?", "Former Zenda striker Ana Ruiz has left for Belmar.", true, "Zenda"},
		// A court, a school or a city is also where something happens.
		{"Which court will Ana Ruiz appear at?", "Ana Ruiz will appear at Bow Street Magistrates' Court on Monday.", true, "Bow Street Magistrates' Court"},
		{"Who will Ana Ruiz face?", "Ana Ruiz will appear at Bow Street Magistrates' Court on Monday.", false, ""},
		{"Which judge dismissed the bankruptcy case?", "A judge has dismissed an attempt by Russian oil giant Yukos to gain bankruptcy protection.", true, "Yukos"},
		{"Which judge dismissed the bankruptcy case?", "A judge has dismissed the case brought by the Russian side.", false, ""},
		// A figure something changed from, to no figure, is not what it
		// is now, but is what it was.
		{"How many points does the revised plan have now?", "The plan had been whittled down from 28 points to a smaller framework.", false, ""},
		{"How many points did the plan have originally?", "The plan had been whittled down from 28 points to a smaller framework.", true, "28"},
		{"How many points does the revised plan have now?", "The plan was cut from 28 points to 20.", true, "20"},
		// A speed is a figure with a unit of speed.
		{"What is the top speed of the Zenda GT?", "With a price tag under £80,000, the Zenda GT is cheaper than its rivals.", false, ""},
		{"What is the top speed of the Zenda GT?", "The Zenda GT has a top speed of 175mph.", true, "175mph"},
		{"What speed is the broadband service Zenda launched?", "Zenda's 8 megabits per second service was launched in November.", true, "8"},
		// A place may open the sentence.
		{"Where did the officials who accused Ana Ruiz speak from?", "In Zenda and Belmar, officials accused Ana Ruiz of lying.", true, "Zenda"},
	}
	for _, tt := range tests {
		t.Run(tt.question+"/"+tt.sentence, func(t *testing.T) {
			at, _ := classify(tt.question)
			vals, strength := at.typedValues(tt.sentence, questionWords(tt.question))
			if (strength > 0) != tt.fits {
				t.Fatalf("fits = %v (values %q), want %v", strength > 0, vals, tt.fits)
			}
			if tt.value != "" && !strings.Contains(strings.Join(vals, "|"), tt.value) {
				t.Errorf("values %q lack %q", vals, tt.value)
			}
		})
	}
}

// A question asking the day of the week is answered by a weekday more than
// by a full date.
func TestWeekdayAsked(t *testing.T) {
	q := "What day of the week did Zenda confirm the talks ended?"
	at, _ := classify(q)
	_, weekday := at.typedValues("Zenda confirmed on Wednesday that the talks ended.", questionWords(q))
	_, date := at.typedValues("The talks ended on December 2, 2025.", questionWords(q))
	if weekday <= date {
		t.Errorf("weekday strength %v, full date %v: want the weekday stronger", weekday, date)
	}
	q = "On what date did the talks end?"
	at, _ = classify(q)
	_, weekday = at.typedValues("Zenda confirmed on Wednesday that the talks ended.", questionWords(q))
	_, date = at.typedValues("The talks ended on December 2, 2025.", questionWords(q))
	if weekday >= date {
		t.Errorf("asked the date: weekday strength %v, full date %v: want the date stronger", weekday, date)
	}
}

func TestClassifyWhoIsAsksForDescription(t *testing.T) {
	if at, _ := classify("Who is Jared Kushner?"); at != anyAnswer {
		t.Errorf("classify(Who is Jared Kushner?) = %v, want anyAnswer", at)
	}
	if at, _ := classify("Who is the CEO of Tesla?"); at != personAnswer {
		t.Errorf("classify(Who is the CEO of Tesla?) = %v, want personAnswer", at)
	}
	// Plurals in -ies ask for names too, as do people by their job and
	// bodies by their kind.
	for _, q := range []string{"Which countries tabled the proposal?", "what companies bid for the contract",
		"Which Zenda executives met the council?", "Which union called the strike?", "which spokesman confirmed the deal"} {
		if at, _ := classify(q); at != personAnswer {
			t.Errorf("classify(%q) = %v, want personAnswer", q, at)
		}
	}
}

// TestClassifyPrepositionFirst: a preposition before the interrogative
// does not hide it.
func TestClassifyPrepositionFirst(t *testing.T) {
	checkClassify(t, map[string]answerType{
		"On what date did the Kremlin meeting take place?": timeAnswer,
		"In which city did the talks take place?":          placeAnswer,
		// Its preposition left at the end, too.
		"which city r zenda viewers testing the new service in": placeAnswer,
		"What stadium is the final being played at?":            placeAnswer,
		"which city did ana ruiz name as her favourite":         personAnswer,
		"With whom did Putin meet on Tuesday?":                  personAnswer,
		"by how much did output drop in october":                quantityAnswer,
		"In which Florida city did the teams meet?":             placeAnswer,
		"For how long did the talks run?":                       durationAnswer,
		"over how many years is the grant spread":               quantityAnswer,
		// "In which city …" asks where, whatever the verb.
		"In which city was the plan presented?":    placeAnswer,
		"in what country was the firm registered":  placeAnswer,
		"Which city won the bid?":                  personAnswer,
		"Up to what date is the campaign running?": timeAnswer,
	})
}

// TestClassifyAskedLast: a question may ask for a place, a time or a
// party last, where the answer would stand.
func TestClassifyAskedLast(t *testing.T) {
	checkClassify(t, map[string]answerType{
		"Ana Ruiz, the Zenda director who died aged 50, was born in which country?": placeAnswer,
		"The summit will be held in what city?":                                     placeAnswer,
		"The Zenda deal closed on what date?":                                       timeAnswer,
		"Ana Ruiz was born in what year?":                                           timeAnswer,
		"Ana Ruiz chose which song?":                                                personAnswer, // as "Which song did Ana Ruiz choose?"
		"ana ruiz has a background in trade for which part of the world":            placeAnswer,
		"Which continent did the Zenda envoys tour?":                                placeAnswer,
		"Ruiz's trade experience lies mainly in which region of the world?":         placeAnswer,
		"Tom Hale is the chief executive of which organisation?":                    personAnswer,
		"Belmar's guarantees would stop short of membership in which alliance?":     personAnswer,
		"kofi brandt plays for what club":                                           personAnswer,
		"Against which country will Hale take charge of his first match?":           personAnswer,
		// A figure or a span asked for in place, with words after it.
		"that zenda xmas virus translates its subject line into how many languages??": quantityAnswer,
		"the film made how much in its first weekend?":                                quantityAnswer,
		"ruiz was banned for how long":                                                durationAnswer,
		"Did Ruiz say how much it cost?":                                              quantityAnswer,
	})
}

// TestClassifyTellingWords: "what reason did … give" asks why, and a
// telling word of a figure ("profit", "cost") in the story a question
// tells first, after the kind a which-question names, or in asking how
// someone put something, asks no figure.
func TestClassifyTellingWords(t *testing.T) {
	checkClassify(t, map[string]answerType{
		"What reason did Zenda give for its 2004 sales falling to 789m euros?":     reasonAnswer,
		"After the profit warning at Zenda, what did the chairman promise?":        anyAnswer,
		"Which two acts had their releases pushed back by Zenda's profit warning?": personAnswer,
		"What was Zenda's profit in 2004?":                                         quantityAnswer,
		// How someone put it asks for their words, whatever they measure.
		"How did one report sum up where the Zenda talks stood, in terms of distance from a deal?": anyAnswer,
	})
}

// TestReasonSince: "since" after a noun says from when, not why.
func TestReasonSince(t *testing.T) {
	q := "Why did the envoys wait?"
	at, _ := classify(q)
	for sentence, want := range map[string]bool{
		"It was the bloodiest conflict since World War II.": false,
		"They waited, since the president was speaking.":    true,
		"They waited because the president was speaking.":   true,
	} {
		if vals, _ := at.typedValues(sentence, questionWords(q)); (len(vals) > 0) != want {
			t.Errorf("%q: cause %q, want one: %v", sentence, vals, want)
		}
	}
}

// TestClassifyCasual: spoken questions lose the filler words no answer
// repeats, and "who's kushner again?" asks who a named person is.
func TestClassifyCasual(t *testing.T) {
	tests := []struct {
		question string
		want     answerType
		content  string
	}{
		{"who's kushner again?", anyAnswer, "kushner"},
		{"who's the white house press secretary", personAnswer, "the white house press secretary"},
		{"did they actually get a deal done?", yesNoAnswer, "they get a deal done?"},
		// The asker's comment after a comma is no part of the question.
		{"what did ruiz say about the talks, sounded kinda grim", anyAnswer, "what did ruiz say about the talks"},
	}
	for _, tt := range tests {
		at, content := classify(tt.question)
		if at != tt.want || strings.Join(strings.Fields(strings.TrimRight(content, "?")), " ") != strings.TrimRight(tt.content, "?") {
			t.Errorf("classify(%q) = %v, %q; want %v, %q", tt.question, at, content, tt.want, tt.content)
		}
	}
}

// TestClassifyMeasureHead: a what question whose head noun is a measure
// asks for a number; one that asks what was said about it does not, nor
// does "at what level", which asks for a rank as often.
func TestClassifyMeasureHead(t *testing.T) {
	checkClassify(t, map[string]answerType{
		"what did he say the average constituency size was in Scotland?": quantityAnswer,
		"At what annual rate did the economy grow in the third quarter?": quantityAnswer,
		"what was the growth figure for the whole year":                  quantityAnswer,
		"What is the value of the deal to supply 30,000 cars?":           quantityAnswer,
		"what did the governor say about the growth rate?":               anyAnswer,
		"What did the minister say on the rate of inflation?":            anyAnswer,
		"at what level are contacts between the two sides to continue?":  anyAnswer,
		"what offer per share would be fair for the firm":                quantityAnswer,
		"what had support for Africa risen to over four years":           quantityAnswer,
		// What someone changed it to, too.
		"what did zenda bump the long haul fuel surcharge up to in october":  quantityAnswer,
		"what did the bank cut interest rates to?":                           quantityAnswer,
		"What level do the Greens want to lift the stamp duty threshold to?": quantityAnswer,
		"What record low did the zenda dollar hit against the euro?":         quantityAnswer,
		"what did zenda push through to the final":                           anyAnswer,
		"What security guarantees would the US offer Ukraine?":               anyAnswer,
		// What a sale or an auction made is a sum.
		"what did the zenda auction make overall": quantityAnswer,
		"What did the charity single raise?":      quantityAnswer,
		"what did ruiz make of the talks":         anyAnswer,
		// So are a share in percent and a majority.
		"what percent of zenda's economy comes from farming": quantityAnswer,
		"What was Ruiz's majority in Belmar South?":          quantityAnswer,
		// So are a firm's profits, losses and revenue, and a salary.
		"Zenda Bank has reported record results. What were its annual pre-tax profits?": quantityAnswer,
		"What is the annual salary for the role?":                                       quantityAnswer,
		"What were the losses at Belmar Steel last year?":                               quantityAnswer,
		// A reading of an index is a figure.
		"What reading did the Zenda optimism index reach in January?": quantityAnswer,
	})
}

// TestClassifyDayAsked: "what is the last day to …" asks for a date.
func TestClassifyDayAsked(t *testing.T) {
	checkClassify(t, map[string]answerType{
		"what is the last day to swap old tickets for the zenda gig": timeAnswer,
		"what's the last date for entries":                           timeAnswer,
		"What was the deadline for bids?":                            timeAnswer,
		"What was the last thing Ruiz said?":                         anyAnswer,
	})
}

// TestClassifyWhatAuxiliary: in "What did officials say", "officials" is
// the subject, not the kind of thing asked for; "what exact time" asks
// the time.
func TestClassifyWhatAuxiliary(t *testing.T) {
	checkClassify(t, map[string]answerType{
		"What did officials in Beijing say about the meeting?": anyAnswer,
		"What is the name of the firm that bought it?":         personAnswer,
		"What company bought it?":                              personAnswer,
		"What exact time did the meeting begin?":               timeAnswer,
		"what were the names of the men held?":                 personAnswer,
		"Which publisher brought out Ruiz's book Mutants?":     personAnswer,
	})
}

// TestClassifyHowQuickly: how quickly something happened asks how long it
// took; how fast a thing is asks for a speed.
func TestClassifyHowQuickly(t *testing.T) {
	checkClassify(t, map[string]answerType{
		"how fast did the 10k tickets for the gig sell out": durationAnswer,
		"How quickly did the firm fill the order?":          durationAnswer,
		"how soon will the plant reopen":                    durationAnswer,
		"How fast is the new Zenda train?":                  anyAnswer,
	})
}

// TestClassifyContextFirst: a question may first say when what it asks
// happened, name its answer's kind after a few words, or ask the time a
// race took.
func TestClassifyContextFirst(t *testing.T) {
	checkClassify(t, map[string]answerType{
		"When Zenda's debt was raised to investment grade, how much did it hold in reserves?":   quantityAnswer,
		"When Tom Hale was recalled to the squad, which rugby league side did they train with?": personAnswer,
		"When did the talks end, and who left first?":                                           timeAnswer,
		"which little sri lankan hotel firm saw its share price halve":                          personAnswer,
		"What did European officials accuse Putin of?":                                          anyAnswer,
		"To what level did an investment bank raise its target?":                                anyAnswer,
		"what time did hale clock winning the indoor 800m":                                      durationAnswer,
		"what time did the meeting start":                                                       timeAnswer,
		"Ruiz said he helped launch the Zenda opera - would he have written it himself?":        yesNoAnswer,
		"Now that the envoys have left Zenda, is a Ruiz-Hale summit on the cards?":              yesNoAnswer,
	})
}

// checkClassify reports each question classify types otherwise than want.
func checkClassify(t *testing.T, want map[string]answerType) {
	t.Helper()
	for q, w := range want {
		if at, _ := classify(q); at != w {
			t.Errorf("classify(%q) = %v, want %v", q, at, w)
		}
	}
}

// TestHowTall: "how tall" asks for a length and "how heavy" for a weight;
// a sentence with other numbers, or none, does not answer; a battery's
// life is a duration.
func TestHowTall(t *testing.T) {
	checkLead(t, "How tall is Tom Hale?", []string{"Singer Tom Hale, 35, is to star in a Broadway revival of Zenda with 3 other actors."}, "")
	checkLead(t, "How tall is Tom Hale?", []string{"Singer Tom Hale, 35, is to star in a Broadway revival of Zenda. The 6ft 2in Hale trained as a dancer."}, "6ft")
	checkLead(t, "How heavy is the Zenda X1 phone?", []string{"The Zenda X1 phone, which costs £99, weighs 180 grams."}, "180 grams")
	checkClassify(t, map[string]answerType{"What is the battery life of the Zenda X1?": durationAnswer})
	// "high-definition" asks for no height.
	checkLead(t, "What percentage of compression does a high-definition film need at Zenda Studios?",
		[]string{"Zenda Studios says a high-definition film needs compression of about 98% to fit onto a disc."}, "98%")
}

// TestScore: a question about a score wants one ("6-1"), not the story's
// opening; one about what shares traded at wants a figure.
func TestScore(t *testing.T) {
	passages := []string{"Home favourite Tom Hale came through a dramatic five-set battle with Ana Ruiz to reach the Zenda Open semi-finals. " +
		"Hale eventually grabbed the vital break in the 17th game and served out to win 6-3 6-2 1-6 3-6 10-8."}
	checkLead(t, "what was the score in the fifth set when hale beat ruiz at the zenda open", passages, "10-8")
	checkClassify(t, map[string]answerType{
		"what were zenda shares trading at after the bid": quantityAnswer,
		"By what score did Northwind beat Belmar?":        quantityAnswer,
	})
}

// TestSinceAgo: "opened 37 years ago" says how long something has gone
// on, not how long a meeting lasted.
func TestSinceAgo(t *testing.T) {
	studio := "The Zenda Sound studio, which opened 37 years ago, has played host to many stars. It will close next month."
	checkLead(t, "How long had the Zenda Sound studio been going when it closed?", []string{studio}, "37 years")
	checkLead(t, "How long did the meeting at the Zenda Sound studio last?",
		[]string{"The meeting at the Zenda Sound studio, first proposed two weeks ago, was held on Friday."}, "")
}

// TestNameAsked: a question asking a name, in any tense, asks for a name.
func TestNameAsked(t *testing.T) {
	checkClassify(t, map[string]answerType{
		"What is the name of the forum?":             personAnswer,
		"What was the name of the investment forum?": personAnswer,
		"what's the real name of the rapper":         personAnswer,
	})
}

// TestWhereSaidOnAnOccasion: asked where someone said something, the
// occasion they said it on ("during her Belmar briefing") answers; it is
// no other place than one a report names for the story.
func TestWhereSaidOnAnOccasion(t *testing.T) {
	q := "Where did Mara Ruiz state that the Zenda plant would close?"
	ans, err := AnswerPassages(t.Context(), q, []string{
		"“The Zenda plant will close in March,” Mara Ruiz stated during her Belmar briefing, ending months of talks with the unions.",
		"The Zenda plant employs 400 people in Karvik, where it opened in 1987.",
	})
	if err != nil {
		t.Fatal(err)
	}
	checkFirst(t, q, ans, "Belmar briefing")
	if ans.Has(answer.FlagConflict) {
		t.Errorf("%q: sources said to differ", ans.Answer)
	}
}

// TestSumInWords: "five pounds" is a sum of money, which answers how much
// something cost.
func TestSumInWords(t *testing.T) {
	checkLead(t, "how much did a ticket cost for that zenda gig lol", []string{
		"Rock band Zenda are playing the first concert broadcast by phone on Tuesday. Some 1,000 fans of the band will have to pay five pounds for a ticket and need a 3G handset.",
	}, "five pounds")
}

// TestOutForADurationAfter: "ruled out for a month after damaging his
// knees" and "could take up to 15 years before" say how long, though "a
// month after" alone would say when.
func TestOutForADurationAfter(t *testing.T) {
	checkLead(t, "How long will Zenda flanker Tom Hale be out for after hurting both knees?", []string{
		"Zenda flanker Tom Hale has been ruled out for a month after damaging ligaments in both knees against Belmar.",
	}, "a month")
	checkLead(t, "How long could it take before Zenda is able to join the Belmar Union, following the deal to open membership talks?", []string{
		"Belmar Union leaders agreed to open membership talks with Zenda on Friday. It could take up to 15 years before Zenda is able to join, and entry cannot be guaranteed.",
	}, "15 years")
}

// TestBareRaceTime: a race time written without its unit ("an Olympic
// record of 12.37") answers what time someone clocked.
func TestBareRaceTime(t *testing.T) {
	checkLead(t, "what time did ana ruiz clock when she set the olympic record in the 100m hurdles", []string{
		"Zenda sprinters Tom Hale and Ana Ruiz have been named athletes of the year. Hale, 22, won the closest 100m final in the championship's history with a career-best time of 9.85 seconds in Karvik. Ruiz, 27, set an Olympic record of 12.37 in winning the 100m hurdles.",
	}, "12.37")
}

// TestWhichNamesItsHead: a which-question that names the kind it asks
// for ("which two acts") asks for names, and a telling word later in it
// ("profit warning") does not make it a question of a figure.
func TestWhichNamesItsHead(t *testing.T) {
	checkLead(t, "Which two acts had their album releases pushed back, contributing to Zenda Records' profit warning?", []string{
		"Shares in music group Zenda Records have sunk by more than 16% after the firm issued a profit warning following disappointing sales and delays to two album releases. The company said sales would fall 8% this year. It blamed poor sales since Christmas and delays to the releases of new albums by Belmar Quartet and Port Quill.",
	}, "Belmar Quartet")
}

// TestDayIsNoCount: the day of a date ("31 December") is no figure of
// how much or how many.
func TestDayIsNoCount(t *testing.T) {
	checkLead(t, "how big a payoff did zenda give ana ruiz when she left", []string{
		"Ana Ruiz finally left Zenda on 31 December, having spent the time as a special advisor to chief executive Tom Hale. Zenda said last year it would pay her £522,000 plus a bonus when she left.",
		"Zenda shares fell 2% on Friday.",
	}, "£522,000")
	checkLead(t, "How many votes did Ana Ruiz win the Port Quill seat by?", []string{
		"Ana Ruiz won the Port Quill seat in the by-election held on 15 July.",
	}, "")
}
