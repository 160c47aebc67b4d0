package rag

import "testing"

// TestAnotherAward: "Best Supporting Actor" is not the Best Actor asked
// about; a sentence naming the award asked about answers.
func TestAnotherAward(t *testing.T) {
	question := "Which actor won Best Actor at the 92nd Zenda Awards Ceremony?"
	other := "With another winning speech at the 92nd Zenda Awards, Hale's Best Supporting Actor win for Northwind saw a swing at the ..."
	checkLead(t, question, []string{other}, "")
	checkLead(t, question, []string{other, "Ana Ruiz won Best Actor at the 92nd Zenda Awards for her role in Belmar."}, "Ana Ruiz")
}

func TestAwardClash(t *testing.T) {
	for _, tt := range []struct {
		question, sentence string
		want               bool
	}{
		{"Which actor won Best Actor?", "Pitt's Best Supporting Actor win was expected.", true},
		{"who got best actress at the indie spirit awards", "Moreno took best actress for her role.", false},
		{"who got best actress at the indie spirit awards", "Madsen won best supporting actress.", true},
		{"Who did the critics name best actor?", "It won best film and best actor for Paul Giamatti.", false},
		{"Who won best new artist?", "She was named best new female artist.", true},
		{"Who won best new artist?", "The show was a hit.", false},
		{"Who won the race?", "She was named best supporting actress.", false},
		{"Which actor won Best Actor?", "After Pitt's Best Supporting Actor win, Phoenix won Best Actor.", false},
	} {
		if got := awardClash(tt.question, tt.sentence); got != tt.want {
			t.Errorf("awardClash(%q, %q) = %v, want %v", tt.question, tt.sentence, got, tt.want)
		}
	}
}
