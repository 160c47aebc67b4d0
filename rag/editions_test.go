package rag

import "testing"

// TestEditionClash: a sentence that numbers the question's season or
// edition otherwise is about another one; one that numbers it alike, or
// not at all, is not.
func TestEditionClash(t *testing.T) {
	tests := []struct {
		question, sentence string
		want               bool
	}{
		{"When will the first season of Harbour Lights premiere?", "The tenth and final season of Harbour Lights premiered on February 26.", true},
		{"When will the first season of Harbour Lights premiere?", "Season 1 of Harbour Lights premieres on September 23.", false},
		{"When does season 4 of Harbour Lights premiere?", "The fourth season of Harbour Lights premieres Nov. 15.", false},
		{"When does season 4 of Harbour Lights premiere?", "Harbour Lights season 3 premiered last year.", true},
		{"Who won Best Director at the 93rd Academy Awards?", "She won Best Director at the 92nd Academy Awards.", true},
		{"Who won Best Director at the 93rd Academy Awards?", "She won Best Director on Sunday.", false},
		{"Who won the final in 2030?", "The season 3 final drew 4 million viewers.", false},
		{"When was Starfall 2 released?", "Starfall 1 came out in 2028 and is still played.", true},
		{"When was Starfall 2 released?", "Starfall 2 was released on May 3, 2031.", false},
		{"What happened on December 2?", "On December 9 the talks resumed.", false},
	}
	for _, tt := range tests {
		if got := editionClash(tt.sentence, editions(tt.question)); got != tt.want {
			t.Errorf("%q / %q: editionClash = %v, want %v", tt.question, tt.sentence, got, tt.want)
		}
	}
}

// TestSequelClash: a sentence that numbers the question's title as a
// sequel the question does not name is about another title.
func TestSequelClash(t *testing.T) {
	for _, tt := range []struct {
		question, sentence string
		want               bool
	}{
		{"When was Starfall Odyssey released?", "If Starfall Odyssey 2 does come out, it will be in 2031.", true},
		{"When was Starfall Odyssey released?", "Starfall Odyssey was released on May 3, 2029.", false},
		{"When was Starfall Odyssey 2 released?", "Starfall Odyssey 2 was released on May 3, 2031.", false},
		{"Who did Zenda beat in the final?", "Zenda 2-1 Belmar: the hosts won the final.", false},
		{"Who did Zenda beat in the final?", "Zenda won 2 titles in the year.", false},
		{"How many Academy voters had to return the ballots?", "The 5,808 Academy voters had to return the ballots.", false},
		{"When was Starfall Odyssey released?", "Starfall Odyssey 2, the sequel, came out in 2031.", true},
		// Asked which one, the number is the answer.
		{"Which Sakhalin field had Exxon signed agreements to develop?", "Exxon has signed agreements to develop the Sakhalin 3 field.", false},
		{"What Starfall Odyssey game came out in 2031?", "Starfall Odyssey 2 came out in 2031.", false},
	} {
		if got := sequelClash(tt.sentence, tt.question); got != tt.want {
			t.Errorf("%q / %q: sequelClash = %v, want %v", tt.question, tt.sentence, got, tt.want)
		}
	}
}

// TestEditionLeftOut: a passage that leaves the question's edition number
// out may answer; one that numbers it otherwise may not.
func TestEditionLeftOut(t *testing.T) {
	q := "What is the premiere date of Harbour Lights season 17?"
	checkLead(t, q, []string{
		"Harbour Lights will return to screens this autumn. The new season premieres on Thursday, November 12, 2030, with a two-hour episode.",
	}, "November 12, 2030")
	checkLead(t, q, []string{
		"Harbour Lights season 16 premiered on Thursday, November 14, 2029, with a two-hour episode.",
	}, "")
}

// TestYearClash: a sentence naming only other years is about another
// edition; a time of day written as four digits, or a year compared
// with, names no year of the sentence's.
func TestYearClash(t *testing.T) {
	for _, tt := range []struct {
		sentence string
		want     bool
	}{
		{"The 2004 ceremony was hosted by Ana Ruiz.", true},
		{"The 2005 ceremony was hosted by Ana Ruiz.", false},
		{"Hosted by Ana Ruiz, the ceremony will be broadcast at 2010 GMT.", false},
		{"The ceremony was hosted by Ana Ruiz.", false},
		// A year a figure is compared with is not when it is.
		{"Fourth-quarter losses at Zenda totalled $345m, up from $66m during the same period in 2004.", false},
		{"Prices would rise 0.1% next year, the first gain since 2001.", false},
		{"Losses rose to $345m in 2004, more than in 2003.", true},
	} {
		if got := yearClash(tt.sentence, []string{"2005"}); got != tt.want {
			t.Errorf("yearClash(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}
