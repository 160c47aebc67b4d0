package disagree

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/corpus/text"
)

// readReports reads each text as one report, sentence by sentence.
func readReports(texts ...string) []*Sentence {
	var out []*Sentence
	for i, t := range texts {
		for j, sp := range text.Sentences(t) {
			out = append(out, Read(i, j, t[sp.Start:sp.End]))
		}
	}
	return out
}

func TestFindConflicts(t *testing.T) {
	cases := []struct {
		name  string
		texts []string
		// want lists "topic: value | value" per conflict; empty for none.
		want []string
	}{
		{"durations differ", []string{
			"The meeting between the two leaders in Geneva lasted five hours, officials said.",
			"The meeting between the two leaders in Geneva lasted three hours, officials said.",
		}, []string{"duration of the meeting: five hours | three hours"}},
		{"hedged duration agrees", []string{
			"Putin held a five-hour meeting with the US envoys in the Kremlin.",
			"The talks in the Kremlin lasted nearly five hours, Ushakov said.",
			"The envoys engaged in approximately five hours of direct dialogue with Putin.",
			"The Kremlin meeting with Putin went on for about 5 hours.",
		}, nil},
		{"war length", []string{
			"The talks failed to end the Ukraine conflict that has raged for nearly three years.",
			"No breakthrough came on a peace deal for the nearly four-year-long war in Ukraine.",
			"The war in Ukraine has now gone on for well over three years.",
		}, []string{"duration of the war: nearly three years | nearly four-year-long | well over three years"}},
		{"weekday of the talks differs", []string{
			"High-level talks between Russia and the United States ended late Tuesday without progress.",
			"Talks between the United States and Russia wrapped up on Wednesday with no breakthrough.",
		}, []string{"day of the meeting: Tuesday | Wednesday"}},
		{"a statement's day is not the event's day", []string{
			"The session between Putin and the US envoys ended without a breakthrough, the Kremlin confirmed on Wednesday.",
			"High-level talks between Russia and the United States ended late Tuesday without progress.",
		}, nil},
		{"different speakers on different days", []string{
			"On Monday, the White House said it was optimistic about the talks with Russia.",
			"The Kremlin said on Wednesday that the talks with the United States were useful.",
		}, nil},
		{"death toll", []string{
			"The wildfire in the hills above Chico killed at least 85 people and destroyed 13,000 homes.",
			"The wildfire near Chico killed 84 people, officials in Butte County said.",
		}, []string{"number of people killed: at least 85 people | 84 people"}},
		{"rounded counts agree", []string{
			"The Camp Fire burned more than 150,000 acres near Paradise.",
			"The Camp Fire near Paradise burned 153,336 acres, according to Cal Fire.",
		}, nil},
		{"same count in words and digits", []string{
			"Ushakov said the plan had been cut from 28 points to a smaller framework.",
			"The plan, Ushakov said, was cut down from twenty-eight points.",
		}, nil},
		{"money differs", []string{
			"The student's lawsuit against the University of Chicago demands $175,000 in damages.",
			"The lawsuit filed against the University of Chicago seeks $1.75 million in damages.",
		}, []string{"amount (USD): $175,000 | $1.75 million"}},
		{"percent written two ways", []string{
			"Mothers near a fracking site were 25 per cent more likely to have a low-weight baby, the study found.",
			"The study found mothers near fracking sites were 25% more likely to have a baby of low birth weight.",
		}, nil},
		{"an article naming two meetings is ambiguous", []string{
			"Tuesday's meeting with Putin lasted five hours; a meeting with Zelensky on Sunday lasted three hours.",
			"The meeting with Putin in Moscow lasted three hours.",
		}, nil},
		{"ages differ", []string{
			"Police said the suspect, a 45-year-old man from Leeds, was arrested at the station.",
			"The suspect, a 46-year-old man from Leeds, was arrested at the station, police said.",
		}, []string{"age: 45-year-old | 46-year-old"}},
		{"same quotation, different speakers", []string{
			"“Compromises have not yet been found,” Ushakov told reporters after the talks in Moscow.",
			"“Compromises have not yet been found,” Kremlin spokesman Dmitry Peskov said after the talks.",
		}, []string{"who said “Compromises have not yet been found,”: Ushakov | Dmitry Peskov"}},
		{"same quotation, same speaker in other words", []string{
			"“Compromises have not yet been found,” Ushakov told reporters.",
			"Yuri Ushakov said: “Compromises have not yet been found.”",
			"“Compromises have not yet been found,” he said.",
		}, nil},
		{"one office, two holders", []string{
			"Kremlin spokesman Dmitry Peskov said the talks were useful.",
			"Kremlin spokesman Yuri Ushakov said the talks were useful.",
		}, []string{"who is the kremlin spokesman: Dmitry Peskov | Yuri Ushakov"}},
		{"transliterations are one person", []string{
			"Ukrainian President Volodymyr Zelensky insisted on a lasting peace.",
			"The delegation will debrief Ukrainian President Volodymyr Zelenskyy on the talks.",
		}, nil},
		{"unqualified offices are not compared", []string{
			"President Donald Trump spoke with President Vladimir Putin.",
			"US President Donald Trump called Russian President Vladimir Putin.",
		}, nil},
		{"another meeting's length is not this meeting's", []string{
			"Putin's meeting with Witkoff in the Kremlin on Tuesday lasted five hours.",
			"Putin last met Witkoff in August, for three hours in St Petersburg.",
			"Putin's meeting with Witkoff in August lasted three hours, the Kremlin said.",
		}, nil},
		{"time points and reporting windows are not lengths", []string{
			"Police arrested 40 people in the past 24 hours, two years after the first protests in the capital.",
			"Police arrested 40 people within 48 hours, three years ago the protests in the capital began.",
		}, nil},
		{"a former or deputy office holder is not the current one", []string{
			"US President Donald Trump sent envoys to Moscow for talks on Ukraine, officials said.",
			"The talks recalled efforts by former US President Barack Obama to reset relations with Moscow.",
			"Russian Deputy Foreign Minister Sergei Ryabkov said the talks would continue.",
			"Russian Deputy Foreign Minister Alexander Grushko said the talks would continue.",
			"Chinese Vice President Han Zheng welcomed the talks.",
		}, nil},
		{"office holders with accented names are compared", []string{
			"Spanish Prime Minister Pedro Sánchez visited the burned villages on Monday.",
			"Spanish Prime Minister Mariano Rajoy visited the burned villages on Monday.",
		}, []string{"who is the spanish prime minister: Pedro Sánchez | Mariano Rajoy"}},
		{"speakers with accented names are compared", []string{
			"“We will never accept this humiliating peace plan,” Sánchez said on Monday.",
			"“We will never accept this humiliating peace plan,” Rajoy said on Monday.",
		}, []string{"who said “We will never accept this humiliating peace plan,”: Sánchez | Rajoy"}},
		{"years are not counts", []string{
			"Simpson was jailed for a 2007 armed robbery in Las Vegas.",
			"Simpson was convicted over the 2008 robbery in Las Vegas.",
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, cf := range Find(readReports(c.texts...)) {
				var vals []string
				for _, cl := range cf.Claims {
					vals = append(vals, cl.Value)
				}
				got = append(got, cf.Topic+": "+strings.Join(vals, " | "))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("conflicts:\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestShippedCorpusDisagreements(t *testing.T) {
	arts, errs := corpus.LoadFS(corpus.Shipped)
	if len(errs) > 0 || len(arts) != 5 {
		t.Fatalf("load shipped corpus: %d articles, errors %v", len(arts), errs)
	}
	var texts []string
	for _, a := range arts {
		texts = append(texts, a.Text)
	}
	got := Find(readReports(texts...))
	// The outlets agree that the meeting lasted (about) five hours and took
	// place on Tuesday 2 December; they differ on how long the war has
	// lasted: "nearly three years" (000) against "nearly four-year-long"
	// (001) and "well over three years" (002).
	if len(got) != 1 {
		for _, c := range got {
			t.Logf("%s: %v", c.Topic, c.Claims)
		}
		t.Fatalf("%d conflicts, want exactly the length of the war", len(got))
	}
	if got[0].Topic != "duration of the war" || len(got[0].Claims) != 3 {
		t.Fatalf("conflict %q with %d claims, want duration of the war with 3", got[0].Topic, len(got[0].Claims))
	}
}

func TestClash(t *testing.T) {
	cases := []struct {
		name string
		a, b string
		want bool
	}{
		{"lengths differ",
			"The meeting between the two leaders in Geneva lasted five hours, officials said.",
			"The meeting between the two leaders in Geneva lasted three hours, officials said.", true},
		{"a hedge agrees",
			"The talks in the Kremlin with Putin lasted nearly five hours.",
			"Putin held five hours of talks in the Kremlin.", false},
		{"another meeting",
			"Putin's meeting with Witkoff in the Kremlin on Tuesday lasted five hours.",
			"Putin's meeting with Witkoff in August lasted three hours, the Kremlin said.", false},
		{"no values",
			"The talks ended without a breakthrough.",
			"Both sides called the talks useful.", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, b := Read(0, 0, c.a), Read(1, 0, c.b)
			if got := Clash(a, b); got != c.want {
				t.Errorf("Clash = %v, want %v", got, c.want)
			}
			if got := Clash(b, a); got != c.want {
				t.Errorf("Clash reversed = %v, want %v", got, c.want)
			}
		})
	}
}

// A conflict's claims point back at the sentences that state them, by the
// Report and Index given to Read.
func TestFindClaimsPointAtSentences(t *testing.T) {
	got := Find([]*Sentence{
		Read(7, 0, "Officials met in Geneva."),
		Read(7, 3, "The meeting between the two leaders in Geneva lasted five hours, officials said."),
		Read(2, 5, "The meeting between the two leaders in Geneva lasted three hours, officials said."),
	})
	if len(got) != 1 {
		t.Fatalf("%d conflicts, want 1: %+v", len(got), got)
	}
	want := []Claim{{Report: 2, Index: 5, Value: "three hours"}, {Report: 7, Index: 3, Value: "five hours"}}
	if fmt.Sprint(got[0].Claims) != fmt.Sprint(want) {
		t.Errorf("claims %+v, want %+v", got[0].Claims, want)
	}
}
