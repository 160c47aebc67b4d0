package disagree

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/corpus/text"
)

// timedReport is one report's text and publication time.
type timedReport struct {
	at   string // "2006-01-02T15:04", or "" when unknown
	text string
}

func readTimed(t *testing.T, reports ...timedReport) ([]*Sentence, map[int]time.Time) {
	t.Helper()
	times := make(map[int]time.Time)
	var out []*Sentence
	for i, r := range reports {
		if r.at != "" {
			tm, err := time.Parse("2006-01-02T15:04", r.at)
			if err != nil {
				t.Fatal(err)
			}
			times[i] = tm
		}
		for j, sp := range text.Sentences(r.text) {
			out = append(out, Read(i, j, r.text[sp.Start:sp.End]))
		}
	}
	return out, times
}

// ledgerLines renders entries as "status topic: value@report/step.side ...".
func ledgerLines(es []Entry) []string {
	var out []string
	for _, e := range es {
		var fs []string
		for _, f := range e.Figures {
			fs = append(fs, fmt.Sprintf("%s@%d/%d.%d", f.Value, f.Report, f.Step, f.Side))
		}
		out = append(out, fmt.Sprintf("%s %s: %s", e.Status, e.Topic, strings.Join(fs, " | ")))
	}
	return out
}

func TestLedger(t *testing.T) {
	cases := []struct {
		name    string
		reports []timedReport
		want    []string
	}{
		{"a toll that rose is an update, in time order", []timedReport{
			{"2026-03-04T14:00", "The death toll from the earthquake in western Nepal has climbed to 73, officials said on Wednesday."},
			{"2026-03-03T09:00", "At least 48 people were killed when an earthquake struck western Nepal, officials said."},
		}, []string{"updated number of people killed: At least 48 people@1/0.0 | 73@0/1.0"}},
		{"a rise without a hedge is an update", []timedReport{
			{"2026-03-03T09:00", "The flood in Porto Alegre killed 12 people, the mayor said."},
			{"2026-03-04T10:00", "The flood in Porto Alegre has killed 19 people, the mayor said."},
		}, []string{"updated number of people killed: 12 people@0/0.0 | 19 people@1/1.0"}},
		{"reports of the same time that differ are disputed", []timedReport{
			{"2026-03-03T09:00", "The flood in Porto Alegre killed 12 people, the mayor said."},
			{"2026-03-03T10:00", "The flood in Porto Alegre killed 19 people, the mayor said."},
		}, []string{"disputed number of people killed: 12 people@0/0.0 | 19 people@1/0.1"}},
		{"hedges that fit agree", []timedReport{
			{"2026-03-03T09:00", "The flood in Porto Alegre killed at least 12 people, the mayor said."},
			{"2026-03-03T11:00", "The flood in Porto Alegre killed twelve people, the mayor said."},
			{"2026-03-04T11:00", "The flood in Porto Alegre killed nearly 13 people, the mayor said."},
		}, []string{"agreed number of people killed: at least 12 people@0/0.0 | twelve people@1/0.0 | nearly 13 people@2/0.0"}},
		{"a war's length is never revised", []timedReport{
			{"2026-03-01T09:00", "The talks failed to end the Ukraine conflict that has raged for nearly three years."},
			{"2026-03-05T09:00", "No breakthrough came on a peace deal for the nearly four-year-long war in Ukraine."},
		}, []string{"disputed duration of the war: nearly three years@0/0.0 | nearly four-year-long@1/0.1"}},
		{"unknown times cannot revise", []timedReport{
			{"", "The flood in Porto Alegre killed 12 people, the mayor said."},
			{"2026-03-04T10:00", "The flood in Porto Alegre has killed 19 people, the mayor said."},
		}, []string{"disputed number of people killed: 12 people@0/0.0 | 19 people@1/0.1"}},
		{"labels use the noun as written", []timedReport{
			{"2026-03-03T09:00", "The committee in Westminster held 14 hearings on the collapse of the bank."},
			{"2026-03-03T10:00", "The committee in Westminster held 12 hearings on the collapse of the bank."},
		}, []string{"disputed number of hearings: 14 hearings@0/0.0 | 12 hearings@1/0.1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ledgerLines(Ledger(readTimed(t, c.reports...)))
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("ledger:\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestLedgerLatest(t *testing.T) {
	es := Ledger(readTimed(t,
		timedReport{"2026-03-03T09:00", "At least 48 people were killed when an earthquake struck western Nepal, officials said."},
		timedReport{"2026-03-04T14:00", "The death toll from the earthquake in western Nepal has climbed to 73, officials said on Wednesday."},
		timedReport{"2026-03-04T15:00", "The earthquake in western Nepal killed 73 people, officials said."},
	))
	if len(es) != 1 || es[0].Status != Updated {
		t.Fatalf("ledger %q, want one update", ledgerLines(es))
	}
	var latest []string
	for _, f := range es[0].Latest() {
		latest = append(latest, f.Value)
	}
	if strings.Join(latest, "|") != "73|73 people" {
		t.Errorf("Latest = %q, want the two reports of 73", latest)
	}
}

func TestLedgerCheck(t *testing.T) {
	toll := Ledger(readTimed(t,
		timedReport{"2026-03-03T09:00", "At least 48 people were killed when an earthquake struck western Nepal, officials said."},
		timedReport{"2026-03-04T14:00", "The death toll from the earthquake in western Nepal has climbed to 73, officials said on Wednesday."},
	))
	flood := Ledger(readTimed(t,
		timedReport{"2026-03-03T09:00", "The flood in Porto Alegre killed 12 people, the mayor said."},
		timedReport{"2026-03-03T10:00", "The flood in Porto Alegre killed 19 people, the mayor said."},
	))
	if len(toll) != 1 || len(flood) != 1 {
		t.Fatalf("ledgers %q %q", ledgerLines(toll), ledgerLines(flood))
	}
	cases := []struct {
		name            string
		e               Entry
		summary         string
		stale, oneSided bool
	}{
		{"old toll as current", toll[0], "The earthquake in Nepal killed at least 48 people.", true, false},
		{"latest toll", toll[0], "The earthquake in Nepal killed 73 people.", false, false},
		{"history told", toll[0], "First reports said 48 people were killed; the toll later rose to 73.", false, false},
		{"toll not stated", toll[0], "Rescuers searched collapsed homes in Nepal.", false, false},
		{"one side of a dispute", flood[0], "The flood in Porto Alegre killed 19 people.", false, true},
		{"both sides", flood[0], "The flood killed 12 people according to one outlet and 19 people according to another.", false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			stale, oneSided := c.e.Check(Read(9, 0, c.summary))
			if stale != c.stale || oneSided != c.oneSided {
				t.Errorf("Check = %v, %v; want %v, %v", stale, oneSided, c.stale, c.oneSided)
			}
		})
	}
}

// TestEntryEvent: an entry says what its quantity is of, or nothing when
// its reports name no event.
func TestEntryEvent(t *testing.T) {
	for _, tt := range []struct{ a, b, want string }{
		{"The war has raged for nearly three years.", "The war has raged for well over three years.", "war"},
		{"It went on for five hours.", "It went on for seven hours.", ""},
	} {
		es := Ledger([]*Sentence{Read(0, 0, tt.a), Read(1, 0, tt.b)}, nil)
		if len(es) != 1 || es[0].Event() != tt.want {
			t.Errorf("%q, %q: entries %+v, want one whose event is %q", tt.a, tt.b, es, tt.want)
		}
	}
}
