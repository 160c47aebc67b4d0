package text

import "testing"

func TestStem(t *testing.T) {
	// Expected outputs from the Snowball English vocabulary/output lists.
	tests := []struct{ in, want string }{
		{"consign", "consign"}, {"consigned", "consign"}, {"consignment", "consign"},
		{"consistency", "consist"}, {"consistently", "consist"}, {"consolation", "consol"},
		{"consolatory", "consolatori"}, {"consolidate", "consolid"}, {"consolingly", "consol"},
		{"conspicuously", "conspicu"}, {"conspiracy", "conspiraci"}, {"conspirators", "conspir"},
		{"constable", "constabl"}, {"constancy", "constanc"}, {"knackeries", "knackeri"},
		{"knavish", "knavish"}, {"kneaded", "knead"}, {"knightly", "knight"}, {"knitting", "knit"},
		{"knives", "knive"}, {"knocker", "knocker"}, {"generously", "generous"},
		{"general", "general"}, {"communism", "communism"}, {"arsenal", "arsenal"},
		{"happy", "happi"}, {"cry", "cri"}, {"by", "by"}, {"say", "say"}, {"cried", "cri"},
		{"ties", "tie"}, {"caresses", "caress"}, {"running", "run"}, {"hoped", "hope"},
		{"hopping", "hop"}, {"rejected", "reject"}, {"rejection", "reject"},
		{"negotiations", "negoti"}, {"negotiate", "negoti"}, {"news", "news"},
		{"skies", "sky"}, {"dying", "die"}, {"proceed", "proceed"}, {"gas", "gas"},
		{"gaps", "gap"}, {"kiwis", "kiwi"}, {"yelling", "yell"}, {"sayings", "say"},
		{"relational", "relat"}, {"electricity", "electr"}, {"hopefulness", "hope"},
		{"o'neill's", "o'neil"}, {"façade", "façade"}, {"2024", "2024"},
	}
	for _, tt := range tests {
		if got := Stem(tt.in); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
