package rag

import "testing"

// TestAnotherAward: "Best Supporting Actor" is not the Best Actor asked
// about, nor a video director the director; a sentence naming the award
// asked about answers.
func TestAnotherAward(t *testing.T) {
	question := "Which actor won Best Actor at the 92nd Zenda Awards Ceremony?"
	other := "With another winning speech at the 92nd Zenda Awards, Hale's Best Supporting Actor win for Northwind saw a swing at the ..."
	checkLead(t, question, []string{other}, "")
	checkLead(t, question, []string{other, "Ana Ruiz won Best Actor at the 92nd Zenda Awards for her role in Belmar."}, "Ana Ruiz")
	// A video director is not the film's director.
	checkLead(t, "Who is the director of the film Northwind?", []string{"Belmar pays tribute to Northwind video director Tom Hale, who died on Sunday."}, "")

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
		{"Which actor took the best supporting actor prize?", "Eastwood took the best director prize while Swank was best actress.", true},
		{"Which actor took the best supporting actor prize?", "Hale, best known for Northwind, took the prize.", false},
		{"Which actor won Best Actor?", "After Pitt's Best Supporting Actor win, Phoenix won Best Actor.", false},
	} {
		if got := awardClash(tt.question, tt.sentence); got != tt.want {
			t.Errorf("awardClash(%q, %q) = %v, want %v", tt.question, tt.sentence, got, tt.want)
		}
	}
}

func TestRoleClash(t *testing.T) {
	for _, tt := range []struct {
		question, sentence string
		want               bool
	}{
		{"Who is the director of Northwind?", "Belmar pays tribute to Northwind video director Tom Hale.", true},
		{"Who is the director of Northwind?", "Northwind, directed by Ana Ruiz, opened on Friday.", false},
		{"Who is the director of Northwind?", "The art director Tom Hale worked with director Ana Ruiz on Northwind.", false},
		{"Who is the deputy director of Northwind?", "Northwind's deputy director Tom Hale resigned.", false},
		{"Who is the president of Zenda?", "Zenda's vice president Tom Hale spoke.", true},
	} {
		if got := roleClash(tt.question, tt.sentence); got != tt.want {
			t.Errorf("roleClash(%q, %q) = %v, want %v", tt.question, tt.sentence, got, tt.want)
		}
	}
}
