package prompts

import (
	"slices"
	"strings"
	"testing"
)

// words counts one token per word, so budgets in tests are easy to read.
func words(s string) int { return len(strings.Fields(s)) }

func TestPack(t *testing.T) {
	p := func(n int, text string) Passage { return Passage{N: n, Text: text} }
	cost := func(text string) int { return words(text) + passageOverhead }
	a := p(1, "One two three. Four five six.")            // 6 words
	b := p(2, "Seven eight nine ten.")                    // 4 words
	c := p(3, "Eleven twelve thirteen fourteen fifteen.") // 5 words
	tests := []struct {
		name   string
		in     []Passage
		budget int
		want   []Passage
	}{
		{"all fit", []Passage{a, b, c}, cost(a.Text) + cost(b.Text) + cost(c.Text), []Passage{a, b, c}},
		{"weakest dropped first", []Passage{a, b, c}, cost(a.Text) + cost(b.Text) + 3, []Passage{a, b}},
		{"no skipping ahead to a smaller one", []Passage{a, c, b}, cost(a.Text) + cost(b.Text), []Passage{a}},
		{"first passage cut at a sentence", []Passage{a, b}, passageOverhead + 4, []Passage{p(1, "One two three.")}},
		{"not even one sentence", []Passage{a}, passageOverhead + 2, []Passage{}},
		{"empty", nil, 100, []Passage{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Pack(tt.in, tt.budget, words)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Pack = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestPackNeverCutsMidSentence(t *testing.T) {
	text := `Mr. Smith met Dr. Jones in the U.S. capital on Jan. 5. "We agreed," he said. Talks end Friday! Why? Nobody knows…`
	// Every sentence boundary, and nothing else, is a place to cut; as the
	// budget grows each of them is reached in turn, then the whole text.
	want := []string{
		`Mr. Smith met Dr. Jones in the U.S. capital on Jan. 5.`,
		`Mr. Smith met Dr. Jones in the U.S. capital on Jan. 5. "We agreed," he said.`,
		`Mr. Smith met Dr. Jones in the U.S. capital on Jan. 5. "We agreed," he said. Talks end Friday!`,
		`Mr. Smith met Dr. Jones in the U.S. capital on Jan. 5. "We agreed," he said. Talks end Friday! Why?`,
		text,
	}
	var seen []string
	for budget := passageOverhead; budget < passageOverhead+40; budget++ {
		got := Pack([]Passage{{N: 1, Text: text}}, budget, words)
		if len(got) == 0 {
			continue
		}
		cut := got[0].Text
		if !strings.HasPrefix(text, cut) {
			t.Fatalf("budget %d: %q is not a prefix", budget, cut)
		}
		if !slices.Contains(want, cut) {
			t.Errorf("budget %d: cut mid-sentence: %q", budget, cut)
		}
		if !slices.Contains(seen, cut) {
			seen = append(seen, cut)
		}
	}
	if !slices.Equal(seen, want) {
		t.Errorf("growing budgets gave the cuts\n%q\nwant\n%q", seen, want)
	}
}

func TestPackAnswerLeavesRoomForThePrompt(t *testing.T) {
	d := AnswerData{Question: "What happened?", Passages: samplePassages}
	sys, _ := AnswerSystem(AnswerData{})
	user, _ := AnswerUser(AnswerData{Question: d.Question})
	fixed := EstimateTokens(sys) + EstimateTokens(user)
	one := PassageTokens(samplePassages[0], nil)
	got, err := PackAnswer(d, fixed+one, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Passages) != 1 || got.Passages[0].N != 1 {
		t.Errorf("packed %d passages, want just the first", len(got.Passages))
	}
}

func TestEstimateTokens(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0}, {"abcd", 1}, {"abcde", 2}, {"Путин", 3}, {strings.Repeat("a", 400), 100},
	}
	for _, tt := range tests {
		if got := EstimateTokens(tt.in); got != tt.want {
			t.Errorf("EstimateTokens(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestPackAnswerDropsAConflictItCannotCite(t *testing.T) {
	long := Passage{N: 2, Title: "t", Source: "s", Text: strings.Repeat("Filler words fill the passage. ", 200) + "Fifteen delegations attended."}
	d := AnswerData{
		Question: "How many delegations attended?",
		Passages: []Passage{{N: 1, Title: "t", Source: "s", Text: "Twelve delegations attended."}, long},
		Conflict: &Conflict{Sides: []ConflictSide{{N: 1, Quote: "Twelve delegations attended."}, {N: 2, Quote: "Fifteen delegations attended."}}},
	}
	for _, tt := range []struct {
		budget int
		keep   bool
	}{{100000, true}, {1200, false}} {
		got, err := PackAnswer(d, tt.budget, nil)
		if err != nil {
			t.Fatal(err)
		}
		if (got.Conflict != nil) != tt.keep {
			t.Errorf("budget %d: %d passages, conflict kept %v, want %v", tt.budget, len(got.Passages), got.Conflict != nil, tt.keep)
		}
	}
}
