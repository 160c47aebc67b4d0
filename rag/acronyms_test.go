package rag

import (
	"slices"
	"testing"
)

// TestSpells: a name spelled out in capitalised words has the initials of
// those words, connectors aside; initials written as a word are matched
// as they are.
func TestSpells(t *testing.T) {
	for _, tt := range []struct {
		initials, sentence string
		want               bool
	}{
		{"rdif", "Russian Direct Investment Fund CEO Kofi Brandt spoke.", true},
		{"ons", "Prices rose, the Office for National Statistics said.", true},
		{"ons", "Prices rose, the ONS said of the Office for National Statistics figures.", false},
		{"rdif", "Russian Direct Investment, a fund, spoke.", false},
		{"mda", "The Mobile Data Association said.", true},
		{"foi", "Thousands of bodies are ill-prepared for the Freedom of Information Act.", true},
		{"fi", "Thousands of bodies are ill-prepared for the Freedom of Information Act.", true},
	} {
		if got := spells(tt.initials, []string{tt.sentence}); got != tt.want {
			t.Errorf("spells(%q, %q) = %v, want %v", tt.initials, tt.sentence, got, tt.want)
		}
	}
	names := initialed(localLexicon(), "How many Community Support Officers will Zenda hire?")
	if got := initialsIn("There are about 3,500 CSOs in Zenda.", names); !slices.Equal(got, localLexicon().tokens("Community Support Officers")) {
		t.Errorf("initialsIn = %q", got)
	}
	names = initialed(localLexicon(), "Who is the director of the UK Internet Forum?")
	if got := initialsIn("Tom Hale, director of UKIF, said so.", names); !slices.Equal(got, localLexicon().tokens("UK Internet Forum")) {
		t.Errorf("initialsIn = %q, want the UK Internet Forum", got)
	}
	names = initialed(localLexicon(), "What does Zenda City still owe Paris Saint-Germain?")
	if got := initialsIn("The club still owe French club PSG £5m.", names); !slices.Equal(got, localLexicon().tokens("Paris Saint-Germain")) {
		t.Errorf("initialsIn = %q, want Paris Saint-Germain", got)
	}
}

// TestInitials: a question naming something by its initials is answered
// by a report that spells it out, and the other way round.
func TestInitials(t *testing.T) {
	checkLead(t, "Who is the director of the ZK Internet Forum?", []string{
		"But the ZK Internet Forum (ZKIF) is concerned that the system will let scammers create fake sites more easily. " +
			"Registering names that look like those of real firms could become a whole lot easier for determined scammers, says Tom Hale, director of ZKIF.",
	}, "Tom Hale")
	checkLead(t, "Kofi Brandt runs the ZDIF, but what other official role does he have for Ana Ruiz?", []string{
		"Also at the talks was Zendan Direct Investment Fund chief Kofi Brandt, who serves as Ana Ruiz's special representative for investment and economic cooperation.",
		"Ana Ruiz met Tom Hale for five hours on Tuesday.",
	}, "special representative")
	checkLead(t, "How many Community Support Officers does the Zendan government intend to have on the streets by 2031?", []string{
		"There are about 3,500 CSOs in Zenda but the Zendan government intends to have 25,000 on the streets by 2031 at a cost of £50m.",
	}, "25,000")
}

// TestLowerCaseInitials: initials typed in lower case name what the
// reports spell out.
func TestLowerCaseInitials(t *testing.T) {
	checkLead(t, "how many public bodies does the zoi act even cover", []string{
		"The Zenda Office of Information Act comes into force next month. " +
			"Ministers say the new law will cover England and Wales. " +
			"It provides a right of access to information held by about 100,000 public bodies.",
		"Public bodies across Belmar are to get new guidance on staff pay this year.",
	}, "100,000")
}
