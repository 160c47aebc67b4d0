package rag

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/rag/answer"
)

// attached runs attachedValue as scoreSentences does for question.
func attached(question, sentence string) []string {
	lex := localLexicon()
	t, content := classify(question)
	focus := focusTerms(lex, question)
	isFocus := map[string]bool{}
	for _, f := range focus {
		isFocus[f.term] = true
	}
	var rel []queryTerm
	for _, q := range lex.queryTerms(content) {
		if !isFocus[q.term] && !isFocus[q.of] {
			rel = append(rel, q)
		}
	}
	vals, _ := t.typedValues(sentence, questionWords(question))
	return attachedValue(sentence, t, questionEvent(lex, question, rel, focus), vals)
}

func TestAttachedValue(t *testing.T) {
	tests := []struct {
		question, sentence string
		want               []string // nil: the sentence does not say where or when
	}{
		{"Where did the talks take place?", "Moscow: High-level talks ended late Tuesday without progress, a senior Kremlin aide confirmed, following a nearly five-hour meeting in Moscow.", []string{"Moscow."}},
		{"Where did the talks take place?", "Russian President Vladimir Putin hosted US special envoy Steve Witkoff and Jared Kushner, son-in-law of US President Donald Trump, at the Kremlin on Tuesday.", []string{"Kremlin"}},
		// The place belongs to a nearer noun, or to a clause of its own.
		{"Where did the talks take place?", "High-stakes talks between the United States and Russia on ending the war in Ukraine wrapped up on Tuesday.", nil},
		{"Where did the talks take place?", "The impasse was foreshadowed by rhetoric preceding the talks, wherein he dismissed proposed amendments from Ukrainian and European leaders.", nil},
		{"Where did the talks take place?", "Trump, speaking in Washington, warned that the process was nowhere near a resolution.", nil},
		// Asked where to, "to" places the answer; asked where, it does not.
		{"where's zenda sending ana ruiz back to", "A police chief said Ruiz was being sent back to Norway, from which she holds a passport.", []string{"Norway"}},
		{"where is zenda sending ana ruiz", "A police chief said Ruiz was being sent back to Norway, from which she holds a passport.", nil},
		{"Where is the fake Zenda appeal site thought to be run from?", "It is thought that the fake Zenda site is being run from Romania.", []string{"Romania."}},
		// The kind of place between the preposition and the name.
		{"In which city did Zenda launch its programme to triple cocoa output?", "At the launch of the programme in the south-western city of Belmar, officials explained its aims.", []string{"Belmar"}},
		{"Where was Super Bowl 2021 played?", "The 2021 Super Bowl was played on February 7 at the stadium in Glendale, Arizona, the home of the Cardinals.", []string{"Glendale, Arizona"}},
		// A place named twice is attached where the event is.
		{"Which city hosted the games in 2030?", "Zenda 2030 Games, a festival held in Zenda that took place in August 2030.", []string{"Zenda"}},
		// Dates: after a preposition, in apposition, before the event word,
		// straight after its verb.
		{"When did the meeting take place?", "Putin hosted Steve Witkoff and Jared Kushner, son-in-law of US President Donald Trump, at the Kremlin on Tuesday (December 2, 2025), alongside Kirill Dmitriev.", []string{"Tuesday", "December 2, 2025"}},
		{"When did the meeting take place?", "With neither side able to bridge the gap, Tuesday’s meeting closed with both delegations departing.", []string{"Tuesday"}},
		// The possessor of the event is the thing itself, no spin-off.
		{"On what date is the opening night of the Zenda musical at the Belmar Theatre?", "The show's opening night on 12 May at the Belmar Theatre remains unaffected by the changes.", []string{"12 May"}},
		{"What is the release date for Animal Crossing: New Horizons?", "This new addition to the Animal Crossing series launches March 20, 2020, exclusively for the Nintendo Switch system.", []string{"March 20, 2020"}},
		{"When did the meeting take place?", "Eerlier (on Monday), the White House said it was optimistic of a deal, as US envoy Steve Witkoff heads to Moscow for talks with President Vladimir Putin.", nil},
		{"When did the meeting take place?", "The meeting was not held on Monday.", nil},
		// A word of approximation between the preposition and the time.
		{"What time will the budget be given?", "The Budget, likely to be the last before the election, will be given at about 1230 GMT on that Wednesday.", []string{"1230 GMT"}},
		// A date in parentheses beside another, and a verb news uses for
		// the one asked ("insisted" for "say").
		{"When did Ana Ruiz say the outcome must be fair?", "Ana Ruiz earlier on Monday (Dec 1) insisted that the outcome must be fair.", []string{"Monday", "Dec 1"}},
		// With a known relation ("released"), a date near the title is not
		// its release: the title is what was released, not the event.
		{"When was Starfall Tactics released?", "Starfall Tactics was officially announced in a presentation on January 23, 2030.", nil},
		{"When was Starfall Tactics released?", "Starfall Tactics was released on March 9, 2031.", []string{"March 9, 2031"}},
	}
	for _, tt := range tests {
		if got := attached(tt.question, tt.sentence); !slices.Equal(got, tt.want) {
			t.Errorf("%q in %q: attached %q, want %q", tt.question, tt.sentence, got, tt.want)
		}
	}
}

// TestConflictsNeedTheRelation: "Sources differ" only when both reports
// answer the question, each stating the relation for its own value.
func TestConflictsNeedTheRelation(t *testing.T) {
	tests := []struct {
		name, question string
		passages       []string
		lead           string // in the first sentence
		conflict       bool
	}{
		{
			name:     "a place that is not where the talks were",
			question: "Where did the talks take place?",
			passages: []string{
				"Trump, speaking in Washington, warned that the talks were nowhere near a resolution.",
				"The talks were held in Moscow and lasted nearly five hours, officials said.",
			},
			lead: "Moscow",
		},
		{
			name:     "a weekday does not contradict a date",
			question: "When did the meeting take place?",
			passages: []string{
				"The meeting took place on December 2, 2025 at the Kremlin, officials said.",
				"Officials said the meeting took place on Tuesday at the Kremlin after a delay.",
			},
			lead: "December 2, 2025",
		},
		{
			name:     "two dates for one meeting",
			question: "When did the meeting take place?",
			passages: []string{
				"The meeting took place on December 2, 2025 at the Kremlin, officials said.",
				"Officials said the meeting took place on December 9, 2025 at the Kremlin after a delay.",
			},
			lead:     "Sources differ:",
			conflict: true,
		},
		{
			name:     "another report names someone without saying they won",
			question: "Who won the women's singles Wimbledon in 2021?",
			passages: []string{
				"Ashleigh Barty won the 2021 Wimbledon women's singles title on Saturday.",
				"As of 2021, the player with the most wins was Martina Navratilova, who holds nine titles.",
			},
			lead: "Barty",
		},
		{
			name:     "another report names an official, not a winner",
			question: "Who won the women's singles U.S. Open in 2021?",
			passages: []string{
				"Emma Raducanu won the 2021 US Open women's singles title by defeating Leylah Fernandez in Arthur Ashe Stadium.",
				"Tickets for the 2021 US Open women's singles final went on sale, said Stacey Allaster, the tournament director.",
			},
			lead: "Raducanu",
		},
		{
			name:     "another report says someone else won",
			question: "Who won the women's singles Wimbledon in 2021?",
			passages: []string{
				"Ashleigh Barty won the 2021 Wimbledon women's singles title on Saturday.",
				"Karolina Pliskova won the 2021 Wimbledon women's singles title on Saturday in three sets.",
			},
			lead:     "Sources differ:",
			conflict: true,
		},
		{
			name:     "each report states the relation for its own winner, naming the other elsewhere",
			question: "Who won the women's singles Wimbledon in 2021?",
			passages: []string{
				"Ashleigh Barty won the 2021 Wimbledon women's singles title on Saturday. Pliskova had reached her first final.",
				"Karolina Pliskova won the 2021 Wimbledon women's singles title in three sets. Barty had been the favourite.",
			},
			lead:     "Sources differ:",
			conflict: true,
		},
		{
			name:     "a report that names no year may still disagree",
			question: "Who won the Zenda Open final in 2031?",
			passages: []string{
				"Anna Kovac won the Zenda Open final in 2031, beating Eva Lind in straight sets.",
				"Mira Sol won the Zenda Open final with a 6-2 6-3 win over Eva Lind on Sunday.",
			},
			lead:     "Sources differ:",
			conflict: true,
		},
		{
			name:     "a report dated by another edition does not",
			question: "Who won the Zenda Open final in 2031?",
			passages: []string{
				"Anna Kovac won the Zenda Open final in 2031, beating Eva Lind in straight sets.",
				"Mira Sol won the Zenda Open XXV final with a 6-2 6-3 win over Eva Lind on Sunday.",
			},
			lead: "Kovac",
		},
		{
			name:     "reports naming both people in their sentences are not in dispute",
			question: "Who won the women's singles Wimbledon in 2021?",
			passages: []string{
				"Ashleigh Barty won the 2021 Wimbledon women's singles title, beating Karolina Pliskova in three sets.",
				"Karolina Pliskova won the first set of the 2021 Wimbledon women's singles final before Ashleigh Barty came back.",
			},
			lead: "Barty",
		},
		{
			name:     "a headline of another report states the relation",
			question: "Who won the Zenda golf tournament in 2031?",
			passages: []string{
				"Kofi Brandt wins the 2031 Zenda, becoming the first Belmar man to win a golf major ...",
				"Kofi Brandt made history for himself and Belmar on Sunday, becoming the first Belmar golfer to win the Zenda.",
				"Tournament Reaction Podcast (Golf 4/11). Tom Hale Wins The Zenda! Apr 11, 2031 ...",
			},
			lead:     "Sources differ:",
			conflict: true,
		},
		{
			name:     "a report opening with its own buyer, backed by another, disagrees",
			question: "Who acquired Zenda Studios?",
			passages: []string{
				"Belmar Media purchased most of Zenda Group's assets, which included Zenda Studios, on March 20, 2031.",
				"The Tallis Co. has set a $52.4 billion, all-stock deal to acquire Zenda Studios and other entertainment assets.",
				"Tallis now owns the entire film library of Zenda Studios, which it acquired last year.",
			},
			lead:     "Sources differ:",
			conflict: true,
		},
		{
			name:     "a report naming someone else in passing does not",
			question: "Who met Ana Ruiz?",
			passages: []string{
				"Ana Ruiz met Tom Hale and Kofi Brandt for five hours but rejected key parts of the plan.",
				"Speaking to reporters after the talks, Mira Sol, Ruiz's chief adviser, offered a measured assessment of the meeting.",
				"Mira Sol, who also met the envoys, said the talks were useful.",
			},
			lead: "Tom Hale",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans, err := AnswerPassages(context.Background(), tt.question, tt.passages)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(ans.Answer, tt.lead) || strings.Index(ans.Answer, tt.lead) > strings.Index(ans.Answer, "[1]") {
				t.Errorf("answer %q, want %q in its first sentence", ans.Answer, tt.lead)
			}
			if got := ans.Has(answer.FlagConflict); got != tt.conflict {
				t.Errorf("conflict %v, want %v: %q", got, tt.conflict, ans.Answer)
			}
		})
	}
}

// TestWhenWithoutTheEventRefuses: a when-question whose passages give
// dates of other things is refused, not answered with one of them.
func TestWhenWithoutTheEventRefuses(t *testing.T) {
	ans, err := AnswerPassages(context.Background(), "When was the peace summit held?", []string{
		"Officials said on Monday that preparations for a peace summit were under way, without giving details.",
		"The summit's agenda, drafted in November, covers trade and security.",
	})
	if err != nil {
		t.Fatal(err)
	}
	if !ans.Refused {
		t.Errorf("answer %q, want a refusal", ans.Answer)
	}
}

func TestWordsWithin(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"December 2nd", "Tuesday, December 2, 2025", true},
		{"Dec 2", "December 2, 2025", true},
		{"December 9, 2025", "December 2, 2025", false},
	} {
		if got := wordsWithin(tt.a, tt.b); got != tt.want {
			t.Errorf("wordsWithin(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

// TestShippedWhereAndWhen: on the shipped articles, where and when the
// Kremlin talks took place are answered by a sentence that attaches the
// place or date to the meeting, without a false "Sources differ"; the
// passages first retrieved for them do not hold one, so this needs the
// second search of the same articles.
func TestShippedWhereAndWhen(t *testing.T) {
	ctx := context.Background()
	s := openShipped(t)
	for _, tt := range []struct{ question, want string }{
		{"Where did the talks take place?", "in Moscow|at the Kremlin"},
		{"When did the meeting take place?", "December 2"},
		{"When did the meeting happen?", "December 2"},
	} {
		ans, err := s.Ask(ctx, answer.Request{Question: tt.question})
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(ans.Answer, "[1]")
		found := false
		for _, w := range strings.Split(tt.want, "|") {
			found = found || strings.Contains(first, w)
		}
		if !found || ans.Has(answer.FlagConflict) {
			t.Errorf("%s: %q, want %q in the first sentence and no conflict", tt.question, ans.Answer, tt.want)
		}
	}
}

// TestSpinOffDates: the date of a title's trailer, soundtrack or update is
// not the title's own, unless the question asks for it.
func TestSpinOffDates(t *testing.T) {
	spinOff := "A soundtrack album featuring the music of Zorba Quest: Definitive Edition was released on 2 August 2031."
	checkLead(t, "When was Zorba Quest: Definitive Edition released?", []string{spinOff}, "")
	checkLead(t, "When was the soundtrack album of Zorba Quest: Definitive Edition released?", []string{spinOff}, "2 August 2031")
	checkLead(t, "When was Zorba Quest released?", []string{"Update: Zorba Quest was released on 4 May 2031 in Europe."}, "4 May 2031")
	checkLead(t, "What is the date of the 2031 Zenda Draft?", []string{"The 30-minute 2031 Zenda Draft preview show will air on Wednesday, July 28, on ZTV."}, "")
	checkLead(t, "When was Zorba Quest released?", []string{"This soundtrack holds the music of Zorba Quest, the game released by Nintendo on 4 May 2031."}, "4 May 2031")
}

// TestFrontedPlace: a place that opens a sentence before a comma places
// the clause it opens, when that clause tells the question's event; a
// word of the event further on is not placed by it.
func TestFrontedPlace(t *testing.T) {
	checkLead(t, "where were the zendan + belmarian officials who said tom hale was just faking interest in the peace talks", []string{
		"The talks between Tom Hale and the envoys ran for five hours in Port Quill. In Zenda City and Belmar, Zendan and Belmarian officials accused Tom Hale of feigning interest in the peace talks, citing his threats.",
	}, "Zenda City")
	checkLead(t, "In which US state did American officials hold talks with the Belmarians?", []string{
		"In Zenda City, American officials accused Tom Hale of feigning any interest in the talks with the Belmarians.",
	}, "")
}

// TestEventOfAnotherPassage: a date attached to an event in one passage
// of a report does not date another event that only another passage of
// the report tells about: the shipped report naming Nato's Brussels
// meeting "this week" dates the Kremlin talks, not the Nato meeting.
func TestEventOfAnotherPassage(t *testing.T) {
	s := openShipped(t)
	q := "On which exact date will NATO foreign ministers hold their annual meeting in Brussels?"
	ans, err := s.Ask(t.Context(), answer.Request{Question: q})
	if err != nil {
		t.Fatal(err)
	}
	checkFirst(t, q, ans, "")
}
