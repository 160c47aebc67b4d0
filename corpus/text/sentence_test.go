package text

import (
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"simple", "One thing. Two things! Three?", []string{"One thing.", "Two things!", "Three?"}},
		{"abbreviation", "The U.S. envoy met Mr. Putin. They talked.", []string{"The U.S. envoy met Mr. Putin.", "They talked."}},
		{"quote", `He said “no deal.” Then he left.`, []string{`He said “no deal.”`, "Then he left."}},
		{"lowercase continues", "It was 5 p.m. in Moscow. Late.", []string{"It was 5 p.m. in Moscow.", "Late."}},
		{"newline", "Headline without stop\nBody text here.", []string{"Headline without stop", "Body text here."}},
		{"decimal", "Growth was 2.5 percent. Fine.", []string{"Growth was 2.5 percent.", "Fine."}},
		{"initial", "Written by J. Smith. Done.", []string{"Written by J. Smith.", "Done."}},
		{"empty", "  \n ", nil},
		{"cjk", "会谈结束了。没有达成协议！", []string{"会谈结束了。", "没有达成协议！"}},
		{"dotted initialism", "Talks in the U.S.A. Today they end.", []string{"Talks in the U.S.A. Today they end."}},
		{"date abbreviation before a digit", "Mr. Smith met Dr. Jones on Jan. 5. They agreed.", []string{"Mr. Smith met Dr. Jones on Jan. 5.", "They agreed."}},
		{"quoted abbreviation", "He wrote ‘Gen. Smith’ on it. Fine.", []string{"He wrote ‘Gen. Smith’ on it.", "Fine."}},
		{"ranks and places", "Maj. Kovalenko flew past Mt. Elbrus at 9,000 ft. Nobody saw him.", []string{"Maj. Kovalenko flew past Mt. Elbrus at 9,000 ft. Nobody saw him."}},
		{"no words yet", "... Then it ended. Fine.", []string{"... Then it ended.", "Fine."}},
		{"guillemets and brackets", "He said «never.» (Then he left.) Done.", []string{"He said «never.»", "(Then he left.)", "Done."}},
		{"ellipsis", "Nobody knows… Why? Because.", []string{"Nobody knows…", "Why?", "Because."}},
		{"no space after", "U.S.-led talks. Yahoo!News reported it.", []string{"U.S.-led talks.", "Yahoo!News reported it."}},
		{"trailing terminators and blanks", "  Really?!  \r\n", []string{"Really?!"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Sentences(tt.text) {
				got = append(got, tt.text[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"One. Two!", "Mr. X met U.S. envoys.\nNext…", "会谈结束了。", "... A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, sp := range Sentences(s) {
			if sp.Start < last || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("Sentences(%q): bad span %+v after %d", s, sp, last)
			}
			if strings.Trim(s[sp.Start:sp.End], " \t\r\n") != s[sp.Start:sp.End] {
				t.Fatalf("Sentences(%q): span %+v not trimmed", s, sp)
			}
			last = sp.End
		}
	})
}
