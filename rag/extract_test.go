package rag

import "testing"

// TestNamedSubject: a name opening a sentence that covers most of a
// who-question answers it, though the sentence says the relation in other
// words; a name the question gives, a dateline, or a sentence covering
// little of the question does not.
func TestNamedSubject(t *testing.T) {
	question := questionWords("Which investment bank was handling the books on Zenda Air's $1bn share flotation?")
	for _, tt := range []struct {
		text   string
		value  string
		stable float64
		want   bool
	}{
		{"Tallis Brandt are sole bookrunners for Zenda Air's $1bn flotation.", "Tallis Brandt", 0.64, true},
		{"Tallis Brandt are sole bookrunners for Zenda Air's $1bn flotation.", "Tallis Brandt", 0.3, false},
		{"Zenda Air chief Tom Hale said the flotation would raise $1bn.", "Zenda Air", 0.64, false},
		{"BELMAR, Zenda — The $1bn flotation of Zenda Air shares was delayed.", "BELMAR", 0.64, false},
		{"The bank said the $1bn flotation of Zenda Air shares was delayed, Tallis Brandt said.", "Tallis Brandt", 0.64, false},
	} {
		c := candidate{text: tt.text, values: []string{tt.value}, stable: tt.stable}
		if got := namedSubject(c, question); got != tt.want {
			t.Errorf("namedSubject(%q, %q, %.2f) = %v, want %v", tt.text, tt.value, tt.stable, got, tt.want)
		}
	}
	checkLead(t, "Which judge is presiding over Tom Hale's fraud trial?", []string{
		"Former Zendacom boss Tom Hale is currently on trial, accused of overseeing an $11bn fraud.",
	}, "")
}
