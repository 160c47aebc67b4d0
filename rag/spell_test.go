package rag

import (
	"testing"
	"unicode/utf8"

	"github.com/newsbot/newsbot/rag/localembed"
)

func TestRespell(t *testing.T) {
	articles := map[string]int{}
	for _, w := range []string{"secretary", "address", "points", "zelensky", "camouflage", "anti", "virus", "ukrainian", "realize", "characterized"} {
		articles[localembed.Tokens(w)[0]] = 3
	}
	docs := func(stem string) int { return articles[stem] }
	tests := []struct{ in, want string }{
		{"whos the white house press secratary", "who is the white house press secretary"},
		{"wat was putin wearing in that tv adress", "what was putin wearing in that tv address"},
		{"how many pionts did the plan have", "how many points did the plan have"},
		{"what did zelenksy say", "what did zelensky say"},
		{"what did the press sec say abt the mtg w the ukrainians", "what did the press secretary say about the meeting with the ukrainians"},
		{"how did the convo go", "how did the talks go"},
		{"how'd trump sum up the situation", "how did trump sum up the situation"},
		{"how many points do they reckon it’ll have, whats the max fine", "how many points do they reckon it will have, what is the maximum fine"},
		{"did Kushner’s aide say they'll meet", "did Kushner’s aide say they will meet"},
		{"how much wud the govt's scheme cost", "how much would the government's scheme cost"},
		{"us guarantees for ukr would stop short of what", "us guarantees for ukraine would stop short of what"},
		{"what did putin say russia wuld be", "what did putin say russia would be"},
		// A letter standing alone for a word; "r&d" is no "are".
		{"where did the us n ukraine teams meet", "where did the us and ukraine teams meet"},
		{"r the talks over", "are the talks over"},
		{"how much was spent on r&d", "how much was spent on r&d"},
		// Chat contractions, abbreviations, dropped g's and spellings
		// with digits or a slash.
		{"y didnt ushakov give any details", "why did not ushakov give any details"},
		{"wat doc were they discussin for 5 hrs", "what document were they discussing for 5 hours"},
		{"who was the wh press sec b4 the trip", "who was the white house press secretary before the trip"},
		{"what got decided w/o ukraine, w/ the us", "what got decided without ukraine, with the us"},
		{"y is he even doin this", "why is he even doing this"},
		{"what happened b4 w/o them", "what happened before without them"},
		{"how much did latam exports to china grow", "how much did latin america exports to china grow"},
		{"how much did applications to scottish unis go up", "how much did applications to scottish universities go up"},
		{"who was the journo who said wifi was slow", "who was the journalist who said wi-fi was slow"},
		{"who starts vs the netherlands this wknd", "who starts against the netherlands this weekend"},
		{"did the kremlin hint at econ stuff w the execs", "did the kremlin hint at economic stuff with the executives"},
		{"wich region is the obstacle", "which region is the obstacle"},
		{"how many did it have originaly", "how many did it have originally"},
		// Typed too fast, or without the apostrophe.
		{"when does ruiz reckon itll hit teh target", "when does ruiz reckon it will hit the target"},
		{"what odds did they give her to win celeb big brother", "what odds did they give her to win celebrity big brother"},
		{"so what % of bondholders took the deal", "so what percent of bondholders took the deal"},
		// A rare variant English knows is mended to the articles' spelling.
		{"whos the ukranian negotiator", "who is the ukrainian negotiator"},
		{"did they realise it", "did they realize it"},
		// A British -ise is the articles' -ize, not any word one edit away.
		{"how did ruiz characterise the talks", "how did ruiz characterize the talks"},
		// A word closed up that the articles hyphenate is split, not
		// mended to a neighbour ("antiviral").
		{"which antivirus firm was bought", "which anti virus firm was bought"},
		// Words the articles or English know, names written in capitals,
		// short words and chat words read later are kept.
		{"Is Zelenksy gonna talk to Kushnerr?", "Is Zelenksy gonna talk to Kushnerr?"},
		{"did the talks stall", "did the talks stall"},
		{"what did qwxzyv say", "what did qwxzyv say"},
	}
	for _, tt := range tests {
		if got := respell(tt.in, docs); got != tt.want {
			t.Errorf("respell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTyposAreRead: a question with typos and chat spellings is answered
// as if spelt right, and the answer shows it as asked.
func TestTyposAreRead(t *testing.T) {
	q := "wat was the presdent wearing in his tv adress"
	passages := []string{
		"The talks came a day after the president appeared in military-style camouflage during a televised address.",
		"The president met the envoys for five hours at the palace.",
	}
	ans, err := AnswerPassages(t.Context(), q, passages)
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || ans.Question != q || len(ans.Citations) == 0 || ans.Citations[0].Quote != passages[0] {
		t.Errorf("answer %+v, want the camouflage sentence for the question as asked", ans)
	}
}

// FuzzRespell: any question is mended without a panic, and valid UTF-8
// stays valid.
func FuzzRespell(f *testing.F) {
	for _, s := range []string{"whos the press secratary", "Zelenksy’s adress – wat?", "ünïcödé wörds", "a\x00b", ""} {
		f.Add(s)
	}
	docs := func(stem string) int { return len(stem) % 2 }
	f.Fuzz(func(t *testing.T, q string) {
		got := respell(q, docs)
		if utf8.ValidString(q) && !utf8.ValidString(got) {
			t.Fatalf("respell(%q) = %q: not valid UTF-8", q, got)
		}
	})
}
