package rag

import (
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/rag/answer"
)

// askArticles indexes arts in a fresh service and asks question.
func askArticles(t *testing.T, arts []corpus.Article, question string) answer.Answer {
	t.Helper()
	for i := range arts {
		arts[i].Hash = "h-" + arts[i].Text
		arts[i].Origin = testOrigin
		arts[i].PublishedFrom = "front matter"
	}
	s := openTest(t, Config{Embedder: LocalEmbedder()})
	if _, err := s.Ingest(t.Context(), arts, IngestOptions{Scanned: []string{testOrigin}}); err != nil {
		t.Fatal(err)
	}
	ans, err := s.Ask(t.Context(), answer.Request{Question: question})
	if err != nil {
		t.Fatal(err)
	}
	return ans
}

func TestFigureAnswers(t *testing.T) {
	tue := time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC)
	wed := time.Date(2025, 3, 5, 14, 0, 0, 0, time.UTC)
	// Unrelated articles, so that the question's words weigh as they would
	// in a real corpus.
	others := []corpus.Article{
		{ID: "c", Title: "Cup final", Source: "Sports Desk", Published: tue,
			Text: "The football club won the cup final with a late goal.\nFans celebrated in the city centre until midnight."},
		{ID: "d", Title: "Rates held", Source: "Money Desk", Published: tue,
			Text: "The central bank held interest rates steady on Tuesday.\nMarkets rose slightly after the decision."},
		{ID: "e", Title: "New album", Source: "Arts Desk", Published: tue,
			Text: "The band released its first album in ten years.\nCritics praised the songs and the production."},
		{ID: "f", Title: "Storm warning", Source: "Weather Desk", Published: tue,
			Text: "Forecasters warned of heavy rain and strong winds in the north.\nSchools will stay open."},
	}
	tests := []struct {
		name     string
		arts     []corpus.Article
		question string
		want     []string // in order, in the answer
		also     []string // in the answer, in any order
		conflict bool
		cites    []string // the articles cited, in order
	}{
		{
			name: "a toll that rose is the latest figure, not a conflict",
			arts: append([]corpus.Article{
				{ID: "a", Title: "Earthquake hits coast", Source: "Outlet A", Published: tue,
					Text: "At least 48 people were killed when a strong earthquake struck the coastal province on Tuesday, officials said.\nRescue teams searched collapsed buildings through the night."},
				{ID: "b", Title: "Quake toll rises", Source: "Outlet B", Published: wed,
					Text: "The death toll from the earthquake in the coastal province has climbed to 73 people killed, officials said on Wednesday.\nThousands spent the night outside."},
			}, others...),
			question: "How many people were killed in the earthquake?",
			want:     []string{"The latest reported figure is 73", "[2]", "an earlier report said at least 48", "[1]"},
			cites:    []string{"a", "b"},
		},
		{
			name: "two reports of the same moment that disagree are a conflict",
			arts: append([]corpus.Article{
				{ID: "a", Title: "Earthquake hits coast", Source: "Outlet A", Published: tue,
					Text: "Exactly 48 people were killed when a strong earthquake struck the coastal province on Tuesday, officials said.\nRescue teams searched collapsed buildings through the night."},
				{ID: "b", Title: "Quake kills 120", Source: "Outlet B", Published: tue.Add(time.Hour),
					Text: "Exactly 120 people were killed when a strong earthquake struck the coastal province on Tuesday, officials said.\nThousands spent the night outside."},
			}, others...),
			question: "How many people were killed in the earthquake?",
			want:     []string{"Sources differ on the number of people killed"},
			also:     []string{"48 people", "120 people"},
			conflict: true,
		},
		{
			name: "durations that disagree are a conflict with every value",
			arts: append([]corpus.Article{
				{ID: "a", Title: "Talks end", Source: "Outlet A", Published: tue,
					Text: "The five-hour meeting ended without a peace deal for the nearly four-year-long war in Ukraine.\nDelegates left the Kremlin late at night."},
				{ID: "b", Title: "No breakthrough", Source: "Outlet B", Published: tue,
					Text: "Negotiators failed to end the Ukraine war, which has raged for nearly three years.\nThe Kremlin said talks would continue."},
			}, others...),
			question: "How long has the war in Ukraine lasted?",
			want:     []string{"Sources differ on the duration of the war", "four-year", "three years"},
			conflict: true,
		},
		{
			name: "how long a meeting lasted does not conflict with how long the war has",
			arts: append([]corpus.Article{
				{ID: "a", Title: "Talks end", Source: "Outlet A", Published: tue,
					Text: "The five-hour meeting ended without a peace deal for the nearly four-year-long war in Ukraine.\nDelegates left the Kremlin late at night."},
				{ID: "b", Title: "No breakthrough", Source: "Outlet B", Published: tue,
					Text: "A five-hour session in the Kremlin ended without agreement on the Ukraine war, which has raged for nearly three years.\nThe Kremlin said talks would continue."},
			}, others...),
			question: "How long did the meeting last?",
			want:     []string{"five-hour"},
		},
		{
			name: "hedged figures that fit are one answer",
			arts: append([]corpus.Article{
				{ID: "a", Title: "Earthquake hits coast", Source: "Outlet A", Published: tue,
					Text: "At least 48 people were killed when a strong earthquake struck the coastal province on Tuesday, officials said.\nRescue teams searched collapsed buildings through the night."},
				{ID: "b", Title: "Quake kills dozens", Source: "Outlet B", Published: tue.Add(time.Hour),
					Text: "Nearly 50 people were killed when a strong earthquake struck the coastal province on Tuesday, officials said.\nThousands spent the night outside."},
			}, others...),
			question: "How many people were killed in the earthquake?",
			want:     []string{"killed"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans := askArticles(t, tt.arts, tt.question)
			rest := ans.Answer
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("answer %q: want %q (in order)", ans.Answer, w)
				}
				rest = rest[i+len(w):]
			}
			for _, w := range tt.also {
				if !strings.Contains(ans.Answer, w) {
					t.Errorf("answer %q: want %q", ans.Answer, w)
				}
			}
			if strings.Contains(ans.Answer, "latest") && tt.cites == nil {
				t.Errorf("answer %q reports an update", ans.Answer)
			}
			if ans.Has(answer.FlagConflict) != tt.conflict {
				t.Errorf("answer %q: conflict flag %v, want %v", ans.Answer, ans.Has(answer.FlagConflict), tt.conflict)
			}
			for i, id := range tt.cites {
				if i >= len(ans.Citations) || ans.Citations[i].ArticleID != id {
					t.Errorf("citations %+v, want articles %v in order", ans.Citations, tt.cites)
					break
				}
			}
		})
	}
}

// TestDurationsOfDifferentThings: how long a meeting lasted and how long
// a war has raged are not two sides of one figure.
func TestDurationsOfDifferentThings(t *testing.T) {
	ans, err := AnswerPassages(t.Context(), "how long were they in there with the president", []string{
		"A marathon five-hour session in the palace has concluded without breakthrough, as the president failed to reach agreement with the envoys on resolving the conflict that has raged for nearly three years.",
		"The president met the two envoys for five hours but rejected key parts of their plan.",
	})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || ans.Has(answer.FlagConflict) || strings.HasPrefix(ans.Answer, "Sources differ") {
		t.Errorf("answer %q (flags %v), want one answer without a conflict", ans.Answer, ans.Flags)
	}
}

// TestMeetingLengthOnShipped: asked how long the envoys were with Putin,
// the shipped reports answer with the meeting's five hours, not with the
// disputed length of the war that the question does not name.
func TestMeetingLengthOnShipped(t *testing.T) {
	s := openShipped(t)
	for _, q := range []string{
		"how long were they in there with putin",
		"Roughly how long did the Kremlin session between Putin and the American envoys go on?",
	} {
		ans, err := s.Ask(t.Context(), answer.Request{Question: q})
		if err != nil {
			t.Fatal(err)
		}
		checkFirst(t, q, ans, "five")
		if strings.Contains(ans.Answer, "duration of the war") {
			t.Errorf("%s: %q answers how long the war has lasted", q, ans.Answer)
		}
	}
}

// TestCountInWords: "Trillions of devices" answers how many devices.
func TestCountInWords(t *testing.T) {
	checkLead(t, "how many devices does zenda's tom hale reckon will end up hooked up to the net?", []string{
		"Zenda's chief technologist Tom Hale says the net will soon be everywhere. \"Trillions of devices will be connected to the net in ways people will not know,\" he said.",
	}, "Trillions")
}

// TestSumInAnotherCurrency: "$6.3bn (£3.4bn)" restates the question's
// sum, so the sentence giving the share price answers what shares traded at.
func TestSumInAnotherCurrency(t *testing.T) {
	checkLead(t, "what were zenda shares trading at after the report that belmar had bid $6.3bn for the company", []string{
		"Zenda shares were trading higher after the report that Belmar had bid $6.3bn (£3.4bn) for the company. In New York, shares in Zenda were up 2.4% at $20.15.",
	}, "$20.15")
}

// TestFiguresOfOtherMeasures: two figures are no dispute unless the engine
// briefings use reads them as one fact: a rate in one region and a count
// of the unemployed are not.
func TestFiguresOfOtherMeasures(t *testing.T) {
	ans, err := AnswerPassages(t.Context(), "What is Zenda's unemployment rate?", []string{
		"The brunt of the unemployment is still being felt in the eastern part of Zenda, where the rate is 18.8%.",
		"Zenda's unemployment figure rose above the psychologically important level of five million last month.",
	})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Has(answer.FlagConflict) {
		t.Errorf("%q: a conflict between a rate and a count", ans.Answer)
	}
}
