package rag

import "testing"

// TestAnchoredAnswer: a sentence stating the duration or count asked for
// in words of its own answers when another sentence of its report covers
// the question without one.
func TestAnchoredAnswer(t *testing.T) {
	// Unrelated reports give the words their weights.
	others := []string{
		"Belmar won the cup final 2-0 on Saturday, with two late goals from Tom Hale.",
		"Shares in Karvik fell 5% after the firm said profits would be lower than expected this year.",
		"The council will vote on the new budget next week, the mayor said.",
	}
	photo := "The largest digital panoramic photo in the world has been created by researchers in Zenda. " +
		"The 600 pictures were taken by a computer-controlled camera. " +
		"The huge image of Zenda was created by stitching together the single snaps of the city taken at a fixed spot. " +
		"The website showing it already has more than 200,000 visitors every day. " +
		"The stitching process was also done automatically using five powerful PCs over three days."
	checkLead(t, "how long did the computers take to stitch together that huge photo of zenda", append([]string{photo}, others...), "three days")

	aid := "Some of the web's biggest firms are helping to channel help by adding links to aid organisations on their homepages. " +
		"On its famously sparse homepage Northwind has placed a link that leads users to a list of sites where donations can be made. " +
		"Among the 17 organisations listed are Oxfam and Network for Good."
	checkLead(t, "How many organisations appear on the list of aid sites that Northwind linked from its homepage?", append([]string{aid}, others...), "17 organisations")
}

// TestCountsNoun: a figure counts the noun right after it, not one
// further on.
func TestCountsNoun(t *testing.T) {
	lex := localLexicon()
	counted := lex.tokens("organisations caps homes")
	for text, want := range map[string]bool{
		"Among the 17 organisations listed are Oxfam and Network for Good.":        true,
		"And with 27 England caps to his name, Hale is now a senior player.":       true,
		"Belmar will allow 300,000 council tenants to buy a share in their homes.": false,
	} {
		values, _ := quantityAnswer.typedValues(text, nil)
		if got := countsNoun(lex, text, values, counted); got != want {
			t.Errorf("countsNoun(%q, %q) = %v, want %v", text, values, got, want)
		}
	}
}
